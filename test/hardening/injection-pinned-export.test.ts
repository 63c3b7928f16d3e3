import { expect } from '@open-wc/testing';

import { displayName } from '../../src/format/format.js';
import type { RtkChatExportButton } from '../../src/export-button/export-button.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import type { RtkPinnedMessages } from '../../src/pinned-messages/pinned-messages.js';
import { joinedMeeting, shadow } from '../helpers.js';
import { auditLayout, auditMarkup } from './audit.js';
import { CORPUS } from './corpus.js';
import { captureDownloads, mount, panel, replayJson, stubBackend } from './support.js';
import { guarded } from './traps.js';

const LINE_BREAK = /[\n\r\u2028\u2029]/;

describe('hostile strings in <rtk-pinned-messages> and <rtk-chat-export-button>', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  guarded('lists pinned hostile messages, senders and file names as one line of text each, inside the panel', async () => {
    CORPUS.forEach((value, i) => {
      meeting.receive({ id: `text-${i}`, type: 'text', message: value, displayName: value, userId: `user-${i}`, pinned: true, timeMs: 1_000_000 + i });
      meeting.receive({ id: `file-${i}`, type: 'file', name: value, link: value, displayName: 'Dana', pinned: true, timeMs: 5_000_000 + i });
    });
    const host = await panel(300, 600);
    host.style.height = 'auto';
    const pinned = await mount<RtkPinnedMessages>('rtk-pinned-messages', meeting, host);
    const items = [...shadow(pinned).querySelectorAll('li')];
    expect(items).to.have.length(CORPUS.length * 2);
    const read = (item: Element, selector: string) => item.querySelector(selector)?.textContent ?? '';
    // Newest first: the files (pinned later in time), then the texts.
    const senders = items.slice(CORPUS.length).map((item) => read(item, '.sender'));
    // Names are shown without bidi controls; one that shows nothing is "Unknown".
    expect(senders.reverse()).to.deep.equal(CORPUS.map((value) => displayName(value) ?? 'Unknown'));
    const multiline = items.map((item) => read(item, '.preview')).filter((preview) => LINE_BREAK.test(preview));
    expect(multiline, 'previews over several lines').to.deep.equal([]);
    expect(auditMarkup(pinned)).to.deep.equal([]);
    expect(auditLayout(pinned, host)).to.deep.equal([]);
  }, 60_000);

  guarded("shows a hostile backend's error words as text", async () => {
    meeting.receive({ type: 'text', message: 'something to export' });
    const host = await panel(300, 200);
    const backend = stubBackend((url) => {
      const i = Number(new URL(url).searchParams.get('i'));
      return replayJson({ success: false, errors: [{ code: 1, message: CORPUS[i] }] });
    });
    try {
      const button = await mount<RtkChatExportButton>('rtk-chat-export-button', meeting, host);
      const wrong: string[] = [];
      for (const [i, value] of CORPUS.entries()) {
        button.replayUrl = `/hardening/replay?i=${i}`;
        const downloads = await captureDownloads(() => button.export());
        await button.updateComplete;
        const shown = shadow(button).querySelector('[role="alert"]')?.textContent ?? '';
        const said = value.trim() === '' ? '' : value.length > 200 ? value.slice(0, 200) : value;
        if (downloads.length > 0 || !shown.includes(said)) wrong.push(`#${i}: ${JSON.stringify(shown.slice(0, 80))}`);
        wrong.push(...auditMarkup(button), ...auditLayout(button, host));
      }
      expect(wrong).to.deep.equal([]);
    } finally {
      backend.restore();
    }
  }, 60_000);
});
