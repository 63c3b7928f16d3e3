import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { parse } from 'csv-parse/browser/esm/sync';

import '../../src/index.js';
import type { ChatExportDetail } from '../../src/events/chat-export.js';
import type { RtkChatExportButton } from '../../src/export-button/export-button.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { T0, sdkMessage } from '../chat-dump/messages.js';
import { captureDownloads, incoming, joinedMeeting, shadow, waitFor, type Download } from '../helpers.js';

function rows(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}

function button(element: RtkChatExportButton): HTMLButtonElement {
  return shadow(element).querySelector('button')!;
}

/** Exports once; the file downloaded and the detail of `rtk-chat-export`. */
async function exportOnce(element: RtkChatExportButton): Promise<{ download: Download; detail: ChatExportDetail }> {
  let detail: ChatExportDetail | undefined;
  const [download] = await captureDownloads(async () => {
    const done = oneEvent(element, 'rtk-chat-export');
    await element.export();
    detail = (await done).detail as ChatExportDetail;
  });
  return { download, detail: detail! };
}

/** What the button's live region says. */
function status(element: RtkChatExportButton): string {
  return shadow(element).querySelector('#status')!.textContent!.trim();
}

describe('rtk-chat-export-button', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    meeting = await joinedMeeting({ meetingId: 'weekly sync', sessionId: 'session-7' });
  });

  afterEach(() => meeting.leave());

  it('downloads the chat built in the browser, as the documented dump', async () => {
    incoming(meeting, 'hello, "world"');
    incoming(meeting, '=1+2');
    const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting}></rtk-chat-export-button>`);
    expect(button(element).textContent).to.include('Export chat');
    const revoked: string[] = [];
    const revoke = URL.revokeObjectURL;
    URL.revokeObjectURL = (url: string) => (revoked.push(url), revoke.call(URL, url));
    try {
      const [download] = await captureDownloads(async () => {
        const done = oneEvent(element, 'rtk-chat-export');
        button(element).click();
        expect((await done).detail.source).to.equal('client');
      });
      expect(download.filename).to.match(/^chat-weekly_sync-session-7-\d{4}-\d{2}-\d{2}\.csv$/);
      const table = rows(download.text);
      expect(table[0]).to.deep.equal(['id', 'participantId', 'sessionId', 'meetingId', 'displayName', 'pinned', 'isEdited', 'payloadType', 'payload', 'createdAt']);
      expect(table.slice(1).map((row) => [row[2], row[3], row[7], row[8]])).to.deep.equal([
        ['session-7', 'weekly sync', 'TEXT_MESSAGE', 'hello, "world"'],
        ['session-7', 'weekly sync', 'TEXT_MESSAGE', "'=1+2"],
      ]);
      await waitFor(() => revoked.length === 1, 'the object URL was not revoked');
      expect(shadow(element).querySelector('a')).to.equal(null);
    } finally {
      URL.revokeObjectURL = revoke;
    }
  });

  it('leaves formulas alone when allowed, for programs that read the dump', async () => {
    incoming(meeting, '=1+2');
    const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button allow-formulas .meeting=${meeting}></rtk-chat-export-button>`);
    const [download] = await captureDownloads(() => element.export());
    expect(rows(download.text)[1][8]).to.equal('=1+2');
  });

  it('is disabled with a reason when there is nothing to export, or the app says no', async () => {
    const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting}></rtk-chat-export-button>`);
    expect(button(element).getAttribute('aria-disabled')).to.equal('true');
    expect(shadow(element).querySelector('#status')!.textContent).to.include('no messages to export');
    incoming(meeting, 'now there is one');
    await waitFor(() => button(element).getAttribute('aria-disabled') === 'false');
    element.canExport = () => false;
    await element.updateComplete;
    expect(shadow(element).querySelector('#status')!.textContent).to.include("don't have permission");
    expect(await captureDownloads(() => element.export())).to.have.length(0);
  });

  it("is enabled by any entry of the meeting's messages, even a malformed one", async () => {
    meeting.chat.messages = [{ text: 'no id, no type' } as never];
    const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting}></rtk-chat-export-button>`);
    expect(button(element).getAttribute('aria-disabled')).to.equal('false');
    expect(status(element)).to.equal('');
  });

  describe('the whole session, from the browser', () => {
    it('pages back through fetchPublicMessages: 1,100 messages in the file when the meeting holds 1,000', async () => {
      const long = await joinedMeeting({ meetingId: 'long', sessionId: 'all', seed: 1_100 });
      try {
        expect(long.chat.messages).to.have.length(1_000);
        const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${long} locale="en-US"></rtk-chat-export-button>`);
        const history = await long.chat.fetchPublicMessages({ timestamp: Date.now(), limit: 2_000, direction: 'before' });
        const { download, detail } = await exportOnce(element);
        const table = rows(download.text).slice(1);
        expect(table.map((row) => row[0])).to.deep.equal(history.map((message) => message.id).reverse());
        expect(detail).to.include({ count: 1_100, complete: true, source: 'client' });
        await element.updateComplete;
        expect(status(element)).to.equal('Exported 1,100 messages.');
      } finally {
        await long.leave();
      }
    });

    it('shows its progress while it works, and cancels when clicked again: nothing downloaded, no error', async () => {
      incoming(meeting, 'one');
      const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting}></rtk-chat-export-button>`);
      // The local meeting cannot hang: a server that never answers a history page.
      meeting.chat.fetchPublicMessages = () => new Promise(() => undefined);
      const errors: Event[] = [];
      element.addEventListener('rtk-chat-export-error', (event) => errors.push(event));
      const downloads = await captureDownloads(async () => {
        button(element).click();
        await element.updateComplete;
        expect(element.busy).to.equal(true);
        expect(element.hasAttribute('busy')).to.equal(true);
        expect(button(element).textContent!.trim()).to.equal('Cancel export');
        expect(button(element).getAttribute('aria-disabled')).to.equal('false');
        expect(shadow(element).querySelector('[part="progress"]')!.textContent).to.match(/^Exporting…|^Collecting messages/);
        await expect(element).to.be.accessible();
        button(element).click();
        await waitFor(() => status(element) === 'Export canceled.', 'the button did not say it was canceled');
      });
      expect(downloads).to.have.length(0);
      expect(errors).to.have.length(0);
      expect(element.busy).to.equal(false);
      expect(element.hasAttribute('busy')).to.equal(false);
      expect(button(element).textContent!.trim()).to.equal('Export chat');
      expect(shadow(element).querySelector('[role="alert"]')).to.equal(null);
    });

    it('cancels through the AbortSignal given to export()', async () => {
      incoming(meeting, 'one');
      const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting}></rtk-chat-export-button>`);
      meeting.chat.fetchPublicMessages = () => new Promise(() => undefined);
      const controller = new AbortController();
      const downloads = await captureDownloads(async () => {
        const done = element.export({ signal: controller.signal });
        controller.abort();
        await done;
      });
      expect(downloads).to.have.length(0);
      await waitFor(() => status(element) === 'Export canceled.');
    });

    it('says how many it wrote and why not all when the meeting cannot page back', async () => {
      incoming(meeting, 'one');
      incoming(meeting, 'two');
      // A meeting whose SDK cannot page back.
      (meeting.chat as { fetchPublicMessages?: unknown }).fetchPublicMessages = undefined;
      const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting}></rtk-chat-export-button>`);
      const { download, detail } = await exportOnce(element);
      expect(rows(download.text)).to.have.length(3);
      expect(detail).to.include({ count: 2, complete: false, shortfall: 'no-history' });
      await element.updateComplete;
      expect(status(element)).to.equal('Exported 2 messages. Older messages may be missing: this meeting only gives its most recent ones.');
    });

    it('writes what it gathered and says so when a history page fails', async () => {
      const long = await joinedMeeting({ seed: 1_150 });
      try {
        const fetchPage = long.chat.fetchPublicMessages.bind(long.chat);
        let pages = 0;
        long.chat.fetchPublicMessages = (options) => (++pages === 1 ? fetchPage(options) : Promise.reject(new Error('the server is down')));
        const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${long}></rtk-chat-export-button>`);
        const { download, detail } = await exportOnce(element);
        // The 1,000 messages the meeting holds and the first page before them (which repeats its boundary).
        expect(detail).to.include({ count: 1_099, complete: false, shortfall: 'history-failed' });
        expect(rows(download.text)).to.have.length(1 + 1_099);
        await element.updateComplete;
        expect(status(element)).to.equal('Exported 1,099 messages. Older messages could not be loaded, so the start of the chat is missing.');
      } finally {
        await long.leave();
      }
    });

    it('exports from a snapshot: messages deleted during the export make it skip no other message', async () => {
      const all = Array.from({ length: 30_000 }, (_, i) => sdkMessage({ id: `m${i}`, message: `text ${i}`, timeMs: T0 + i }));
      meeting.chat.messages = [...all];
      const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting}></rtk-chat-export-button>`);
      const deleted = new Set<string>();
      let exporting = true;
      const [download] = await captureDownloads(async () => {
        const done = element.export();
        // As the SDK does for a deletion: spliced out of the same array, one each task.
        while (exporting && deleted.size < 10) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          const index = 100 + deleted.size * 50;
          deleted.add(meeting.chat.messages[index].id);
          meeting.chat.messages.splice(index, 1);
        }
        await done;
        exporting = false;
      });
      const exported = new Set(rows(download.text).slice(1).map((row) => row[0]));
      const lost = all.filter((message) => !deleted.has(message.id) && !exported.has(message.id));
      expect(lost.map((message) => message.id), 'never deleted, yet missing').to.deep.equal([]);
      expect(deleted.size).to.equal(10);
    });

    it('ignores the second click of a double click, and downloads once', async () => {
      incoming(meeting, 'once');
      const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting}></rtk-chat-export-button>`);
      const downloads = await captureDownloads(async () => {
        const done = oneEvent(element, 'rtk-chat-export');
        for (const detail of [1, 2, 3]) button(element).dispatchEvent(new MouseEvent('click', { detail, bubbles: true, composed: true }));
        await done;
      });
      expect(downloads).to.have.length(1);
      expect(element.busy).to.equal(false);
    });

    it('says what it did in a polite live region that is there before it speaks', async () => {
      incoming(meeting, 'one');
      const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting}></rtk-chat-export-button>`);
      const region = shadow(element).querySelector('[role="status"]')!;
      await captureDownloads(() => element.export());
      await element.updateComplete;
      expect(shadow(element).querySelector('[role="status"]')).to.equal(region);
      expect(region.textContent).to.equal('Exported 1 message.');
      expect(region.getAttribute('aria-live') ?? 'polite').to.equal('polite');
      await expect(element).to.be.accessible();
    });
  });

  describe('replay mode', () => {
    let key = 0;
    const url = (scenario: string) => `/replay-api/${scenario}?key=${Date.now()}-${++key}`;

    async function replay(scenario: string, attributes = '') {
      const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting} replay-url=${url(scenario)}></rtk-chat-export-button>`);
      if (attributes) element.setAttribute(attributes, '');
      return element;
    }

    async function calls(element: RtkChatExportButton): Promise<number> {
      const [scenario, key] = element.replayUrl!.slice('/replay-api/'.length).split('?key=');
      return (await (await fetch(`/replay-api/calls?scenario=${scenario}&key=${key}`)).json()).count;
    }

    it('downloads the dump from the app backend, formula-protected', async () => {
      const element = await replay('ok');
      const [download] = await captureDownloads(() => element.export());
      const table = rows(download.text);
      expect(table[1][8]).to.equal('\'=HYPERLINK("http://evil.example")');
      expect(table[2][8]).to.equal('hello, "world"');
    });

    it('keeps the bytes exactly when formulas are allowed', async () => {
      const element = await replay('ok', 'allow-formulas');
      const [download] = await captureDownloads(() => element.export());
      const served = new Uint8Array(await (await fetch(`/replay-api/files/dump.csv`)).arrayBuffer());
      expect([...download.bytes]).to.deep.equal([...served]);
    });

    it('renews an expired link once, by asking again', async () => {
      const element = await replay('expired-once');
      const [download] = await captureDownloads(() => element.export());
      expect(rows(download.text)).to.have.length(3);
      expect(await calls(element)).to.equal(2);
    });

    it('renews a link the storage refuses as expired, once', async () => {
      const element = await replay('refused-once');
      const [download] = await captureDownloads(() => element.export());
      expect(rows(download.text)).to.have.length(3);
      expect(await calls(element)).to.equal(2);
    });

    for (const scenario of ['always-refused', 'unsuccessful', 'server-error', 'unauthorized', 'malformed']) {
      it(`shows a clear error and fires rtk-chat-export-error: ${scenario}`, async () => {
        const element = await replay(scenario);
        const failed = oneEvent(element, 'rtk-chat-export-error');
        const downloads = await captureDownloads(() => element.export());
        expect((await failed).detail.text).to.include('could not be exported');
        expect(downloads).to.have.length(0);
        await element.updateComplete;
        expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.include('could not be exported');
        expect(element.busy).to.equal(false);
      });
    }

    it('streams a large dump, protects every formula and says how many messages it wrote', async () => {
      const element = await replay('big');
      const { download, detail } = await exportOnce(element);
      const table = rows(download.text);
      expect(table).to.have.length(20_001);
      expect(table[1][8]).to.equal("'=SUM(0)");
      expect(table[2][8]).to.equal('message 1, with "quotes"');
      expect(detail).to.include({ count: 20_000, complete: true, source: 'replay', size: download.bytes.length });
      await element.updateComplete;
      expect(status(element)).to.equal('Exported 20,000 messages.');
    });

    it('fails loudly rather than save an empty file when the dump cannot be decoded whole', async () => {
      // Decoding a dump past 512 MiB into one string gives ''. Simulated for every decode of more
      // than a kilobyte, so the test needs no half a gigabyte; the API's small answer decodes.
      const decode = TextDecoder.prototype.decode;
      TextDecoder.prototype.decode = function (this: TextDecoder, input?: AllowSharedBufferSource, options?: TextDecodeOptions) {
        return input && input.byteLength > 1024 ? '' : decode.call(this, input, options);
      };
      try {
        for (const allow of [false, true]) {
          const element = await replay('big', allow ? 'allow-formulas' : '');
          const exported: Event[] = [];
          element.addEventListener('rtk-chat-export', (event) => exported.push(event));
          const failed = oneEvent(element, 'rtk-chat-export-error');
          const downloads = await captureDownloads(() => element.export());
          expect(downloads, `allow-formulas: ${allow}`).to.have.length(0);
          expect(exported).to.have.length(0);
          expect((await failed).detail.text).to.equal('The chat could not be exported. The download was incomplete.');
        }
      } finally {
        TextDecoder.prototype.decode = decode;
      }
    });

    it('cancels a stalled download when clicked, showing what arrived meanwhile', async () => {
      const element = await replay('stall');
      element.idleTimeout = 0;
      const errors: Event[] = [];
      element.addEventListener('rtk-chat-export-error', (event) => errors.push(event));
      const downloads = await captureDownloads(async () => {
        button(element).click();
        // The first 40 characters of the dump, its 3-byte BOM included.
        await waitFor(() => shadow(element).querySelector('[part="progress"]')?.textContent === 'Downloading… 42 bytes', 'no progress shown');
        button(element).click();
        await waitFor(() => status(element) === 'Export canceled.');
      });
      expect(downloads).to.have.length(0);
      expect(errors).to.have.length(0);
      expect(element.busy).to.equal(false);
    });

    for (const [scenario, words] of [
      ['stall', 'The server stopped responding.'],
      ['drip', 'The server stopped responding.'],
      ['stall-api', 'The server stopped responding.'],
      ['html', 'The server did not send a chat export.'],
      ['unsuccessful', 'The Chat Replay API could not provide the chat dump. The API said: "Session not found".'],
    ] as const) {
      it(`says why a replay failed: ${scenario}`, async () => {
        const element = await replay(scenario);
        element.idleTimeout = 300;
        const failed = oneEvent(element, 'rtk-chat-export-error');
        const downloads = await captureDownloads(() => element.export());
        const text = `The chat could not be exported. ${words}`;
        expect((await failed).detail.text).to.equal(text);
        expect(downloads).to.have.length(0);
        await element.updateComplete;
        expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.equal(text);
        expect(element.busy).to.equal(false);
      });
    }

    it('reports a network failure', async () => {
      const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting} replay-url="http://127.0.0.1:9/none"></rtk-chat-export-button>`);
      const failed = oneEvent(element, 'rtk-chat-export-error');
      await element.export();
      expect((await failed).detail.error).to.be.instanceOf(Error);
    });
  });

  it('takes its label from the slot and is accessible', async () => {
    incoming(meeting, 'hi');
    const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting}>Download CSV</rtk-chat-export-button>`);
    await expect(element).to.be.accessible();
  });
});
