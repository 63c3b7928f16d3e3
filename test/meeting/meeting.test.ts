import { expect, fixture, html } from '@open-wc/testing';

import '../../src/index.js';
import { defineChatElements } from '../../src/elements.js';
import type { RtkChat } from '../../src/chat/chat.js';
import type { RtkMeetingProvider } from '../../src/meeting-provider/meeting-provider.js';
import type { ChatMeeting } from '../../src/meeting/contract.js';
import { chatAbilities, messagesOfType, messagesOfUser, pinnedMessages } from '../../src/meeting/chat-queries.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { deepQueryAll, incoming, joinedMeeting, shadow, waitFor } from '../helpers.js';

const TAGS = ['rtk-chat', 'rtk-chat-message', 'rtk-chat-composer', 'rtk-pinned-messages', 'rtk-chat-export-button', 'rtk-chat-toggle', 'rtk-conversation-switcher'];

function listeners(meeting: LocalMeeting): number[] {
  return [
    meeting.chat.listenerCount('chatUpdate'),
    meeting.chat.listenerCount('pinMessage'),
    meeting.self.listenerCount('roomJoined'),
    meeting.participants.joined.listenerCount('participantJoined'),
  ];
}

describe('the meeting plumbing', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  it('gives the provider\'s meeting to elements anywhere below it, and a set property wins', async () => {
    const own = await joinedMeeting();
    const here = incoming(meeting, 'from the provider');
    const there = incoming(own, 'from the property');
    const page = await fixture<RtkMeetingProvider>(html`<rtk-meeting-provider .meeting=${meeting}>
      <section><div><rtk-chat class="provided"></rtk-chat></div></section>
      <rtk-chat class="own" .meeting=${own}></rtk-chat>
    </rtk-meeting-provider>`);
    const ids = (selector: string) => deepQueryAll(shadow(page.querySelector(selector)!), 'rtk-chat-message').map((m) => m.getAttribute('message-id'));
    await waitFor(() => ids('.provided').includes(here.id));
    await waitFor(() => ids('.own').includes(there.id));
    expect(ids('.own')).to.not.include(here.id);
    await own.leave();
  });

  it('re-subscribes cleanly when the provided meeting changes', async () => {
    const start = listeners(meeting);
    const page = await fixture<RtkMeetingProvider>(html`<rtk-meeting-provider .meeting=${meeting}><rtk-chat></rtk-chat><rtk-pinned-messages></rtk-pinned-messages></rtk-meeting-provider>`);
    // The chat, the pinned list, and the meeting's unread store that the chat uses.
    await waitFor(() => listeners(meeting)[0] === start[0] + 3);
    const next = await joinedMeeting();
    page.meeting = next;
    await waitFor(() => listeners(next)[0] === 3, 'the new meeting is not heard');
    expect(listeners(meeting)).to.deep.equal(start);
    page.remove();
    expect(listeners(next)).to.deep.equal([0, 0, 0, 0]);
    await next.leave();
  });

  for (const tag of TAGS) {
    it(`leaves no listener on the meeting after mounting and removing <${tag}> 200 times`, async () => {
      const start = listeners(meeting);
      const host = await fixture(html`<div></div>`);
      for (let i = 0; i < 200; i++) {
        const element = document.createElement(tag) as HTMLElement & { meeting: ChatMeeting; updateComplete: Promise<unknown> };
        element.meeting = meeting;
        host.append(element);
        await element.updateComplete;
        element.remove();
      }
      expect(listeners(meeting)).to.deep.equal(start);
    });
  }

  it('prints no Lit warnings while the elements work', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const message = incoming(meeting, 'pin me');
      await meeting.chat.pin(message.id);
      const page = await fixture(html`<rtk-meeting-provider .meeting=${meeting}>
        <div style="height: 400px"><rtk-chat><rtk-chat-export-button slot="header-actions"></rtk-chat-export-button></rtk-chat></div>
        <rtk-pinned-messages></rtk-pinned-messages>
      </rtk-meeting-provider>`);
      for (let i = 0; i < 20; i++) incoming(meeting, `more ${i}`);
      await waitFor(() => deepQueryAll(shadow(page.querySelector('rtk-chat')!), 'rtk-chat-message').length > 3);
      await meeting.chat.unpin(message.id);
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => !w.includes('Lit is in dev mode'))).to.deep.equal([]);
  });

  it('registers under another prefix, and a second registration does not throw', async () => {
    defineChatElements('kit');
    defineChatElements('kit');
    defineChatElements();
    incoming(meeting, 'renamed');
    const chat = await fixture<RtkChat>(html`<div style="height: 300px"><kit-chat .meeting=${meeting}></kit-chat></div>`);
    const element = chat.querySelector('kit-chat')!;
    await waitFor(() => shadow(element).querySelector('kit-chat-message')?.shadowRoot?.textContent?.includes('renamed'), 'kit-chat did not render kit-chat-message');
    expect(shadow(element).querySelector('rtk-chat-message')).to.equal(null);
  });

  it('answers the chat questions with fallbacks where the SDK lacks the guide\'s members', async () => {
    const text = incoming(meeting, 'text');
    const image = meeting.receive({ type: 'image', link: 'https://i.example/x.png', userId: 'user-eve', displayName: 'Eve', pinned: true });
    const sdkLike = { ...meeting, chat: { messages: meeting.chat.messages } } as unknown as ChatMeeting;
    expect(messagesOfUser(sdkLike.chat, 'user-eve')).to.deep.equal([image]);
    expect(messagesOfType(sdkLike.chat, 'text')).to.deep.equal([text]);
    expect(pinnedMessages(sdkLike.chat)).to.deep.equal([image]);
    expect(messagesOfUser(meeting.chat, 'user-eve')).to.deep.equal(meeting.chat.getMessagesByUser('user-eve'));
    expect(messagesOfType(undefined, 'text')).to.deep.equal([]);
    expect(chatAbilities(meeting)).to.include({ sendText: true, sendFiles: true, pin: true, editOwn: true });
    expect(chatAbilities({ self: { permissions: {} } } as unknown as ChatMeeting)).to.include({ sendText: false, pin: false, editOwn: false });
  });
});
