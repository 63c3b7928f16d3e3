/** The error of the Chat Replay client, in a module of its own so every part of the client can throw it. */

/** What went wrong, for code that reacts to it; `message` is for people. */
export type ChatReplayErrorCode =
  /** The API answered 401: no or a wrong token. */
  | 'unauthorized'
  /** The API answered 403: the token lacks the permission, or the API is not enabled. */
  | 'forbidden'
  /** The API answered 404: no such account, app or session. */
  | 'not-found'
  /** The API answered 5xx. */
  | 'server'
  /** The API answered another non-2xx status (`status` says which). */
  | 'http'
  /** The API answered `success: false`. */
  | 'api'
  /** The API's answer is not the documented JSON. */
  | 'malformed'
  /** No answer at all: offline, DNS, CORS, a connection broken off. */
  | 'network'
  /** The download URL was refused as expired (403/410) even after asking for a new one. */
  | 'expired'
  /** The CSV download answered another non-2xx status, or could not be kept. */
  | 'download'
  /** Nothing (or less than 1 KiB) arrived for the idle timeout: the API or the download stalled. */
  | 'timeout'
  /** What was downloaded is not a chat dump: a web page, JSON, not UTF-8, or without the dump's header. */
  | 'not-a-dump'
  /** The download ended early (mid-row, short of its `Content-Length`) or was not kept whole. */
  | 'incomplete';

/** Every failure of the Chat Replay client: a readable `message`, a `code`, the HTTP `status`. */
export class ChatReplayError extends Error {
  override readonly name = 'ChatReplayError';
  /** What went wrong. */
  readonly code: ChatReplayErrorCode;
  /** The HTTP status behind the error, when there was one. */
  readonly status: number | undefined;

  constructor(code: ChatReplayErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
  }
}
