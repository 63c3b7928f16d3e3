/**
 * Reading a replayed chat dump: streamed and checked as it arrives (never held as one string),
 * formula protection applied piece by piece, into a stream, a Blob or a string.
 */
import { ChatDumpCheck, type DumpPiece } from './dump-check.js';
import { ChatReplayError } from './replay-error.js';
import { openDump, reasonOf, watched, type ChatReplayOptions, type ChatReplaySource } from './replay.js';
import { Slicer } from './slices.js';
import type { Watchdog } from './watchdog.js';

/** How to stream a dump. */
export interface ChatDumpStreamOptions extends ChatReplayOptions {
  /**
   * Puts a `'` in front of every cell a spreadsheet would run as a formula, record by record (as
   * `protectCsvFormulas` does; the BOM is kept, records come out CRLF-separated). Default `false`:
   * the bytes pass through exactly as downloaded.
   */
  protectFormulas?: boolean;
  /**
   * Receives the dump piece by piece, as UTF-8 bytes and as the same text; a returned promise
   * holds the download until it settles. If the dump turns out not whole at the end, the
   * promise of `streamChatDump` rejects after the pieces were written: the writer must discard them.
   */
  write(bytes: Uint8Array, text: string): void | Promise<void>;
  /** Called as bytes arrive, with the bytes so far and the `Content-Length` (`undefined` when not known). */
  onProgress?(received: number, total: number | undefined): void;
}

/** What `streamChatDump` wrote. */
export interface ChatDumpStreamResult {
  /** The bytes downloaded. */
  received: number;
  /** The bytes passed to `write` (more than `received` when formulas were protected). */
  written: number;
  /** The rows of the dump, without the header: one per message. */
  rows: number;
}

/** The length the body must have, when the response says it and it is not compressed. */
function expectedLength(response: Response): number | undefined {
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding.trim().toLowerCase() !== 'identity') return undefined;
  const length = Number(response.headers.get('content-length') ?? NaN);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/**
 * Downloads a session's dump as `fetchChatDumpResponse` does and streams it to `write` piece by
 * piece, never holding it as one string, in slices that leave the page responsive. Checks it on
 * the way: a web page, JSON, XML, text that is not UTF-8 or without the dump's header fails as
 * `not-a-dump`; a body short of its `Content-Length`, ending mid-row, or not decoded whole fails
 * as `incomplete`; less than 1 KiB in `idleTimeoutMs` fails as `timeout`. Rejects with the
 * signal's reason when `signal` aborts.
 */
export function streamChatDump(source: ChatReplaySource, options: ChatDumpStreamOptions): Promise<ChatDumpStreamResult> {
  return watched(options, async (watchdog) => readDump(await openDump(source, options, watchdog), options, watchdog));
}

async function readDump(response: Response, options: ChatDumpStreamOptions, watchdog: Watchdog): Promise<ChatDumpStreamResult> {
  if (!response.body) throw new ChatReplayError('download', 'The chat dump download answered without a body.', { status: response.status });
  const total = expectedLength(response);
  const check = new ChatDumpCheck(options.protectFormulas ?? false);
  const slicer = new Slicer();
  const reader = response.body.getReader();
  let written = 0;
  const write = async ({ bytes, text }: DumpPiece) => {
    if (bytes.byteLength === 0) return;
    written += bytes.byteLength;
    await watchdog.race(Promise.resolve(options.write(bytes, text)));
  };
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await watchdog.race(reader.read());
      } catch (error) {
        if (watchdog.signal.aborted) throw watchdog.reason(error);
        throw new ChatReplayError('network', `The chat dump download broke off: ${reasonOf(error)}`, { cause: error });
      }
      if (chunk.done) break;
      watchdog.arrived(chunk.value.byteLength);
      options.onProgress?.(check.received + chunk.value.byteLength, total);
      await write(check.push(chunk.value));
      await slicer.pause(watchdog.signal);
    }
    watchdog.stop();
    if (total !== undefined && check.received !== total) {
      throw new ChatReplayError('incomplete', `The chat dump download ended early: ${check.received} of ${total} bytes arrived.`);
    }
    await write(check.end());
    return { received: check.received, written, rows: check.rows };
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw watchdog.reason(error);
  }
}

/**
 * Like `streamChatDump`, resolving with the dump as a `text/csv` Blob (kept by the browser, on
 * disk for a large one, rather than as a string) and its rows. Fails as `incomplete` when the
 * Blob does not hold every byte written to it.
 */
export async function fetchChatDumpBlob(
  source: ChatReplaySource,
  options: Omit<ChatDumpStreamOptions, 'write'> = {},
): Promise<{ blob: Blob; rows: number }> {
  // The pieces come from fetch and TextEncoder, never from a SharedArrayBuffer.
  const parts: Blob[] = [];
  const result = await streamChatDump(source, { ...options, write: (bytes) => void parts.push(new Blob([bytes as Uint8Array<ArrayBuffer>])) });
  const blob = new Blob(parts, { type: 'text/csv;charset=utf-8' });
  if (blob.size !== result.written) {
    throw new ChatReplayError('incomplete', `The chat dump could not be kept whole: ${result.written} bytes written, ${blob.size} kept.`);
  }
  return { blob, rows: result.rows };
}

/**
 * Like `streamChatDump`, resolving with the CSV text (parse it with `parseChatDumpCsv`). For a
 * large dump prefer `streamChatDump` or `fetchChatDumpBlob`: past about 512 MiB no string holds it,
 * and this rejects rather than return less.
 */
export async function fetchChatDump(source: ChatReplaySource, options: ChatReplayOptions = {}): Promise<string> {
  const pieces: string[] = [];
  await streamChatDump(source, { ...options, write: (_bytes, text) => void pieces.push(text) });
  try {
    return pieces.join('');
  } catch (error) {
    throw new ChatReplayError('download', 'The chat dump is too large to hold as one string: stream it with streamChatDump.', { cause: error });
  }
}
