/**
 * `handleChatSynced`: a whole webhook endpoint for `meeting.chatSynced` on a standard `Request`,
 * answering with a `Response`: verify, read the event, download the dump as a stream into the
 * app's store, and answer 2xx only once it is stored.
 */
import { ChatReplayError, fetchChatDumpResponse, type ChatReplayApiBody } from '../chat-dump/replay.js';
import { readChatSyncedEvent, CHAT_SYNCED, ChatSyncedEventError, type ChatSyncedEvent } from './chat-synced.js';
import type { ChatDumpKey, ChatDumpRecord, ChatDumpStore, StoredChatDump } from './store.js';
import { jsonResponse, verifyWebhook, type VerifiedWebhook, type VerifyWebhookOptions, type WebhookEvent } from './verify.js';

/** The Chat Replay API credentials that renew an expired download URL. Keep them server-side. */
export interface ChatReplayCredentials {
  /** The Cloudflare account id. */
  accountId: string;
  /** The RealtimeKit app id. */
  appId: string;
  /** A Cloudflare API token with the Realtime or Realtime Admin permission. Never logged. */
  apiToken: string;
  /** The Cloudflare API; default `https://api.cloudflare.com/client/v4`. */
  baseUrl?: string;
}

/** What became of a delivery that was answered 2xx. */
export type ChatSyncedResult =
  /** The dump was downloaded and stored. */
  | 'stored'
  /** The same delivery (same webhook id and body) was stored before: nothing was done. */
  | 'duplicate'
  /** A newer sync of this session is stored already (a later `chatDownloadUrlExpiry`): kept. */
  | 'stale'
  /** Another event, acknowledged without a handler. */
  | 'ignored'
  /** Another event, given to `onEvent`. */
  | 'handled';

/** Where a failure happened, for `onError`. */
export interface ChatSyncedFailure {
  /** `download`: getting the dump (answered 502); `store`: the store's `put` or `head` (500); `event`: `onEvent` (500). */
  stage: 'download' | 'store' | 'event';
  /** The event's name. */
  event: string;
  /** The session, for a `meeting.chatSynced` event. */
  key?: ChatDumpKey;
  /** `rtk-uuid` of the delivery. */
  deliveryId?: string;
}

/** Options of `handleChatSynced`; the verification options apply too. */
export interface HandleChatSyncedOptions extends VerifyWebhookOptions {
  /** Where the dumps go. */
  store: ChatDumpStore;
  /**
   * Renews an expired download URL through the Chat Replay API. Without it, a dump whose URL has
   * expired cannot be fetched, and the delivery is answered 502 (RealtimeKit tries again).
   */
  replay?: ChatReplayCredentials;
  /**
   * Handles every other event (`meeting.started`, `recording.statusUpdate`, …) once verified.
   * Its `Response`, if it returns one, is the answer; else 200. Without it they are acknowledged
   * with 200 and ignored.
   */
  onEvent?: (event: WebhookEvent, delivery: VerifiedWebhook) => Response | void | Promise<Response | void>;
  /** Hears every failure answered with 5xx, for the app's logs. The answer itself says nothing. */
  onError?: (error: unknown, failure: ChatSyncedFailure) => void;
}

const DEFAULT_API = 'https://api.cloudflare.com/client/v4';
const RECENT_LIMIT = 1000;

/** What the handler remembers per store in this process: recent deliveries, and sessions being stored. */
interface StoreState {
  /** Fingerprints stored lately, oldest first. */
  recent: Set<string>;
  /** The last delivery started for each session: the next one waits for it. */
  sessions: Map<string, Promise<unknown>>;
}

const states = new WeakMap<ChatDumpStore, StoreState>();

function stateOf(store: ChatDumpStore): StoreState {
  let state = states.get(store);
  if (!state) {
    state = { recent: new Set(), sessions: new Map() };
    states.set(store, state);
  }
  return state;
}

function remember(state: StoreState, fingerprint: string): void {
  state.recent.add(fingerprint);
  if (state.recent.size > RECENT_LIMIT) state.recent.delete(state.recent.values().next().value as string);
}

/** Runs `task` after every earlier task of the same session in this process. */
function serialized<T>(state: StoreState, session: string, task: () => Promise<T>): Promise<T> {
  const previous = state.sessions.get(session) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  state.sessions.set(session, tail);
  void tail.then(() => {
    if (state.sessions.get(session) === tail) state.sessions.delete(session);
  });
  return run;
}

/** SHA-256 in hex of the webhook id and the body: what makes two deliveries the same. */
async function fingerprintOf(webhookId: string | undefined, body: Uint8Array<ArrayBuffer>): Promise<string> {
  const prefix = new TextEncoder().encode(`${webhookId ?? ''}\n`);
  const data = new Uint8Array(prefix.length + body.length);
  data.set(prefix);
  data.set(body, prefix.length);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function chatReplayApiUrl(credentials: ChatReplayCredentials, sessionId: string): string {
  const base = (credentials.baseUrl ?? DEFAULT_API).replace(/\/+$/, '');
  const segment = encodeURIComponent;
  return `${base}/accounts/${segment(credentials.accountId)}/realtime/kit/${segment(credentials.appId)}/sessions/${segment(sessionId)}/chat`;
}

/**
 * The dump's download: first the event's own URL; when that has expired or is refused as expired,
 * a fresh URL from the Chat Replay API (the shared client in `chat-dump/replay.ts` does the
 * renewing, once).
 */
function downloadDump(event: ChatSyncedEvent, options: HandleChatSyncedOptions): Promise<Response> {
  let asked = 0;
  const source = async (): Promise<Response | ChatReplayApiBody> => {
    asked += 1;
    if (asked === 1) {
      return { success: true, data: { chat_download_url: event.chatDownloadUrl, chat_download_url_expiry: event.chatDownloadUrlExpiry?.toISOString() } };
    }
    const { replay } = options;
    if (!replay) {
      throw new ChatReplayError('expired', 'The chat dump download URL has expired, and no Chat Replay API credentials are configured to renew it.');
    }
    return (options.fetch ?? globalThis.fetch)(chatReplayApiUrl(replay, event.sessionId), {
      headers: { authorization: `Bearer ${replay.apiToken}`, accept: 'application/json' },
    });
  };
  return fetchChatDumpResponse(source, { fetch: options.fetch });
}

/** The body's length when the download declares it and no content coding changes it. */
function declaredSize(response: Response): number | undefined {
  const coding = response.headers.get('content-encoding');
  if (coding && coding.trim().toLowerCase() !== 'identity') return undefined;
  const length = response.headers.get('content-length');
  return length !== null && /^\d+$/.test(length.trim()) ? Number(length) : undefined;
}

const done = (result: ChatSyncedResult): Response => jsonResponse(200, { result });

/** Whether `incoming` is older than what is stored: both must have an expiry to tell. */
function olderThanStored(incoming: Date | undefined, stored: Date | undefined): boolean {
  return incoming !== undefined && stored !== undefined && incoming.getTime() < stored.getTime();
}

async function storeDump(event: ChatSyncedEvent, delivery: VerifiedWebhook, options: HandleChatSyncedOptions): Promise<Response> {
  const { store } = options;
  const state = stateOf(store);
  const key: ChatDumpKey = { meetingId: event.meetingId, sessionId: event.sessionId };
  const failure = (stage: ChatSyncedFailure['stage']): ChatSyncedFailure => ({ stage, event: CHAT_SYNCED, key, deliveryId: delivery.deliveryId });
  const fingerprint = await fingerprintOf(delivery.webhookId, delivery.body);
  return serialized(state, `${key.meetingId}/${key.sessionId}`, async () => {
    if (state.recent.has(fingerprint)) return done('duplicate');
    let stored: StoredChatDump | undefined;
    try {
      stored = await store.head?.(key);
    } catch (error) {
      options.onError?.(error, failure('store'));
      return jsonResponse(500, { error: 'Internal Server Error' });
    }
    if (stored?.fingerprint === fingerprint) {
      remember(state, fingerprint);
      return done('duplicate');
    }
    if (olderThanStored(event.chatDownloadUrlExpiry, stored?.downloadUrlExpiry)) return done('stale');
    let response: Response;
    try {
      response = await downloadDump(event, options);
    } catch (error) {
      options.onError?.(error, failure('download'));
      return jsonResponse(502, { error: 'Bad Gateway' });
    }
    const record: ChatDumpRecord = {
      ...key,
      title: event.title,
      organizer: event.organizedBy,
      startedAt: event.startedAt,
      endedAt: event.endedAt,
      downloadUrlExpiry: event.chatDownloadUrlExpiry,
      storedAt: new Date(),
      deliveryId: delivery.deliveryId,
      webhookId: delivery.webhookId,
      fingerprint,
      size: declaredSize(response),
    };
    const body = response.body ?? new Response('').body!;
    try {
      await store.put(record, body);
    } catch (error) {
      const broken = await brokeOff(body);
      options.onError?.(error, failure(broken ? 'download' : 'store'));
      return broken ? jsonResponse(502, { error: 'Bad Gateway' }) : jsonResponse(500, { error: 'Internal Server Error' });
    }
    remember(state, fingerprint);
    return done('stored');
  });
}

/**
 * After a failed `put`: whether the download itself broke off (the stream errored) rather than
 * the store giving up (it canceled the stream, or left it unread: canceled here, which also lets
 * the connection go). Asked afterwards, so the bytes flow through no extra stream on their way
 * (one costs workerd both time and memory on a large dump). A store still holding the stream
 * cannot be asked: counted as the store's failure.
 */
async function brokeOff(body: ReadableStream<Uint8Array>): Promise<boolean> {
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = body.getReader();
  } catch {
    return false;
  }
  try {
    // Canceling an errored stream is what rejects.
    await reader.cancel();
    return false;
  } catch {
    return true;
  } finally {
    reader.releaseLock();
  }
}

/**
 * A webhook endpoint that archives each session's chat. Verifies the delivery (see
 * `verifyWebhook`: 401, 413, 405, 400, 503), then for `meeting.chatSynced` downloads
 * `chatDownloadUrl` as a stream into `store`, renewing an expired URL through the Chat Replay API
 * when `replay` credentials are given. Answers 200 `{ "result": "stored" }` only once `put`
 * resolved; a delivery repeated with the same webhook id and body is stored once (`duplicate`),
 * and an older sync of a session already stored is not written over it (`stale`). A download
 * that fails is answered 502 and a store that fails 500, so RealtimeKit delivers again. Other
 * events go to `onEvent`, or are acknowledged with 200 `{ "result": "ignored" }`.
 *
 * No Node-only API: the same function serves Node (with the `rtk-chat-kit/webhook/node` adapter),
 * Cloudflare Workers, Deno and Bun.
 */
export async function handleChatSynced(request: Request, options: HandleChatSyncedOptions): Promise<Response> {
  const verified = await verifyWebhook(request, options);
  if (!verified.ok) return verified.response;
  const { event } = verified;
  if (event.event !== CHAT_SYNCED) {
    if (!options.onEvent) return done('ignored');
    try {
      return (await options.onEvent(event, verified)) ?? done('handled');
    } catch (error) {
      options.onError?.(error, { stage: 'event', event: event.event, deliveryId: verified.deliveryId });
      return jsonResponse(500, { error: 'Internal Server Error' });
    }
  }
  let synced: ChatSyncedEvent;
  try {
    synced = readChatSyncedEvent(event);
  } catch (error) {
    if (!(error instanceof ChatSyncedEventError)) throw error;
    return jsonResponse(400, { error: 'Bad Request' });
  }
  return storeDump(synced, verified, options);
}
