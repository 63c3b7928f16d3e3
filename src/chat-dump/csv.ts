/**
 * RFC 4180 at the level of single cells and records, plus the spreadsheet formula guard.
 * Knows nothing about chat messages: `write.ts` and `parse.ts` build the dump on top of it.
 */
import { ChatDumpError } from './chat-dump-error.js';

/** RFC 4180's record separator. */
export const CSV_LINE_END = '\r\n';

const NEEDS_QUOTES = /[",\r\n]/;

/** One field as RFC 4180 wants it: quoted (quotes doubled) only when it holds `,` `"` CR or LF. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// What spreadsheets run as a formula (OWASP "CSV injection"): a cell starting with = + - @ tab or CR.
// Spreadsheets of locales that separate with `;` split an unquoted `a;=1+1` into cells, so the
// start of every `;` segment counts as a cell start. The optional run of apostrophes in front
// makes the guard reversible, see `protectFormula`.
const FORMULA_OR_GUARDED = /(^|;)('*[=+\-@\t\r])/g;
const GUARDED = /(^|;)'('*[=+\-@\t\r])/g;

/**
 * Neutralises a value a spreadsheet would run as a formula by putting a single quote in front
 * (OWASP), at its start and after every `;`. To make this reversible, a segment that already is
 * apostrophes followed by a formula character (`'=1`, `''+x`) gets one more apostrophe too. So
 * the guard adds exactly one `'` at exactly the segment starts matching `'*[=+\-@\t\r]`, and
 * `unprotectFormula` removes exactly one from exactly those matching `'+[=+\-@\t\r]`: the two are
 * inverse, and every other value, `'hello` included, is written unchanged.
 */
export function protectFormula(value: string): string {
  return value.replace(FORMULA_OR_GUARDED, "$1'$2");
}

/** Undoes `protectFormula`; see there why this is exact. */
export function unprotectFormula(value: string): string {
  return value.replace(GUARDED, '$1$2');
}

/** One record of a CSV text and the 1-based line it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** Number of line breaks (CRLF, LF or a lone CR) in `text`. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/**
 * Reads the records of an RFC 4180 text. Lenient where that costs nothing (a leading BOM, LF or a
 * lone CR instead of CRLF, a missing or extra final line break, blank lines, which are skipped)
 * and strict where guessing would corrupt data: a quote inside an unquoted field, text after a
 * closing quote and an unclosed quote throw a `ChatDumpError` naming the line.
 */
export function* readCsvRecords(text: string): Generator<CsvRecord> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const end = text.length;
  while (i < end) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const openedOn = line;
        value = '';
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close < 0) throw new ChatDumpError(openedOn, 'a quoted field is never closed');
          const piece = text.slice(i, close);
          line += countLineBreaks(piece);
          value += piece;
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            i = close + 2;
          } else {
            i = close + 1;
            break;
          }
        }
        const next = text.charCodeAt(i);
        if (i < end && next !== COMMA && next !== CR && next !== LF) {
          throw new ChatDumpError(line, 'unexpected text after the closing quote of a field');
        }
      } else {
        let stop = i;
        while (stop < end) {
          const c = text.charCodeAt(stop);
          if (c === COMMA || c === CR || c === LF) break;
          if (c === QUOTE) throw new ChatDumpError(line, 'a quote inside an unquoted field (RFC 4180 wants the field quoted)');
          stop++;
        }
        value = text.slice(i, stop);
        i = stop;
      }
      fields.push(value);
      if (i < end && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      if (i < end) {
        if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i++;
        i++;
        line++;
      }
      break;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    yield { fields, line: recordLine };
  }
}

/**
 * Applies `protectFormula` to every cell of a CSV text, e.g. a dump downloaded from the Chat
 * Replay API before a person opens it in a spreadsheet. Records come out CRLF-separated; a
 * leading BOM is kept.
 */
export function protectCsvFormulas(text: string): string {
  const rows: string[] = [];
  for (const record of readCsvRecords(text)) rows.push(record.fields.map((field) => csvField(protectFormula(field))).join(','));
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  return rows.length ? `${bom}${rows.join(CSV_LINE_END)}${CSV_LINE_END}` : bom;
}
