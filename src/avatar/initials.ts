/** What an avatar without a picture shows: initials from the name, on a colour from the user id. */

// Controls, format characters (bidi, zero-width, tags) and unassigned code points: nothing to show.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Cs}]/gu;
// A grapheme worth an initial: it holds a letter, a digit, a pictograph or a flag.
const SHOWABLE = /[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
// Combining marks past the second: a pile of them only smears the circle.
const MARK_PILES = /(\p{M}{2})\p{M}+/gu;

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

function graphemes(word: string): string[] {
  return segmenter ? Array.from(segmenter.segment(word), (part) => part.segment) : Array.from(word);
}

function initialOf(word: string): string {
  const grapheme = graphemes(word).find((part) => SHOWABLE.test(part));
  return grapheme ? grapheme.replace(MARK_PILES, '$1').toUpperCase() : '';
}

/**
 * Up to two initials: of the first word and of the last, by grapheme ("Zoë Ångström" → "ZÅ",
 * "山田太郎" → "山"). Invisible characters are dropped; '' when nothing showable is left.
 */
export function initials(name: string): string {
  const words = name.replace(INVISIBLE, '').split(/\s+/u).filter((word) => SHOWABLE.test(word));
  if (words.length === 0) return '';
  const first = initialOf(words[0]);
  return words.length === 1 ? first : first + initialOf(words[words.length - 1]);
}

/**
 * Sixteen hues, each as light as it can be while white text on it keeps a contrast of at least
 * 4.5:1 (4.6 computed), in light and dark themes alike.
 */
const PALETTE = ['#d92626', '#ae6132', '#8d7019', '#707b24', '#4c8217', '#328426', '#188633', '#268461', '#178282', '#317ba8', '#2653d9', '#4b39c6', '#8026d9', '#b439c6', '#d225a7', '#c6396e'];

/** FNV-1a: a fast, well-spread 32-bit hash, so neighbouring ids get unrelated colours. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** The avatar colour of a user id, as `#rrggbb`: the same id gets the same colour everywhere. */
export function avatarColor(userId: string): string {
  return PALETTE[hash(userId) % PALETTE.length];
}
