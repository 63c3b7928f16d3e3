import { expect } from '@open-wc/testing';
import { parse } from 'csv-parse/browser/esm/sync';
import fc from 'fast-check';
import { parseChatDumpCsv, toChatDumpCsv } from '../../src/chat-dump/index.js';
import { protectFormula, unprotectFormula } from '../../src/chat-dump/csv.js';
import type { ChatAttachment, ChatMessage } from '../../src/meeting/contract.js';
import { sdkMessage } from './messages.js';

// Strings built from the pieces that break CSV writers and spreadsheets, mixed with any text.
const nasty = fc
  .array(
    fc.oneof(
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '"', '""', ',', "'", "'=", '\u200b', '\u202e', '\ufeff', 'שלום', '😀', '👨‍👩‍👧', ' '),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const attachment: fc.Arbitrary<ChatAttachment> = fc.record(
  { link: nasty, type: nasty, name: nasty, size: fc.nat() },
  { requiredKeys: ['link'] },
);

// Messages as the SDK builds them: every field with its default, the type's own fields set.
const message: fc.Arbitrary<ChatMessage> = fc
  .record({
    id: nasty,
    userId: nasty,
    displayName: nasty,
    timeMs: fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
    pinned: fc.boolean(),
    isEdited: fc.boolean(),
    content: fc.oneof(
      fc.record({ type: fc.constant('text'), message: nasty }),
      fc.record({ type: fc.constant('image'), link: nasty }),
      fc.record({ type: fc.constant('file'), link: nasty, name: nasty, size: fc.nat() }),
      fc.record({
        type: fc.constant('custom'),
        message: nasty,
        html: nasty,
        files: fc.array(attachment, { maxLength: 2 }),
        images: fc.array(attachment, { maxLength: 2 }),
        videos: fc.array(attachment, { maxLength: 2 }),
      }),
      fc.record({ type: fc.constant('poll'), message: nasty, question: nasty, votes: fc.array(fc.nat(), { maxLength: 3 }) }),
    ),
  })
  .map(({ content, ...fields }) => sdkMessage({ ...fields, ...content }));

const ids = fc.record({ meetingId: nasty, sessionId: nasty });

describe('the chat dump, for any messages', () => {
  it('reads back exactly what it wrote, with formula protection', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 8 }), ids, (messages, dumpIds) => {
        const csv = toChatDumpCsv(messages, dumpIds);
        expect(parseChatDumpCsv(csv, { protectedFormulas: true })).to.deep.equal(messages);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back exactly what it wrote, without formula protection or BOM', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 8 }), ids, (messages, dumpIds) => {
        const csv = toChatDumpCsv(messages, { ...dumpIds, protectFormulas: false, bom: false });
        expect(parseChatDumpCsv(csv)).to.deep.equal(messages);
      }),
      { numRuns: 300 },
    );
  });

  it('is read by an independent RFC 4180 parser as the same cells', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 8 }), ids, (messages, dumpIds) => {
        const csv = toChatDumpCsv(messages, { ...dumpIds, protectFormulas: false });
        const [, ...rows] = parse(csv, { bom: true }) as string[][];
        expect(rows.length).to.equal(messages.length);
        rows.forEach((row, i) => {
          const m = messages[i];
          expect(row.slice(0, 7)).to.deep.equal([m.id, m.userId, dumpIds.sessionId, dumpIds.meetingId, m.displayName, String(m.pinned), String(m.isEdited)]);
          if (m.type === 'text') expect(row[8]).to.equal(m.message);
          expect(row[9]).to.equal(new Date(m.timeMs!).toISOString());
        });
      }),
      { numRuns: 300 },
    );
  });

  it('starts no cell, nor any part of one after a ";", with a formula character when protection is on', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 8 }), ids, (messages, dumpIds) => {
        const cells = (parse(toChatDumpCsv(messages, dumpIds), { bom: true }) as string[][]).flat();
        // Spreadsheets of `;` locales split `a;=1+1` into cells: every segment is a cell start.
        for (const segment of cells.flatMap((cell) => cell.split(';'))) expect(segment).not.to.match(/^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the formula guard', () => {
  it('is undone exactly for any text', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        expect(unprotectFormula(protectFormula(text))).to.equal(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('changes only texts a spreadsheet would run, or that look already guarded', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const guarded = protectFormula(text);
        expect(guarded === text).to.equal(!/^'*[=+\-@\t\r]/.test(text));
        expect(guarded).not.to.match(/^[=+\-@\t\r]/);
      }),
      { numRuns: 1000 },
    );
  });
});
