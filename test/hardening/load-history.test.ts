import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import type { LocalMeeting } from '../../src/local-meeting/index.js';
import type { RtkPinnedMessages } from '../../src/pinned-messages/pinned-messages.js';
import { sdkMessage } from '../chat-dump/messages.js';
import { joinedMeeting, shadow, waitFor } from '../helpers.js';
import { checkAround, input, mount, mountChat, panel, renderedMessage, spread } from './support.js';
import { guarded } from './traps.js';

describe('a long chat', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    localStorage.clear();
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  guarded('shows 100,000 loaded messages each once in order, and still sends and receives', async () => {
    const start = Date.now() - 100_000 * 1000;
    meeting.chat.messages = Array.from({ length: 100_000 }, (_, i) =>
      sdkMessage({ id: `h${i}`, message: `history ${i}`, userId: `user-${i % 97}`, displayName: `Person ${i % 97}`, timeMs: start + i * 1000 }),
    );
    const ids = meeting.chat.messages.map((m) => m.id);
    const chat = await mountChat(meeting);
    await waitFor(() => renderedMessage(chat, 'h99999'), 'the newest message is not shown');
    const wrong: string[] = [];
    for (const index of spread(ids.length, 30)) wrong.push(await checkAround(chat, ids, ids[index]));
    expect(wrong.filter(Boolean)).to.deep.equal([]);
    input(chat).focus();
    await sendKeys({ type: 'still fast' });
    await sendKeys({ press: 'Enter' });
    const mine = await waitFor(() => meeting.chat.messages.find((m) => m.message === 'still fast'));
    const theirs = meeting.receive({ type: 'text', message: 'and another', userId: 'user-dana', displayName: 'Dana' });
    await waitFor(() => renderedMessage(chat, theirs.id), 'a new message after 100,000 is not shown');
    expect(await checkAround(chat, [...ids, mine.id, theirs.id], theirs.id)).to.equal('');
    expect(meeting.chat.messages).to.have.length(100_002);
  }, 100_000);

  guarded('lists 1,000 pins latest first, each once, and the chat marks each of them', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => meeting.receive({ type: 'text', message: `pin ${i}`, userId: `user-${i % 50}`, displayName: `Person ${i % 50}` }).id);
    const host = await panel(420, 600);
    const chat = await mountChat(meeting, host);
    const pinned = await mount<RtkPinnedMessages>('rtk-pinned-messages', meeting, host);
    await Promise.all(ids.map((id) => meeting.chat.pin(id)));
    await pinned.updateComplete;
    const latestFirst = [...ids].reverse();
    expect(pinned.messages.map((m) => m.id)).to.deep.equal(latestFirst);
    const previews = [...shadow(pinned).querySelectorAll('.preview')].map((p) => p.textContent);
    expect(previews).to.deep.equal(latestFirst.map((id) => meeting.chat.messages.find((m) => m.id === id)!.message));
    expect(shadow(pinned).querySelector('.count')?.textContent).to.equal('1000');
    const wrong: string[] = [];
    for (const index of spread(ids.length, 20)) {
      wrong.push(await checkAround(chat, ids, ids[index]));
      if (!renderedMessage(chat, ids[index])?.hasAttribute('pinned')) wrong.push(`${ids[index]} is not marked pinned`);
    }
    expect(wrong.filter(Boolean)).to.deep.equal([]);
    await Promise.all(ids.filter((_, i) => i % 2).map((id) => meeting.chat.unpin(id)));
    await pinned.updateComplete;
    expect(pinned.messages.map((m) => m.id)).to.deep.equal(latestFirst.filter((id) => ids.indexOf(id) % 2 === 0));
  }, 100_000);
});
