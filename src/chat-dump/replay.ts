/**
 * The Chat Replay API client shared by the browser and `downloadChatDump` on the server: ask the
 * API for the dump's download URL, then GET the CSV there, renewing an expired URL once.
 *
 * Nothing here logs, and no error message holds a URL: the download URL is a presigned
 * credential and the API request may carry a token.
 */
import { epochMs } from './time.js';

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
  /** The CSV download answered another non-2xx status. */
  | 'download';

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

/** The Chat Replay API's JSON answer. */
export interface ChatReplayApiBody {
  success?: boolean;
  data?: { chat_download_url?: string; chat_download_url_expiry?: string };
  /** The Cloudflare API's error list, read for the error message. */
  errors?: { code?: number; message?: string }[];
}

/**
 * Where the API's answer comes from: a URL to GET (the Cloudflare endpoint with an
 * `Authorization` header in `headers`, or in a browser the page's own backend, which holds the
 * token), or a function that asks in its own way and returns the `Response` or the parsed body.
 */
export type ChatReplaySource = string | URL | (() => Promise<Response | ChatReplayApiBody>);

/** Options of the Chat Replay client. */
export interface ChatReplayOptions {
  /** The `fetch` to use; default the global one. */
  fetch?: typeof globalThis.fetch;
  /** Headers for the API request only: never sent to the download URL. */
  headers?: HeadersInit;
  /** Aborts the requests; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A download URL of the dump and when it stops working. */
export interface ChatDumpLink {
  /** The presigned URL of the CSV. Treat it as a secret until it expires. */
  url: string;
  /** From `chat_download_url_expiry`; `undefined` when the API gave none or an unreadable one. */
  expiresAt: Date | undefined;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function isResponse(value: unknown): value is Response {
  return isRecord(value) && typeof value.status === 'number' && typeof value.json === 'function';
}

function aborted(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The API's own words about an error, from the Cloudflare envelope or a plain backend. */
function apiSays(body: unknown): string {
  if (!isRecord(body)) return '';
  const first = Array.isArray(body.errors) ? body.errors.find((e) => isRecord(e) && typeof e.message === 'string') : undefined;
  const said = isRecord(first) ? first.message : typeof body.message === 'string' ? body.message : body.error;
  if (typeof said !== 'string' || said.trim() === '') return '';
  const short = said.length > 200 ? `${said.slice(0, 200)}…` : said;
  return ` The API said: "${short}".`;
}

/** The statuses with their own code and advice; other 5xx are `server`, the rest `http`. */
const HTTP_ERRORS: Readonly<Record<number, [ChatReplayErrorCode, string]>> = {
  401: ['unauthorized', 'did not accept the credentials (HTTP 401): check the API token.'],
  403: [
    'forbidden',
    'refused access (HTTP 403): the API token needs the Realtime or Realtime Admin permission, ' +
      'and the Chat Replay API must be enabled for the account.',
  ],
  404: ['not-found', 'found no such session (HTTP 404): check the account, app and session ids.'],
};

async function httpError(response: Response): Promise<ChatReplayError> {
  const { status } = response;
  let said = '';
  try {
    said = apiSays(JSON.parse(await response.text()));
  } catch {
    // An error page that is not JSON has nothing to add.
  }
  const fallback: [ChatReplayErrorCode, string] =
    status >= 500 ? ['server', `failed (HTTP ${status}); try again later.`] : ['http', `answered HTTP ${status}.`];
  const [code, what] = HTTP_ERRORS[status] ?? fallback;
  return new ChatReplayError(code, `The Chat Replay API ${what}${said}`, { status });
}

/** The API's answer as a body, from a URL or the caller's function. */
async function askApi(source: ChatReplaySource, options: ChatReplayOptions): Promise<unknown> {
  const { signal } = options;
  let answer: Response | ChatReplayApiBody;
  try {
    if (typeof source === 'function') {
      answer = await source();
    } else {
      const headers = new Headers(options.headers);
      if (!headers.has('accept')) headers.set('accept', 'application/json');
      answer = await (options.fetch ?? globalThis.fetch)(source, { headers, signal });
    }
  } catch (error) {
    if (error instanceof ChatReplayError || aborted(error, signal)) throw error;
    throw new ChatReplayError('network', `Could not reach the Chat Replay API: ${reasonOf(error)}`, { cause: error });
  }
  if (!isResponse(answer)) return answer;
  if (!answer.ok) throw await httpError(answer);
  try {
    return await answer.json();
  } catch (error) {
    if (aborted(error, signal)) throw error;
    throw new ChatReplayError('malformed', 'The Chat Replay API answered with something that is not JSON.', {
      status: answer.status,
      cause: error,
    });
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Asks the Chat Replay API once for the dump's download URL. Throws a `ChatReplayError` for an
 * HTTP error, `success: false`, an answer that is not the documented JSON, or no answer.
 */
export async function fetchChatDumpUrl(source: ChatReplaySource, options: ChatReplayOptions = {}): Promise<ChatDumpLink> {
  const body = await askApi(source, options);
  if (!isRecord(body)) throw new ChatReplayError('malformed', 'The Chat Replay API answered with JSON that is not an object.');
  if (body.success === false) {
    throw new ChatReplayError('api', `The Chat Replay API could not provide the chat dump.${apiSays(body)}`);
  }
  const data = body.data;
  const url = isRecord(data) ? data.chat_download_url : undefined;
  if (typeof url !== 'string' || !isHttpUrl(url)) {
    throw new ChatReplayError('malformed', 'The Chat Replay API answered without a valid chat_download_url.');
  }
  const expiry = epochMs(isRecord(data) ? data.chat_download_url_expiry : undefined);
  return { url, expiresAt: expiry === undefined ? undefined : new Date(expiry) };
}

const isExpired = (link: ChatDumpLink): boolean => link.expiresAt !== undefined && link.expiresAt.getTime() <= Date.now();

// What S3 answers for an expired presigned URL, and what other stores answer for a gone one.
const refusedAsExpired = (status: number): boolean => status === 403 || status === 410;

async function download(link: ChatDumpLink, options: ChatReplayOptions): Promise<Response> {
  const { signal } = options;
  try {
    // No headers: a token must never reach the storage host, and S3 refuses a second credential.
    return await (options.fetch ?? globalThis.fetch)(link.url, { signal });
  } catch (error) {
    if (aborted(error, signal)) throw error;
    throw new ChatReplayError('network', `Could not download the chat dump: ${reasonOf(error)}`, { cause: error });
  }
}

/**
 * Asks the Chat Replay API for the download URL and GETs the CSV there, returning the
 * successful response with its body unread (to stream it). A URL that is past its expiry, or
 * that the download refuses with 403/410, is renewed by asking the API again, once: the second
 * URL is tried whatever its expiry says, since the client's clock may be wrong.
 */
export async function fetchChatDumpResponse(source: ChatReplaySource, options: ChatReplayOptions = {}): Promise<Response> {
  let link = await fetchChatDumpUrl(source, options);
  let renewed = false;
  if (isExpired(link)) {
    link = await fetchChatDumpUrl(source, options);
    renewed = true;
  }
  let response = await download(link, options);
  if (refusedAsExpired(response.status) && !renewed) {
    await response.body?.cancel().catch(() => undefined);
    link = await fetchChatDumpUrl(source, options);
    response = await download(link, options);
  }
  if (refusedAsExpired(response.status)) {
    await response.body?.cancel().catch(() => undefined);
    throw new ChatReplayError(
      'expired',
      `The chat dump's download link was refused (HTTP ${response.status}) even after asking for a new one; try again later.`,
      { status: response.status },
    );
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const { status } = response;
    throw new ChatReplayError('download', `Downloading the chat dump failed (HTTP ${status}).`, { status });
  }
  return response;
}

/** Like `fetchChatDumpResponse`, resolving with the CSV text (parse it with `parseChatDumpCsv`). */
export async function fetchChatDump(source: ChatReplaySource, options: ChatReplayOptions = {}): Promise<string> {
  const response = await fetchChatDumpResponse(source, options);
  try {
    return await response.text();
  } catch (error) {
    if (aborted(error, options.signal)) throw error;
    throw new ChatReplayError('network', `The chat dump download broke off: ${reasonOf(error)}`, { cause: error });
  }
}
