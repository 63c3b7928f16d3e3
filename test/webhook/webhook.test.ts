// The webhook core in Chromium: it uses only web APIs (Web Crypto, fetch, streams), so it runs in
// a browser as it runs in Node, Workers, Deno and Bun. Real RSA keys, a real download from the test
// server (test/server/replay-api.mjs serves the dump).
import { expect } from '@open-wc/testing';

import { handleChatSynced, verifyWebhook, writableStreamStore, type ChatDumpRecord } from '../../src/webhook/index.js';

const DUMP_URL = `${location.origin}/replay-api/files/dump.csv`;

async function keys() {
  const pair = (await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const pem = `-----BEGIN PUBLIC KEY-----\n${btoa(String.fromCharCode(...spki))}\n-----END PUBLIC KEY-----`;
  return { ...pair, pem };
}

async function delivery(signer: CryptoKeyPair, body: string, header = 'rtk-signature', sent = body): Promise<Request> {
  const signature = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', signer.privateKey, new TextEncoder().encode(body)));
  return new Request('https://hooks.example/rtk', {
    method: 'POST',
    headers: { [header]: btoa(String.fromCharCode(...signature)), 'rtk-uuid': 'delivery-1', 'rtk-webhook-id': 'hook-1' },
    body: sent,
  });
}

describe('the webhook core in a browser', () => {
  let realtime: Awaited<ReturnType<typeof keys>>;
  let stranger: Awaited<ReturnType<typeof keys>>;

  before(async () => {
    [realtime, stranger] = await Promise.all([keys(), keys()]);
  });

  const event = JSON.stringify({ event: 'meeting.chatSynced', meetingId: 'meeting-b', sessionId: 'session-b', chatDownloadUrl: DUMP_URL, organizedBy: { id: 'o', name: 'Org' } });

  it('verifies the signature over the raw body, in both headers', async () => {
    for (const header of ['rtk-signature', 'dyte-signature']) {
      const result = await verifyWebhook(await delivery(realtime, event, header), { publicKey: realtime.pem });
      expect(result.ok, header).to.equal(true);
    }
    const tampered = await verifyWebhook(await delivery(realtime, event, 'rtk-signature', event.replace('Org', 'Mallory')), { publicKey: realtime.pem });
    expect(tampered.ok ? 200 : tampered.response.status).to.equal(401);
    const forged = await verifyWebhook(await delivery(stranger, event), { publicKey: realtime.pem });
    expect(forged.ok ? 200 : forged.response.status).to.equal(401);
  });

  it('downloads the dump into a WritableStream and answers 200 once it is closed', async () => {
    const chunks: number[] = [];
    let stored: ChatDumpRecord | undefined;
    const store = writableStreamStore((record) => {
      stored = record;
      return new WritableStream<Uint8Array>({ write: (chunk) => void chunks.push(...chunk) });
    });
    const response = await handleChatSynced(await delivery(realtime, event), { store, publicKey: realtime.pem });
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({ result: 'stored' });
    const expected = new Uint8Array(await (await fetch(DUMP_URL)).arrayBuffer());
    expect(chunks).to.deep.equal([...expected]);
    expect(stored?.organizer).to.deep.equal({ id: 'o', name: 'Org' });
    expect(stored?.sessionId).to.equal('session-b');
  });
});
