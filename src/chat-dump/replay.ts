/**
 * The Chat Replay API client shared by the browser and `downloadChatDump` on the server: ask the
 * API for the dump's download URL, then GET the CSV there, renewing an expired URL once.
 *
 * Nothing here logs, and no error message holds a URL: the download URL is a presigned
 * credential and the API request may carry a token.
 */
import { ChatReplayError, type ChatReplayErrorCode } from './replay-error.js';
import { epochMs } from './time.js';
import { Watchdog } from './watchdog.js';

export { ChatReplayError, type ChatReplayErrorCode } from './replay-error.js';

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
  /** Aborts the requests and the download; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Gives up with a `timeout` error when the API does not answer, or the download brings less
   * than 1 KiB, for this long (ms): a stalled backend, a stalled download and a drip of a few
   * bytes a second all end. Default 30,000; `0` or `Infinity` waits forever.
   */
  idleTimeoutMs?: number;
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

export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

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

/** The most of the API's answer the client reads: its JSON is a few hundred bytes. */
const MAX_API_BYTES = 1024 * 1024;

/** The text of a small answer, refusing one past `MAX_API_BYTES` without reading it all. */
async function readSmall(response: Response, watchdog: Watchdog): Promise<string> {
  if (!response.body) return watchdog.race(response.text());
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await watchdog.race(reader.read());
      if (done) return text + decoder.decode();
      size += value.byteLength;
      watchdog.arrived(value.byteLength);
      if (size > MAX_API_BYTES) {
        throw new ChatReplayError('malformed', `The Chat Replay API answered with more than ${MAX_API_BYTES / 1024 / 1024} MiB, not the small JSON it sends.`, {
          status: response.status,
        });
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

async function httpError(response: Response, watchdog: Watchdog): Promise<ChatReplayError> {
  const { status } = response;
  let said = '';
  try {
    said = apiSays(JSON.parse(await readSmall(response, watchdog)));
  } catch {
    // An error page that is not JSON has nothing to add.
  }
  const fallback: [ChatReplayErrorCode, string] =
    status >= 500 ? ['server', `failed (HTTP ${status}); try again later.`] : ['http', `answered HTTP ${status}.`];
  const [code, what] = HTTP_ERRORS[status] ?? fallback;
  return new ChatReplayError(code, `The Chat Replay API ${what}${said}`, { status });
}

// What a misconfigured endpoint answers instead: a web page (the app's own index.html) or XML.
const NOT_JSON = /^\s*(text\/html|application\/xhtml\+xml|text\/xml|application\/xml)\b/i;

/** The API's answer as a body, from a URL or the caller's function. */
async function askApi(source: ChatReplaySource, options: ChatReplayOptions, watchdog: Watchdog): Promise<unknown> {
  let answer: Response | ChatReplayApiBody;
  watchdog.wait('api');
  try {
    if (typeof source === 'function') {
      answer = await watchdog.race(source());
    } else {
      const headers = new Headers(options.headers);
      if (!headers.has('accept')) headers.set('accept', 'application/json');
      answer = await watchdog.race((options.fetch ?? globalThis.fetch)(source, { headers, signal: watchdog.signal }));
    }
  } catch (error) {
    if (error instanceof ChatReplayError || watchdog.signal.aborted) throw watchdog.reason(error);
    throw new ChatReplayError('network', `Could not reach the Chat Replay API: ${reasonOf(error)}`, { cause: error });
  }
  if (!isResponse(answer)) return answer;
  if (!answer.ok) throw await httpError(answer, watchdog);
  const type = answer.headers?.get?.('content-type') ?? '';
  if (NOT_JSON.test(type)) {
    answer.body?.cancel().catch(() => undefined);
    throw new ChatReplayError('malformed', `The Chat Replay API answered with a web page (${type.split(';')[0].trim()}), not JSON: check the URL of the endpoint.`, {
      status: answer.status,
    });
  }
  let text: string;
  try {
    text = await readSmall(answer, watchdog);
  } catch (error) {
    if (error instanceof ChatReplayError || watchdog.signal.aborted) throw watchdog.reason(error);
    throw new ChatReplayError('network', `The Chat Replay API's answer broke off: ${reasonOf(error)}`, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
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
export function fetchChatDumpUrl(source: ChatReplaySource, options: ChatReplayOptions = {}): Promise<ChatDumpLink> {
  return watched(options, (watchdog) => askForLink(source, options, watchdog));
}

/** Runs `work` under an idle timer joined with the caller's signal, stopped when it ends. */
export async function watched<T>(options: ChatReplayOptions, work: (watchdog: Watchdog) => Promise<T>): Promise<T> {
  const watchdog = new Watchdog(options.idleTimeoutMs, options.signal);
  try {
    return await work(watchdog);
  } finally {
    watchdog.stop();
  }
}

async function askForLink(source: ChatReplaySource, options: ChatReplayOptions, watchdog: Watchdog): Promise<ChatDumpLink> {
  const body = await askApi(source, options, watchdog);
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

async function download(link: ChatDumpLink, options: ChatReplayOptions, watchdog: Watchdog): Promise<Response> {
  watchdog.wait('download');
  try {
    // No headers: a token must never reach the storage host, and S3 refuses a second credential.
    return await watchdog.race((options.fetch ?? globalThis.fetch)(link.url, { signal: watchdog.signal }));
  } catch (error) {
    if (watchdog.signal.aborted) throw watchdog.reason(error);
    throw new ChatReplayError('network', `Could not download the chat dump: ${reasonOf(error)}`, { cause: error });
  }
}

// A download that is a web page, JSON or XML is an error page or a wrong link, never a dump.
const NOT_CSV: ReadonlyArray<[RegExp, string]> = [
  [/^\s*(text\/html|application\/xhtml\+xml)\b/i, 'a web page'],
  [/^\s*(application|text)\/([\w.+-]*\+)?json\b/i, 'JSON'],
  [/^\s*(application|text)\/([\w.+-]*\+)?xml\b/i, 'XML'],
];

const cancel = (response: Response): void => void response.body?.cancel().catch(() => undefined);

/** The successful download response, body unread, after renewing a refused link once. */
export async function openDump(source: ChatReplaySource, options: ChatReplayOptions, watchdog: Watchdog): Promise<Response> {
  let link = await askForLink(source, options, watchdog);
  let renewed = false;
  if (isExpired(link)) {
    link = await askForLink(source, options, watchdog);
    renewed = true;
  }
  let response = await download(link, options, watchdog);
  if (refusedAsExpired(response.status) && !renewed) {
    cancel(response);
    link = await askForLink(source, options, watchdog);
    response = await download(link, options, watchdog);
  }
  if (refusedAsExpired(response.status)) {
    cancel(response);
    throw new ChatReplayError(
      'expired',
      `The chat dump's download link was refused (HTTP ${response.status}) even after asking for a new one; try again later.`,
      { status: response.status },
    );
  }
  if (!response.ok) {
    cancel(response);
    const { status } = response;
    throw new ChatReplayError('download', `Downloading the chat dump failed (HTTP ${status}).`, { status });
  }
  const type = response.headers.get('content-type') ?? '';
  const wrong = NOT_CSV.find(([pattern]) => pattern.test(type));
  if (wrong) {
    cancel(response);
    throw new ChatReplayError('not-a-dump', `The download is not a chat dump: it is ${wrong[1]} (${type.split(';')[0].trim()}).`, { status: response.status });
  }
  return response;
}

/**
 * Asks the Chat Replay API for the download URL and GETs the CSV there, returning the
 * successful response with its body unread (to stream it yourself; `streamChatDump` streams and
 * checks it for you). A URL that is past its expiry, or that the download refuses with 403/410,
 * is renewed by asking the API again, once: the second URL is tried whatever its expiry says,
 * since the client's clock may be wrong. A download that is a web page, JSON or XML fails as
 * `not-a-dump`. The idle timeout covers the requests up to the response, not the body.
 */
export function fetchChatDumpResponse(source: ChatReplaySource, options: ChatReplayOptions = {}): Promise<Response> {
  return watched(options, (watchdog) => openDump(source, options, watchdog));
}
