import { expect } from '@open-wc/testing';

import type { LocalMeeting } from '../../src/local-meeting/index.js';
import type { RtkChat } from '../../src/chat/chat.js';
import { composerOf, joinedMeeting, openFilters, shadow } from '../helpers.js';
import { auditLayout, auditMarkup } from './audit.js';
import { CORPUS } from './corpus.js';
import { attach, attachmentNames, mountChat, panel, walkChat } from './support.js';
import { guarded } from './traps.js';

describe('hostile strings in <rtk-chat>', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    localStorage.clear();
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  guarded('renders every hostile message, sender, file, link and custom html of a whole chat safely, inside the panel', async () => {
    const ids: string[] = [];
    CORPUS.forEach((value, i) => {
      const from = { userId: `user-${i}`, displayName: value };
      ids.push(
        meeting.receive({ ...from, id: `text-${i}`, type: 'text', message: value }).id,
        meeting.receive({ ...from, id: `file-${i}`, type: 'file', name: value, link: value, size: i }).id,
        meeting.receive({ ...from, id: `image-${i}`, type: 'image', link: value }).id,
        meeting.receive({ ...from, id: `custom-${i}`, type: 'custom', html: value, message: '' }).id,
      );
    });
    const host = await panel(420, 600);
    const chat = await mountChat(meeting, host);
    const problems = new Set<string>();
    const look = () => {
      for (const problem of [...auditMarkup(chat), ...auditLayout(chat, host)]) problems.add(problem);
    };
    const unseen = await walkChat(chat, ids, look);
    expect(unseen, 'messages the walk never brought on screen').to.deep.equal([]);
    expect([...problems]).to.deep.equal([]);
  }, 110_000);

  guarded('lists hostile participant names as text in the recipient and sender pickers', async () => {
    CORPUS.forEach((name, i) => meeting.addParticipant({ id: `peer-${i}`, userId: `user-${i}`, name }));
    const host = await panel(420, 600);
    const chat = await mountChat(meeting, host);
    // A picker holds its options while in use: open it, as a user would, before reading them.
    const options = async (root: ShadowRoot, selector: string) => {
      const select = root.querySelector<HTMLSelectElement>(selector)!;
      select.focus();
      await chat.updateComplete;
      await (root.host as RtkChat).updateComplete;
      const texts = [...select.options].map((o) => o.textContent);
      const problems = [...auditMarkup(chat), ...auditLayout(chat, host)];
      select.blur();
      return { texts, problems };
    };
    const shown = CORPUS.map((name) => name || 'Unknown');
    const recipients = await options(composerOf(chat), '.recipient select');
    await openFilters(chat);
    const senders = await options(shadow(chat), '.filters label:first-child select');
    expect(recipients.texts).to.deep.equal(['Everyone', ...shown]);
    expect(senders.texts).to.deep.equal(['Anyone', 'You', ...shown]);
    expect([...recipients.problems, ...senders.problems]).to.deep.equal([]);
  }, 60_000);

  guarded('lists attachments with hostile file names as text, inside the panel', async () => {
    const host = await panel(420, 600);
    const chat = await mountChat(meeting, host);
    const files = CORPUS.map((name) => new File(['x'], name, { type: 'text/plain' }));
    await attach(chat, files);
    expect(attachmentNames(chat)).to.deep.equal(files.map((file) => file.name));
    const removeLabels = [...composerOf(chat).querySelectorAll('.attachment button')].map((b) => b.getAttribute('aria-label'));
    expect(removeLabels).to.deep.equal(files.map((file) => `Remove ${file.name}`));
    expect(auditMarkup(chat)).to.deep.equal([]);
    expect(auditLayout(chat, host)).to.deep.equal([]);
  }, 60_000);
});
