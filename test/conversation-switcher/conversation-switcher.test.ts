import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../src/index.js';
import { RtkConversationSwitcher } from '../../src/conversation-switcher/conversation-switcher.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import { unreadFor } from '../../src/unread/unread-store.js';
import { joinedMeeting, shadow } from '../helpers.js';

// Registered here until the kit's entry registers it.
if (!customElements.get('rtk-conversation-switcher')) customElements.define('rtk-conversation-switcher', RtkConversationSwitcher);

function options(element: RtkConversationSwitcher): HTMLElement[] {
  return [...shadow(element).querySelectorAll<HTMLElement>('[role="option"]')];
}

/** Each option as it reads: its text with the hidden status, the visible badge left out. */
function read(element: RtkConversationSwitcher): string[] {
  return options(element).map((option) => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return;
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      node.childNodes.forEach(walk);
    };
    walk(option);
    return parts.join(' ').replace(/\s+/g, ' ').replace(/ ,/g, ',').trim();
  });
}

function focusedId(element: RtkConversationSwitcher): string | undefined {
  return (shadow(element).activeElement as HTMLElement | null)?.dataset.id;
}

const PEOPLE = [
  { id: 'peer-dana', userId: 'user-dana', name: 'Dana' },
  { id: 'peer-alex-1', userId: 'user-7f3a', name: 'Alex' },
  { id: 'peer-alex-2', userId: 'user-91c4', name: 'Alex' },
];

describe('rtk-conversation-switcher', () => {
  let meeting: LocalMeeting;
  let release: () => void;

  beforeEach(async () => {
    meeting = await joinedMeeting({ participants: PEOPLE });
    release = unreadFor(meeting).use();
  });

  afterEach(async () => {
    release();
    await meeting.leave();
  });

  function privately(from: { userId: string; displayName: string }, text: string): ChatMessage {
    return meeting.receive({ ...from, message: text, targetUserIds: [from.userId, 'user-me'] });
  }

  it('lists everyone, the people one has private messages with, then anyone joined, with unread counts', async () => {
    meeting.receive({ userId: 'user-dana', displayName: 'Dana', message: 'public, @Me' });
    privately({ userId: 'user-eli', displayName: 'Eli' }, 'psst');
    privately({ userId: 'user-eli', displayName: 'Eli' }, 'are you there?');
    const element = await fixture<RtkConversationSwitcher>(html`<rtk-conversation-switcher .meeting=${meeting}></rtk-conversation-switcher>`);
    expect(read(element)).to.deep.equal([
      'Everyone, 1 unread message, 1 mention',
      'Eli not in the meeting, 2 unread messages',
      'Alex ID …7f3a',
      'Alex ID …91c4',
      'Dana',
    ]);
    expect(options(element).map((option) => option.querySelector('[part="count"]')?.textContent)).to.deep.equal(['@1', '2', undefined, undefined, undefined]);
    expect(options(element)[0].getAttribute('aria-selected')).to.equal('true');
    // A new private conversation appears as its first message arrives, at the top of the people.
    privately({ userId: 'user-dana', displayName: 'Dana' }, 'hi');
    await element.updateComplete;
    expect(read(element)[1]).to.equal('Dana, 1 unread message');
  });

  it('never lists a conversation from a private message addressed to others', async () => {
    const crafted = { type: 'text', id: 'crafted', userId: 'user-zoe', displayName: 'Zoe', time: new Date(), timeMs: Date.now(), message: 'secret', targetUserIds: ['user-zoe', 'user-dana'] } as ChatMessage;
    const legacy = { ...crafted, id: 'legacy', targetUserIds: undefined, message: '{"target":["user-dana"],"message":"secret"}' } as ChatMessage;
    meeting.chat.messages = [...meeting.chat.messages, crafted, legacy];
    meeting.chat.emit('chatUpdate', { action: 'add', message: crafted, messages: meeting.chat.messages });
    meeting.chat.emit('chatUpdate', { action: 'add', message: legacy, messages: meeting.chat.messages });
    const element = await fixture<RtkConversationSwitcher>(html`<rtk-conversation-switcher .meeting=${meeting}></rtk-conversation-switcher>`);
    expect(read(element).join(' | ')).not.to.include('Zoe');
    expect(read(element)[0]).to.equal('Everyone');
  });

  it('lists only the existing conversations when the local user may not send privately', async () => {
    meeting.updatePermissions({ chatPrivate: { canSend: false, canReceive: true, text: false, files: false } });
    privately({ userId: 'user-dana', displayName: 'Dana' }, 'hi');
    const element = await fixture<RtkConversationSwitcher>(html`<rtk-conversation-switcher .meeting=${meeting}></rtk-conversation-switcher>`);
    expect(read(element)).to.deep.equal(['Everyone', 'Dana, 1 unread message']);
  });

  it('fires rtk-conversation-change with the chosen id, and keeps the choice when it is canceled', async () => {
    const element = await fixture<RtkConversationSwitcher>(html`<rtk-conversation-switcher .meeting=${meeting}></rtk-conversation-switcher>`);
    const changed = oneEvent(element, 'rtk-conversation-change');
    options(element).find((option) => option.dataset.id === 'user-91c4')!.click();
    const event = await changed;
    expect(event.detail).to.deep.equal({ conversation: 'user-91c4' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(element.conversation).to.equal('user-91c4');
    await element.updateComplete;
    expect(element.getAttribute('conversation')).to.equal('user-91c4');
    expect(options(element).filter((option) => option.getAttribute('aria-selected') === 'true').map((option) => option.dataset.id)).to.deep.equal(['user-91c4']);
    element.addEventListener('rtk-conversation-change', (e) => e.preventDefault(), { once: true });
    options(element)[0].click();
    expect(element.conversation).to.equal('user-91c4');
  });

  it('shows a conversation the app opens with someone it does not know yet', async () => {
    const element = await fixture<RtkConversationSwitcher>(html`<rtk-conversation-switcher conversation="user-nobody" .meeting=${meeting}></rtk-conversation-switcher>`);
    expect(read(element).at(-1)).to.equal('Unknown not in the meeting');
    expect(options(element).at(-1)!.getAttribute('aria-selected')).to.equal('true');
  });

  it('is used with the keyboard: one tab stop, arrows, Home, End, a letter, Enter and Space', async () => {
    const page = await fixture(html`<div><button>before</button><rtk-conversation-switcher .meeting=${meeting}></rtk-conversation-switcher></div>`);
    const element = page.querySelector('rtk-conversation-switcher')!;
    page.querySelector('button')!.focus();
    const press = async (key: string) => {
      await sendKeys({ press: key });
      await element.updateComplete;
      return focusedId(element);
    };
    expect(await press('Tab')).to.equal('everyone');
    expect(options(element).filter((option) => option.tabIndex === 0)).to.have.length(1);
    expect(await press('ArrowDown')).to.equal('user-7f3a');
    expect(await press('End')).to.equal('user-dana');
    expect(await press('ArrowDown')).to.equal('user-dana');
    expect(await press('Home')).to.equal('everyone');
    expect(await press('a')).to.equal('user-7f3a');
    expect(await press('a')).to.equal('user-91c4');
    const chosen = oneEvent(element, 'rtk-conversation-change');
    await sendKeys({ press: 'Enter' });
    expect((await chosen).detail.conversation).to.equal('user-91c4');
    expect(await press('ArrowUp')).to.equal('user-7f3a');
    const again = oneEvent(element, 'rtk-conversation-change');
    await sendKeys({ press: ' ' });
    expect((await again).detail.conversation).to.equal('user-7f3a');
    // Leaving and coming back lands on the chosen conversation.
    await sendKeys({ down: 'Shift' });
    expect(await press('Tab')).to.equal(undefined);
    await sendKeys({ up: 'Shift' });
    expect(await press('Tab')).to.equal('user-7f3a');
  });

  it('is accessible, with counts and a choice, light and dark', async () => {
    privately({ userId: 'user-dana', displayName: 'Dana' }, 'hi @Me');
    const element = await fixture<RtkConversationSwitcher>(html`<rtk-conversation-switcher conversation="user-dana" .meeting=${meeting}></rtk-conversation-switcher>`);
    await expect(element).to.be.accessible();
    element.theme = 'dark';
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });

  it('leaves no listener on the meeting after being mounted and removed 200 times', async () => {
    const count = () => [
      meeting.chat.listenerCount('chatUpdate'),
      meeting.self.listenerCount('roomJoined'),
      meeting.participants.joined.listenerCount('participantJoined'),
      meeting.participants.joined.listenerCount('participantLeft'),
    ];
    const start = count();
    const host = await fixture(html`<div></div>`);
    for (let i = 0; i < 200; i++) {
      const element = document.createElement('rtk-conversation-switcher');
      element.meeting = meeting;
      host.append(element);
      await element.updateComplete;
      element.remove();
    }
    expect(count()).to.deep.equal(start);
  });

  it('prints no Lit warnings', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const element = await fixture<RtkConversationSwitcher>(html`<rtk-conversation-switcher .meeting=${meeting}></rtk-conversation-switcher>`);
      privately({ userId: 'user-dana', displayName: 'Dana' }, 'hi');
      meeting.addParticipant({ userId: 'user-new', name: 'Newcomer' });
      options(element)[1].click();
      await element.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.deep.equal([]);
  });
});
