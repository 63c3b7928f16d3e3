/**
 * Checks a chat dump as its bytes stream by, so that what is saved is what was received: UTF-8
 * throughout, the dump's header first, every row as wide as the header, not ending mid-row, and
 * every byte received decoded. Optionally rewrites it with formula protection, record by record,
 * without ever holding the whole dump as one string.
 */
import { missingColumns } from './columns.js';
import { CsvRecordReader, protectedRecord, type CsvRecord } from './csv.js';
import { ChatDumpError } from './chat-dump-error.js';
import { ChatReplayError } from './replay-error.js';

/** One piece of the dump to save: its bytes and the same as text. */
export interface DumpPiece {
  bytes: Uint8Array;
  text: string;
}

/** The bytes `text` takes in UTF-8. */
function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

/** The checker of one download. */
export class ChatDumpCheck {
  /** Bytes received so far. */
  received = 0;
  /** Rows after the header so far. */
  rows = 0;
  private decoded = 0;
  private started = false;
  private width = -1;
  private short: CsvRecord | undefined;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly encoder = new TextEncoder();
  private readonly reader = new CsvRecordReader();

  /** @param protect Rewrite every cell with `protectFormula`; otherwise the bytes pass through as they came. */
  constructor(private readonly protect: boolean) {}

  /** Checks the next bytes; returns what to save of them now. */
  push(bytes: Uint8Array): DumpPiece {
    this.received += bytes.byteLength;
    const text = this.decode(bytes, true);
    // A decoder streaming UTF-8 holds back at most the 3 bytes of a character not yet complete.
    if (this.decoded < this.received - 3) throw this.notReadWhole();
    // The reader drops a leading BOM; spreadsheets need it to read the file as UTF-8.
    const bom = !this.started && text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    if (text !== '') this.started = true;
    const out = bom + this.read(() => [...this.reader.push(text)]);
    return this.protect ? this.piece(out) : { bytes, text };
  }

  /** Ends the dump: throws a `ChatReplayError` if it is not a whole dump; returns the last of it to save. */
  end(): DumpPiece {
    const text = this.decode(undefined, false);
    // First, since nothing else means anything if the text is not what arrived.
    if (this.decoded !== this.received) throw this.notReadWhole();
    let out = this.read(() => [...this.reader.push(text)]);
    let last: CsvRecord[];
    try {
      last = this.reader.end();
    } catch (error) {
      // The reader's one complaint at the end: a quoted field never closed, where the dump broke off.
      if (error instanceof ChatDumpError) throw new ChatReplayError('incomplete', `The chat dump ends in the middle of a row (line ${error.line}).`);
      throw error;
    }
    out += this.read(() => last);
    if (this.width < 0) {
      throw new ChatReplayError('not-a-dump', this.received === 0 ? 'The chat dump download is empty.' : 'The download is not a chat dump: it has no header row.');
    }
    if (this.short) throw new ChatReplayError('incomplete', `The chat dump ends in the middle of a row (line ${this.short.line}).`);
    return this.protect ? this.piece(out) : { bytes: new Uint8Array(0), text };
  }

  private notReadWhole(): ChatReplayError {
    return new ChatReplayError('incomplete', `The chat dump was not read whole: ${this.received} bytes received, ${this.decoded} decoded.`);
  }

  private decode(bytes: Uint8Array | undefined, stream: boolean): string {
    let text: string;
    try {
      text = bytes ? this.decoder.decode(bytes, { stream }) : this.decoder.decode();
    } catch (error) {
      throw new ChatReplayError('not-a-dump', 'The download is not a chat dump: it is not UTF-8 text.', { cause: error });
    }
    this.decoded += utf8Length(text);
    return text;
  }

  /** Checks the records `take` reads; returns them protected when protecting. */
  private read(take: () => CsvRecord[]): string {
    let records: CsvRecord[];
    try {
      records = take();
    } catch (error) {
      if (!(error instanceof ChatDumpError)) throw error;
      throw new ChatReplayError('not-a-dump', `The download is not a chat dump: ${error.message}.`, { cause: error });
    }
    let out = '';
    for (const record of records) {
      this.check(record);
      if (this.protect) out += protectedRecord(record.fields);
    }
    return out;
  }

  private check(record: CsvRecord): void {
    if (this.width < 0) {
      const missing = missingColumns(record.fields);
      if (missing.length > 0) {
        throw new ChatReplayError('not-a-dump', `The download is not a chat dump: its first line lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`);
      }
      this.width = record.fields.length;
      return;
    }
    // A short row may only be the last: the download broke off in it.
    if (this.short) throw new ChatReplayError('not-a-dump', `The download is not a chat dump: line ${this.short.line} has fewer fields than the header.`);
    if (record.fields.length > this.width) {
      throw new ChatReplayError('not-a-dump', `The download is not a chat dump: line ${record.line} has more fields than the header.`);
    }
    if (record.fields.length < this.width) this.short = record;
    else this.rows += 1;
  }

  private piece(text: string): DumpPiece {
    return { bytes: this.encoder.encode(text), text };
  }
}
