import { expect } from '@open-wc/testing';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import type { ChatMessage, ChatUpdateEvent, MeetingParticipant } from '../../src/meeting/contract.js';
import { meeting, nextEvent, sendAndEcho, textFile, uniqueRoom, until } from './helpers.js';

/** Waits for the next chatUpdate of `target` that passes `accept`. */
function update(target: LocalMeeting, accept: (event: ChatUpdateEvent) => boolean = () => true): Promise<ChatUpdateEvent> {
  return new Promise((resolve) => {
    const listener = (event: ChatUpdateEvent) => {
      if (!accept(event)) return;
      target.chat.off('chatUpdate', listener);
      resolve(event);
    };
    target.chat.on('chatUpdate', listener);
  });
}

async function inRoom(room: string, name: string, options: Parameters<typeof meeting>[0] = {}) {
  const m = meeting({ room, self: { id: `peer-${name}`, userId: `user-${name}`, name }, ...options });
  await m.join();
  return m;
}

const texts = (messages: ChatMessage[]) => messages.map((message) => message.message);

describe('local meeting: several meetings in one room', () => {
  it('delivers a message sent in one meeting to the other as chatUpdate add', async () => {
    const room = uniqueRoom();
    const a = await inRoom(room, 'a');
    const b = await inRoom(room, 'b');
    const arrived = update(b);
    const echoed = await sendAndEcho(a, 'hello b');
    const { action, message } = await arrived;
    expect(action).to.equal('add');
    expect(message).to.deep.equal(echoed);
    expect(message.userId).to.equal('user-a');
    expect(texts(b.chat.messages)).to.deep.equal(['hello b']);
  });

  it('delivers a private message only to its target (and echoes it to the sender)', async () => {
    const room = uniqueRoom();
    const a = await inRoom(room, 'a');
    const b = await inRoom(room, 'b');
    const c = await inRoom(room, 'c');
    await until(a.participants.joined, 'participantJoined', () => a.participants.joined.size === 2);
    const atB = update(b);
    const atC = update(c);
    const echoed = await sendAndEcho(a, 'for b only', ['peer-b']);
    expect(echoed.targetUserIds).to.deep.equal(['user-b', 'user-a']);
    expect((await atB).message.message).to.equal('for b only');
    // One sender's posts arrive in order: once c has the public message, it never got the private one.
    await a.chat.sendTextMessage('for everyone');
    expect((await atC).message.message).to.equal('for everyone');
    expect(texts(c.chat.messages)).to.deep.equal(['for everyone']);
  });

  it('gives a meeting that joins later the history of those present, instead of its own seed', async () => {
    const room = uniqueRoom();
    const a = await inRoom(room, 'a', { seed: 3 });
    await sendAndEcho(a, 'said before b came');
    const b = await inRoom(room, 'b', { seed: 50 });
    expect(b.chat.messages).to.have.length(4);
    expect(b.chat.messages.map((message) => message.id)).to.deep.equal(a.chat.messages.map((message) => message.id));
    expect(b.meta.sessionId).to.equal(a.meta.sessionId);
  });

  it('shares private messages in the history only with their targets', async () => {
    const room = uniqueRoom();
    const a = await inRoom(room, 'a');
    a.addParticipant({ id: 'peer-b', userId: 'user-b', name: 'b' });
    await sendAndEcho(a, 'to b', ['peer-b']);
    await sendAndEcho(a, 'to all');
    a.removeParticipant('peer-b');
    const c = await inRoom(room, 'c');
    expect(texts(c.chat.messages)).to.deep.equal(['to all']);
    const b = await inRoom(room, 'b');
    expect(texts(b.chat.messages)).to.deep.equal(['to b', 'to all']);
  });

  it('reports presence: participantJoined with peer id, user id and name, and participantLeft on leave', async () => {
    const room = uniqueRoom();
    const a = await inRoom(room, 'a');
    const joined = nextEvent<MeetingParticipant>(a.participants.joined, 'participantJoined');
    const b = await inRoom(room, 'b');
    expect(await joined).to.deep.equal({ id: 'peer-b', userId: 'user-b', name: 'b' });
    expect(b.participants.joined.toArray()).to.deep.equal([{ id: 'peer-a', userId: 'user-a', name: 'a' }]);
    const left = nextEvent<MeetingParticipant>(a.participants.joined, 'participantLeft');
    await b.leave();
    expect((await left).id).to.equal('peer-b');
    expect(a.participants.joined.size).to.equal(0);
    expect(b.participants.joined.size).to.equal(0);
  });

  it('lists those already present without participantJoined events on the joining side', async () => {
    const room = uniqueRoom();
    await inRoom(room, 'a');
    const b = meeting({ room, autoJoin: false });
    let events = 0;
    b.participants.joined.on('participantJoined', () => (events += 1));
    await b.join();
    expect(b.participants.joined.size).to.equal(1);
    expect(events).to.equal(0);
  });

  it('propagates edits, pins, unpins and deletes in the SDK event order', async () => {
    const room = uniqueRoom();
    const a = await inRoom(room, 'a');
    const b = await inRoom(room, 'b');
    const arrived = update(b);
    const { id } = await sendAndEcho(a, 'original');
    await arrived;

    const edited = update(b);
    await a.chat.editTextMessage(id, 'changed');
    expect((await edited).message).to.deep.include({ id, message: 'changed', isEdited: true });
    expect(b.chat.messages[0].message).to.equal('changed');

    const order: string[] = [];
    b.chat.on('*', (event, payload) => order.push(`${event}:${(payload as { message: ChatMessage }).message.pinned}`));
    const pinned = nextEvent(b.chat, 'pinMessage');
    await a.chat.pin(id);
    await pinned;
    const unpinned = nextEvent(b.chat, 'unpinMessage');
    await b.chat.unpin(id);
    await unpinned;
    expect(order).to.deep.equal(['chatUpdate:true', 'pinMessage:true', 'chatUpdate:false', 'unpinMessage:false']);
    await until(a.chat, 'unpinMessage', () => a.chat.messages[0].pinned === false);

    const deleted = update(b);
    await a.chat.deleteMessage(id);
    const { action, message } = await deleted;
    expect(action).to.equal('delete');
    expect(message.id).to.equal(id);
    expect(b.chat.messages).to.deep.equal([]);
  });

  it('shares files between the meetings of a room', async () => {
    const room = uniqueRoom();
    const a = await inRoom(room, 'a');
    const b = await inRoom(room, 'b');
    const arrived = update(b);
    await a.chat.sendFileMessage(textFile('shared.txt', 'shared content'));
    const { message } = await arrived;
    expect(await (await fetch(message.link!)).text()).to.equal('shared content');
  });

  it('delivers messages received with receive() to the rest of the room', async () => {
    const room = uniqueRoom();
    const a = await inRoom(room, 'a');
    const b = await inRoom(room, 'b');
    const arrived = update(b);
    const sent = a.receive({ message: 'simulated' });
    expect((await arrived).message).to.deep.equal(sent);
  });

  it('ends with one history when two meetings join at the same time with different seeds', async () => {
    const room = uniqueRoom();
    const a = meeting({ room, seed: 3, self: { id: 'peer-1' } });
    const b = meeting({ room, seed: [{ id: 'only-b' }], self: { id: 'peer-2' } });
    await Promise.all([a.join(), b.join()]);
    expect(b.chat.messages.map((message) => message.id)).to.deep.equal(a.chat.messages.map((message) => message.id));
    expect(a.chat.messages).to.have.length(3);
  });

  it('lets a seeded meeting seed the room when it joins together with an unseeded one', async () => {
    const room = uniqueRoom();
    const unseeded = meeting({ room, self: { id: 'peer-1' } });
    const seeded = meeting({ room, seed: 4, self: { id: 'peer-2' } });
    await Promise.all([unseeded.join(), seeded.join()]);
    expect(seeded.chat.messages).to.have.length(4);
    expect(unseeded.chat.messages.map((message) => message.id)).to.deep.equal(seeded.chat.messages.map((message) => message.id));
  });

  it('does not resurrect a message deleted while a meeting was joining', async () => {
    const room = uniqueRoom();
    const a = await inRoom(room, 'a', { seed: [{ id: 'gone', userId: 'user-a' }, { id: 'stays' }] });
    const b = meeting({ room, autoJoin: false });
    // a answers b's hello with a history that still has 'gone', then deletes it.
    const answered = nextEvent(a.participants.joined, 'participantJoined');
    const joining = b.join();
    await answered;
    await a.chat.deleteMessage('gone');
    await joining;
    expect(b.chat.messages.map((message) => message.id)).to.deep.equal(['stays']);
  });

  it('keeps meetings of different rooms apart', async () => {
    const a = await inRoom(uniqueRoom(), 'a');
    const roomB = uniqueRoom();
    const b1 = await inRoom(roomB, 'b1');
    const b2 = await inRoom(roomB, 'b2');
    const atB2 = update(b2);
    await a.chat.sendTextMessage('only in room a');
    await b1.chat.sendTextMessage('only in room b');
    expect((await atB2).message.message).to.equal('only in room b');
    expect(a.participants.joined.size).to.equal(0);
    expect(b2.participants.joined.size).to.equal(1);
  });
});
