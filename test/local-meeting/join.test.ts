import { expect } from '@open-wc/testing';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import type { InboxMessage, RoomMessage, WireMessage } from '../../src/local-meeting/room-channel.js';
import { envelope, inboxChannelName, roomChannelName, unwrap } from '../../src/local-meeting/room-channel.js';
import { meeting, nextEvent, sendAndEcho, uniqueRoom, until } from './helpers.js';

/**
 * What crosses one channel of the room, as any other tab could listen to it: the room's channel,
 * or the inbox of one meeting.
 */
function listen<T extends WireMessage>(name: string) {
  const heard: T[] = [];
  const waiters: Array<() => void> = [];
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const body = unwrap(event.data) as T | undefined;
    if (!body) return;
    heard.push(body);
    for (const wake of waiters.splice(0)) wake();
  };
  spies.push(channel);
  return {
    heard,
    /** Resolves once `predicate` holds, checked after each message heard. */
    until(predicate: () => boolean): Promise<void> {
      return new Promise((resolve) => {
        const check = () => (predicate() ? resolve() : waiters.push(check));
        check();
      });
    },
    post(body: RoomMessage) {
      channel.postMessage(envelope(body));
    },
  };
}

const spies: BroadcastChannel[] = [];
afterEach(() => {
  for (const spy of spies.splice(0)) spy.close();
});

type Welcome = Extract<InboxMessage, { kind: 'welcome' }>;
const welcomes = (heard: InboxMessage[]) => heard.filter((message): message is Welcome => message.kind === 'welcome');
const ids = (m: LocalMeeting) => m.chat.messages.map((message) => message.id);

function member(room: string, name: string, options: Parameters<typeof meeting>[0] = {}) {
  return meeting({ room, self: { id: `peer-${name}`, userId: `user-${name}`, name }, autoJoin: false, ...options });
}

describe('local meeting: joining a room', () => {
  it('is answered by the oldest meeting only, in its own inbox, with the whole history once', async () => {
    const room = uniqueRoom();
    const onRoom = listen<RoomMessage>(roomChannelName(room));
    const first = member(room, '0', { seed: 40 });
    await first.join();
    const inboxes = new Map<string, InboxMessage[]>();
    for (const name of ['1', '2', '3', '4', '5', '6', '7']) {
      inboxes.set(name, listen<InboxMessage>(inboxChannelName(room, `peer-${name}`)).heard);
      const next = member(room, name, { seed: 5 });
      await next.join();
      // Everything said so far: the seed of the first, then one message from each earlier comer.
      const history = await first.chat.fetchPublicMessages({ timestamp: 0, limit: 100 });
      expect(ids(next), `history of peer-${name}`).to.deep.equal(history.map((message) => message.id));
      expect(next.chat.messages).to.have.length(40 + Number(name) - 1);
      expect(next.participants.joined.size).to.equal(Number(name));
      await sendAndEcho(next, `said by ${name}`);
      await until(first.chat, 'chatUpdate', () => first.chat.messages.length === 40 + Number(name));
    }
    for (const [name, heard] of inboxes) {
      expect(heard.map((message) => `${message.kind} from ${message.from.id}`), `peer-${name}`).to.deep.equal(['welcome from peer-0']);
    }
    expect(welcomes(inboxes.get('7')!)[0].history.records).to.have.length(40 + 6);
    // No answer and no history ever crossed the room's channel: only the hellos and the chat.
    expect([...new Set(onRoom.heard.map((message) => message.kind))]).to.have.members(['hello', 'chat']);
    expect(onRoom.heard.filter((message) => message.kind === 'hello')).to.have.length(8);
  });

  it('is answered by the next oldest once the oldest has left, with the room history and who is there', async () => {
    const room = uniqueRoom();
    const a = member(room, 'a', { seed: 3 });
    await a.join();
    const b = member(room, 'b');
    await b.join();
    const c = member(room, 'c');
    await c.join();
    const said = await sendAndEcho(a, 'before a left');
    await until(c.chat, 'chatUpdate', () => c.chat.messages.length === 4);
    await a.leave();
    const inbox = listen<InboxMessage>(inboxChannelName(room, 'peer-d'));
    const d = member(room, 'd');
    await d.join();
    expect(welcomes(inbox.heard).map((answer) => answer.from.id)).to.deep.equal(['peer-b']);
    expect(ids(d)).to.deep.equal(ids(b));
    expect(ids(d)).to.include(said.id);
    expect(d.participants.joined.toArray().map((participant) => participant.id)).to.have.members(['peer-b', 'peer-c']);
  });

  it('is answered by the next oldest when the oldest leaves before answering', async () => {
    const room = uniqueRoom();
    const a = member(room, 'a', { seed: 3 });
    await a.join();
    const b = member(room, 'b');
    await b.join();
    const inbox = listen<InboxMessage>(inboxChannelName(room, 'peer-c'));
    const c = member(room, 'c');
    // c's hello is on its way when a leaves: a never reads it, b hears it, then a's bye.
    const joining = c.join();
    await a.leave();
    await joining;
    expect(welcomes(inbox.heard).map((answer) => answer.from.id)).to.deep.equal(['peer-b']);
    expect(ids(c)).to.deep.equal(ids(b));
    expect(c.chat.messages).to.have.length(3);
  });

  it('gives meetings joining at once the history of the oldest, each answered once and no one else telling', async () => {
    const room = uniqueRoom();
    const host = member(room, 'host', { seed: 60 });
    await host.join();
    const names = Array.from({ length: 20 }, (_, i) => `guest-${String(i).padStart(2, '0')}`);
    const inboxes = names.map((name) => listen<InboxMessage>(inboxChannelName(room, `peer-${name}`)));
    // Each with a seed of its own, which the room's history must win over.
    const guests = names.map((name, i) => member(room, name, { seed: i + 1 }));
    await Promise.all(guests.map((guest) => guest.join()));
    for (const guest of guests) expect(ids(guest)).to.deep.equal(ids(host));
    for (const [i, inbox] of inboxes.entries()) {
      expect(inbox.heard.map((message) => `${message.kind} from ${message.from.id}`), names[i]).to.deep.equal(['welcome from peer-host']);
    }
    for (const guest of guests) expect(guest.meta.sessionId).to.equal(host.meta.sessionId);
    // Everyone learns of everyone: from the answer, or from the hellos heard after it.
    for (const guest of guests) {
      await until(guest.participants.joined, 'participantJoined', () => guest.participants.joined.size === names.length);
    }
    expect(host.participants.joined.size).to.equal(names.length);
  });

  it('agrees on one history when meetings join an empty room at once: seeded first, then the smallest peer id', async () => {
    const room = uniqueRoom();
    const inboxes = new Map<string, InboxMessage[]>();
    const plan = [
      { name: 'e', seed: undefined },
      { name: 'c', seed: 4 },
      { name: 'a', seed: undefined },
      { name: 'd', seed: 9 },
      { name: 'b', seed: 2 },
      { name: 'f', seed: undefined },
    ];
    const meetings = plan.map(({ name, seed }) => {
      inboxes.set(name, listen<InboxMessage>(inboxChannelName(room, `peer-${name}`)).heard);
      return member(room, name, { seed });
    });
    await Promise.all(meetings.map((m) => m.join()));
    // b has a seed and the smallest peer id among those with one.
    const b = meetings[4];
    expect(b.chat.messages).to.have.length(2);
    for (const m of meetings) expect(ids(m)).to.deep.equal(ids(b));
    for (const m of meetings) expect(m.meta.sessionId).to.equal(b.meta.sessionId);
    expect(welcomes(inboxes.get('b')!)).to.deep.equal([]);
    for (const name of ['a', 'c', 'd', 'e', 'f']) {
      expect(welcomes(inboxes.get(name)!).map((answer) => answer.from.id), name).to.deep.equal(['peer-b']);
    }
  });

  it('answers another tab asking twice only once, and a newcomer after it as usual', async () => {
    const room = uniqueRoom();
    const host = member(room, 'host', { seed: 5 });
    await host.join();
    const tab = listen<RoomMessage>(roomChannelName(room));
    const first = listen<InboxMessage>(inboxChannelName(room, 'peer-x'));
    const second = listen<InboxMessage>(inboxChannelName(room, 'peer-y'));
    const x = { id: 'peer-x', userId: 'user-x', name: 'x' };
    tab.post({ kind: 'hello', from: x });
    await first.until(() => first.heard.length === 1);
    tab.post({ kind: 'hello', from: x });
    tab.post({ kind: 'hello', from: { id: 'peer-y', userId: 'user-y', name: 'y' } });
    // The host reads hellos in order: once y is answered, x's second hello was read too.
    await second.until(() => second.heard.length === 1);
    expect(welcomes(first.heard)).to.have.length(1);
    expect(welcomes(second.heard)).to.have.length(1);
    const [answer] = welcomes(first.heard);
    expect(answer.history.records).to.have.length(5);
    expect(host.participants.joined.toArray().map((participant) => participant.id)).to.have.members(['peer-x', 'peer-y']);
  });

  it("keeps one sender's messages in sending order in a newcomer's history, even within one millisecond", async () => {
    const room = uniqueRoom();
    const now = () => 1_700_000_000_000;
    const a = member(room, 'a', { now });
    await a.join();
    const sent = [];
    for (const text of ['one', 'two', 'three', 'four', 'five']) sent.push((await sendAndEcho(a, text)).id);
    const b = member(room, 'b');
    await b.join();
    expect(ids(b)).to.deep.equal(sent);
    expect((await b.chat.fetchPublicMessages({ timestamp: 0, limit: 10 })).map((message) => message.id)).to.deep.equal(sent);
  });

  it("gives a newcomer the room's messages exactly, field for field and in the SDK's field order", async () => {
    const room = uniqueRoom();
    const a = member(room, 'a', {
      seed: [
        { id: 'at-epoch', timeMs: 0, message: 'first' },
        { id: 'text', userId: 'user-a', message: 'hello' },
        { id: 'image', type: 'image', link: 'https://example.com/a.png' },
        { id: 'file', type: 'file', link: 'https://example.com/n.txt', name: 'n.txt', size: 12 },
        { id: 'private', userId: 'user-a', targetUserIds: ['user-b', 'user-a'], message: 'for b' },
        { id: 'plugin', type: 'poll', pluginId: 'polls', read: true, pinned: true, isEdited: true },
      ],
    });
    await a.join();
    a.addParticipant({ id: 'peer-b', userId: 'user-b', name: 'b' });
    const edited = await sendAndEcho(a, 'to be edited');
    await a.chat.editTextMessage(edited.id, 'edited');
    await a.chat.pin(edited.id);
    // A custom message without text keeps `message` undefined, as the SDK does.
    const echo = nextEvent(a.chat, 'chatUpdate');
    await a.chat.sendCustomMessage({ type: 'custom', html: '<b>hi</b>', files: ['https://example.com/f.pdf'] });
    await echo;
    a.removeParticipant('peer-b');
    const b = member(room, 'b');
    await b.join();
    const all = (m: LocalMeeting) => m.chat.fetchPublicMessages({ timestamp: 0, limit: 100 });
    const [there, here] = [await all(a), await all(b)];
    expect(here).to.have.length(8);
    expect(here).to.deep.equal(there);
    expect(here.map((message) => Object.keys(message))).to.deep.equal(there.map((message) => Object.keys(message)));
    const custom = here.find((message) => message.type === 'custom')!;
    expect('message' in custom && custom.message === undefined).to.equal(true);
  });
});
