/**
 * The webhook's public key: imported from PEM, or fetched from where RealtimeKit publishes it and
 * cached per URL for every request of this process (or Worker isolate).
 */

/** The signature scheme of RealtimeKit's webhooks. */
export const WEBHOOK_ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

const DEFAULT_COOLDOWN_MS = 30_000;
const DEFAULT_MAX_AGE_MS = 10 * 60_000;
const FETCH_TIMEOUT_MS = 10_000;

/** How the published key is fetched and kept. */
export interface PublishedKeyOptions {
  keyRefreshCooldownMs?: number;
  keyMaxAgeMs?: number;
  fetch?: typeof globalThis.fetch;
}

/** A key fetched from its URL, and when. */
export interface PublishedKey {
  key: CryptoKey;
  fetchedAt: number;
}

/** The bytes of a base64 text (whitespace ignored), or `undefined` when it is not base64 or empty. */
export function base64Bytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.length > 0 ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** Imports a PEM public key (`-----BEGIN PUBLIC KEY-----`) for RSASSA-PKCS1-v1_5 with SHA-256. Throws a `TypeError` for anything else. */
export async function importWebhookKey(pem: string): Promise<CryptoKey> {
  const match = /-----BEGIN PUBLIC KEY-----([\s\S]+?)-----END PUBLIC KEY-----/.exec(pem);
  const der = match ? base64Bytes(match[1]) : undefined;
  if (!der) throw new TypeError('The webhook public key is not a PEM "PUBLIC KEY" (SubjectPublicKeyInfo).');
  try {
    return await crypto.subtle.importKey('spki', der, WEBHOOK_ALGORITHM, false, ['verify']);
  } catch (error) {
    throw new TypeError('The webhook public key is not an RSA public key.', { cause: error });
  }
}

/** The newest key fetched from each URL. */
const latest = new Map<string, PublishedKey>();
/** The fetch under way for each URL: concurrent requests share it. */
const loading = new Map<string, Promise<PublishedKey>>();

async function fetchKey(url: string, options: PublishedKeyOptions): Promise<PublishedKey> {
  const response = await (options.fetch ?? globalThis.fetch)(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new Error(`The webhook key URL answered HTTP ${response.status}.`);
  }
  const body = (await response.json()) as { data?: { publicKey?: unknown } } | null;
  const pem = body?.data?.publicKey;
  if (typeof pem !== 'string') throw new Error('The webhook key URL answered without data.publicKey.');
  return { key: await importWebhookKey(pem), fetchedAt: Date.now() };
}

function load(url: string, options: PublishedKeyOptions): Promise<PublishedKey> {
  const pending = fetchKey(url, options).then((fetched) => {
    latest.set(url, fetched);
    return fetched;
  });
  const settle = () => {
    if (loading.get(url) === pending) loading.delete(url);
  };
  pending.then(settle, settle);
  loading.set(url, pending);
  return pending;
}

/**
 * The key published at `url`: the cached one while it is younger than `keyMaxAgeMs`, else
 * fetched (and if that fails, the older key, so a hiccup of the key URL loses no delivery).
 */
export function publishedKey(url: string, options: PublishedKeyOptions = {}): Promise<PublishedKey> {
  const pending = loading.get(url);
  if (pending) return pending;
  const known = latest.get(url);
  if (known && Date.now() - known.fetchedAt < (options.keyMaxAgeMs ?? DEFAULT_MAX_AGE_MS)) return Promise.resolve(known);
  const fetched = load(url, options);
  return known ? fetched.catch(() => known) : fetched;
}

/**
 * After a signature failed with `stale`: a newer key if one was fetched meanwhile, else a fresh
 * fetch, unless `stale` was fetched less than `keyRefreshCooldownMs` ago (then `stale` itself).
 * Rejects when the fetch fails.
 */
export function refreshPublishedKey(url: string, stale: PublishedKey, options: PublishedKeyOptions = {}): Promise<PublishedKey> {
  const pending = loading.get(url);
  if (pending) return pending;
  const known = latest.get(url);
  if (known && known !== stale) return Promise.resolve(known);
  if (Date.now() - stale.fetchedAt < (options.keyRefreshCooldownMs ?? DEFAULT_COOLDOWN_MS)) return Promise.resolve(stale);
  return load(url, options);
}
