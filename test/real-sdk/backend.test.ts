import { expect } from '@open-wc/testing';
import type { ChatMeeting, ChatMessage } from '../../src/meeting/contract.js';
import { createRealMeeting, installRealBackend, startRealBackend } from './backend.js';
import type { RealBackend } from './backend.js';
import type { ChatPeer, HistoryMessage, MeetingHarnessOptions } from './harness.js';
import { nextChatUpdate, nextParticipantEvent, recordChatEvents } from './meeting-events.js';

const alice: ChatPeer = { userId: 'alice-user', peerId: 'alice-peer', name: 'Alice' };
const bob: ChatPeer = { userId: 'bob-user', peerId: 'bob-peer', name: 'Bob' };
const texts = (messages: ChatMessage[]) => messages.map((message) => message.message);

describe('the offline backend for the real RealtimeKit client', function () {
  // Initialising and joining the real client takes a few hundred ms of page work.
  this.timeout(10_000);

  const running: RealBackend[] = [];
  async function start(options: MeetingHarnessOptions = {}): Promise<RealBackend> {
    const backend = await startRealBackend({ participants: [alice], ...options });
    running.push(backend);
    return backend;
  }
  afterEach(async () => {
    const backends = running.splice(0);
    await Promise.all(backends.map((backend) => backend.stop()));
    // Every request the SDK made had a handler: an unknown event would show up here.
    expect(backends.flatMap((backend) => backend.server.room.problems)).to.deep.equal([]);
  });

  describe('joining', () => {
    it('initialises and joins with no network, as the configured user', async () => {
      const { meeting, server } = await start({ self: { userId: 'u-1', name: 'Ada' }, meetingId: 'm-9', sessionId: 's-9' });

      expect(meeting.self.roomJoined).to.equal(true);
      expect([meeting.self.userId, meeting.self.name]).to.deep.equal(['u-1', 'Ada']);
      expect(meeting.self.id).to.equal(server.room.self.peerId);
      expect(meeting.self.id).to.not.equal('');
      expect([meeting.meta.meetingId, meeting.meta.sessionId]).to.deep.equal(['m-9', 's-9']);
      expect(server.rest.requests.map((request) => new URL(request.url).pathname)).to.include('/v2/internals/participant-details');
      expect(server.room.problems).to.deep.equal([]);
    });

    it('gives a meeting that fits the kit contract', async () => {
      const harness = await createRealMeeting();
      // Compile-time proof: the real client is assignable to the contract without a cast.
      const meeting: ChatMeeting = harness.meeting;
      try {
        expect(meeting.chat.maxTextLimit).to.equal(2000);
        expect(meeting.chat.rateLimits).to.deep.equal({ maxInvocations: 180, period: 60 });
      } finally {
        await harness.dispose();
      }
    });

    it('reports the chat permissions of the preset', async () => {
      const { meeting } = await start({ permissions: { public: { files: false }, private: { canSend: false }, pinParticipant: false } });

      expect(meeting.self.permissions.chatPublic).to.deep.include({ canSend: true, text: true, files: false });
      expect(meeting.self.permissions.chatPrivate).to.deep.include({ canSend: false, canReceive: true });
      expect(meeting.self.permissions.pinParticipant).to.equal(false);
    });

    it('fills messages from the history at join without any event', async () => {
      const history: HistoryMessage[] = [{ from: alice, text: 'first' }, { from: bob, text: 'second', pinned: true }];
      const backend = installRealBackend({ participants: [alice], history });
      const meeting = await backend.init();
      const updates = recordChatEvents(meeting.chat);
      let inMessagesAtRoomJoined: (string | undefined)[] = [];
      meeting.self.on('roomJoined', () => (inMessagesAtRoomJoined = texts(meeting.chat.messages)));
      try {
        expect(meeting.chat.messages).to.deep.equal([]);
        await backend.join(meeting);

        expect(meeting.chat.messages.map((message: ChatMessage) => [message.message, message.displayName, message.pinned])).to.deep.equal([
          ['first', 'Alice', false],
          ['second', 'Bob', true],
        ]);
        expect(inMessagesAtRoomJoined, 'history was already in place when roomJoined fired').to.deep.equal(['first', 'second']);
        expect(updates.records).to.deep.equal([]);
      } finally {
        updates.stop();
        await backend.stop(meeting);
      }
    });

    it('refuses to pin before joining (0505)', async () => {
      const backend = installRealBackend({ history: [{ id: 'h-1', from: alice, text: 'old' }] });
      const meeting = await backend.init();
      try {
        const error = await meeting.chat.pin('h-1').catch((caught: unknown) => caught);
        expect(String(error)).to.contain('0505');
      } finally {
        await backend.stop(meeting);
      }
    });

    it('lists the participants already present and announces joins and leaves', async () => {
      const { meeting, server } = await start();
      const joined = meeting.participants.joined;
      expect(joined.toArray().map((p) => [p.id, p.userId, p.name])).to.deep.equal([['alice-peer', 'alice-user', 'Alice']]);

      const joining = nextParticipantEvent(joined, 'participantJoined');
      server.participantJoined(bob);
      expect(await joining).to.include({ id: 'bob-peer', userId: 'bob-user', name: 'Bob' });
      expect(joined.toArray().map((p) => p.id)).to.deep.equal(['alice-peer', 'bob-peer']);

      const leaving = nextParticipantEvent(joined, 'participantLeft');
      server.participantLeft('alice-peer');
      expect((await leaving).id).to.equal('alice-peer');
      expect(joined.toArray().map((p) => p.id)).to.deep.equal(['bob-peer']);
    });
  });

  describe('messages', () => {
    it('resolves sendTextMessage before the server echo, which adds the message', async () => {
      const { meeting, server } = await start({ self: { userId: 'me', name: 'Me' } });
      const events = recordChatEvents(meeting.chat);
      const before = meeting.chat.messages;

      await meeting.chat.sendTextMessage('hello');
      expect(events.records, 'nothing yet when the promise resolves').to.deep.equal([]);
      expect(meeting.chat.messages).to.have.length(0);

      await events.until(1);
      const [{ payload }] = events.records;
      expect(events.names()).to.deep.equal(['chatUpdate:add']);
      expect(payload.message).to.include({ type: 'text', message: 'hello', userId: 'me', displayName: 'Me' });
      expect(payload.message.id).to.equal(server.room.store.visibleTo('me')[0].chatId);
      expect(payload.message.time).to.be.instanceOf(Date);
      expect(payload.message.timeMs).to.be.a('number');
      expect(payload.message.time.getTime()).to.equal(Math.floor(payload.message.timeMs! / 1000) * 1000);
      expect(payload.messages, 'an add replaces the array').to.equal(meeting.chat.messages);
      expect(payload.messages).to.not.equal(before);
      events.stop();
    });

    it('receives a message another participant sends', async () => {
      const { meeting, server } = await start();
      const update = nextChatUpdate(meeting.chat);
      const id = server.pushMessage({ from: alice, text: 'hi from Alice' });

      const { action, message } = await update;
      expect(action).to.equal('add');
      expect(message).to.include({ id, type: 'text', message: 'hi from Alice', userId: 'alice-user', displayName: 'Alice' });
      expect(meeting.chat.messages.map((m) => m.id)).to.deep.equal([id]);
    });

    it('delivers private messages only to their targets, with the targets listed', async () => {
      const { meeting, server } = await start({ self: { userId: 'me' } });
      const update = nextChatUpdate(meeting.chat);
      server.pushMessage({ from: bob, text: 'not for you', targetUserIds: ['bob-user', 'alice-user'] });
      server.pushMessage({ from: alice, text: 'psst', targetUserIds: ['alice-user', 'me'] });

      const { message } = await update;
      expect(message).to.include({ message: 'psst' });
      expect(message.targetUserIds).to.deep.equal(['alice-user', 'me']);
    });

    it('sends a private message to the chosen peers, echoed with their user ids and the sender', async () => {
      const { meeting } = await start({ self: { userId: 'me' } });
      const update = nextChatUpdate(meeting.chat);
      const peerIds = ['alice-peer'];
      await meeting.chat.sendTextMessage('just us', peerIds);

      const { message } = await update;
      expect(message).to.include({ message: 'just us', userId: 'me' });
      expect(message.targetUserIds).to.have.members(['alice-user', 'me']);
      expect(peerIds, 'the SDK appends its own peer id to the array it was given').to.deep.equal(['alice-peer', meeting.self.id]);
    });

    it('edits and deletes own messages through the server, in place', async () => {
      const { meeting } = await start();
      const added = nextChatUpdate(meeting.chat);
      await meeting.chat.sendTextMessage('draft');
      const { message } = await added;
      const list = meeting.chat.messages;
      const events = recordChatEvents(meeting.chat);

      const edited = nextChatUpdate(meeting.chat);
      await meeting.chat.editTextMessage(message.id, 'final');
      expect(events.records, 'editTextMessage resolves before the server answers').to.deep.equal([]);
      const edit = await edited;
      expect(edit.action).to.equal('edit');
      expect(edit.message).to.include({ id: message.id, message: 'final', isEdited: true });
      expect(meeting.chat.messages, 'an edit replaces the element in the same array').to.equal(list);
      expect(texts(list)).to.deep.equal(['final']);
      const stored = await meeting.chat.fetchPublicMessages({ limit: 10, direction: 'before' });
      expect(texts(stored), 'the server keeps the edit').to.deep.equal(['final']);

      const deleted = nextChatUpdate(meeting.chat);
      await meeting.chat.deleteMessage(message.id);
      expect(events.names(), 'deleteMessage resolves before the server answers').to.deep.equal(['chatUpdate:edit']);
      const removal = await deleted;
      expect(removal.action).to.equal('delete');
      expect(removal.message.id).to.equal(message.id);
      expect(meeting.chat.messages, 'a delete splices the same array').to.equal(list);
      expect(list).to.have.length(0);
      expect(await meeting.chat.fetchPublicMessages({ limit: 10, direction: 'before' }), 'the server forgot it').to.deep.equal([]);
      events.stop();
    });

    it('applies edits and deletions the server pushes', async () => {
      const { meeting, server } = await start();
      const added = nextChatUpdate(meeting.chat);
      const id = server.pushMessage({ from: alice, text: 'typo' });
      await added;

      const edited = nextChatUpdate(meeting.chat);
      server.editMessage(id, 'fixed');
      expect((await edited).message).to.include({ id, message: 'fixed', isEdited: true });

      const deleted = nextChatUpdate(meeting.chat);
      server.deleteMessage(id);
      expect(await deleted).to.include({ action: 'delete' });
      expect(meeting.chat.messages).to.deep.equal([]);
    });

    it('pins and unpins: chatUpdate edit first, then the pin event, then the promise', async () => {
      const { meeting, server } = await start();
      const added = nextChatUpdate(meeting.chat);
      const id = server.pushMessage({ from: alice, text: 'important' });
      await added;
      const events = recordChatEvents(meeting.chat);

      await meeting.chat.pin(id);
      expect(events.names(), 'both events fired before pin() resolved').to.deep.equal(['chatUpdate:edit', 'pinMessage']);
      expect(events.records[1].payload.message).to.include({ id, pinned: true });
      expect(meeting.chat.messages[0].pinned).to.equal(true);

      expect(texts(await meeting.chat.fetchPinnedMessages({ limit: 10, direction: 'before' })), 'the server keeps the pin').to.deep.equal(['important']);

      await meeting.chat.unpin(id);
      expect(events.names().slice(2)).to.deep.equal(['chatUpdate:edit', 'unpinMessage']);
      expect(meeting.chat.messages[0].pinned).to.equal(false);

      server.pinMessage(id, true);
      await events.until(6);
      expect(events.names().slice(4)).to.deep.equal(['chatUpdate:edit', 'pinMessage']);
      events.stop();
    });

    it('rejects pinning an unknown message with the SDK error 0504', async () => {
      const { meeting } = await start();
      const error = await meeting.chat.pin('no-such-id').catch((caught: unknown) => caught);
      expect(String(error)).to.contain('0504');
    });

    it('refuses to send without the public chat permission (0501)', async () => {
      const { meeting } = await start({ permissions: { public: { canSend: false } } });
      const error = await meeting.chat.sendTextMessage('hi').catch((caught: unknown) => caught);
      expect(String(error)).to.contain('0501');
    });

    it('has none of the guide-only helpers on the real client', async () => {
      const { meeting } = await start();
      expect('getMessagesByUser' in meeting.chat).to.equal(false);
      expect('getMessagesByType' in meeting.chat).to.equal(false);
      expect('pinned' in meeting.chat).to.equal(false);
    });
  });

  describe('history paging', () => {
    const minute = 60_000;
    const base = Date.UTC(2025, 0, 1, 12);
    const history: HistoryMessage[] = ['m1', 'm2', 'm3', 'm4', 'm5'].map((text, index) => ({
      from: index % 2 ? bob : alice,
      text,
      timeMs: base + index * minute,
      pinned: text === 'm2' || text === 'm4',
    }));

    it('pages backwards newest first from a timestamp, inclusive', async () => {
      const { meeting } = await start({ history });
      const page = meeting.chat.fetchPublicMessages.bind(meeting.chat);

      const newest = await page({ limit: 2, direction: 'before' });
      expect(texts(newest)).to.deep.equal(['m5', 'm4']);
      const older = await page({ timestamp: newest[1].timeMs! - 1, limit: 2, direction: 'before' });
      expect(texts(older)).to.deep.equal(['m3', 'm2']);
      expect(texts(await page({ timestamp: base + 2 * minute, limit: 5, direction: 'before' }))).to.deep.equal(['m3', 'm2', 'm1']);
    });

    it('pages forwards oldest first from a timestamp', async () => {
      const { meeting } = await start({ history });
      const page = await meeting.chat.fetchPublicMessages({ timestamp: base + minute, limit: 2, direction: 'after' });
      expect(texts(page)).to.deep.equal(['m2', 'm3']);
      expect(page[0].time).to.be.instanceOf(Date);
    });

    it('pages pinned messages only', async () => {
      const { meeting } = await start({ history });
      expect(texts(await meeting.chat.fetchPinnedMessages({ limit: 10, direction: 'before' }))).to.deep.equal(['m4', 'm2']);
    });
  });

  describe('uploads', () => {
    it('sends an image: presigned upload, then the link as an image message', async () => {
      const { meeting, server } = await start();
      const update = nextChatUpdate(meeting.chat);
      await meeting.chat.sendImageMessage(new File(['png-bytes'], 'cat.png', { type: 'image/png' }));

      const { message } = await update;
      expect(message.type).to.equal('image');
      expect(await server.rest.uploads.get(message.link!)?.text()).to.equal('png-bytes');
      expect(await (await fetch(message.link!)).text(), 'the link serves the upload').to.equal('png-bytes');
    });

    it('sends a file with its name and size', async () => {
      const { meeting, server } = await start();
      const update = nextChatUpdate(meeting.chat);
      await meeting.chat.sendFileMessage(new File(['0123456789'], 'notes.txt', { type: 'text/plain' }));

      const { message } = await update;
      expect(message).to.include({ type: 'file', name: 'notes.txt', size: 10 });
      expect(await server.rest.uploads.get(message.link!)?.text()).to.equal('0123456789');
    });
  });

  describe('stopping', () => {
    it('leaves and puts back fetch, WebSocket and RTCPeerConnection', async () => {
      const originals = [window.fetch, window.WebSocket, window.RTCPeerConnection];
      const backend = await startRealBackend();
      expect([window.fetch, window.WebSocket, window.RTCPeerConnection].map((stub, i) => stub === originals[i])).to.deep.equal([false, false, false]);

      await backend.stop();
      expect(backend.meeting.self.roomJoined).to.equal(false);
      expect([window.fetch, window.WebSocket, window.RTCPeerConnection].map((stub, i) => stub === originals[i])).to.deep.equal([true, true, true]);
    });

    it('passes requests for other hosts to the real fetch while running', async () => {
      const { server } = await start();
      const response = await fetch(new URL('/package.json', window.location.href));
      expect(response.ok).to.equal(true);
      expect(server.rest.requests.some((request) => request.url.includes('package.json'))).to.equal(false);
    });
  });
});
