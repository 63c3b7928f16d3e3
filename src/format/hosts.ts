/**
 * Hosts as people should read them. An internationalised host is shown in Unicode only when it
 * cannot pass for another one; otherwise in punycode (`xn--…`), as browsers do in their address
 * bar (a simplified form of Chromium's IDN display policy and of UTS #39's "highly restrictive"
 * level).
 */

// The scripts a label may be written in. A letter of none of them counts as one "other" script.
const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Devanagari', 'Bengali',
  'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao',
  'Tibetan', 'Myanmar', 'Georgian', 'Hangul', 'Ethiopic', 'Cherokee', 'Khmer', 'Mongolian', 'Hiragana',
  'Katakana', 'Bopomofo', 'Han',
].map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const);

const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;

// Scripts that are written together: Japanese and Korean mix Han with their own scripts.
const COMPATIBLE = [new Set(['Han', 'Hiragana', 'Katakana']), new Set(['Han', 'Hangul']), new Set(['Han', 'Bopomofo'])];

// Letters of other scripts that look like Latin ones: a label made of these alone (`аррӏе`, all
// Cyrillic) passes for a Latin one.
const LATIN_LOOKALIKES: Readonly<Record<string, RegExp>> = {
  Cyrillic: /^[асԁеһіјӏорԛѕԝхуүъьҽпгѵѡвкмнт]+$/u,
  Greek: /^[αικνορτυχγε]+$/u,
  Armenian: /^[ագզհոսւօ]+$/u,
};

// What a label shown in Unicode may hold: letters, marks and digits, joined by hyphens. No
// punctuation or symbol of another look: `⁄` (U+2044) passes for a slash in `paypal.com⁄x.evil`.
const LABEL_CHARACTERS = /^[\p{L}\p{M}\p{Nd}-]+$/u;

function scriptOf(char: string): string | undefined {
  if (NEUTRAL.test(char)) return undefined;
  return SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'other';
}

function scriptsOf(label: string): Set<string> {
  const scripts = new Set<string>();
  for (const char of label) {
    const script = scriptOf(char);
    if (script) scripts.add(script);
  }
  return scripts;
}

function isSingleScript(scripts: Set<string>): boolean {
  return scripts.size <= 1 || COMPATIBLE.some((allowed) => [...scripts].every((script) => allowed.has(script)));
}

/** Whether the Unicode label may be shown as it is, in a host whose last label is `tld`. */
function isShowable(label: string, tld: string): boolean {
  if (!LABEL_CHARACTERS.test(label)) return false;
  const scripts = scriptsOf(label);
  if (!isSingleScript(scripts)) return false;
  const [script] = scripts;
  const lookalikes = script === undefined ? undefined : LATIN_LOOKALIKES[script];
  if (!lookalikes) return true;
  // A label of look-alikes only is fine under a top-level domain of its own script (`.рф`).
  const letters = label.replace(/[\p{Nd}-]/gu, '');
  return !lookalikes.test(letters) || scriptsOf(tld).has(script);
}

/**
 * How to show a host: `asciiHost` is the URL parser's (`url.hostname`, with `xn--` labels for
 * Unicode ones); `typed` is how the sender wrote it. The sender's Unicode spelling is shown when
 * it is exactly that host and every label is in one script (no Latin `p` beside a Cyrillic `а`),
 * made of letters and digits only, and not a label of Latin look-alikes; otherwise the punycode.
 */
export function hostForDisplay(asciiHost: string, typed: string): string {
  if (!/(^|\.)xn--/i.test(asciiHost)) return asciiHost;
  const unicode = typed.normalize('NFC').toLowerCase().replace(/\.$/, '');
  const labels = unicode.split('.');
  if (!labels.every((label) => isShowable(label, labels[labels.length - 1]))) return asciiHost;
  try {
    return new URL(`http://${unicode}/`).hostname === asciiHost.replace(/\.$/, '') ? unicode : asciiHost;
  } catch {
    return asciiHost;
  }
}
