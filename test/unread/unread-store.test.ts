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

  it('forgets unread messages deleted while it did not hear the meeting, when used again', () => {
    const store = unreadFor(meeting);
    const stop = store.use();
    const kept = incoming(meeting, 'kept');
    const deleted = incoming(meeting, 'deleted unheard');
    expect(store.unreadCount()).to.equal(2);
    stop();
    meeting.chat.messages = meeting.chat.messages.filter((message) => message.id !== deleted.id);
    release = store.use();
    expect(store.unreadCount()).to.equal(1);
    store.markSeen([kept.id]);
    expect(store.unreadCount()).to.equal(0);
  });

  it('takes an event repeating a history message as history, however old it is, before and after arrivals', () => {
    const store = unreadFor(meeting);
    release = store.use();
    meeting.receive({ ...DANA, message: 'newer news' });
    store.markAllSeen();
    release();
    // History of three: 'old news' (seeded) and two more set before the store first looks.
    const history = meeting.chat.messages;
    release = store.use();
    for (const message of history) handOver(meeting, { ...message });
    expect(store.unreadCount()).to.equal(0);
    const news = incoming(meeting, 'news');
    handOver(meeting, { ...history[0] });
    expect(store.unreadCount()).to.equal(1);
    expect(store.firstUnread()).to.equal(news.id);
    // After a pause, while the chat's list moved on without the store.
    release();
    incoming(meeting, 'while nobody listened');
    release = store.use();
    handOver(meeting, { ...history[0] });
    expect(store.unreadCount()).to.equal(2);
  });

  it('counts a new message created before the newest history message, heard or found on return', async () => {
    const seeded = await joinedMeeting({ seed: ['one', 'two', 'three'].map((message) => ({ ...DANA, message })) });
    const store = unreadFor(seeded);
    let stop = store.use();
    try {
      const [oldest, , newest] = seeded.chat.messages.map((message) => message.timeMs!);
      handOver(seeded, { id: 'behind', timeMs: newest - 1, time: new Date(newest - 1) });
      handOver(seeded, { id: 'far-behind', timeMs: oldest - 3_600_000, time: new Date(oldest - 3_600_000) });
      expect(store.unreadCount()).to.equal(2);
      stop();
      seeded.receive({ ...DANA, id: 'behind-unheard', message: 'sent with a clock behind', timeMs: oldest - 1 });
      stop = store.use();
      expect(store.unreadCount()).to.equal(3);
      expect(store.firstUnread()).to.equal('behind');
      expect(store.isUnread('behind-unheard')).to.equal(true);
    } finally {
      stop();
      await seeded.leave();
    }
  });

  it('counts a new message without a time, not a history one, and passes over malformed entries', async () => {
    const undated = { id: 'undated', type: 'text', userId: 'user-dana', displayName: 'Dana', message: 'no time' };
    meeting.chat.messages = [...meeting.chat.messages, undated, null, { nothing: 'here' }] as ChatMessage[];
    const store = unreadFor(meeting);
    release = store.use();
    expect(store.unreadCount()).to.equal(0);
    handOver(meeting, { ...undated, time: undefined, timeMs: undefined });
    handOver(meeting, { id: 'no-type', type: undefined });
    expect(store.unreadCount()).to.equal(0);
    handOver(meeting, { id: 'new-undated', time: undefined, timeMs: undefined });
    expect(store.unreadCount()).to.equal(1);
    expect(store.isUnread('new-undated')).to.equal(true);
  });

  it('remembers a message marked seen or deleted before its event, and never counts it', () => {
    const store = unreadFor(meeting);
    release = store.use();
    store.markSeen(['early']);
    meeting.chat.emit('chatUpdate', { action: 'delete', message: { id: 'gone' } as ChatMessage, messages: meeting.chat.messages });
    handOver(meeting, { id: 'early' });
    handOver(meeting, { id: 'gone' });
    expect(store.unreadCount()).to.equal(0);
    handOver(meeting, { id: 'late' });
    expect(store.unreadCount()).to.equal(1);
  });

  it('takes older messages an app lists before the history as history, and what follows as news', () => {
    const store = unreadFor(meeting);
    release = store.use();
    release();
    const [first] = meeting.chat.messages;
    const older = { ...first, id: 'older', message: 'from before', timeMs: first.timeMs! - 60_000, time: new Date(first.timeMs! - 60_000) };
    meeting.chat.messages = [older, ...meeting.chat.messages];
    meeting.receive({ ...DANA, message: 'while nobody listened' });
    release = store.use();
    expect(store.unreadCount()).to.equal(1);
    expect(store.isUnread('older')).to.equal(false);
  });

  it('takes the history as seen again on rejoining, with older messages it lists only then', async () => {
    // 1001 messages, all Dana's: the chat lists the newest 1000. With two more and three deleted,
    // the oldest comes in on rejoining.
    const room = `rejoin-window-${Date.now()}`;
    const seed = Array.from({ length: 1001 }, (_, i) => ({ ...DANA, message: `history ${i}` }));
    const mine = await joinedMeeting({ room, seed });
    const hers = await joinedMeeting({ room, self: { id: 'peer-dana', userId: 'user-dana', name: 'Dana' } });
    const store = unreadFor(mine);
    const stop = store.use();
    try {
      expect(mine.chat.messages).to.have.length(1000);
      const listed = mine.chat.messages;
      store.markSeen(listed.slice(0, 10).map((message) => message.id));
      await hers.chat.pin(listed[500].id);
      await hers.chat.sendTextMessage('heard');
      await waitFor(() => store.unreadCount() === 1);
      store.markAllSeen();
      for (const message of listed.slice(-3)) await hers.chat.deleteMessage(message.id);
      await waitFor(() => mine.chat.messages.length === 998);
      await mine.leave();
      await hers.chat.sendTextMessage('you missed this');
      await mine.join();
      await waitFor(() => mine.chat.messages.some((message) => message.message === 'history 0'), 'the oldest message did not come in');
      await waitFor(() => store.unreadCount() === 1, 'the message sent while away was not counted');
      expect(mine.chat.messages.find((message) => message.id === store.firstUnread())?.message).to.equal('you missed this');
    } finally {
      stop();
      await hers.leave();
      await mine.leave();
    }
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
