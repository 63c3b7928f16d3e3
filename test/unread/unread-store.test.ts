import { expect } from '@open-wc/testing';

import { EVERYONE } from '../../src/conversations/conversations.js';
import { createLocalMeeting, type LocalMeeting } from '../../src/local-meeting/index.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import { unreadFor, type UnreadStore } from '../../src/unread/unread-store.js';
import { incoming, joinedMeeting, waitFor } from '../helpers.js';

const DANA = { userId: 'user-dana', displayName: 'Dana' };

/** Hands the chat a message as the SDK's array would, whatever the server should have done. */
function handOver(meeting: LocalMeeting, message: Partial<ChatMessage> & { id: string }): void {
  const full = { type: 'text', userId: 'user-eli', displayName: 'Eli', time: new Date(), timeMs: Date.now(), message: '', ...message } as ChatMessage;
  meeting.chat.messages = [...meeting.chat.messages, full];
  meeting.chat.emit('chatUpdate', { action: 'add', message: full, messages: meeting.chat.messages });
}

function changes(store: UnreadStore): { count: number } {
  const heard = { count: 0 };
  store.addEventListener('change', () => (heard.count += 1));
  return heard;
}

describe('unreadFor', () => {
  let meeting: LocalMeeting;
  let release: (() => void) | undefined;

  beforeEach(async () => {
    meeting = await joinedMeeting({ seed: [{ message: 'old news', userId: 'user-dana', displayName: 'Dana' }] });
  });

  afterEach(async () => {
    release?.();
    release = undefined;
    await meeting.leave();
  });

  it('gives every caller of one meeting the same store, and another meeting another one', async () => {
    const other = await joinedMeeting();
    expect(unreadFor(meeting)).to.equal(unreadFor(meeting));
    expect(unreadFor(other)).not.to.equal(unreadFor(meeting));
    await other.leave();
  });

  it('takes the history as seen and counts what arrives after, never own messages', async () => {
    const store = unreadFor(meeting);
    release = store.use();
    expect(store.unreadCount()).to.equal(0);
    const heard = changes(store);
    const first = incoming(meeting, 'are we on?');
    incoming(meeting, 'hello?');
    expect(store.unreadCount()).to.equal(2);
    expect(store.unreadCount(EVERYONE)).to.equal(2);
    expect(store.firstUnread()).to.equal(first.id);
    expect(store.isUnread(first.id)).to.equal(true);
    expect(heard.count).to.equal(2);
    await meeting.chat.sendTextMessage('mine');
    await waitFor(() => meeting.chat.messages.some((m) => m.message === 'mine'));
    expect(store.unreadCount()).to.equal(2);
  });

  it('counts the history a meeting loads on joining as seen, though it comes without an event', async () => {
    const fresh = createLocalMeeting({
      autoJoin: false,
      self: { userId: 'user-me', name: 'Me' },
      seed: [{ message: 'history 1' }, { message: 'history 2' }],
      logger: { warn() {}, error() {} },
    });
    const store = unreadFor(fresh);
    const stop = store.use();
    await fresh.join();
    expect(fresh.chat.messages).to.have.length(2);
    expect(store.unreadCount()).to.equal(0);
    fresh.receive({ message: 'news', userId: 'user-dana', displayName: 'Dana' });
    expect(store.unreadCount()).to.equal(1);
    stop();
    await fresh.leave();
  });

  it('counts mentions of the local user by name, and takes a better detector when given one', () => {
    const store = unreadFor(meeting);
    release = store.use();
    incoming(meeting, 'hey @me, look');
    incoming(meeting, 'hey @Meredith');
    incoming(meeting, 'email me@example.com');
    expect(store.unreadCount()).to.equal(3);
    expect(store.mentionCount()).to.equal(1);
    store.isMention = (message) => (message.message ?? '').includes('look');
    expect(store.mentionCount()).to.equal(1);
    store.isMention = () => true;
    expect(store.mentionCount()).to.equal(3);
  });

  it('marks messages seen, one by one or up to one of them', () => {
    const store = unreadFor(meeting);
    release = store.use();
    const [a, b, c] = ['a', 'b', 'c'].map((text) => incoming(meeting, text));
    store.markSeen([b.id]);
    expect(store.unreadCount()).to.equal(2);
    expect(store.firstUnread()).to.equal(a.id);
    store.markConversationSeen(EVERYONE, b.id);
    expect(store.firstUnread()).to.equal(c.id);
    store.markConversationSeen(EVERYONE);
    expect(store.unreadCount()).to.equal(0);
    expect(store.firstUnread()).to.equal(undefined);
  });

  it('forgets a deleted message and recounts an edited one, as the meeting reports them', async () => {
    // Two meetings in one room: Dana edits and deletes her own messages.
    const room = `unread-${Date.now()}`;
    const mine = await joinedMeeting({ room });
    const hers = await joinedMeeting({ room, self: { id: 'peer-dana', userId: 'user-dana', name: 'Dana' } });
    const store = unreadFor(mine);
    const stop = store.use();
    try {
      await hers.chat.sendTextMessage('hello');
      await hers.chat.sendTextMessage('bye');
      await waitFor(() => store.unreadCount() === 2);
      const [hello, bye] = mine.chat.messages.slice(-2);
      await hers.chat.editTextMessage(hello.id, 'hello @Me');
      await waitFor(() => store.mentionCount() === 1);
      await hers.chat.deleteMessage(bye.id);
      await waitFor(() => store.unreadCount() === 1);
      expect(store.firstUnread()).to.equal(hello.id);
    } finally {
      stop();
      await hers.leave();
      await mine.leave();
    }
  });

  it('counts private messages in their conversations, and never one addressed to others', () => {
    const store = unreadFor(meeting);
    release = store.use();
    incoming(meeting, 'public');
    meeting.receive({ ...DANA, message: 'just you', targetUserIds: ['user-dana', 'user-me'] });
    handOver(meeting, { id: 'legacy-1', userId: 'user-eli', message: '{"target":["user-me"],"message":"old client, @Me"}' });
    handOver(meeting, { id: 'crafted-1', targetUserIds: ['user-eli', 'user-zoe'], message: 'not for you' });
    handOver(meeting, { id: 'crafted-2', message: '{"target":["user-zoe"],"message":"not for you either"}' });
    expect(store.unreadCount()).to.equal(3);
    expect(Object.fromEntries(store.unreadConversations())).to.deep.equal({
      [EVERYONE]: { unread: 1, mentions: 0 },
      'user-dana': { unread: 1, mentions: 0 },
      'user-eli': { unread: 1, mentions: 1 },
    });
    expect(store.counts('user-eli')).to.deep.equal({ unread: 1, mentions: 1 });
    expect(store.firstUnread('user-eli')).to.equal('legacy-1');
    expect(store.isUnread('crafted-1')).to.equal(false);
  });

  it('hears the meeting only while used, and counts what arrived meanwhile when used again', () => {
    const store = unreadFor(meeting);
    const start = meeting.chat.listenerCount('chatUpdate');
    const stopA = store.use();
    const stopB = store.use();
    expect(meeting.chat.listenerCount('chatUpdate')).to.equal(start + 1);
    stopA();
    stopA();
    expect(meeting.chat.listenerCount('chatUpdate')).to.equal(start + 1);
    incoming(meeting, 'one');
    stopB();
    expect(meeting.chat.listenerCount('chatUpdate')).to.equal(start);
    expect(meeting.self.listenerCount('roomJoined')).to.equal(0);
    incoming(meeting, 'while nobody listened');
    expect(store.unreadCount()).to.equal(1);
    release = store.use();
    expect(store.unreadCount()).to.equal(2);
  });

  it('counts what arrived while the local user was away when they join again, not the history', async () => {
    const room = `rejoin-${Date.now()}`;
    const mine = await joinedMeeting({ room, seed: [{ message: 'history' }] });
    const hers = await joinedMeeting({ room, self: { id: 'peer-dana', userId: 'user-dana', name: 'Dana' } });
    const store = unreadFor(mine);
    const stop = store.use();
    try {
      expect(store.unreadCount()).to.equal(0);
      await mine.leave();
      await hers.chat.sendTextMessage('you missed this');
      await mine.join();
      await waitFor(() => store.unreadCount() === 1, 'the message sent while away was not counted');
      expect(mine.chat.messages.find((m) => m.id === store.firstUnread())?.message).to.equal('you missed this');
    } finally {
      stop();
      await hers.leave();
      await mine.leave();
    }
  });
});
