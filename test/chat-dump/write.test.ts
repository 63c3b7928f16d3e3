import { expect } from '@open-wc/testing';
import { parse } from 'csv-parse/browser/esm/sync';
import { CHAT_DUMP_COLUMNS, parseChatDumpCsv, toChatDumpCsv } from '../../src/chat-dump/index.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import { DUMP, HOSTILE_TEXTS, T0, sdkMessage } from './messages.js';

/** The dump read by csv-parse, an independent RFC 4180 parser. */
const readCells = (csv: string): string[][] => parse(csv, { bom: true, relax_column_count: false }) as string[][];

/** The data rows as objects keyed by column. */
function rowsOf(csv: string): Record<string, string>[] {
  const [header, ...rows] = readCells(csv);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

describe('toChatDumpCsv', () => {
  it('writes the documented columns in order, behind a BOM, with CRLF line ends', () => {
    const csv = toChatDumpCsv([sdkMessage({ message: 'hi' })], DUMP);
    expect(csv.startsWith(`\uFEFF${CHAT_DUMP_COLUMNS.join(',')}\r\n`)).to.be.true;
    expect(readCells(csv)[0]).to.deep.equal([
      'id', 'participantId', 'sessionId', 'meetingId', 'displayName', 'pinned', 'isEdited', 'payloadType', 'payload', 'createdAt',
    ]);
    expect(csv.endsWith('\r\n')).to.be.true;
    expect(csv.replaceAll('\r\n', '')).not.to.match(/[\r\n]/);
  });

  it('leaves out the BOM when asked', () => {
    const csv = toChatDumpCsv([], { ...DUMP, bom: false });
    expect(csv).to.equal(`${CHAT_DUMP_COLUMNS.join(',')}\r\n`);
  });

  it('writes the sender user id as participantId, the ids of the dump and the flags as true/false', () => {
    const csv = toChatDumpCsv(
      [sdkMessage({ id: 'm1', userId: 'u1', displayName: 'Grace', pinned: true, isEdited: false, message: 'x' }), sdkMessage({ id: 'm2', isEdited: true })],
      DUMP,
    );
    const [first, second] = rowsOf(csv);
    expect(first).to.include({ id: 'm1', participantId: 'u1', sessionId: 'session-1', meetingId: 'meeting-1', displayName: 'Grace', pinned: 'true', isEdited: 'false' });
    expect(second).to.include({ id: 'm2', pinned: 'false', isEdited: 'true' });
  });

  it('writes text, image and file payloads exactly as the SDK sends them', () => {
    const rows = rowsOf(
      toChatDumpCsv(
        [
          sdkMessage({ type: 'text', message: 'Hello, "world"' }),
          sdkMessage({ type: 'image', link: 'https://cdn.example/cat.png' }),
          sdkMessage({ type: 'file', link: 'https://cdn.example/a b.pdf', name: 'a b.pdf', size: 1234 }),
        ],
        DUMP,
      ),
    );
    expect(rows.map((row) => [row.payloadType, row.payload])).to.deep.equal([
      ['TEXT_MESSAGE', 'Hello, "world"'],
      ['IMAGE_MESSAGE', 'https://cdn.example/cat.png'],
      ['FILE_MESSAGE', '{"link":"https://cdn.example/a b.pdf","name":"a b.pdf","size":1234}'],
    ]);
  });

  it('writes a custom message as CUSTOM_MESSAGE with the JSON of its five fields', () => {
    const files = [{ link: 'https://cdn.example/f', name: 'f', size: 3, type: 'text/plain' }];
    const [row] = rowsOf(toChatDumpCsv([sdkMessage({ type: 'custom', message: 'see', html: '<b>x</b>', files })], DUMP));
    expect(row.payloadType).to.equal('CUSTOM_MESSAGE');
    expect(row.payload).to.equal(JSON.stringify({ message: 'see', html: '<b>x</b>', files, images: [], videos: [] }));
  });

  it('keeps a poll as POLL_MESSAGE with the JSON of the fields no column holds', () => {
    const poll = { ...sdkMessage({ type: 'poll', read: true, targetUserIds: ['u'] }), question: 'Lunch?', options: ['yes', 'no'] } as ChatMessage;
    const [row] = rowsOf(toChatDumpCsv([poll], DUMP));
    expect(row.payloadType).to.equal('POLL_MESSAGE');
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    expect(payload).to.include({ question: 'Lunch?', message: '' });
    expect(payload.options).to.deep.equal(['yes', 'no']);
    expect(payload).to.not.have.any.keys('id', 'userId', 'displayName', 'time', 'timeMs', 'type', 'pinned', 'isEdited', 'read', 'targetUserIds');
  });

  it('leaves out a message whose type cannot be named in the dump', () => {
    const rows = rowsOf(toChatDumpCsv([sdkMessage({ id: 'a', type: 'Odd Type' }), sdkMessage({ id: 'b', type: '' }), sdkMessage({ id: 'c' })], DUMP));
    expect(rows.map((row) => row.id)).to.deep.equal(['c']);
  });

  it('writes createdAt in ISO 8601 UTC from timeMs, else from time in any form', () => {
    const loose = (fields: Record<string, unknown>) => ({ ...sdkMessage(), timeMs: undefined, ...fields }) as unknown as ChatMessage;
    const rows = rowsOf(
      toChatDumpCsv(
        [
          sdkMessage({ timeMs: T0, time: new Date(0) }),
          loose({ time: new Date(T0) }),
          loose({ time: '2025-01-02T05:04:05.678+02:00' }),
          loose({ time: T0 }),
          loose({ time: String(T0) }),
          loose({ timeMs: String(T0) }),
          loose({ time: 'not a time' }),
        ],
        DUMP,
      ),
    );
    const iso = new Date(T0).toISOString();
    expect(rows.map((row) => row.createdAt)).to.deep.equal([iso, iso, iso, iso, iso, iso, '']);
    expect(iso).to.equal('2025-01-02T03:04:05.678Z');
  });

  it('keeps hostile texts intact for an independent parser when protection is off', () => {
    const messages = HOSTILE_TEXTS.map((text, i) => sdkMessage({ id: `m${i}`, displayName: text, message: text }));
    const rows = rowsOf(toChatDumpCsv(messages, { ...DUMP, protectFormulas: false }));
    expect(rows.map((row) => row.payload)).to.deep.equal(HOSTILE_TEXTS);
    expect(rows.map((row) => row.displayName)).to.deep.equal(HOSTILE_TEXTS);
  });

  it('neutralises every formula prefix with one apostrophe by default', () => {
    const texts = ['=1+1', '+1', '-1', '@SUM(A1)', '\tTab', '\rCR first', "'=already quoted", "''+x", "'just an apostrophe", 'plain', ' =space'];
    const rows = rowsOf(toChatDumpCsv(texts.map((message) => sdkMessage({ message })), DUMP));
    expect(rows.map((row) => row.payload)).to.deep.equal([
      "'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tTab", "'\rCR first", "''=already quoted", "'''+x", "'just an apostrophe", 'plain', ' =space',
    ]);
  });

  it('protects every cell, not only the payload', () => {
    const [row] = rowsOf(toChatDumpCsv([sdkMessage({ id: '-1', userId: '+u', displayName: '@ada' })], { meetingId: '=m', sessionId: '-s' }));
    expect(row).to.include({ id: "'-1", participantId: "'+u", displayName: "'@ada", meetingId: "'=m", sessionId: "'-s" });
  });

  it('writes formula-like cells unchanged when protection is off', () => {
    const [row] = rowsOf(toChatDumpCsv([sdkMessage({ message: '=1+1', displayName: '@ada' })], { ...DUMP, protectFormulas: false }));
    expect(row).to.include({ payload: '=1+1', displayName: '@ada' });
  });

  it('gives back every hostile text through its own parser, protected or not', () => {
    const messages = HOSTILE_TEXTS.map((text, i) => sdkMessage({ id: `m${i}`, displayName: text, message: text }));
    expect(parseChatDumpCsv(toChatDumpCsv(messages, DUMP), { protectedFormulas: true })).to.deep.equal(messages);
    expect(parseChatDumpCsv(toChatDumpCsv(messages, { ...DUMP, protectFormulas: false }))).to.deep.equal(messages);
  });
});
