import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../src/index.js';
import type { RtkChat } from '../../src/chat/chat.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { renderedMessage, shownIds } from '../hardening/support.js';
import { countNodes, incoming, joinedMeeting, shadow, waitFor } from '../helpers.js';

async function mount(meeting: LocalMeeting | undefined): Promise<RtkChat> {
  const element = await fixture<HTMLElement>(html`<div style="height: 600px; width: 420px"><rtk-chat .meeting=${meeting} locale="en-US"></rtk-chat></div>`);
  const chat = element.querySelector('rtk-chat')!;
  await chat.updateComplete;
  return chat;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await frame();
}

function list(chat: RtkChat): HTMLElement {
  return shadow(chat).querySelector<HTMLElement>('[part="list"]')!;
}

const rendered = renderedMessage;

function wholeInView(chat: RtkChat, id: string): boolean {
  const element = rendered(chat, id);
  if (!element) return false;
  const view = list(chat).getBoundingClientRect();
  const box = element.getBoundingClientRect();
  return box.height > 0 && box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
}

function newMessagesButton(chat: RtkChat): HTMLButtonElement | null {
  return shadow(chat).querySelector<HTMLButtonElement>('[part="new-messages"]');
}

/** The user scrolls the list up, away from the newest message. */
async function scrollAway(chat: RtkChat): Promise<void> {
  const element = list(chat);
  element.dispatchEvent(new WheelEvent('wheel', { deltaY: -400 }));
  element.scrollTop -= 400;
  await frames(3);
}

describe('rtk-chat list', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    localStorage.clear();
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  describe('older pages', () => {
    let history: LocalMeeting;

    // 1,100 messages of the user's: the meeting holds the newest 1,000, the rest come by page.
    beforeEach(async () => {
      history = await joinedMeeting({ seed: Array.from({ length: 1100 }, (_, i) => ({ id: `h${i}`, userId: 'user-me', displayName: 'Me', message: `history ${i}` })) });
    });

    afterEach(() => history.leave());

    it('shows a deletion and an edit of a message from an older page', async () => {
      expect(history.chat.messages[0].id).to.equal('h100');
      const chat = await mount(history);
      expect(await chat.loadOlder()).to.be.above(0);
      expect(await chat.scrollToMessage('h60')).to.equal(true);
      await waitFor(() => rendered(chat, 'h60') && rendered(chat, 'h61'), 'the older messages were not shown');

      await history.chat.editTextMessage('h61', 'corrected');
      await waitFor(() => rendered(chat, 'h61')?.shadowRoot?.textContent?.includes('corrected'), 'the edit of an older message was not shown');
      await history.chat.deleteMessage('h60');
      await waitFor(() => !rendered(chat, 'h60'), 'the deleted older message stayed on screen');
      expect(chat.messages.map((m) => m.id)).to.not.include('h60');
      expect(chat.messages.find((m) => m.id === 'h61')?.message).to.equal('corrected');
    });

    it('keeps what the user reads in place when an older page loads', async () => {
      const chat = await mount(history);
      expect(await chat.scrollToMessage('h100')).to.equal(true);
      await scrollAway(chat);
      const first = shownIds(chat)[0];
      const before = rendered(chat, first)!.getBoundingClientRect().top;
      expect(await chat.loadOlder()).to.be.above(0);
      await frames(3);
      expect(rendered(chat, first)?.getBoundingClientRect().top).to.be.closeTo(before, 1);
    });
  });

  describe('the new-messages button', () => {
    async function withNewMessages(): Promise<RtkChat> {
      for (let i = 0; i < 60; i++) incoming(meeting, `old ${i}`);
      const chat = await mount(meeting);
      await waitFor(() => list(chat).scrollHeight > list(chat).clientHeight);
      await scrollAway(chat);
      incoming(meeting, 'new 1');
      incoming(meeting, 'new 2');
      await waitFor(() => newMessagesButton(chat), 'no new-messages button');
      return chat;
    }

    it('is reached by Tab right from the list, and Shift+Tab goes back to the list', async () => {
      const chat = await withNewMessages();
      list(chat).focus();
      await sendKeys({ press: 'Tab' });
      expect(shadow(chat).activeElement).to.equal(newMessagesButton(chat));
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(shadow(chat).activeElement).to.equal(list(chat));
    });

    it('stays while it has focus, even when the list reaches the newest message', async () => {
      const chat = await withNewMessages();
      newMessagesButton(chat)!.focus();
      list(chat).scrollTop = list(chat).scrollHeight;
      await frames(4);
      expect(newMessagesButton(chat)).to.not.equal(null);
      expect(shadow(chat).activeElement).to.equal(newMessagesButton(chat));
      expect(newMessagesButton(chat)!.textContent).to.include('2 new messages');
    });

    it('leaves focus in the list when activated, and shows the newest message', async () => {
      const chat = await withNewMessages();
      newMessagesButton(chat)!.focus();
      await sendKeys({ press: 'Enter' });
      await frames(3);
      expect(shadow(chat).activeElement).to.equal(list(chat));
      expect(document.activeElement).to.equal(chat);
      const newest = meeting.chat.messages.at(-1)!.id;
      await waitFor(() => wholeInView(chat, newest), 'the newest message is not in view');
      expect(newMessagesButton(chat)).to.equal(null);
    });

    it('goes with End in the list, which shows the newest message', async () => {
      const chat = await withNewMessages();
      expect(newMessagesButton(chat)!.getAttribute('aria-keyshortcuts')).to.equal('End');
      list(chat).focus();
      await sendKeys({ press: 'End' });
      await waitFor(() => !newMessagesButton(chat), 'the button stayed after End');
      await waitFor(() => wholeInView(chat, meeting.chat.messages.at(-1)!.id), 'the newest message is not in view after End');
    });
  });

  it('opens at the newest message in its first frame, and stays there', async () => {
    for (let i = 0; i < 200; i++) incoming(meeting, `history ${i}`);
    const host = await fixture<HTMLElement>(html`<div style="height: 600px; width: 420px"></div>`);
    const chat = document.createElement('rtk-chat');
    chat.meeting = meeting;
    host.append(chat);
    const newest = meeting.chat.messages.at(-1)!.id;
    // What the first frame shows: rAF callbacks run before it is painted.
    await frame();
    expect(wholeInView(chat, newest), 'the newest message in the first frame').to.equal(true);
    const first = rendered(chat, newest)!.getBoundingClientRect().top;
    await frames(10);
    expect(rendered(chat, newest)!.getBoundingClientRect().top, 'the newest message moved after the first frame').to.be.closeTo(first, 1);
  });

  it('keeps the newest message wholly in view when it grows', async () => {
    for (let i = 0; i < 100; i++) incoming(meeting, `history ${i}`);
    const chat = await mount(meeting);
    await meeting.chat.sendTextMessage('pin me');
    const own = await waitFor(() => meeting.chat.messages.find((m) => m.message === 'pin me'));
    await waitFor(() => wholeInView(chat, own.id), 'the sent message is not in view');
    await meeting.chat.pin(own.id);
    await waitFor(() => rendered(chat, own.id)?.hasAttribute('pinned'), 'the pin did not show');
    await frames(3);
    expect(wholeInView(chat, own.id)).to.equal(true);
  });

  it('says Today and Yesterday over the messages of those days, and the date before', async () => {
    const now = new Date();
    const at = (daysAgo: number, hour: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo, hour).getTime();
    const today = Math.min(at(0, 0) + 60_000, now.getTime() - 60_000);
    const dated = await joinedMeeting({
      seed: [
        { id: 'd3', message: 'three days ago', timeMs: at(3, 12) },
        { id: 'd1', message: 'yesterday', timeMs: at(1, 12) },
        { id: 'd0', message: 'today', timeMs: today },
      ],
    });
    const chat = await mount(dated);
    await waitFor(() => shownIds(chat).length === 3);
    const days = [...shadow(chat).querySelectorAll('[part="day"]')].map((day) => day.textContent?.trim());
    const threeDaysAgo = new Intl.DateTimeFormat('en-US', { dateStyle: 'full' }).format(at(3, 12));
    expect(days).to.deep.equal([threeDaysAgo, 'Yesterday', 'Today']);
    chat.strings = { today: 'Heute', yesterday: 'Gestern' };
    await chat.updateComplete;
    expect([...shadow(chat).querySelectorAll('[part="day"]')].map((day) => day.textContent?.trim()).slice(1)).to.deep.equal(['Gestern', 'Heute']);
    await dated.leave();
  });

  it('takes a burst of 2,000 messages from 500 people whole and in order, with a bounded DOM', async () => {
    const chat = await mount(meeting);
    const ids: string[] = [];
    let afterFirst = 0;
    for (let chunk = 0; chunk < 20; chunk++) {
      for (let i = 0; i < 100; i++) {
        const n = chunk * 100 + i;
        ids.push(meeting.receive({ type: 'text', message: `burst ${n}`, userId: `user-${n % 500}`, displayName: `Person ${n % 500}` }).id);
      }
      await new Promise((resolve) => setTimeout(resolve));
      if (chunk === 0) {
        await frames(3);
        afterFirst = countNodes(chat);
      }
    }
    await waitFor(() => rendered(chat, ids.at(-1)!), 'the last message is not shown');
    await frames(3);
    expect(chat.messages.map((m) => m.id)).to.deep.equal(ids);
    const shown = shownIds(chat);
    expect(shown, 'the rendered messages are the newest, in order').to.deep.equal(ids.slice(-shown.length));
    // A window of messages: after 1,900 more, the panel is about as large as after the first 100.
    expect(shown.length).to.be.below(40);
    expect(countNodes(chat)).to.be.below(afterFirst * 1.2);
    expect(wholeInView(chat, ids.at(-1)!)).to.equal(true);
  });
});
