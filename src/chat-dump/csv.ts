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
const BOM = 0xfeff;

// Where the reader is: at the start of a field, in an unquoted one, in a quoted one, or just
// after a quote inside a quoted one (the end of the field, or the first half of a `""`).
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;

/**
 * Reads the records of an RFC 4180 text that arrives in pieces (a download, chunk by chunk): each
 * `push` returns the records its piece completed, `end` the last one. A piece may end anywhere,
 * inside a field or between the CR and LF of a line break. Lenient where that costs nothing (a
 * leading BOM, LF or a lone CR instead of CRLF, a missing or extra final line break, blank lines,
 * which are skipped) and strict where guessing would corrupt data: a quote inside an unquoted
 * field, text after a closing quote and an unclosed quote throw a `ChatDumpError` naming the line.
 */
export class CsvRecordReader {
  private state = FIELD_START;
  private fields: string[] = [];
  private field = '';
  private line = 1;
  private recordLine = 1;
  private openedOn = 1;
  private started = false;
  // A piece ended with a CR: an LF at the start of the next one is the same line break.
  private lineBreakCR = false;
  private quotedCR = false;
  private completed: CsvRecord | undefined;

  /** Whether the text so far ends inside a record (a download that stops here broke off mid-row). */
  get inRecord(): boolean {
    return this.state !== FIELD_START || this.fields.length > 0;
  }

  /**
   * Reads the next piece of text, yielding the records it completes as it reaches them (so an
   * error further on is thrown only once the records before it were taken). Take them all before
   * the next `push`.
   */
  *push(text: string): Generator<CsvRecord, void, undefined> {
    const end = text.length;
    let i = 0;
    if (end === 0) return;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === BOM) i = 1;
    }
    if (this.lineBreakCR) {
      this.lineBreakCR = false;
      if (text.charCodeAt(i) === LF) i++;
    }
    while (i < end) {
      switch (this.state) {
        case FIELD_START:
          if (text.charCodeAt(i) === QUOTE) {
            this.state = QUOTED;
            this.openedOn = this.line;
            i++;
          } else {
            this.state = UNQUOTED;
          }
          break;
        case UNQUOTED: {
          let stop = i;
          while (stop < end) {
            const c = text.charCodeAt(stop);
            if (c === COMMA || c === CR || c === LF) break;
            if (c === QUOTE) throw new ChatDumpError(this.line, 'a quote inside an unquoted field (RFC 4180 wants the field quoted)');
            stop++;
          }
          this.field += text.slice(i, stop);
          i = stop < end ? this.delimiter(text, stop) : end;
          break;
        }
        case QUOTED: {
          const close = text.indexOf('"', i);
          const piece = text.slice(i, close < 0 ? end : close);
          this.countQuotedBreaks(piece, close < 0);
          this.field += piece;
          if (close < 0) {
            i = end;
          } else {
            i = close + 1;
            this.state = QUOTE_SEEN;
          }
          break;
        }
        case QUOTE_SEEN: {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            this.field += '"';
            this.state = QUOTED;
            i++;
          } else if (c === COMMA || c === CR || c === LF) {
            i = this.delimiter(text, i);
          } else {
            throw new ChatDumpError(this.line, 'unexpected text after the closing quote of a field');
          }
          break;
        }
      }
      if (this.completed) {
        const record = this.completed;
        this.completed = undefined;
        yield record;
      }
    }
  }

  /** Ends the text; returns its last record if it had no final line break. */
  end(): CsvRecord[] {
    if (this.state === QUOTED) throw new ChatDumpError(this.openedOn, 'a quoted field is never closed');
    if (!this.inRecord) return [];
    this.fields.push(this.field);
    this.field = '';
    this.state = FIELD_START;
    this.finishRecord();
    const record = this.completed;
    this.completed = undefined;
    return record ? [record] : [];
  }

  /** Ends the field at the `,` CR or LF at `i`, and the record at a line break; returns where to go on. */
  private delimiter(text: string, i: number): number {
    const c = text.charCodeAt(i);
    this.fields.push(this.field);
    this.field = '';
    this.state = FIELD_START;
    if (c === COMMA) return i + 1;
    i++;
    if (c === CR) {
      if (i === text.length) this.lineBreakCR = true;
      else if (text.charCodeAt(i) === LF) i++;
    }
    this.line++;
    this.finishRecord();
    return i;
  }

  private finishRecord(): void {
    const fields = this.fields;
    this.fields = [];
    const line = this.recordLine;
    this.recordLine = this.line;
    if (fields.length === 1 && fields[0] === '') return;
    this.completed = { fields, line };
  }

  /** Counts the line breaks (CRLF, LF or a lone CR) inside a quoted field, across pieces. */
  private countQuotedBreaks(piece: string, atEnd: boolean): void {
    let i = 0;
    if (this.quotedCR && piece.charCodeAt(0) === LF) i = 1;
    this.quotedCR = false;
    for (; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (c === LF) {
        this.line++;
      } else if (c === CR) {
        this.line++;
        if (piece.charCodeAt(i + 1) === LF) i++;
        else if (i + 1 === piece.length && atEnd) this.quotedCR = true;
      }
    }
  }
}

/** Reads the records of a whole RFC 4180 text; see `CsvRecordReader`. */
export function* readCsvRecords(text: string): Generator<CsvRecord> {
  const reader = new CsvRecordReader();
  yield* reader.push(text);
  yield* reader.end();
}

/** A record as a CSV line with `protectFormula` applied to every field. */
export function protectedRecord(fields: readonly string[]): string {
  return fields.map((field) => csvField(protectFormula(field))).join(',') + CSV_LINE_END;
}

/**
 * Applies `protectFormula` to every cell of a CSV text that arrives in pieces: `push` returns the
 * protected records its piece completed, `end` the rest. Records come out CRLF-separated; a
 * leading BOM is kept.
 */
export class CsvFormulaGuard {
  private readonly reader = new CsvRecordReader();
  private started = false;
  /** Records written so far. */
  records = 0;

  /** Protects the next piece of text; returns what it completed, as CSV. */
  push(text: string): string {
    let bom = '';
    if (!this.started && text !== '') {
      this.started = true;
      if (text.charCodeAt(0) === BOM) bom = '\ufeff';
    }
    return bom + this.write(this.reader.push(text));
  }

  /** Ends the text; returns its last record, if any. */
  end(): string {
    return this.write(this.reader.end());
  }

  private write(records: Iterable<CsvRecord>): string {
    let out = '';
    for (const record of records) {
      this.records += 1;
      out += protectedRecord(record.fields);
    }
    return out;
  }
}

/**
 * Applies `protectFormula` to every cell of a CSV text, e.g. a dump downloaded from the Chat
 * Replay API before a person opens it in a spreadsheet. Records come out CRLF-separated; a
 * leading BOM is kept.
 */
export function protectCsvFormulas(text: string): string {
  const guard = new CsvFormulaGuard();
  return guard.push(text) + guard.end();
}
