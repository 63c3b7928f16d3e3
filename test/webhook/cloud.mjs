// A local stand-in for what a webhook receiver talks to, for the Node tests: RealtimeKit's
// published key, the storage behind `chatDownloadUrl`, and the Chat Replay API. Plus real RSA keys
// and signed deliveries. Everything on 127.0.0.1, on a port of its own.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';

export const ACCOUNT = 'acc-1';
export const APP = 'app-1';
export const API_TOKEN = 'api-token-7c1e';
export const DUMP_HEADER = '\uFEFFid,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt\r\n';

/** A CSV dump of `rows` text messages. */
export function dumpCsv(meetingId, sessionId, rows, text = 'hello') {
  let csv = DUMP_HEADER;
  for (let i = 0; i < rows; i++) {
    csv += `m${i},u${i % 3},${sessionId},${meetingId},Person ${i % 3},${i === 0},false,TEXT_MESSAGE,"${text} ${i}, ok",2025-01-02T03:04:${String(i % 60).padStart(2, '0')}.000Z\r\n`;
  }
  return csv;
}

/** An RSA key pair for RSASSA-PKCS1-v1_5 with SHA-256, with its public key as PEM. */
export async function rsaKeys() {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  const spki = Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey)).toString('base64');
  const pem = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g).join('\n')}\n-----END PUBLIC KEY-----\n`;
  return { ...pair, pem };
}

/** The base64 signature of `bytes`, as RealtimeKit puts it in `rtk-signature`. */
export async function sign(keys, bytes) {
  const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', keys.privateKey, bytes);
  return Buffer.from(signature).toString('base64');
}

let deliveries = 0;

/**
 * A signed delivery of `event` (an object, or the exact body text) as `fetch` init: the JSON body,
 * the signature in `header`, a fresh `rtk-uuid` and the webhook id. `tamper` changes the body
 * after signing.
 */
export async function signedDelivery(keys, event, { header = 'rtk-signature', webhookId = 'hook-1', tamper, headers = {} } = {}) {
  const text = typeof event === 'string' ? event : JSON.stringify(event);
  const bytes = new TextEncoder().encode(text);
  const signature = await sign(keys, bytes);
  deliveries += 1;
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', [header]: signature, 'rtk-uuid': `delivery-${deliveries}`, 'rtk-webhook-id': webhookId, ...headers },
    body: tamper ? tamper(text) : text,
  };
}

/** A `meeting.chatSynced` event as RealtimeKit sends it: flat fields. */
export function chatSynced(origin, { meetingId = 'meeting-1', sessionId = 'session-1', file = `${sessionId}.csv`, expiry = inAnHour(), ...rest } = {}) {
  return {
    event: 'meeting.chatSynced',
    meetingId,
    sessionId,
    chatDownloadUrl: `${origin}/bucket/${file}?X-Amz-Signature=secret`,
    chatDownloadUrlExpiry: expiry,
    organizedBy: { id: 'org-1', name: 'Ada Admin' },
    ...rest,
  };
}

export const inAnHour = (offsetMs = 0) => new Date(Date.now() + 3_600_000 + offsetMs).toISOString();
export const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

/**
 * The imitated cloud. `keys[path]` is the PEM served at `/keys/<path>.json`; `files[name]` what
 * `/bucket/<name>` serves: a string, `{ status }`, `{ body, breakOff: true }` (stops halfway),
 * `{ body, chunked: true }` (no content-length), or `{ size, chunked? }`, generated on the fly
 * (rows of the dump without holding them). `api[sessionId]` is a queue of Chat Replay answers.
 * `requests` lists every request as `{ path, headers }`.
 */
export async function startCloud() {
  const cloud = { keys: {}, files: {}, api: {}, requests: [] };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    cloud.requests.push({ path: url.pathname, search: url.search, headers: req.headers });
    const key = /^\/keys\/(.+)\.json$/.exec(url.pathname);
    if (key) {
      const pem = cloud.keys[key[1]];
      if (pem === undefined) res.writeHead(503).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ success: true, data: { publicKey: pem } }));
      return;
    }
    const api = new RegExp(`^/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}/sessions/([^/]+)/chat$`).exec(url.pathname);
    if (api) {
      const next = cloud.api[decodeURIComponent(api[1])]?.shift();
      if (!next) res.writeHead(404, { 'content-type': 'application/json' }).end('{"success":false}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(next));
      return;
    }
    const file = /^\/bucket\/(.+)$/.exec(url.pathname);
    const entry = file ? cloud.files[decodeURIComponent(file[1])] : undefined;
    if (entry === undefined) {
      res.writeHead(404).end();
    } else if (typeof entry === 'string') {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': Buffer.byteLength(entry) }).end(entry);
    } else if (entry.status) {
      res.writeHead(entry.status).end('<Error><Code>AccessDenied</Code></Error>');
    } else if (entry.size !== undefined) {
      serveGenerated(res, entry);
    } else if (entry.breakOff) {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': Buffer.byteLength(entry.body) * 2 });
      res.write(entry.body, () => res.destroy());
    } else {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end(entry.body);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cloud.origin = `http://127.0.0.1:${server.address().port}`;
  cloud.close = () => {
    server.closeAllConnections();
    server.close();
  };
  return cloud;
}

/** Row `index` of a generated dump: a fixed width, so the size of any number of rows is known. */
const generatedRow = (index) =>
  `m${String(index).padStart(9, '0')},u1,s,m,Big,false,false,TEXT_MESSAGE,${'x'.repeat(60)},2025-01-02T03:04:05.000Z\r\n`;

/** A generated dump of exactly `size` bytes, 64 KiB at a time: the header, then rows, the last one cut. */
export function* generatedDump(size) {
  const rowBytes = Buffer.byteLength(generatedRow(0));
  let sent = 0;
  let row = 0;
  while (sent < size) {
    let chunk;
    if (sent === 0) {
      chunk = Buffer.from(DUMP_HEADER);
    } else {
      const rows = [];
      for (let bytes = 0; bytes < 65_536; bytes += rowBytes) rows.push(generatedRow(row++));
      chunk = Buffer.from(rows.join(''));
    }
    if (sent + chunk.length > size) chunk = chunk.subarray(0, size - sent);
    sent += chunk.length;
    yield chunk;
  }
}

/** Streams a generated dump with backpressure: never held whole, by the server either. */
function serveGenerated(res, { size, chunked }) {
  res.writeHead(200, chunked ? { 'content-type': 'text/csv' } : { 'content-type': 'text/csv', 'content-length': size });
  const chunks = generatedDump(size);
  const next = () => {
    for (let step = chunks.next(); !step.done; step = chunks.next()) {
      if (!res.write(step.value)) {
        res.once('drain', next);
        return;
      }
    }
    res.end();
  };
  next();
}

/** SHA-256 (hex) of the generated dump of `size` bytes. */
export function generatedDigest(size) {
  const hash = createHash('sha256');
  for (const chunk of generatedDump(size)) hash.update(chunk);
  return hash.digest('hex');
}
