import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { composerOf, joinedMeeting } from '../helpers.js';
import { bottomState, checkAround, input, mountChat, renderedMessage, spread } from './support.js';
import { guarded } from './traps.js';

describe('a burst of 10,000 messages from 500 participants while the user types', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    localStorage.clear();
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  guarded('loses and repeats no message, and keeps every typed character', async () => {
    for (let p = 0; p < 500; p++) meeting.addParticipant({ id: `peer-${p}`, userId: `user-${p}`, name: `Person ${p}` });
    const chat = await mountChat(meeting);
    input(chat).focus();
    const ids: string[] = [];
    let typed = '';
    for (let chunk = 0; chunk < 20; chunk++) {
      for (let i = 0; i < 500; i++) {
        const n = chunk * 500 + i;
        ids.push(meeting.receive({ type: 'text', message: `burst ${n}`, userId: `user-${n % 500}`, displayName: `Person ${n % 500}` }).id);
      }
      const piece = `w${chunk} `;
      await sendKeys({ type: piece });
      typed += piece;
    }
    expect(input(chat).value, 'the draft').to.equal(typed);
    // The text box is in the composer's shadow root since the composer became an element.
    expect(composerOf(chat).activeElement === input(chat), 'focus in the text box').to.equal(true);
    expect(Object.entries(localStorage).find(([key]) => key.startsWith('rtk-chat-draft'))?.[1], 'the stored draft').to.equal(typed);
    expect(meeting.chat.messages.map((m) => m.id)).to.deep.equal(ids);
    const newest = await waitUntil(() => renderedMessage(chat, ids.at(-1)!), '', { timeout: 4000 }).then(() => '', () => bottomState(chat));
    expect(newest, 'the newest message is not on screen, though the user never scrolled').to.equal('');
    const wrong: string[] = [];
    for (const index of spread(ids.length, 40)) wrong.push(await checkAround(chat, ids, ids[index]));
    expect(wrong.filter(Boolean)).to.deep.equal([]);
    expect(input(chat).value, 'the draft after scrolling').to.equal(typed);
  }, 100_000);
});
