/**
 * Reads a chat dump in slices of a few milliseconds each, yielding to the event loop between them,
 * so that 100,000 messages never block the page for a long task. Each slice is a run of whole
 * records parsed by the kit's own `parseChatDumpCsv` (under the dump's header line), so the
 * format is read in exactly one place.
 */
import { ChatDumpError } from '../chat-dump/chat-dump-error.js';
import { readCsvRecords, unprotectFormula } from '../chat-dump/csv.js';
import { parseChatDumpCsv } from '../chat-dump/parse.js';
import type { ChatMessage } from '../meeting/contract.js';

/** What a dump can be read from. */
export type ChatDumpSource = string | Blob | ReadableStream<Uint8Array> | Response;

/** How to read a dump in slices. */
export interface ReadDumpOptions {
  /**
   * Whether the dump was written with formula protection (this kit's exports are, by default; the
   * Chat Replay API's dumps are not). `'auto'`, the default, reads it as protected unless a cell
   * starts like a formula without the guard, which a protected dump never has.
   */
  protectedFormulas?: boolean | 'auto';
  /** Stops reading; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Hears the number of messages read so far, after each slice. */
  onProgress?: (messages: number) => void;
}

/** A dump read whole. */
export interface ReadDump {
  messages: ChatMessage[];
  /** From the `meetingId` column of the first row; empty for a dump without rows. */
  meetingId: string;
  /** From the `sessionId` column of the first row; empty for a dump without rows. */
  sessionId: string;
}

/** How long one slice may work before the page gets a turn, in ms. */
const SLICE_MS = 8;
const FIRST_SLICE_CHARS = 32 * 1024;
const MIN_SLICE_CHARS = 4 * 1024;
const MAX_SLICE_CHARS = 512 * 1024;

const CR = 13;
const LF = 10;

// A channel message is a task of its own, not clamped to 4 ms like a nested setTimeout.
let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

/** Resolves in a new task, after the browser had a chance to render and handle input. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}

/**
 * Where a slice that starts at `start` (a record's start, outside quotes) may end, at or after
 * `min`: just after the first line feed outside quotes, or the text's end. A cut needs only to be
 * some record boundary, not every one (a lone CR may end records too; the parser handles those),
 * so native `indexOf` jumps over line feeds and quotes do instead of a loop over every character.
 */
function sliceEnd(text: string, start: number, min: number): number {
  let quoted = false;
  let quote = text.indexOf('"', start);
  for (let feed = text.indexOf('\n', min); feed !== -1; feed = text.indexOf('\n', feed + 1)) {
    // A doubled quote inside a field toggles twice: the parity says whether `feed` is inside one.
    while (quote !== -1 && quote < feed) {
      quoted = !quoted;
      quote = text.indexOf('"', quote + 1);
    }
    if (!quoted) return feed + 1;
  }
  return text.length;
}

/** The number of line breaks in `text` before `end`, counted as the parser counts them (CRLF, LF or a lone CR). */
function lineBreaksBefore(text: string, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

// A cell that starts like a formula, at its start or after a `;`, with no guarding `'` in front.
const UNGUARDED_FORMULA = /(^|;)[=+\-@\t\r]/;
// Where a guarding `'` may stand: only slices holding one can read differently when protected.
const GUARD_CANDIDATE = /'[=+\-@\t\r]/;

function hasUnguardedFormula(rows: string): boolean {
  for (const { fields } of readCsvRecords(rows)) {
    if (fields.some((field) => UNGUARDED_FORMULA.test(field))) return true;
  }
  return false;
}

/** Text from bytes as they arrive, decoded as UTF-8 (a BOM kept: the parser expects and skips it). */
async function* textChunks(source: Exclude<ChatDumpSource, string>, signal: AbortSignal | undefined): AsyncGenerator<string> {
  const stream = source instanceof Blob ? source.stream() : source instanceof Response ? source.body : source;
  if (!stream) return;
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      yield decoder.decode(value, { stream: true });
    }
    yield decoder.decode();
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** One slice: its rows (no header), where they start in the dump's text, and where its messages start. */
interface Slice {
  rows: string;
  offset: number;
  first: number;
}

/**
 * Reads a chat dump in slices (see the module comment). Messages come out in the dump's order, each
 * as `parseChatDumpCsv` gives it. Throws a `ChatDumpError` naming the dump's line for anything that
 * is not a chat dump, as `parseChatDumpCsv` does.
 */
export async function readDumpInSlices(source: ChatDumpSource, options: ReadDumpOptions = {}): Promise<ReadDump> {
  const { signal } = options;
  signal?.throwIfAborted();
  // A stream or Blob is decoded as it arrives; the text is kept whole so that slices can be cut anywhere.
  let text = '';
  if (typeof source === 'string') {
    text = source;
  } else {
    const parts: string[] = [];
    for await (const part of textChunks(source, signal)) parts.push(part);
    text = parts.join('');
  }
  signal?.throwIfAborted();

  const headerEnd = sliceEnd(text, 0, 0);
  const headerText = text.slice(0, headerEnd);
  const headerLines = lineBreaksBefore(headerText, headerText.length);
  if (headerText.trim() === '' || headerText === '\uFEFF') throw new ChatDumpError(1, 'the dump is empty: it has no header row');
  // The header is checked once here, whatever follows it.
  parseChatDumpCsv(headerText);

  const slices: Slice[] = [];
  const messages: ChatMessage[] = [];
  const candidates: number[] = [];
  let meetingId = '';
  let sessionId = '';
  let position = headerEnd;
  let size = FIRST_SLICE_CHARS;
  const mode = options.protectedFormulas ?? 'auto';
  const read = (rows: string, protectedFormulas: boolean, offset: number): ChatMessage[] => {
    try {
      return parseChatDumpCsv(headerText + rows, { protectedFormulas });
    } catch (error) {
      if (!(error instanceof ChatDumpError)) throw error;
      // The parser counted from the slice's header: count the lines before the slice once, now.
      const reason = error.message.replace(/^Line \d+: /, '');
      throw new ChatDumpError(error.line - headerLines + lineBreaksBefore(text, offset), reason);
    }
  };

  while (position < text.length) {
    const started = performance.now();
    const end = sliceEnd(text, position, Math.min(text.length, position + size));
    const rows = text.slice(position, end);
    const slice: Slice = { rows, offset: position, first: messages.length };
    const guarded = mode !== false && GUARD_CANDIDATE.test(rows);
    const parsed = read(rows, mode === true, position);
    if (slices.length === 0 && parsed.length > 0) [meetingId, sessionId] = firstRowIds(headerText, rows, mode === true);
    if (guarded) candidates.push(slices.length);
    slices.push(slice);
    for (const message of parsed) messages.push(message);
    position = end;
    options.onProgress?.(messages.length);
    const elapsed = performance.now() - started;
    // Towards SLICE_MS per slice, at most doubling at a time: a fast slice may have been lucky.
    size = Math.min(MAX_SLICE_CHARS, Math.max(MIN_SLICE_CHARS, Math.round(size * Math.min(2, SLICE_MS / Math.max(elapsed, 0.1)))));
    await nextTask();
    signal?.throwIfAborted();
  }

  // 'auto' with a `'` in front of a formula character somewhere: protected unless a cell shows otherwise.
  if (mode === 'auto' && candidates.length > 0 && !(await someSlice(slices, hasUnguardedFormula, signal))) {
    for (const index of candidates) {
      const { rows, offset, first } = slices[index];
      const again = read(rows, true, offset);
      for (let i = 0; i < again.length; i++) messages[first + i] = again[i];
      await nextTask();
      signal?.throwIfAborted();
    }
    [meetingId, sessionId] = firstRowIds(headerText, slices[0].rows, true);
  }
  return { messages, meetingId, sessionId };
}

/** Whether `test` holds for the rows of some slice, looking at one slice per task. */
async function someSlice(slices: Slice[], test: (rows: string) => boolean, signal: AbortSignal | undefined): Promise<boolean> {
  for (const slice of slices) {
    if (test(slice.rows)) return true;
    await nextTask();
    signal?.throwIfAborted();
  }
  return false;
}

/** `meetingId` and `sessionId` of the first row, by the header's column names. */
function firstRowIds(headerText: string, rows: string, protectedFormulas: boolean): [string, string] {
  // The generator is lazy: only the header and the first row are read.
  const records = readCsvRecords(headerText + rows);
  const head = records.next();
  const row = records.next();
  const names = head.done ? [] : head.value.fields.map((name) => name.trim().toLowerCase());
  const first = row.done ? [] : row.value.fields;
  const cell = (name: string) => {
    const value = first[names.indexOf(name.toLowerCase())] ?? '';
    return protectedFormulas ? unprotectFormula(value) : value;
  };
  return [cell('meetingId'), cell('sessionId')];
}
