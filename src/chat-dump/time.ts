/**
 * Times as the dump and the Chat Replay API write them, read without the host's time zone.
 */

// The dates `Date` can hold: ±100,000,000 days around 1970.
const MAX_EPOCH_MS = 8.64e15;
// Numbers in text below this are seconds, above it milliseconds: 1e11 s is the year 5138,
// 1e11 ms is March 1973, so both readings stay right for any plausible chat.
const SECONDS_BELOW = 1e11;

const ISO_LIKE =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function fromIsoLike(text: string): number | undefined {
  const match = ISO_LIKE.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hours = '0', minutes = '0', seconds = '0', fraction = '', zone = 'Z'] = match;
  const m = Number(month);
  const d = Number(day);
  const h = Number(hours);
  const min = Number(minutes);
  const s = Number(seconds);
  if (m < 1 || m > 12 || h > 23 || min > 59 || s > 59) return undefined;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read the years 0–99 as 1900–1999.
  date.setUTCFullYear(Number(year), m - 1, d);
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  date.setUTCHours(h, min, s, Number(fraction.slice(0, 3).padEnd(3, '0')));
  let offsetMinutes = 0;
  if (/^[+-]/.test(zone)) {
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * (zone.startsWith('-') ? -1 : 1);
  }
  const ms = date.getTime() - offsetMinutes * 60_000;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Milliseconds since 1970 of a time given as a number (milliseconds), a `Date`, or a string:
 * a number (seconds below 1e11, else milliseconds), ISO 8601 (a missing zone means UTC, as a
 * server's dump means), or failing those a text ending in a zone that `Date.parse` reads
 * (RFC 1123: `Tue, 02 Jan 2024 03:04:05 GMT`).
 * `undefined` when it is none of these or lies outside what a `Date` holds.
 */
export function epochMs(value: unknown): number | undefined {
  let ms: number | undefined;
  if (typeof value === 'number') {
    ms = value;
  } else if (value instanceof Date) {
    ms = value.getTime();
  } else if (typeof value === 'string') {
    const text = value.trim();
    if (/^-?\d+(\.\d+)?$/.test(text)) {
      const n = Number(text);
      ms = Math.abs(n) < SECONDS_BELOW ? Math.round(n * 1000) : n;
    } else if (text !== '') {
      // Date.parse reads a text without a zone in the host's zone: only trust it with one.
      ms = fromIsoLike(text) ?? (/(GMT|UTC|[+-]\d{2}:?\d{2})$/i.test(text) ? Date.parse(text) : undefined);
    }
  }
  return ms !== undefined && Number.isFinite(ms) && Math.abs(ms) <= MAX_EPOCH_MS ? ms : undefined;
}
