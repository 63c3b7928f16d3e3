/** Formatting shared by the elements: links, times, dates and sizes, in the user's locale. */
import type { ChatMessage } from '../meeting/contract.js';

/** One piece of message text: plain text, or an http(s) link. */
export type TextPart = { text: string; href?: string };

// Trailing punctuation belongs to the sentence, not to the link.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?'")\]}]+$/;

/** A URL the kit may link or load: only http(s), plus blob: for images when `allowBlob` is set. */
export function safeUrl(value: unknown, allowBlob = false): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const allowed = url.protocol === 'https:' || url.protocol === 'http:' || (allowBlob && url.protocol === 'blob:');
  return allowed ? url.href : undefined;
}

/** Splits text into plain runs and http(s) links; anything else stays text. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(TRAILING, '');
    const href = safeUrl(raw);
    if (!href) continue;
    const start = match.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The message's creation time in ms, tolerating `time` as a Date, a string or a number. */
export function messageTimeMs(message: ChatMessage): number | undefined {
  const candidates: unknown[] = [message?.timeMs, message?.time];
  for (const value of candidates) {
    const ms = value instanceof Date ? value.getTime() : typeof value === 'number' || typeof value === 'string' ? new Date(value).getTime() : NaN;
    if (Number.isFinite(ms)) return ms;
  }
  return undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "14:05" or "2:05 PM", as the locale writes it. */
export function formatTime(ms: number, locale?: string): string {
  return cached(`time|${locale}`, () => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' })).format(ms);
}

/** "Monday, 16 November 2026", as the locale writes it. */
export function formatDay(ms: number, locale?: string): string {
  return cached(`day|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'full' })).format(ms);
}

/** The full date and time, for a tooltip. */
export function formatDateTime(ms: number, locale?: string): string {
  return cached(`full|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(ms);
}

/** Whether two times fall on the same local day. */
export function sameDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate();
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
  return cached(`size|${name}|${locale}`, () =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }),
  ).format(value);
}

// Bidi embeddings, overrides and isolates: in a file name they can disguise its extension
// (`invoice\u202egpj.exe` reads as "invoiceexe.jpg").
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** A file name as shown to people: without bidi controls, `fallback` when there is none. */
export function displayFileName(name: unknown, fallback = 'file'): string {
  const clean = typeof name === 'string' ? name.replace(BIDI_CONTROLS, '').trim() : '';
  return clean || fallback;
}

/** A name or text that shows something, or undefined for none, blank or not a string. */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
