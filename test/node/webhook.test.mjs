// `rtk-chat-kit/webhook` and `rtk-chat-kit/webhook/node` from the BUILT dist/, with real RSA keys
// made here, a real loopback server for the Node adapter, and a local imitation of the published
// key, the dump's storage and the Chat Replay API (test/webhook/cloud.mjs).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';

import { handleChatSynced, verifyWebhook, writableStreamStore } from '../../dist/webhook/index.js';
import { directoryStore, toNodeListener } from '../../dist/webhook/node.js';
import { ACCOUNT, anHourAgo, API_TOKEN, APP, chatSynced, dumpCsv, inAnHour, rsaKeys, signedDelivery, startCloud } from '../webhook/cloud.mjs';

let cloud;
let realtime;
let rotated;
let stranger;
let keyPaths = 0;

before(async () => {
  [cloud, realtime, rotated, stranger] = await Promise.all([startCloud(), rsaKeys(), rsaKeys(), rsaKeys()]);
});

after(() => cloud.close());

beforeEach(() => {
  cloud.requests.length = 0;
});

/** A key URL of its own for each test, so the process-wide key cache starts empty for it. */
function publishKey(pem) {
  keyPaths += 1;
  const path = `key-${keyPaths}`;
  cloud.keys[path] = pem;
  return { path, url: `${cloud.origin}/keys/${path}.json` };
}

const keyRequests = (path) => cloud.requests.filter((r) => r.path === `/keys/${path}.json`).length;
const post = async (keys, event, options) => new Request('http://hooks.test/rtk', await signedDelivery(keys, event, options));
const MEETING_STARTED = { event: 'meeting.started', meeting: { id: 'meeting-1', title: 'Standup' } };

describe('verifyWebhook', () => {
  it('accepts a delivery signed with the key and gives the parsed event and the delivery ids', async () => {
    const result = await verifyWebhook(await post(realtime, MEETING_STARTED, { webhookId: 'hook-9' }), { publicKey: realtime.pem });
    assert.equal(result.ok, true);
    assert.deepEqual(result.event, MEETING_STARTED);
    assert.equal(result.webhookId, 'hook-9');
    assert.match(result.deliveryId, /^delivery-\d+$/);
    assert.equal(result.signatureHeader, 'rtk-signature');
  });

  it('accepts a CryptoKey as the key', async () => {
    const result = await verifyWebhook(await post(realtime, MEETING_STARTED), { publicKey: realtime.publicKey });
    assert.equal(result.ok, true);
  });

  it('refuses a body changed after signing with 401 and no detail', async () => {
    const request = await post(realtime, MEETING_STARTED, { tamper: (text) => text.replace('Standup', 'Standup!') });
    const result = await verifyWebhook(request, { publicKey: realtime.pem });
    assert.equal(result.ok, false);
    assert.equal(result.reason, 'bad-signature');
    assert.equal(result.response.status, 401);
    assert.deepEqual(await result.response.json(), { error: 'Unauthorized' });
  });

  it('checks the raw bytes: the same JSON re-serialised differently is refused', async () => {
    const request = await post(realtime, MEETING_STARTED, { tamper: (text) => JSON.stringify(JSON.parse(text), null, 1) });
    const result = await verifyWebhook(request, { publicKey: realtime.pem });
    assert.equal(result.reason, 'bad-signature');
  });

  it('refuses a delivery signed with another key', async () => {
    const result = await verifyWebhook(await post(stranger, MEETING_STARTED), { publicKey: realtime.pem });
    assert.equal(result.ok, false);
    assert.equal(result.status, 401);
  });

  it('refuses a delivery without a signature header, and one whose signature is not base64', async () => {
    const unsigned = await post(realtime, MEETING_STARTED);
    unsigned.headers.delete('rtk-signature');
    const missing = await verifyWebhook(unsigned, { publicKey: realtime.pem });
    assert.equal(missing.reason, 'missing-signature');
    assert.equal(missing.response.status, 401);
    assert.deepEqual(await missing.response.json(), { error: 'Unauthorized' });
    const garbled = await verifyWebhook(await post(realtime, MEETING_STARTED, { headers: { 'rtk-signature': '%%%not base64' } }), { publicKey: realtime.pem });
    assert.equal(garbled.reason, 'bad-signature');
  });

  it('accepts the legacy dyte-signature header, checked against the legacy key URL', async () => {
    const current = publishKey(stranger.pem);
    const legacy = publishKey(realtime.pem);
    const request = await post(realtime, MEETING_STARTED, { header: 'dyte-signature' });
    const result = await verifyWebhook(request, { keyUrl: current.url, legacyKeyUrl: legacy.url });
    assert.equal(result.ok, true);
    assert.equal(result.signatureHeader, 'dyte-signature');
    assert.equal(keyRequests(legacy.path), 1);
    assert.equal(keyRequests(current.path), 0);
    const given = await verifyWebhook(await post(realtime, MEETING_STARTED, { header: 'dyte-signature' }), { publicKey: realtime.pem });
    assert.equal(given.ok, true);
  });

  it('refuses a body over the cap with 413, declared or streamed without a length', async () => {
    const big = { event: 'meeting.started', padding: 'x'.repeat(2000) };
    const declared = await verifyWebhook(await post(realtime, big), { publicKey: realtime.pem, maxBodyBytes: 1000 });
    assert.equal(declared.reason, 'too-large');
    assert.equal(declared.response.status, 413);
    const init = await signedDelivery(realtime, big);
    const bytes = new TextEncoder().encode(init.body);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 100) controller.enqueue(bytes.slice(i, i + 100));
        controller.close();
      },
    });
    const streamed = await verifyWebhook(new Request('http://hooks.test/', { ...init, body: stream, duplex: 'half' }), { publicKey: realtime.pem, maxBodyBytes: 1000 });
    assert.equal(streamed.reason, 'too-large');
    const fits = await verifyWebhook(await post(realtime, big), { publicKey: realtime.pem, maxBodyBytes: 4000 });
    assert.equal(fits.ok, true);
  });

  it('answers 405 to another method and 400 to a signed body that is not an event', async () => {
    const get = await verifyWebhook(new Request('http://hooks.test/'), { publicKey: realtime.pem });
    assert.equal(get.response.status, 405);
    assert.equal(get.response.headers.get('allow'), 'POST');
    const notJson = await verifyWebhook(await post(realtime, 'not json'), { publicKey: realtime.pem });
    assert.equal(notJson.response.status, 400);
    const noEvent = await verifyWebhook(await post(realtime, { meetingId: 'x' }), { publicKey: realtime.pem });
    assert.equal(noEvent.response.status, 400);
  });

  it('fetches the published key once and keeps it for later deliveries', async () => {
    const published = publishKey(realtime.pem);
    for (let i = 0; i < 3; i++) {
      const result = await verifyWebhook(await post(realtime, MEETING_STARTED), { keyUrl: published.url });
      assert.equal(result.ok, true);
    }
    assert.equal(keyRequests(published.path), 1);
  });

  it('fetches the key again once when a signature fails after a rotation', async () => {
    const published = publishKey(realtime.pem);
    const options = { keyUrl: published.url, keyRefreshCooldownMs: 0 };
    assert.equal((await verifyWebhook(await post(realtime, MEETING_STARTED), options)).ok, true);
    cloud.keys[published.path] = rotated.pem;
    const result = await verifyWebhook(await post(rotated, MEETING_STARTED), options);
    assert.equal(result.ok, true);
    assert.equal(keyRequests(published.path), 2);
    // A forgery still fails, after one more fetch: never more than one per failed delivery.
    const forged = await verifyWebhook(await post(stranger, MEETING_STARTED), options);
    assert.equal(forged.reason, 'bad-signature');
    assert.equal(keyRequests(published.path), 3);
  });

  it('does not fetch the key again for failures within the cooldown after a fetch', async () => {
    const published = publishKey(realtime.pem);
    assert.equal((await verifyWebhook(await post(realtime, MEETING_STARTED), { keyUrl: published.url })).ok, true);
    const forgeries = await Promise.all([1, 2, 3].map(async () => verifyWebhook(await post(stranger, MEETING_STARTED), { keyUrl: published.url })));
    assert.deepEqual(forgeries.map((f) => f.status), [401, 401, 401]);
    assert.equal(keyRequests(published.path), 1);
  });

  it('answers 503 when the published key cannot be fetched, so RealtimeKit delivers again', async () => {
    const result = await verifyWebhook(await post(realtime, MEETING_STARTED), { keyUrl: `${cloud.origin}/keys/nowhere.json` });
    assert.equal(result.reason, 'key-unavailable');
    assert.equal(result.response.status, 503);
  });

  it('throws for a given key that is not a PEM public key', async () => {
    await assert.rejects(verifyWebhook(await post(realtime, MEETING_STARTED), { publicKey: 'not a key' }), TypeError);
  });
});

/** A webhook endpoint on a real loopback server, through the Node adapter. */
async function endpoint(options) {
  const errors = [];
  const server = createServer(toNodeListener((request) => handleChatSynced(request, { onError: (error, failure) => errors.push({ error, failure }), ...options })));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${server.address().port}/webhooks/realtimekit`;
  return {
    errors,
    url,
    deliver: async (event, deliveryOptions) => fetch(url, await signedDelivery(realtime, event, deliveryOptions)),
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const downloads = (file) => cloud.requests.filter((r) => r.path === `/bucket/${file}`).length;

describe('handleChatSynced over node:http, into a directory', () => {
  let dir;
  let hook;
  let sessions = 0;
  let ids;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rtk-webhook-'));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    sessions += 1;
    ids = { meetingId: `meeting-${sessions}`, sessionId: `session-${sessions}` };
    hook?.close();
    hook = await endpoint({
      store: directoryStore(dir),
      publicKey: realtime.pem,
      replay: { accountId: ACCOUNT, appId: APP, apiToken: API_TOKEN, baseUrl: `${cloud.origin}/client/v4` },
    });
  });

  after(() => hook?.close());

  const stored = (key = ids) => readFile(join(dir, key.meetingId, `${key.sessionId}.csv`), 'utf8');
  const record = async (key = ids) => JSON.parse(await readFile(join(dir, key.meetingId, `${key.sessionId}.json`), 'utf8'));
  const filesIn = async (meetingId = ids.meetingId) => (await readdir(join(dir, meetingId)).catch(() => [])).sort();

  it('stores the dump byte for byte with its record, then answers 200', async () => {
    const csv = dumpCsv(ids.meetingId, ids.sessionId, 5000, 'héllo 😀');
    cloud.files[`${ids.sessionId}.csv`] = csv;
    const event = chatSynced(cloud.origin, { ...ids, title: 'Weekly review' });
    const response = await hook.deliver(event, { webhookId: 'hook-7' });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { result: 'stored' });
    assert.equal(await stored(), csv);
    const saved = await record();
    assert.equal(saved.meetingId, ids.meetingId);
    assert.equal(saved.sessionId, ids.sessionId);
    assert.equal(saved.title, 'Weekly review');
    assert.equal(saved.organizerName, 'Ada Admin');
    assert.equal(saved.organizerId, 'org-1');
    assert.equal(saved.webhookId, 'hook-7');
    assert.equal(saved.downloadUrlExpiry, new Date(event.chatDownloadUrlExpiry).toISOString());
    assert.equal(saved.size, String(Buffer.byteLength(csv)));
    assert.match(saved.fingerprint, /^[0-9a-f]{64}$/);
    assert.deepEqual(await filesIn(), [`${ids.sessionId}.csv`, `${ids.sessionId}.json`]);
  });

  it('stores a repeated delivery once, also after a restart and when the repeats arrive together', async () => {
    cloud.files[`${ids.sessionId}.csv`] = dumpCsv(ids.meetingId, ids.sessionId, 10);
    const event = chatSynced(cloud.origin, ids);
    const together = await Promise.all([hook.deliver(event), hook.deliver(event), hook.deliver(event)]);
    assert.deepEqual(together.map((r) => r.status), [200, 200, 200]);
    assert.deepEqual((await Promise.all(together.map((r) => r.json()))).map((b) => b.result).sort(), ['duplicate', 'duplicate', 'stored']);
    assert.equal(downloads(`${ids.sessionId}.csv`), 1);
    // A new process: nothing in memory, the stored record recognises the repeat.
    hook.close();
    hook = await endpoint({ store: directoryStore(dir), publicKey: realtime.pem });
    const again = await hook.deliver(event);
    assert.deepEqual(await again.json(), { result: 'duplicate' });
    assert.equal(downloads(`${ids.sessionId}.csv`), 1);
  });

  it('stores the same body from another webhook configuration again (its id is part of a delivery)', async () => {
    cloud.files[`${ids.sessionId}.csv`] = dumpCsv(ids.meetingId, ids.sessionId, 10);
    const event = chatSynced(cloud.origin, ids);
    assert.deepEqual(await (await hook.deliver(event, { webhookId: 'hook-a' })).json(), { result: 'stored' });
    assert.deepEqual(await (await hook.deliver(event, { webhookId: 'hook-b' })).json(), { result: 'stored' });
    assert.equal((await record()).webhookId, 'hook-b');
  });

  it('keeps a newer sync of a session when an older one arrives after it', async () => {
    cloud.files['newer.csv'] = dumpCsv(ids.meetingId, ids.sessionId, 20, 'newer');
    cloud.files['older.csv'] = dumpCsv(ids.meetingId, ids.sessionId, 10, 'older');
    const newer = chatSynced(cloud.origin, { ...ids, file: 'newer.csv', expiry: inAnHour(60_000) });
    const older = chatSynced(cloud.origin, { ...ids, file: 'older.csv', expiry: inAnHour() });
    assert.deepEqual(await (await hook.deliver(newer)).json(), { result: 'stored' });
    assert.deepEqual(await (await hook.deliver(older)).json(), { result: 'stale' });
    assert.equal(await stored(), cloud.files['newer.csv']);
    assert.equal(downloads('older.csv'), 0);
  });

  it('stores sessions that arrive out of order each under its own key', async () => {
    const second = { meetingId: ids.meetingId, sessionId: `${ids.sessionId}-b` };
    cloud.files[`${second.sessionId}.csv`] = dumpCsv(second.meetingId, second.sessionId, 3, 'second');
    cloud.files[`${ids.sessionId}.csv`] = dumpCsv(ids.meetingId, ids.sessionId, 3, 'first');
    await hook.deliver(chatSynced(cloud.origin, second));
    await hook.deliver(chatSynced(cloud.origin, ids));
    assert.equal(await stored(), cloud.files[`${ids.sessionId}.csv`]);
    assert.equal(await stored(second), cloud.files[`${second.sessionId}.csv`]);
  });

  it('renews an expired download URL through the Chat Replay API with the token, never sent to the storage', async () => {
    const csv = dumpCsv(ids.meetingId, ids.sessionId, 7, 'renewed');
    cloud.files['fresh.csv'] = csv;
    cloud.api[ids.sessionId] = [{ success: true, data: { chat_download_url: `${cloud.origin}/bucket/fresh.csv?sig=2`, chat_download_url_expiry: inAnHour() } }];
    const response = await hook.deliver(chatSynced(cloud.origin, { ...ids, file: 'stale.csv', expiry: anHourAgo() }));
    assert.deepEqual(await response.json(), { result: 'stored' });
    assert.equal(await stored(), csv);
    const paths = cloud.requests.map((r) => r.path);
    assert.deepEqual(paths, [`/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}/sessions/${ids.sessionId}/chat`, '/bucket/fresh.csv']);
    assert.equal(cloud.requests[0].headers.authorization, `Bearer ${API_TOKEN}`);
    assert.equal(cloud.requests[1].headers.authorization, undefined);
  });

  it('renews a download URL that the storage refuses as expired', async () => {
    cloud.files['refused.csv'] = { status: 403 };
    cloud.files['fresh2.csv'] = dumpCsv(ids.meetingId, ids.sessionId, 2);
    cloud.api[ids.sessionId] = [{ success: true, data: { chat_download_url: `${cloud.origin}/bucket/fresh2.csv`, chat_download_url_expiry: inAnHour() } }];
    const response = await hook.deliver(chatSynced(cloud.origin, { ...ids, file: 'refused.csv' }));
    assert.deepEqual(await response.json(), { result: 'stored' });
    assert.equal(await stored(), cloud.files['fresh2.csv']);
  });

  it('answers 502 for an expired URL without API credentials, and stores nothing', async () => {
    hook.close();
    hook = await endpoint({ store: directoryStore(dir), publicKey: realtime.pem });
    const response = await hook.deliver(chatSynced(cloud.origin, { ...ids, expiry: anHourAgo() }));
    assert.equal(response.status, 502);
    assert.deepEqual(await response.json(), { error: 'Bad Gateway' });
    assert.deepEqual(await filesIn(), []);
    assert.equal(hook.errors[0].failure.stage, 'download');
    assert.equal(hook.errors[0].error.code, 'expired');
  });

  it('answers 502 when the download breaks off, leaving no partial file', async () => {
    cloud.files[`${ids.sessionId}.csv`] = { body: dumpCsv(ids.meetingId, ids.sessionId, 3000), breakOff: true };
    const response = await hook.deliver(chatSynced(cloud.origin, ids));
    assert.equal(response.status, 502);
    assert.deepEqual(await filesIn(), []);
    assert.equal(hook.errors[0].failure.stage, 'download');
    // RealtimeKit delivers again; this time the download works.
    cloud.files[`${ids.sessionId}.csv`] = dumpCsv(ids.meetingId, ids.sessionId, 3000);
    const retry = await hook.deliver(chatSynced(cloud.origin, ids));
    assert.deepEqual(await retry.json(), { result: 'stored' });
  });

  it('answers 500 when the directory cannot be written, and reports it as a store failure', async () => {
    cloud.files[`${ids.sessionId}.csv`] = dumpCsv(ids.meetingId, ids.sessionId, 10);
    // A file where the meeting's folder should go.
    await writeFile(join(dir, ids.meetingId), 'in the way');
    const response = await hook.deliver(chatSynced(cloud.origin, ids));
    assert.equal(response.status, 500);
    assert.deepEqual(await response.json(), { error: 'Internal Server Error' });
    assert.equal(hook.errors[0].failure.stage, 'store');
  });

  it('stores a dump sent without a content-length', async () => {
    const csv = dumpCsv(ids.meetingId, ids.sessionId, 4000);
    cloud.files[`${ids.sessionId}.csv`] = { body: csv, chunked: true };
    assert.deepEqual(await (await hook.deliver(chatSynced(cloud.origin, ids))).json(), { result: 'stored' });
    assert.equal(await stored(), csv);
    assert.equal((await record()).size, undefined);
  });

  it('refuses a tampered delivery with 401 without downloading anything', async () => {
    cloud.files[`${ids.sessionId}.csv`] = dumpCsv(ids.meetingId, ids.sessionId, 1);
    const response = await hook.deliver(chatSynced(cloud.origin, ids), { tamper: (text) => text.replace(ids.sessionId, `${ids.sessionId}x`) });
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), { error: 'Unauthorized' });
    assert.equal(cloud.requests.length, 0);
    assert.deepEqual(await filesIn(), []);
  });

  it('refuses an oversized delivery with 413 over the wire', async () => {
    const response = await hook.deliver(chatSynced(cloud.origin, { ...ids, padding: 'x'.repeat(1024 * 1024) }));
    assert.equal(response.status, 413);
    assert.equal(cloud.requests.length, 0);
  });

  it('answers 400 to a chatSynced event whose ids could not be file names', async () => {
    const response = await hook.deliver(chatSynced(cloud.origin, { meetingId: '../etc', sessionId: 'passwd' }));
    assert.equal(response.status, 400);
    assert.equal(cloud.requests.length, 0);
  });

  it('acknowledges other events with 200 and ignores them', async () => {
    const response = await hook.deliver(MEETING_STARTED);
    assert.deepEqual(await response.json(), { result: 'ignored' });
  });

  it('gives other events to onEvent, whose answer is sent, and answers 500 when it throws', async () => {
    hook.close();
    const seen = [];
    hook = await endpoint({
      store: directoryStore(dir),
      publicKey: realtime.pem,
      onEvent: (event) => {
        seen.push(event.event);
        if (event.event === 'meeting.ended') throw new Error('app failed');
        return new Response('noted', { status: 202 });
      },
    });
    const started = await hook.deliver(MEETING_STARTED);
    assert.equal(started.status, 202);
    assert.equal(await started.text(), 'noted');
    const ended = await hook.deliver({ event: 'meeting.ended' });
    assert.equal(ended.status, 500);
    assert.deepEqual(seen, ['meeting.started', 'meeting.ended']);
    assert.equal(hook.errors[0].failure.stage, 'event');
  });
});

describe('handleChatSynced into other stores', () => {
  it('pipes the dump into a WritableStream and closes it', async () => {
    const csv = dumpCsv('meeting-w', 'session-w', 3000);
    cloud.files['session-w.csv'] = csv;
    const chunks = [];
    let closedWith;
    const store = writableStreamStore((record) => {
      closedWith = record;
      return new WritableStream({
        write: (chunk) => void chunks.push(chunk),
        close: () => void (closedWith = { ...closedWith, closed: true }),
      });
    });
    const request = new Request('http://hooks.test/', await signedDelivery(realtime, chatSynced(cloud.origin, { meetingId: 'meeting-w', sessionId: 'session-w' })));
    const response = await handleChatSynced(request, { store, publicKey: realtime.pem });
    assert.equal(response.status, 200);
    assert.equal(Buffer.concat(chunks).toString('utf8'), csv);
    assert.equal(closedWith.closed, true);
    assert.equal(closedWith.sessionId, 'session-w');
  });

  it('aborts the WritableStream when the download breaks off, and answers 502', async () => {
    cloud.files['session-x.csv'] = { body: dumpCsv('meeting-x', 'session-x', 3000), breakOff: true };
    let aborted = false;
    let closed = false;
    const store = writableStreamStore(() => new WritableStream({ close: () => void (closed = true), abort: () => void (aborted = true) }));
    const request = new Request('http://hooks.test/', await signedDelivery(realtime, chatSynced(cloud.origin, { meetingId: 'meeting-x', sessionId: 'session-x' })));
    const response = await handleChatSynced(request, { store, publicKey: realtime.pem });
    assert.equal(response.status, 502);
    assert.equal(aborted, true);
    assert.equal(closed, false);
  });

  it('answers 500 when the store fails, and reports it as a store failure', async () => {
    cloud.files['session-y.csv'] = dumpCsv('meeting-y', 'session-y', 10);
    const failures = [];
    const store = { put: async (_record, body) => { await body.cancel(); throw new Error('disk full'); } };
    const request = new Request('http://hooks.test/', await signedDelivery(realtime, chatSynced(cloud.origin, { meetingId: 'meeting-y', sessionId: 'session-y' })));
    const response = await handleChatSynced(request, { store, publicKey: realtime.pem, onError: (error, failure) => failures.push({ error, failure }) });
    assert.equal(response.status, 500);
    assert.deepEqual(await response.json(), { error: 'Internal Server Error' });
    assert.equal(failures[0].failure.stage, 'store');
    assert.equal(failures[0].error.message, 'disk full');
    assert.deepEqual(failures[0].failure.key, { meetingId: 'meeting-y', sessionId: 'session-y' });
  });
});
