import { expect } from '@open-wc/testing';
import { parse } from 'csv-parse/browser/esm/sync';

import { fetchChatDumpBlob, parseChatDumpCsv, toChatDumpCsv } from '../../src/chat-dump/index.js';
import type { RtkChatExportButton } from '../../src/export-button/export-button.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import { sdkMessage } from '../chat-dump/messages.js';
import { joinedMeeting, shadow } from '../helpers.js';
import { CORPUS } from './corpus.js';
import { captureDownloads, mount, replayJson, stubBackend } from './support.js';
import { guarded } from './traps.js';

/** What a spreadsheet runs as a formula (OWASP): a cell starting with = + - @ tab or CR. */
const FORMULA = /^[=+\-@\t\r]/;

const rows = (csv: string): string[][] => parse(csv, { bom: true }) as string[][];

/** Cells a spreadsheet would run. */
const formulaCells = (table: string[][]) => table.flat().filter((cell) => FORMULA.test(cell));

/**
 * A lone surrogate cannot be written in UTF-8: any file, and csv-parse (which reads bytes), has
 * U+FFFD in its place. Strings compared with what went through bytes are compared in this form.
 */
const wellFormed = (value: string) => value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/**
 * One text, one image and one file message per hostile string, the string in every field a
 * stranger sets. `through` is applied to what a cell holds as text; a file's link and name sit in
 * its JSON payload, where JSON.stringify escapes a lone surrogate, so they always survive.
 */
function hostileMessages(through: (value: string) => string = (value) => value): ChatMessage[] {
  return CORPUS.flatMap((raw, i) => {
    const value = through(raw);
    const common = { userId: value, displayName: value, timeMs: 1_700_000_000_000 + i };
    return [
      sdkMessage({ ...common, id: `${value}#t${i}`, message: value }),
      sdkMessage({ ...common, id: `${value}#i${i}`, type: 'image', link: value }),
      sdkMessage({ ...common, id: `${value}#f${i}`, type: 'file', link: raw, name: raw, size: i }),
    ];
  });
}

describe('hostile strings in the chat dump', () => {
  describe('toChatDumpCsv', () => {
    it('starts no cell with a formula when protection is on (the default)', () => {
      const messages = hostileMessages();
      expect(formulaCells(rows(toChatDumpCsv(messages, { meetingId: 'm', sessionId: 's' })))).to.deep.equal([]);
      for (const value of CORPUS) {
        expect(formulaCells(rows(toChatDumpCsv(messages.slice(0, 1), { meetingId: value, sessionId: value }))), JSON.stringify(value)).to.deep.equal([]);
      }
    });

    it('reads back exactly, cell by cell and message by message, when protection is off', () => {
      const csv = toChatDumpCsv(hostileMessages(), { meetingId: CORPUS[7], sessionId: CORPUS[8], protectFormulas: false });
      expect(parseChatDumpCsv(csv)).to.deep.equal(hostileMessages());
      const messages = hostileMessages(wellFormed);
      const [, ...table] = rows(csv);
      expect(table.map((row) => row.slice(0, 5))).to.deep.equal(messages.map((m) => [m.id, m.userId, CORPUS[8], CORPUS[7], m.displayName]));
      expect(table.map((row) => row[8])).to.deep.equal(messages.map((m) => (m.type === 'text' ? m.message : m.type === 'image' ? m.link : JSON.stringify({ link: m.link, name: m.name, size: m.size }))));
    });

    it('reads back exactly when protected, with the guard removed by the parser', () => {
      const messages = hostileMessages();
      expect(parseChatDumpCsv(toChatDumpCsv(messages, { meetingId: 'm', sessionId: 's' }), { protectedFormulas: true })).to.deep.equal(messages);
    });

    it('starts no cell with a formula where the spreadsheet splits on semicolons (Excel in many European locales)', () => {
      const csv = toChatDumpCsv(hostileMessages(), { meetingId: 'm', sessionId: 's' });
      const table = parse(csv, { bom: true, delimiter: ';', relax_quotes: true, relax_column_count: true }) as string[][];
      expect(formulaCells(table)).to.deep.equal([]);
    });
  });

  describe('<rtk-chat-export-button>', () => {
    let meeting: LocalMeeting;

    beforeEach(async () => {
      meeting = await joinedMeeting({ meetingId: '=cmd|\' /C calc\'!A0', sessionId: '@SUM(1)' });
      CORPUS.forEach((value, i) => meeting.receive({ id: `m${i}`, type: 'text', message: value, userId: value, displayName: value }));
    });

    afterEach(() => meeting.leave());

    guarded('downloads a dump with no formula cell, built in the browser', async () => {
      const button = await mount<RtkChatExportButton>('rtk-chat-export-button', meeting);
      const [download] = await captureDownloads(() => button.export());
      const table = rows(download.text);
      expect(table).to.have.length(CORPUS.length + 1);
      expect(formulaCells(table)).to.deep.equal([]);
      expect(download.filename).to.match(/^chat-[\w.-]+\.csv$/);
    });

    guarded('downloads every text exactly when formulas are allowed', async () => {
      const button = await mount<RtkChatExportButton>('rtk-chat-export-button', meeting);
      button.allowFormulas = true;
      const [download] = await captureDownloads(() => button.export());
      const [, ...table] = rows(download.text);
      expect(table.map((row) => [row[1], row[4], row[8]])).to.deep.equal(CORPUS.map(wellFormed).map((value) => [value, value, value]));
    });

    describe('through a replay endpoint', () => {
      const served = () => toChatDumpCsv(hostileMessages(), { meetingId: 'm', sessionId: 's', protectFormulas: false });
      let backend: ReturnType<typeof stubBackend>;

      beforeEach(() => {
        const csv = served();
        backend = stubBackend((url) =>
          url.includes('/hardening/dump.csv')
            ? new Response(csv, { headers: { 'content-type': 'text/csv' } })
            : replayJson({ success: true, data: { chat_download_url: new URL('/hardening/dump.csv', location.href).href, chat_download_url_expiry: new Date(Date.now() + 3_600_000).toISOString() } }),
        );
      });

      afterEach(() => backend.restore());

      guarded('protects every formula cell of the API’s dump', async () => {
        const button = await mount<RtkChatExportButton>('rtk-chat-export-button', meeting);
        button.replayUrl = '/hardening/replay';
        const [download] = await captureDownloads(() => button.export());
        const table = rows(download.text);
        expect(table).to.have.length(CORPUS.length * 3 + 1);
        expect(formulaCells(table)).to.deep.equal([]);
        expect(parseChatDumpCsv(download.text, { protectedFormulas: true })).to.deep.equal(hostileMessages(wellFormed));
      });

      guarded('protects every formula cell of the API’s dump arriving a few bytes at a time', async () => {
        const bytes = new TextEncoder().encode(served());
        let at = 0;
        // Pieces of 1 to 7 bytes: cut inside quoted fields, characters and line breaks everywhere.
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (at >= bytes.length) return controller.close();
            const end = Math.min(bytes.length, at + 1 + (at % 7));
            controller.enqueue(bytes.slice(at, end));
            at = end;
          },
        });
        const { blob, rows: count } = await fetchChatDumpBlob(async () => ({ success: true, data: { chat_download_url: 'https://bucket.example/dump.csv' } }), {
          fetch: async () => new Response(body, { headers: { 'content-type': 'text/csv' } }),
          protectFormulas: true,
        });
        const text = new TextDecoder().decode(await blob.arrayBuffer());
        expect(count).to.equal(CORPUS.length * 3);
        expect(formulaCells(rows(text))).to.deep.equal([]);
        expect(parseChatDumpCsv(text, { protectedFormulas: true })).to.deep.equal(hostileMessages(wellFormed));
      });

      guarded('keeps the bytes of the API’s dump exactly when formulas are allowed', async () => {
        const button = await mount<RtkChatExportButton>('rtk-chat-export-button', meeting);
        button.replayUrl = '/hardening/replay';
        button.allowFormulas = true;
        const [download] = await captureDownloads(() => button.export());
        const bytes = new TextEncoder().encode(served());
        expect(download.bytes.length).to.equal(bytes.length);
        expect(download.bytes.findIndex((byte, i) => byte !== bytes[i]), 'the first byte that differs').to.equal(-1);
      });
    });

    guarded('refuses a download link that is not http(s), fetching nothing there', async () => {
      const links = ['javascript:__pwned=1', 'data:text/csv,%3DHYPERLINK(1)', 'blob:null/x', 'file:///etc/passwd', '/hardening/relative.csv', ' JAVASCRIPT:__pwned=1'];
      const backend = stubBackend((url) => replayJson({ success: true, data: { chat_download_url: links[Number(new URL(url).searchParams.get('i'))] } }));
      try {
        const button = await mount<RtkChatExportButton>('rtk-chat-export-button', meeting);
        for (const [i] of links.entries()) {
          button.replayUrl = `/hardening/replay?i=${i}`;
          expect(await captureDownloads(() => button.export()), links[i]).to.have.length(0);
          await button.updateComplete;
          expect(shadow(button).querySelector('[role="alert"]')?.textContent).to.include('could not be exported');
          expect(button.busy).to.equal(false);
        }
        expect(backend.requests.map((r) => new URL(r.url).pathname)).to.deep.equal(links.map(() => '/hardening/replay'));
      } finally {
        backend.restore();
      }
    });
  });
});
