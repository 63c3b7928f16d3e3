/**
 * What a reader actually sees of a string: bidi controls that reorder what follows them, and
 * characters that draw nothing, are how a name or a link passes for something else.
 */

// Embeddings, overrides and isolates: in a file name they disguise its extension
// (`invoice\u202egpj.exe` reads "invoiceexe.jpg"); before a link they reverse it.
const EMBEDDINGS = /[\u202a-\u202e\u2066-\u2069]/g;
// The same and the three directional marks, which can still move a link's `/` and `.` about.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// Characters that draw nothing on their own: white space and separators, controls and format
// characters (zero-width space and joiners, bidi controls, tags, the soft hyphen), combining marks
// with no letter to sit on, variation selectors, the Hangul fillers and the blank Braille pattern.
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Z}\p{Mn}\p{Me}\u115f\u1160\u3164\uffa0\u2800]/gu;

// What may be trimmed from the ends of a name: combining marks are left alone, since a trailing
// one belongs to the letter before it (a decomposed "José").
const INVISIBLE_EDGES = /^[\s\p{Cc}\p{Cf}\p{Z}\u115f\u1160\u3164\uffa0\u2800]+|[\s\p{Cc}\p{Cf}\p{Z}\u115f\u1160\u3164\uffa0\u2800]+$/gu;

/** `text` without bidi embeddings, overrides, isolates and directional marks. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** `text` without any format character (zero-width, bidi, tags, soft hyphen) or control. */
export function withoutFormatCharacters(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '');
}

/** Whether `value` is a string with at least one character that draws something. */
export function hasVisibleText(value: unknown): value is string {
  return typeof value === 'string' && value.replace(INVISIBLE, '') !== '';
}

/**
 * A participant's name as the kit shows it: without bidi controls (so it cannot reorder the
 * time or the text after it) and without invisible characters at its ends; `undefined` when
 * nothing visible is left (a name of zero-width spaces, Hangul fillers or only white space), so
 * that the caller shows its "Unknown" instead of a blank sender.
 */
export function displayName(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  const shown = withoutBidiControls(name).replace(INVISIBLE_EDGES, '');
  return hasVisibleText(shown) ? shown : undefined;
}

/** A file name as shown to people: without bidi embeddings, overrides or isolates, `fallback` when there is none. */
export function displayFileName(name: unknown, fallback = 'file'): string {
  const clean = typeof name === 'string' ? name.replace(EMBEDDINGS, '').trim() : '';
  return clean || fallback;
}
