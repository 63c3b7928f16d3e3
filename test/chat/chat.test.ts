import { expect, fixture, html } from '@open-wc/testing';

import '../../src/index.js';
import type { RtkChat } from '../../src/chat/chat.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import { createLocalMeeting, type LocalMeeting } from '../../src/local-meeting/index.js';
import { countNodes, deepQueryAll, incoming, joinedMeeting, shadow, waitFor } from '../helpers.js';

async function mount(meeting: LocalMeeting | undefined, attributes = ''): Promise<RtkChat> {
  const element = await fixture<RtkChat>(html`<div style="height: 600px; width: 420px"><rtk-chat .meeting=${meeting} locale="en-US"></rtk-chat></div>`);
  const chat = element.querySelector('rtk-chat')!;
  for (const pair of attributes.split(' ').filter(Boolean)) {
    const [name, value] = pair.split('=');
    chat.setAttribute(name, value);
  }
  await chat.updateComplete;
  return chat;
}

function shown(chat: RtkChat): string[] {
  return deepQueryAll(shadow(chat), 'rtk-chat-message').map((m) => m.getAttribute('message-id')!);
}

describe('rtk-chat', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    localStorage.clear();
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  describe('the list', () => {
    it('shows the messages and stays live through add, edit and delete', async () => {
      const first = incoming(meeting, 'hello');
      const chat = await mount(meeting);
      await waitFor(() => shown(chat).includes(first.id));
      const second = incoming(meeting, 'second');
      await waitFor(() => shown(chat).includes(second.id), 'the new message did not appear');

      await meeting.chat.sendTextMessage('typo');
      const own = await waitFor(() => meeting.chat.messages.find((m) => m.message === 'typo'));
      await meeting.chat.editTextMessage(own.id, 'fixed');
      await waitFor(() => deepQueryAll(shadow(chat), `rtk-chat-message[message-id="${own.id}"]`)[0]?.shadowRoot?.textContent?.includes('fixed'), 'edit not shown');
      await meeting.chat.deleteMessage(own.id);
      await waitFor(() => !shown(chat).includes(own.id), 'delete not shown');
      expect(shown(chat)).to.deep.equal([first.id, second.id]);
    });

    it('shows what the meeting holds once it has joined, though no chat event said so', async () => {
      const late = createLocalMeeting({ room: `late-${Date.now()}`, seed: 5, autoJoin: false, joinWaitMs: 5, logger: { warn() {}, error() {} } });
      const chat = await mount(late);
      expect(shown(chat)).to.have.length(0);
      await late.join();
      await waitFor(() => shown(chat).length === 5, 'the join-time history was not shown');
      await late.leave();
    });

    it('follows a change of meeting and leaves no listener on the old one', async () => {
      const before = meeting.chat.listenerCount('chatUpdate');
      const chat = await mount(meeting);
      // The chat's own listener, and the one of the meeting's unread store it uses.
      expect(meeting.chat.listenerCount('chatUpdate')).to.equal(before + 2);
      const other = await joinedMeeting();
      const there = incoming(other, 'elsewhere');
      chat.meeting = other;
      await waitFor(() => shown(chat).includes(there.id));
      expect(meeting.chat.listenerCount('chatUpdate')).to.equal(before);
      chat.remove();
      expect(other.chat.listenerCount('chatUpdate')).to.equal(0);
      await other.leave();
    });

    it('opens at the newest message when given a meeting that already has a history', async () => {
      for (let i = 0; i < 100; i++) incoming(meeting, `history ${i}`);
      const chat = await mount(undefined);
      chat.meeting = meeting;
      const newest = meeting.chat.messages.at(-1)!.id;
      const list = shadow(chat).querySelector('[part="list"]')!;
      const visible = () => {
        const element = deepQueryAll(shadow(chat), `rtk-chat-message[message-id="${newest}"]`)[0];
        return element && element.getBoundingClientRect().bottom <= list.getBoundingClientRect().bottom + 1;
      };
      await waitFor(visible, 'the newest message is not in view');
      expect(shown(chat)).to.not.include(meeting.chat.messages[0].id);
    });

    it('keeps the DOM small with 10,000 messages, showing the newest', async () => {
      const many: ChatMessage[] = [];
      for (let i = 0; i < 10_000; i++) many.push({ ...incoming(meeting, `message ${i}`) });
      meeting.chat.messages = many;
      const chat = await mount(meeting);
      const newest = many.at(-1)!.id;
      await waitFor(() => shown(chat).includes(newest), 'the newest message is not rendered');
      // What matters is that the count does not follow the history's length: 10,000 messages
      // render a window of them. Each message now carries an avatar and a toolbar, and the test
      // runs on the sources (templates with their whitespace), hence the budget.
      expect(countNodes(chat)).to.be.below(1200);
    });

    it('keeps the DOM bounded while messages keep arriving', async () => {
      const chat = await mount(meeting);
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (let i = 0; i < 30; i++) {
        incoming(meeting, `warming ${i}`);
        await frame();
      }
      const settled = countNodes(chat);
      for (let i = 0; i < 150; i++) {
        incoming(meeting, `arriving ${i}`);
        await frame();
      }
      // The list shows a window of messages: after 150 more, the panel is about as large as before.
      expect(countNodes(chat)).to.be.below(settled * 1.2);
    });

    it('does not move what the user reads and offers to jump to new messages', async () => {
      for (let i = 0; i < 60; i++) incoming(meeting, `old ${i}`);
      const chat = await mount(meeting);
      const list = shadow(chat).querySelector<HTMLElement>('[part="list"]')!;
      await waitFor(() => list.scrollHeight > list.clientHeight);
      // The user scrolls up until the first message shows (the list pages older ones in as they near the top).
      await waitFor(() => {
        list.dispatchEvent(new WheelEvent('wheel', { deltaY: -5000 }));
        list.scrollTop = 0;
        return shown(chat).some((id) => id === meeting.chat.messages[0].id);
      });
      const top = list.scrollTop;
      incoming(meeting, 'new 1');
      incoming(meeting, 'new 2');
      const jump = await waitFor(() => shadow(chat).querySelector<HTMLButtonElement>('[part="new-messages"]'), 'no new-messages button');
      expect(jump.textContent).to.include('2 new messages');
      expect(list.scrollTop).to.equal(top);
      jump.click();
      const newest = meeting.chat.messages.at(-1)!.id;
      await waitFor(() => shown(chat).includes(newest), 'did not jump to the newest');
      await waitFor(() => !shadow(chat).querySelector('[part="new-messages"]'));
    });

    it('jumps to a message by id and highlights it', async () => {
      const target = incoming(meeting, 'the target');
      for (let i = 0; i < 80; i++) incoming(meeting, `later ${i}`);
      const chat = await mount(meeting);
      expect(await chat.scrollToMessage(target.id)).to.equal(true);
      const element = await waitFor(() => deepQueryAll(shadow(chat), `rtk-chat-message[message-id="${target.id}"]`)[0]);
      expect(element.hasAttribute('highlighted')).to.equal(true);
      expect(await chat.scrollToMessage('no-such-id')).to.equal(false);
    });

    it('filters by type and by participant, from attributes', async () => {
      const text = incoming(meeting, 'words');
      const file = meeting.receive({ type: 'file', link: 'https://f.example/a.txt', name: 'a.txt', size: 3, userId: 'user-eve', displayName: 'Eve' });
      const chat = await mount(meeting, 'filter-type=file');
      await waitFor(() => shown(chat).length === 1);
      expect(shown(chat)).to.deep.equal([file.id]);
      chat.removeAttribute('filter-type');
      chat.setAttribute('filter-user-id', 'user-dana');
      await waitFor(() => shown(chat).length === 1 && shown(chat)[0] === text.id, 'user filter not applied');
    });
  });

  it('lists by a filter set before its first update, as by one set later', async () => {
    const text = incoming(meeting, 'words');
    const file = meeting.receive({ type: 'file', link: 'https://f.example/a.txt', name: 'a.txt', size: 3, userId: 'user-eve', displayName: 'Eve' });
    const holder = await fixture<HTMLDivElement>(html`<div style="height: 600px; width: 420px"></div>`);
    const chat = document.createElement('rtk-chat');
    chat.meeting = meeting;
    holder.append(chat);
    // Connected, so its meeting listed every message; the filter comes before the first update.
    chat.filterType = 'file';
    await chat.updateComplete;
    await waitFor(() => shown(chat).length === 1);
    expect(shown(chat)).to.deep.equal([file.id]);
    chat.filterType = undefined;
    await waitFor(() => shown(chat).length === 2, 'the filter was not lifted');
    expect(shown(chat)).to.deep.equal([text.id, file.id]);
  });

  it('shares its meeting with elements inside it', async () => {
    const element = await fixture(html`<rtk-chat .meeting=${meeting}><rtk-chat-export-button slot="header-actions"></rtk-chat-export-button></rtk-chat>`);
    incoming(meeting, 'exportable');
    const button = element.querySelector('rtk-chat-export-button')!;
    await waitFor(() => shadow(button).querySelector('button')?.getAttribute('aria-disabled') === 'false', 'the button did not get the meeting');
  });

  it('is accessible, with a log region for the messages', async () => {
    incoming(meeting, 'hello there');
    meeting.addParticipant({ id: 'peer-bob', userId: 'user-bob', name: 'Bob' });
    const chat = await mount(meeting);
    expect(shadow(chat).querySelector('[role="log"]')).to.not.equal(null);
    await expect(chat).to.be.accessible();
  });
});
