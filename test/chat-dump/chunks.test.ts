import { expect } from '@open-wc/testing';
import { chatDumpChunks, parseChatDumpCsv, toChatDumpBlob, toChatDumpCsv } from '../../src/chat-dump/index.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import { DUMP, HOSTILE_TEXTS, T0, sdkMessage } from './messages.js';

function manyMessages(count: number): ChatMessage[] {
  return Array.from({ length: count }, (_, i) =>
    sdkMessage({ id: `m${i}`, userId: `u${i % 7}`, timeMs: T0 + i, message: `${HOSTILE_TEXTS[i % HOSTILE_TEXTS.length]} #${i}` }),
  );
}

const bytesOf = async (blob: Blob): Promise<Uint8Array> => new Uint8Array(await blob.arrayBuffer());

function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(actual.length).to.equal(expected.length);
  const firstDifference = actual.findIndex((byte, i) => byte !== expected[i]);
  expect(firstDifference).to.equal(-1);
}

describe('chatDumpChunks', () => {
  it('yields the header, then the rows chunkSize at a time', () => {
    const chunks = [...chatDumpChunks(manyMessages(25), { ...DUMP, chunkSize: 10 })];
    expect(chunks).to.have.length(4);
    expect(chunks[0]).to.match(/^\uFEFFid,participantId,.*createdAt\r\n$/);
    expect(chunks.slice(1).map((chunk) => parseChatDumpCsv(chunks[0] + chunk, { protectedFormulas: true }).length)).to.deep.equal([10, 10, 5]);
  });

  it('joins to exactly the text of toChatDumpCsv for any chunk size', () => {
    const messages = manyMessages(50);
    const whole = toChatDumpCsv(messages, DUMP);
    for (const chunkSize of [1, 3, 49, 50, 1000]) {
      expect([...chatDumpChunks(messages, { ...DUMP, chunkSize })].join('')).to.equal(whole);
    }
  });

  it('takes any iterable of messages', () => {
    function* generate(): Generator<ChatMessage> {
      yield* manyMessages(3);
    }
    expect([...chatDumpChunks(generate(), DUMP)].join('')).to.equal(toChatDumpCsv(manyMessages(3), DUMP));
  });
});

describe('toChatDumpBlob', () => {
  it('gives the same UTF-8 bytes as the synchronous writer, BOM included', async () => {
    const messages = manyMessages(120);
    for (const options of [{ ...DUMP, chunkSize: 7 }, { ...DUMP, bom: false, protectFormulas: false }]) {
      const blob = await toChatDumpBlob(messages, options);
      expectSameBytes(await bytesOf(blob), new TextEncoder().encode(toChatDumpCsv(messages, options)));
    }
  });

  it('starts with the UTF-8 byte order mark by default and is typed as CSV', async () => {
    const blob = await toChatDumpBlob([], DUMP);
    expect([...(await bytesOf(blob)).slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(blob.type).to.equal('text/csv;charset=utf-8');
  });

  it('exports 100,000 messages to the same bytes, which read back to the same messages', async function () {
    this.timeout(60_000);
    const messages = manyMessages(100_000);
    const blob = await toChatDumpBlob(messages, DUMP);
    const text = toChatDumpCsv(messages, DUMP);
    expectSameBytes(await bytesOf(blob), new TextEncoder().encode(text));
    const back = parseChatDumpCsv(await blob.text(), { protectedFormulas: true });
    expect(back.length).to.equal(100_000);
    expect(back[99_999]).to.deep.equal(messages[99_999]);
  });

  it('rejects with the abort reason when aborted before it starts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped early'));
    const error = await toChatDumpBlob(manyMessages(5), { ...DUMP, signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).message).to.equal('stopped early');
  });

  it('gives the event loop a turn between chunks, where it can be aborted', async () => {
    const controller = new AbortController();
    let chunksRead = 0;
    const counted = (function* () {
      for (const message of manyMessages(100)) {
        chunksRead++;
        yield message;
      }
    })();
    const exporting = toChatDumpBlob(counted, { ...DUMP, chunkSize: 10, signal: controller.signal });
    controller.abort();
    const error = await exporting.catch((e: unknown) => e);
    expect((error as Error).name).to.equal('AbortError');
    expect(chunksRead).to.be.below(100);
  });
});
