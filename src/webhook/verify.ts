/**
 * Verifies a RealtimeKit webhook delivery: the RSA signature (RSASSA-PKCS1-v1_5, SHA-256) in the
 * `rtk-signature` header, or the older `dyte-signature`, over the raw body bytes, before anything
 * is parsed. Web Crypto and `fetch` only, so it runs the same on Node 20+, Cloudflare Workers,
 * Deno, Bun and in browsers.
 */
import { base64Bytes, importWebhookKey, publishedKey, refreshPublishedKey, WEBHOOK_ALGORITHM, type PublishedKeyOptions } from './keys.js';

/** Where RealtimeKit publishes its webhook key (`data.publicKey`, PEM). */
export const WEBHOOK_KEY_URL = 'https://api.realtime.cloudflare.com/.well-known/webhooks.json';
/** Where older Dyte deployments published theirs, for the `dyte-signature` header. */
export const LEGACY_WEBHOOK_KEY_URL = 'https://api.dyte.io/.well-known/webhooks.json';
/** The default cap on a delivery's body: RealtimeKit's events are a few hundred bytes. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Options of `verifyWebhook`. */
export interface VerifyWebhookOptions {
  /**
   * The key to verify with: a PEM public key (`-----BEGIN PUBLIC KEY-----`) or a `CryptoKey` for
   * RSASSA-PKCS1-v1_5 with SHA-256. Without it, the published key is fetched, cached, and fetched
   * again once when a signature fails (the key may have been rotated).
   */
  publicKey?: string | CryptoKey;
  /** Where the key for `rtk-signature` is published; default `WEBHOOK_KEY_URL`. */
  keyUrl?: string | URL;
  /** Where the key for the legacy `dyte-signature` is published; default `LEGACY_WEBHOOK_KEY_URL`. */
  legacyKeyUrl?: string | URL;
  /**
   * How long after fetching the published key a failed signature does not fetch it again, in ms;
   * default 30,000. It keeps a flood of forged deliveries from making a request each.
   */
  keyRefreshCooldownMs?: number;
  /** How long a fetched key is used before it is fetched again anyway, in ms; default 10 minutes. */
  keyMaxAgeMs?: number;
  /** Bodies larger than this many bytes are refused with 413; default 1 MiB. */
  maxBodyBytes?: number;
  /** The `fetch` for the published key; default the global one. */
  fetch?: typeof globalThis.fetch;
}

/** Why a delivery was refused. */
export type WebhookRejection =
  /** Not a POST: 405. */
  | 'method'
  /** Neither `rtk-signature` nor `dyte-signature`: 401. */
  | 'missing-signature'
  /** The signature does not match the body: 401. */
  | 'bad-signature'
  /** The body is over `maxBodyBytes`: 413. */
  | 'too-large'
  /** Signed, but not a JSON object with an `event` name: 400. */
  | 'malformed'
  /** The published key could not be fetched: 503, so RealtimeKit delivers again later. */
  | 'key-unavailable';

/** A webhook event: its name in `event`, the other fields as RealtimeKit sent them. */
export interface WebhookEvent {
  event: string;
  [field: string]: unknown;
}

/** A delivery whose signature holds. */
export interface VerifiedWebhook {
  ok: true;
  /** The event, parsed from the body after the signature was checked. */
  event: WebhookEvent;
  /** The raw body bytes the signature covers. */
  body: Uint8Array<ArrayBuffer>;
  /** `rtk-uuid`: this delivery's id. */
  deliveryId: string | undefined;
  /** `rtk-webhook-id`: the id of the webhook configuration that sent it. */
  webhookId: string | undefined;
  /** Which header carried the signature. */
  signatureHeader: 'rtk-signature' | 'dyte-signature';
}

/** A delivery that was refused, with the answer to give. */
export interface RejectedWebhook {
  ok: false;
  reason: WebhookRejection;
  /** 400, 401, 405, 413 or 503. */
  status: number;
  /** The answer to send back: the status with a short body that says nothing about why. */
  response: Response;
  /** What went wrong underneath, for the app's logs (e.g. why the key could not be fetched). */
  cause?: unknown;
}

/** What `verifyWebhook` resolves with. */
export type WebhookVerification = VerifiedWebhook | RejectedWebhook;

const STATUS: Readonly<Record<WebhookRejection, [number, string]>> = {
  method: [405, 'Method Not Allowed'],
  'missing-signature': [401, 'Unauthorized'],
  'bad-signature': [401, 'Unauthorized'],
  'too-large': [413, 'Payload Too Large'],
  malformed: [400, 'Bad Request'],
  'key-unavailable': [503, 'Service Unavailable'],
};

/** An answer with a JSON body `{ "error": … }` (or the given body) and no caching. */
export function jsonResponse(status: number, body: Record<string, unknown>, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

function reject(reason: WebhookRejection, cause?: unknown): RejectedWebhook {
  const [status, text] = STATUS[reason];
  const headers: HeadersInit = reason === 'method' ? { allow: 'POST' } : {};
  return { ok: false, reason, status, response: jsonResponse(status, { error: text }, headers), cause };
}

/** The body, or `undefined` when it is over `max` bytes (read no further than that). */
async function readCapped(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await request.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

// Keys given as PEM text, imported once: an app passes the same string on every request.
const givenKeys = new Map<string, Promise<CryptoKey>>();

function givenKey(key: string | CryptoKey): Promise<CryptoKey> {
  if (typeof key !== 'string') return Promise.resolve(key);
  let imported = givenKeys.get(key);
  if (!imported) {
    imported = importWebhookKey(key);
    imported.catch(() => givenKeys.delete(key));
    if (givenKeys.size > 16) givenKeys.clear();
    givenKeys.set(key, imported);
  }
  return imported;
}

const verifyWith = (key: CryptoKey, signature: Uint8Array<ArrayBuffer>, body: Uint8Array<ArrayBuffer>): Promise<boolean> =>
  crypto.subtle.verify(WEBHOOK_ALGORITHM, key, signature, body).catch(() => false);

/** Whether the signature holds under the published key, fetching it again once if it does not. */
async function verifyPublished(url: string, signature: Uint8Array<ArrayBuffer>, body: Uint8Array<ArrayBuffer>, options: PublishedKeyOptions): Promise<boolean> {
  const cached = await publishedKey(url, options);
  if (await verifyWith(cached.key, signature, body)) return true;
  const renewed = await refreshPublishedKey(url, cached, options);
  return renewed !== cached && (await verifyWith(renewed.key, signature, body));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks that a request is a genuine RealtimeKit webhook delivery. Reads the body (refusing one
 * over `maxBodyBytes` with 413), checks the base64 RSA signature of `rtk-signature` (or the older
 * `dyte-signature`) over those exact bytes with Web Crypto, and only then parses the JSON.
 * Resolves with the event, or with `ok: false` and the `response` to answer with: 401 for a
 * missing or wrong signature (the body says nothing more), 413, 405 for another method, 400 for a
 * signed body that is not an event, 503 when the published key could not be fetched. Never throws
 * for what a request contains; throws a `TypeError` when `publicKey` is not a usable key.
 */
export async function verifyWebhook(request: Request, options: VerifyWebhookOptions = {}): Promise<WebhookVerification> {
  if (request.method !== 'POST') return reject('method');
  const rtk = request.headers.get('rtk-signature');
  const dyte = rtk === null ? request.headers.get('dyte-signature') : null;
  const signatureHeader = rtk !== null ? 'rtk-signature' : 'dyte-signature';
  const given = options.publicKey === undefined ? undefined : await givenKey(options.publicKey);
  const body = await readCapped(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  if (!body) return reject('too-large');
  const header = rtk ?? dyte;
  if (header === null) return reject('missing-signature');
  const signature = base64Bytes(header);
  if (!signature) return reject('bad-signature');
  let valid: boolean;
  if (given) {
    valid = await verifyWith(given, signature, body);
  } else {
    const url = String(rtk !== null ? (options.keyUrl ?? WEBHOOK_KEY_URL) : (options.legacyKeyUrl ?? LEGACY_WEBHOOK_KEY_URL));
    try {
      valid = await verifyPublished(url, signature, body, options);
    } catch (error) {
      return reject('key-unavailable', error);
    }
  }
  if (!valid) return reject('bad-signature');
  let event: unknown;
  try {
    event = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    return reject('malformed', error);
  }
  if (!isRecord(event) || typeof event.event !== 'string') return reject('malformed');
  return {
    ok: true,
    event: event as WebhookEvent,
    body,
    deliveryId: request.headers.get('rtk-uuid') ?? undefined,
    webhookId: request.headers.get('rtk-webhook-id') ?? undefined,
    signatureHeader,
  };
}
