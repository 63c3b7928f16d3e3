import { expect, fixture, html, oneEvent } from '@open-wc/testing';

import '../../src/index.js';
import type { RtkChat } from '../../src/chat/chat.js';
import type { RtkChatComposer } from '../../src/chat-composer/chat-composer.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { composerOf, deepQueryAll, incoming, joinedMeeting, shadow, waitFor } from '../helpers.js';

async function mount(meeting: LocalMeeting): Promise<RtkChat> {
  const wrap = await fixture<HTMLElement>(html`<div style="height: 600px; width: 420px"><rtk-chat .meeting=${meeting} locale="en-US"></rtk-chat></div>`);
  const chat = wrap.querySelector('rtk-chat')!;
  await chat.updateComplete;
  return chat;
}

function shownIds(chat: RtkChat): string[] {
  return deepQueryAll(shadow(chat), 'rtk-chat-message').map((m) => m.getAttribute('message-id')!);
}

describe('rtk-chat: conversations, unread, mentions and replies', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    localStorage.clear();
    meeting = await joinedMeeting();
    meeting.addParticipant({ id: 'peer-bob', userId: 'user-bob', name: 'Bob' });
    meeting.addParticipant({ id: 'peer-dana', userId: 'user-dana', name: 'Dana' });
  });

  afterEach(() => meeting.leave());

  it('never shows a private message addressed to others, even when the meeting hands it over', async () => {
    const open = incoming(meeting, 'for everyone');
    const theirs = meeting.receive({ type: 'text', message: 'not for you', userId: 'user-bob', displayName: 'Bob', targetUserIds: ['user-bob', 'user-dana'] });
    const legacy = meeting.receive({ type: 'text', message: '{"target":["user-bob","user-dana"],"message":"old client, not for you"}', userId: 'user-bob', displayName: 'Bob' });
    const mine = meeting.receive({ type: 'text', message: 'for you', userId: 'user-bob', displayName: 'Bob', targetUserIds: ['user-bob', 'user-me'] });
    const chat = await mount(meeting);
    await waitFor(() => shownIds(chat).includes(mine.id));
    expect(shownIds(chat)).to.deep.equal([open.id, mine.id]);
    expect(shownIds(chat)).to.not.include.members([theirs.id, legacy.id]);
  });

  it('shows one conversation at a time and sends to its person', async () => {
    const open = incoming(meeting, 'for everyone');
    const withBob = meeting.receive({ type: 'text', message: 'just us', userId: 'user-bob', displayName: 'Bob', targetUserIds: ['user-bob', 'user-me'] });
    const withDana = meeting.receive({ type: 'text', message: 'dana here', userId: 'user-dana', displayName: 'Dana', targetUserIds: ['user-dana', 'user-me'] });
    const chat = await mount(meeting);
    await waitFor(() => shownIds(chat).length === 3);
    chat.conversation = 'user-bob';
    await waitFor(() => shownIds(chat).length === 1, 'the list did not narrow to the conversation');
    expect(shownIds(chat)).to.deep.equal([withBob.id]);
    expect(shownIds(chat)).to.not.include.members([open.id, withDana.id]);
    const composer = shadow(chat).querySelector<RtkChatComposer>('[part="composer"]')!;
    await composer.updateComplete;
    expect(composer.recipientId).to.equal('peer-bob');
    expect(composerOf(chat).querySelector('textarea')!.getAttribute('aria-label')).to.equal('Private message to Bob');
  });

  it('pages the older history of the conversation shown: the private one with its person, the public one for everyone', async () => {
    const withBob = meeting.receive({ type: 'text', message: 'just us', userId: 'user-bob', displayName: 'Bob', targetUserIds: ['user-bob', 'user-me'] });
    const older = { id: 'older-with-bob', type: 'text' as const, message: 'from before you joined', userId: 'user-bob', displayName: 'Bob', targetUserIds: ['user-bob', 'user-me'], time: new Date(withBob.time.getTime() - 3_600_000) };
    // As the SDK's history does: the public pages hold no private message; the private ones, those with the person asked for.
    const asked: string[] = [];
    meeting.chat.fetchPublicMessages = async () => (asked.push('public'), []);
    meeting.chat.fetchPrivateMessages = async ({ userId }) => (asked.push(`private with ${userId}`), userId === 'user-bob' ? [older] : []);
    const chat = await mount(meeting);
    chat.conversation = 'user-bob';
    await waitFor(() => shownIds(chat).length === 1);
    expect(await chat.loadOlder()).to.equal(1);
    await waitFor(() => shownIds(chat).length === 2, 'the older private message did not show');
    expect(shownIds(chat)).to.deep.equal([older.id, withBob.id]);
    chat.conversation = 'everyone';
    await waitFor(() => !shownIds(chat).includes(older.id), 'the private page stayed in the public list');
    await chat.loadOlder();
    expect(asked).to.deep.equal(['private with user-bob', 'public']);
  });

  it('chooses a conversation from the header, by keyboard too', async () => {
    meeting.receive({ type: 'text', message: 'just us', userId: 'user-bob', displayName: 'Bob', targetUserIds: ['user-bob', 'user-me'] });
    const chat = await mount(meeting);
    const toggle = [...shadow(chat).querySelectorAll<HTMLButtonElement>('.header-toggle')][0];
    expect(toggle.textContent!.trim()).to.equal('Everyone');
    toggle.click();
    await chat.updateComplete;
    const switcher = await waitFor(() => shadow(chat).querySelector('[part="conversations"]'), 'no switcher');
    await expect(switcher).to.be.accessible();
    const changed = oneEvent(chat, 'rtk-conversation-change');
    const bob = await waitFor(() => deepQueryAll<HTMLElement>(shadow(switcher), '[role="option"]').find((o) => o.textContent!.includes('Bob')), 'Bob is not offered');
    bob.click();
    expect((await changed).detail.conversation).to.equal('user-bob');
    await chat.updateComplete;
    expect(chat.conversation).to.equal('user-bob');
  });

  it('counts what arrives while the panel is hidden, shows a New divider, and fires rtk-unread-change', async () => {
    incoming(meeting, 'seen before');
    const chat = await mount(meeting);
    await waitFor(() => shownIds(chat).length === 1);
    chat.hidden = true;
    const counted = oneEvent(chat, 'rtk-unread-change');
    const first = incoming(meeting, 'while away');
    incoming(meeting, 'still away');
    await counted;
    await waitFor(() => chat.unreadCount === 2, 'the unread count did not reach 2');
    await meeting.chat.sendTextMessage('my own words');
    await waitFor(() => meeting.chat.messages.length === 4);
    expect(chat.unreadCount, 'own messages are never unread').to.equal(2);
    chat.hidden = false;
    const divider = await waitFor(() => shadow(chat).querySelector('[part="new-divider"]'), 'no New divider');
    expect(divider.nextElementSibling?.getAttribute('message-id')).to.equal(first.id);
    await waitFor(() => chat.unreadCount === 0, 'coming back did not mark the messages seen');
  });

  it('fires rtk-mention and says who mentioned the user when a message mentions them', async () => {
    const chat = await mount(meeting);
    const mention = oneEvent(chat, 'rtk-mention');
    const message = meeting.receive({ type: 'text', message: 'ping @Me, can you look?', userId: 'user-dana', displayName: 'Dana' });
    const event = await mention;
    expect(event.detail.message.id).to.equal(message.id);
    await chat.updateComplete;
    expect(shadow(chat).querySelector('.visually-hidden[role="status"]')!.textContent).to.equal('Dana mentioned you');
    const element = await waitFor(() => deepQueryAll(shadow(chat), 'rtk-chat-message').find((m) => m.getAttribute('message-id') === message.id));
    await waitFor(() => element.hasAttribute('mentioned'), 'the message is not marked as mentioning the user');
  });

  it('puts the message in the composer on Reply, and sends the reply quoting it', async () => {
    const asked = incoming(meeting, 'Are we on?');
    const chat = await mount(meeting);
    const element = await waitFor(() => deepQueryAll(shadow(chat), 'rtk-chat-message').find((m) => m.getAttribute('message-id') === asked.id));
    shadow(element).querySelector<HTMLButtonElement>('[data-action="reply"]')!.click();
    const replying = await waitFor(() => composerOf(chat).querySelector('[part="replying"]'), 'the composer does not show the reply');
    expect(replying.textContent).to.include('Replying to Dana');
    const box = composerOf(chat).querySelector('textarea')!;
    box.value = 'Yes';
    box.dispatchEvent(new Event('input'));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    const sent = await waitFor(() => meeting.chat.messages.find((m) => m.userId === 'user-me'), 'nothing was sent');
    expect(sent.message).to.equal('<blockquote>Are we on?</blockquote>\n\nYes');
    const reply = await waitFor(() => deepQueryAll(shadow(chat), 'rtk-chat-message').find((m) => m.getAttribute('message-id') === sent.id));
    expect(shadow(reply).querySelector('.quote')!.textContent).to.equal('Are we on?');
    expect(shadow(reply).querySelector('.text')!.textContent).to.equal('Yes');
  });
});
