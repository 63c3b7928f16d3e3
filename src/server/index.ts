/**
 * The kit's Node entry (`<package>/server`): downloads a session's chat dump through the Chat
 * Replay API with the account's API token, which must never reach a browser.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { chmod, lstat, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

import { streamChatDump } from '../chat-dump/replay-stream.js';

export { ChatReplayError, type ChatReplayErrorCode } from '../chat-dump/replay.js';

/** What `downloadChatDump` needs. */
export interface DownloadChatDumpOptions {
  /** The Cloudflare account id. */
  accountId: string;
  /** The RealtimeKit app id. */
  appId: string;
  /** The session whose chat to download. */
  sessionId: string;
  /** A Cloudflare API token with the Realtime or Realtime Admin permission. Never logged. */
  apiToken: string;
  /** The Cloudflare API; default `https://api.cloudflare.com/client/v4`. */
  baseUrl?: string;
  /**
   * Where the CSV goes. A file path: the dump is written to a temporary file beside it and
   * renamed over it only once it is complete and checked, so a failed download leaves what was
   * there (an earlier good dump) as it was, and a symbolic link at the path is replaced, never
   * followed and truncated. A path to a FIFO or a device is written straight into. Or a
   * `Writable`: written as the dump arrives, ended when it is complete, destroyed (without an
   * `error` event) if it turns out not to be (broken off, mid-row, timed out, aborted), and left
   * untouched if it never starts.
   */
  to: string | Writable;
  /** Aborts the download; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Gives up with a `timeout` error when the API does not answer, or the download brings less
   * than 1 KiB, for this long (ms). Default 30,000; `0` or `Infinity` waits forever.
   */
  idleTimeoutMs?: number;
  /** The `fetch` to use; default Node's global one. */
  fetch?: typeof globalThis.fetch;
}

const DEFAULT_BASE_URL = 'https://api.cloudflare.com/client/v4';

function required(options: DownloadChatDumpOptions, name: 'accountId' | 'appId' | 'sessionId' | 'apiToken'): string {
  const value = options[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`downloadChatDump: ${name} must be a non-empty string.`);
  }
  return value;
}

/** The Chat Replay API's URL of a session: `{baseUrl}/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/chat`. */
function chatReplayUrl(baseUrl: string, accountId: string, appId: string, sessionId: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const segment = encodeURIComponent;
  return `${base}/accounts/${segment(accountId)}/realtime/kit/${segment(appId)}/sessions/${segment(sessionId)}/chat`;
}

/** Where the dump is written and how it is made final or thrown away. */
interface Destination {
  write(bytes: Uint8Array): Promise<void>;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** A `Writable`, written with backpressure. */
function streamDestination(stream: Writable): Destination {
  return {
    async write(bytes) {
      if (!stream.write(bytes)) await once(stream, 'drain');
    },
    async commit() {
      stream.end();
      await finished(stream);
    },
    async discard() {
      // Without the error: an 'error' event nobody listens to would crash the process, and the
      // caller hears of the failure from the rejected promise.
      stream.destroy();
    },
  };
}

/** Whether `path` is a FIFO, socket or device, which cannot be replaced by a rename. */
async function isSpecial(path: string): Promise<boolean> {
  try {
    const stats = await lstat(path);
    return stats.isFIFO() || stats.isCharacterDevice() || stats.isBlockDevice() || stats.isSocket();
  } catch {
    return false;
  }
}

/** The mode of the regular file at `path`, to give its replacement; `undefined` when there is none. */
async function modeOf(path: string): Promise<number | undefined> {
  try {
    const stats = await lstat(path);
    return stats.isFile() ? stats.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A file path, written through a temporary file beside it (same directory, so the rename is
 * atomic) that is created on the first bytes, with `wx` so nothing there is followed or reused.
 */
function fileDestination(path: string): Destination {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  let file: FileHandle | undefined;
  let size = 0;
  const close = async () => {
    const handle = file;
    file = undefined;
    await handle?.close();
  };
  const opened = async (): Promise<FileHandle> => {
    file ??= await open(temporary, 'wx');
    return file;
  };
  return {
    async write(bytes) {
      const handle = await opened();
      let offset = 0;
      while (offset < bytes.byteLength) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset);
        offset += bytesWritten;
      }
      size += bytes.byteLength;
    },
    async commit() {
      const handle = await opened();
      const { size: kept } = await handle.stat();
      if (kept !== size) throw new Error(`The chat dump was not written whole: ${size} bytes written, ${kept} on disk.`);
      await handle.sync();
      await close();
      const mode = await modeOf(path);
      if (mode !== undefined) await chmod(temporary, mode);
      await rename(temporary, path);
    },
    async discard() {
      await close().catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
    },
  };
}

/** A FIFO or device path, written straight into (there is nothing to keep or replace). */
async function specialDestination(path: string): Promise<Destination> {
  let file: FileHandle | undefined;
  return {
    async write(bytes) {
      file ??= await open(path, 'w');
      await file.write(bytes);
    },
    async commit() {
      await file?.close();
    },
    async discard() {
      await file?.close().catch(() => undefined);
    },
  };
}

/**
 * Downloads the chat dump of a session: asks the Chat Replay API
 * (`GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/chat`, with
 * `Authorization: Bearer <apiToken>`) for the download URL, then streams the CSV from there to
 * `to` without holding it in memory, byte for byte. A download URL that has expired is renewed
 * once. The dump is checked on the way (see `streamChatDump`): a download that is no dump, ends
 * mid-row or short of its `Content-Length`, or stalls for `idleTimeoutMs` is an error, and `to`
 * is then left as it was (a path) or destroyed (a `Writable`). Rejects with a `ChatReplayError`
 * (with `code` and `status`) for 401/403/404/5xx answers, a malformed answer, an expired link
 * that stays refused, a network failure, a timeout, or a download that is not a whole dump;
 * with the signal's reason when `signal` aborts; errors of the destination (a missing folder,
 * a full disk) come through as Node reports them.
 */
export async function downloadChatDump(options: DownloadChatDumpOptions): Promise<void> {
  const url = chatReplayUrl(
    options.baseUrl ?? DEFAULT_BASE_URL,
    required(options, 'accountId'),
    required(options, 'appId'),
    required(options, 'sessionId'),
  );
  const apiToken = required(options, 'apiToken');
  const { signal, to } = options;
  signal?.throwIfAborted();
  const destination =
    typeof to !== 'string' ? streamDestination(to) : (await isSpecial(to)) ? await specialDestination(to) : fileDestination(to);
  let started = false;
  try {
    await streamChatDump(url, {
      headers: { authorization: `Bearer ${apiToken}` },
      signal,
      idleTimeoutMs: options.idleTimeoutMs,
      fetch: options.fetch,
      write: (bytes) => {
        started = true;
        return destination.write(bytes);
      },
    });
    signal?.throwIfAborted();
    await destination.commit();
  } catch (error) {
    const reason = signal?.aborted ? signal.reason : error;
    // A Writable that never got a byte is left untouched; anything begun is thrown away.
    if (started || typeof to === 'string') await destination.discard();
    throw reason;
  }
}
