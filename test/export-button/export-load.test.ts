/**
 * The export button's code for exporting loads when an export starts, not with the kit. A page of
 * its own, where nothing has loaded that code yet: an import map then sends its URL to a port
 * nothing listens on, as when the page is offline or a deploy removed the old chunk.
 */
import { expect, fixture, html } from '@open-wc/testing';

import '../../src/index.js';
import type { RtkChatExportErrorEvent } from '../../src/events/chat-export.js';
import type { RtkChatExportButton } from '../../src/export-button/export-button.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { captureDownloads, incoming, joinedMeeting, shadow } from '../helpers.js';

/** The export code's URLs: as imported, and as the test server rewrites the import (to the `.ts` it serves). */
const EXPORT_CODE = ['js', 'ts'].map((extension) => new URL(`../../src/export-button/export-run.${extension}`, import.meta.url).href);

/** Whether the page has fetched (or tried to fetch) the export's code. */
const requested = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('export-run'));

describe('rtk-chat-export-button, loading its export code', () => {
  let meeting: LocalMeeting;

  before(() => {
    const map = document.createElement('script');
    map.type = 'importmap';
    map.textContent = JSON.stringify({ imports: Object.fromEntries(EXPORT_CODE.map((url) => [url, 'http://127.0.0.1:9/export-run.js'])) });
    document.head.append(map);
  });

  beforeEach(async () => {
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  it('is ready, with its label, state and reason, before its export code loads', async () => {
    const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting}></rtk-chat-export-button>`);
    const button = shadow(element).querySelector('button')!;
    expect(button.textContent!.trim()).to.equal('Export chat');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(shadow(element).querySelector('#status')!.textContent).to.equal('There are no messages to export.');
    incoming(meeting, 'one');
    await element.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    expect(requested()).to.equal(false);
  });

  it('shows the usual export error when its code cannot load', async () => {
    incoming(meeting, 'one');
    const element = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting}></rtk-chat-export-button>`);
    const errors: RtkChatExportErrorEvent[] = [];
    element.addEventListener('rtk-chat-export-error', (event) => errors.push(event));
    const downloads = await captureDownloads(() => element.export());
    expect(errors).to.have.length(1);
    expect(errors[0].detail.text).to.equal('The chat could not be exported.');
    expect(errors[0].detail.error).to.be.instanceOf(TypeError);
    expect(downloads).to.have.length(0);
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="error"]')!.textContent).to.equal('The chat could not be exported.');
    expect(element.busy).to.equal(false);
    expect(shadow(element).querySelector('button')!.textContent!.trim()).to.equal('Export chat');
  });
});
