/** Formatting shared by the elements: links, names, times, dates and sizes, in the user's locale. */
import type { ChatMessage } from '../meeting/contract.js';

export { describeFileLink, type FileLinkFacts } from './file-link.js';
export { hostForDisplay } from './hosts.js';
export { linkify, safeUrl, showLink, type LinkifyOptions, type ShowLinkOptions, type ShownLink, type TextPart } from './links.js';
export { MEDIA_POLICIES, mayLoadMedia, mayShowMedia, mediaPolicy, trustedOrigins, type MediaChoice, type MediaPolicy } from './media-policy.js';
export { displayFileName, displayName, hasVisibleText, withoutBidiControls } from './visible.js';

/**
 * The message's creation time in ms: `timeMs` where it is a number (the only kind the message guard
 * keeps), else `time` as a Date, a string or a number. Safe on any value, trusted or not.
 */
export function messageTimeMs(message: ChatMessage): number | undefined {
  const ms = message?.timeMs;
  return (typeof ms === 'number' ? timeMs(ms) : undefined) ?? timeMs(message?.time);
}

/**
 * Date's own limit: a time further from 1970 is none. The message guard keeps its own copy: an
 * import between the two modules makes Vite split the kit's import into four chunks (0.7 KiB more).
 */
const DATE_LIMIT_MS = 8.64e15;

/**
 * A time in ms as `new Date(value)` reads it, or `undefined`. A number needs no Date made for it:
 * this runs for every message when a list of 100,000 is built.
 */
function timeMs(value: unknown): number | undefined {
  let ms = NaN;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = Math.abs(value) <= DATE_LIMIT_MS ? Math.trunc(value) + 0 : NaN;
  else if (typeof value === 'string') ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
const resolvedLocales = new Map<string, string | undefined>();

/**
 * A locale `Intl` accepts: `locale` itself, its POSIX spelling corrected (`en_US` → `en-US`), or,
 * when it is no locale at all, `undefined` (the browser's), so a bad `locale` never breaks a message.
 */
export function usableLocale(locale: string | undefined): string | undefined {
  if (typeof locale !== 'string' || locale.trim() === '') return undefined;
  if (!resolvedLocales.has(locale)) {
    let resolved: string | undefined;
    try {
      resolved = Intl.getCanonicalLocales(locale.trim().replaceAll('_', '-'))[0];
    } catch {
      resolved = undefined;
    }
    resolvedLocales.set(locale, resolved);
  }
  return resolvedLocales.get(locale);
}

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, locale: string | undefined, make: (locale: string | undefined) => T): T {
  const usable = usableLocale(locale);
  const key = `${kind}|${usable}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    try {
      formatter = make(usable);
    } catch {
      // A tag that is well-formed but has options Intl refuses (a bad -u- extension): the browser's.
      formatter = make(undefined);
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "14:05" or "2:05 PM", as the locale writes it. */
export function formatTime(ms: number, locale?: string): string {
  return cached('time', locale, (usable) => new Intl.DateTimeFormat(usable, { hour: 'numeric', minute: '2-digit' })).format(ms);
}

/** "Monday, 16 November 2026", as the locale writes it. */
export function formatDay(ms: number, locale?: string): string {
  return cached('day', locale, (usable) => new Intl.DateTimeFormat(usable, { dateStyle: 'full' })).format(ms);
}

/** The full date and time, for a tooltip. */
export function formatDateTime(ms: number, locale?: string): string {
  return cached('full', locale, (usable) => new Intl.DateTimeFormat(usable, { dateStyle: 'medium', timeStyle: 'short' })).format(ms);
}

/** Whether two times fall on the same local day. */
export function sameDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate();
}

/** "1,234", with the locale's digits and grouping. */
export function formatCount(count: number, locale?: string): string {
  return cached('count', locale, (usable) => new Intl.NumberFormat(usable)).format(count);
}

const SIZE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** "1.2 MB", with the locale's digits and unit names. */
export function formatSize(bytes: unknown, locale?: string): string {
  let value = typeof bytes === 'number' && Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let unit = 0;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const name = SIZE_UNITS[unit];
  return cached(`size|${name}`, locale, (usable) =>
    // "16 bytes", not the short form's "16 byte"; larger units read well short ("1.2 kB").
    new Intl.NumberFormat(usable, { style: 'unit', unit: name, unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }),
  ).format(value);
}

/**
 * A text that is not blank, or undefined for none, blank or not a string. For names use
 * `displayName`, which also treats a name of only invisible characters as none.
 */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
