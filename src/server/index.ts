/**
 * The kit's Node entry (`<package>/server`): downloads a session's chat dump through the Chat
 * Replay API with the account's API token, which must never reach a browser.
 */
import { createWriteStream } from 'node:fs';
import { lstat, unlink } from 'node:fs/promises';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { ChatReplayError, fetchChatDumpResponse } from '../chat-dump/replay.js';

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
   * Where the CSV goes: a file path (opened only once the download has started, and removed
   * again if the download breaks off) or a `Writable`, which is ended when the dump is complete,
   * destroyed if the download breaks off, and left untouched if it never starts.
   */
  to: string | Writable;
  /** Aborts the download; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
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

/** Removes what a broken download left at `path`, if it is a plain file (never a device or a pipe). */
async function removePartialFile(path: string): Promise<void> {
  try {
    if ((await lstat(path)).isFile()) await unlink(path);
  } catch {
    // Nothing there, or not ours to remove: the download's own error is what matters.
  }
}

/**
 * Downloads the chat dump of a session: asks the Chat Replay API
 * (`GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/chat`, with
 * `Authorization: Bearer <apiToken>`) for the download URL, then streams the CSV from there to
 * `to` without holding it in memory. A download URL that has expired is renewed once. Rejects
 * with a `ChatReplayError` (with `code` and `status`) for 401/403/404/5xx answers, a malformed
 * answer, an expired link that stays refused, or a network failure; errors of the destination
 * (a missing folder, a full disk) come through as Node reports them.
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
  const response = await fetchChatDumpResponse(url, {
    headers: { authorization: `Bearer ${apiToken}` },
    signal,
    fetch: options.fetch,
  });
  if (!response.body) {
    throw new ChatReplayError('download', 'The chat dump download answered without a body.', { status: response.status });
  }
  const source = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
  let sourceError: unknown;
  source.once('error', (error) => {
    sourceError = error;
  });
  let opened = false;
  const destination = typeof to === 'string' ? createWriteStream(to).once('open', () => (opened = true)) : to;
  try {
    await pipeline(source, destination, { signal });
  } catch (error) {
    // Only a file this call opened (and so truncated) is removed, never one it could not open.
    if (typeof to === 'string' && opened) await removePartialFile(to);
    if (sourceError !== undefined && !signal?.aborted) {
      throw new ChatReplayError('network', `The chat dump download broke off: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    throw error;
  }
}
