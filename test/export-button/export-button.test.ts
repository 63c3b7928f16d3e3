import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { parse } from 'csv-parse/browser/esm/sync';

import '../../src/index.js';
import type { RtkChatExportButton } from '../../src/export-button/export-button.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { captureDownloads, incoming, joinedMeeting, shadow, waitFor } from '../helpers.js';

function rows(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}

function button(element: RtkChatExportButton): HTMLButtonElement {
  return shadow(element).querySelector('button')!;
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

  it('downloads once however often it is clicked while busy', async () => {
    incoming(meeting, 'once');
    const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting}></rtk-chat-export-button>`);
    const downloads = await captureDownloads(async () => {
      const done = oneEvent(element, 'rtk-chat-export');
      button(element).click();
      button(element).click();
      button(element).click();
      await done;
    });
    expect(downloads).to.have.length(1);
    expect(element.busy).to.equal(false);
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
