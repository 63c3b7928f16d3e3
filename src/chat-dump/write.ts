/**
 * Writes chat messages as the chat dump of the Chat Replay API. One row writer serves the string,
 * the chunks and the Blob, so the three give the same bytes.
 */
import type { ChatMessage } from '../meeting/contract.js';
import { CHAT_DUMP_COLUMNS } from './columns.js';
import { CSV_LINE_END, csvField, protectFormula } from './csv.js';
import { toDumpPayload } from './payload.js';
import { Slicer } from './slices.js';
import { epochMs } from './time.js';

/** What a dump needs besides the messages, and how to write it. */
export interface ChatDumpOptions {
  /** The meeting's id (`meeting.meta.meetingId`), written in every row. */
  meetingId: string;
  /** The session's id (`meeting.meta.sessionId`), written in every row. */
  sessionId: string;
  /**
   * Put a `'` in front of every cell a spreadsheet would run as a formula (one starting with
   * `=`, `+`, `-`, `@`, tab or CR; OWASP's advice against CSV injection). Default `true`, since
   * people open dumps in spreadsheets. Pass `false` for a program that reads the dump, or read
   * a protected dump back with `parseChatDumpCsv(text, { protectedFormulas: true })`, which
   * removes exactly what was added (see `protectFormula` in `csv.ts`).
   */
  protectFormulas?: boolean;
  /**
   * Start the dump with a UTF-8 byte order mark (U+FEFF). Default `true`: without it Excel reads
   * the file in the local code page and garbles every non-ASCII name and text. Programs may not
   * expect it: pass `false` for them (this kit's parser accepts both).
   */
  bom?: boolean;
}

/** Options of the chunked writers. */
export interface ChatDumpChunkOptions extends ChatDumpOptions {
  /** Rows per chunk after the header chunk; default 1000 (also for a value below 1). */
  chunkSize?: number;
}

/** Options of `toChatDumpBlob`. */
export interface ChatDumpBlobOptions extends ChatDumpChunkOptions {
  /** Stops the export between two chunks: the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

const DEFAULT_CHUNK_SIZE = 1000;

/** ISO 8601 UTC creation time, from `timeMs` or else `time`; empty when neither is a time. */
function createdAt(message: ChatMessage): string {
  const ms = epochMs(message.timeMs) ?? epochMs(message.time);
  return ms === undefined ? '' : new Date(ms).toISOString();
}

/** The header line, with the byte order mark when asked. */
function headerLine(options: ChatDumpOptions): string {
  return `${(options.bom ?? true) ? '\uFEFF' : ''}${CHAT_DUMP_COLUMNS.join(',')}${CSV_LINE_END}`;
}

/** A field as text; the SDK sends strings, but a message from elsewhere may not. */
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** A row writer bound to the options: the one place a message becomes a CSV line. */
function rowWriter(options: ChatDumpOptions): (message: ChatMessage) => string {
  const cell = (options.protectFormulas ?? true) ? (value: string) => csvField(protectFormula(value)) : csvField;
  const sessionId = cell(text(options.sessionId));
  const meetingId = cell(text(options.meetingId));
  return (message) => {
    // One broken entry in a meeting's messages must not cost the user the whole export.
    if (!message || typeof message !== 'object') return '';
    const payload = toDumpPayload(message);
    if (!payload) return '';
    return (
      [
        cell(text(message.id)),
        cell(text(message.userId)),
        sessionId,
        meetingId,
        cell(text(message.displayName)),
        message.pinned ? 'true' : 'false',
        message.isEdited ? 'true' : 'false',
        cell(payload.payloadType),
        cell(payload.payload),
        cell(createdAt(message)),
      ].join(',') + CSV_LINE_END
    );
  };
}

/**
 * The dump as a sequence of strings: first the header (with the BOM if asked), then `chunkSize`
 * rows at a time. Lazy, so a caller decides when to go on: `toChatDumpBlob` yields to the event
 * loop between chunks, and in Node `Readable.from(chatDumpChunks(…))` streams it with
 * backpressure. Messages the dump cannot hold are left out (see `payload.ts`).
 */
export function chatDumpChunks(messages: Iterable<ChatMessage>, options: ChatDumpChunkOptions): Generator<string, void, undefined> {
  return countedChunks(messages, options, { rows: 0 });
}

function* countedChunks(messages: Iterable<ChatMessage>, options: ChatDumpChunkOptions, count: { rows: number }): Generator<string, void, undefined> {
  const wanted = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const size = Number.isFinite(wanted) && wanted >= 1 ? Math.floor(wanted) : DEFAULT_CHUNK_SIZE;
  const row = rowWriter(options);
  yield headerLine(options);
  let rows: string[] = [];
  for (const message of messages) {
    const line = row(message);
    if (line === '') continue;
    rows.push(line);
    count.rows += 1;
    if (rows.length === size) {
      yield rows.join('');
      rows = [];
    }
  }
  if (rows.length > 0) yield rows.join('');
}

/**
 * The chat dump of `messages` in the Chat Replay API's format: the header, then one row per
 * message with the columns of `CHAT_DUMP_COLUMNS`, RFC 4180 quoting and CRLF line ends.
 * `participantId` is the sender's `userId`; `pinned` and `isEdited` are `true`/`false`;
 * `createdAt` is ISO 8601 UTC from `timeMs` (else `time`, a `Date`, number or string), empty for
 * a message without a valid time. By default the text starts with a BOM and formula cells are
 * neutralised: see `ChatDumpOptions`.
 */
export function toChatDumpCsv(messages: Iterable<ChatMessage>, options: ChatDumpOptions): string {
  return [...chatDumpChunks(messages, options)].join('');
}

/** Options of `buildChatDumpBlob`. */
export interface BuildChatDumpOptions extends ChatDumpBlobOptions {
  /** Called after each chunk with the rows written so far. */
  onProgress?(rows: number): void;
}

/**
 * The dump as a UTF-8 `text/csv` Blob and the number of rows it holds (the messages the dump could
 * hold: see `payload.ts`), built chunk by chunk and yielding to the event loop (a task, so a
 * frame can paint) after the header and whenever a slice of work is used up: 100,000 messages do
 * not freeze the page. Each chunk is encoded as it is made, so the final Blob only joins them;
 * a Blob that does not keep every byte of them (a full disk, a quota) is an error, not a smaller
 * file. Rejects with the signal's reason when `signal` aborts.
 */
export async function buildChatDumpBlob(messages: Iterable<ChatMessage>, options: BuildChatDumpOptions): Promise<{ blob: Blob; rows: number }> {
  const { signal } = options;
  signal?.throwIfAborted();
  const parts: Blob[] = [];
  let written = 0;
  const count = { rows: 0 };
  const slicer = new Slicer();
  for (const chunk of countedChunks(messages, options, count)) {
    const part = new Blob([chunk]);
    written += part.size;
    parts.push(part);
    options.onProgress?.(count.rows);
    // A turn after the header too, so the caller's task ends before the work starts.
    await slicer.pause(signal, parts.length === 1);
  }
  const blob = new Blob(parts, { type: 'text/csv;charset=utf-8' });
  if (blob.size !== written) throw new Error(`The chat dump could not be kept whole: ${written} bytes written, ${blob.size} kept.`);
  return { blob, rows: count.rows };
}

/** The dump as a UTF-8 `text/csv` Blob: `buildChatDumpBlob` without the count. Same bytes as `toChatDumpCsv`. */
export async function toChatDumpBlob(messages: Iterable<ChatMessage>, options: ChatDumpBlobOptions): Promise<Blob> {
  return (await buildChatDumpBlob(messages, options)).blob;
}
