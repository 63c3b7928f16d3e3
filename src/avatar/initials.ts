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

/** The WCAG relative luminance of an sRGB colour given as 0–255 channels. */
export function luminance([r, g, b]: readonly number[]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The WCAG contrast ratio of two colours. */
export function contrast(a: readonly number[], b: readonly number[]): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function hslToRgb(hue: number, saturation: number, lightness: number): number[] {
  const k = (n: number) => (n + hue / 30) % 12;
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => lightness - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [channel(0), channel(8), channel(4)].map((value) => Math.round(value * 255));
}

/** FNV-1a: a fast, well-spread 32-bit hash, so neighbouring ids get unrelated colours. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

const WHITE = [255, 255, 255];
const colors = new Map<string, string>();

/**
 * The avatar colour of a user id, as `#rrggbb`: the hue from the id, as light as it can be while
 * white text on it keeps a contrast of at least 4.5:1. The same id gets the same colour everywhere.
 */
export function avatarColor(userId: string): string {
  let color = colors.get(userId);
  if (color) return color;
  const value = hash(userId);
  const hue = value % 360;
  const saturation = 0.45 + ((value >>> 9) % 4) * 0.08;
  let lightness = 0.5;
  let rgb = hslToRgb(hue, saturation, lightness);
  while (contrast(rgb, WHITE) < 4.6) {
    lightness -= 0.01;
    rgb = hslToRgb(hue, saturation, lightness);
  }
  color = `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
  if (colors.size > 2000) colors.clear();
  colors.set(userId, color);
  return color;
}
