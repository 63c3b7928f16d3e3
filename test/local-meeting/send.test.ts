import { expect } from '@open-wc/testing';
import { LocalMeetingError } from '../../src/local-meeting/index.js';
import type { ChatMessage, ChatUpdateEvent } from '../../src/meeting/contract.js';
import { failure, macrotask, meeting, nextEvent, pngFile, sendAndEcho, textFile } from './helpers.js';

async function joined(options: Parameters<typeof meeting>[0] = {}) {
  const m = meeting(options);
  await m.join();
  return m;
}

describe('local meeting: sending', () => {
  describe('the echo', () => {
    it('resolves once sent, before the message comes back through chatUpdate', async () => {
      const m = await joined();
      const events: ChatUpdateEvent[] = [];
      m.chat.on('chatUpdate', (event) => events.push(event));
      await m.chat.sendTextMessage('hello');
      expect(events).to.have.length(0);
      expect(m.chat.messages).to.have.length(0);
      await macrotask();
      expect(events.map((event) => event.action)).to.deep.equal(['add']);
      expect(events[0].message.message).to.equal('hello');
    });

    it('replaces messages with a new array on add, with the message appended', async () => {
      const m = await joined({ seed: 3 });
      const before = m.chat.messages;
      const event = await (async () => {
        const next = nextEvent<ChatUpdateEvent>(m.chat, 'chatUpdate');
        await m.chat.sendTextMessage('new');
        return next;
      })();
      expect(event.messages).to.not.equal(before);
      expect(before).to.have.length(3);
      expect(m.chat.messages).to.equal(event.messages);
      expect(event.messages).to.have.length(4);
      expect(event.messages[3]).to.equal(event.message);
    });
  });

  describe('message shape (as formatSocketPeerMessage builds it)', () => {
    it('gives a text message every field of every type with empty defaults', async () => {
      const m = await joined({ self: { id: 'peer-a', userId: 'user-a', name: 'Ada' } });
      const message = await sendAndEcho(m, 'hi');
      expect(Object.keys(message)).to.deep.equal([
        'displayName',
        'id',
        'time',
        'timeMs',
        'type',
        'isEdited',
        'userId',
        'targetUserIds',
        'message',
        'link',
        'name',
        'html',
        'images',
        'videos',
        'files',
        'size',
        'pinned',
      ]);
      expect(message).to.deep.include({
        type: 'text',
        message: 'hi',
        userId: 'user-a',
        displayName: 'Ada',
        isEdited: false,
        pinned: false,
        link: '',
        name: '',
        html: '',
        size: 0,
        images: [],
        videos: [],
        files: [],
        targetUserIds: [],
      });
      expect(message.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('builds time from whole seconds and keeps milliseconds in timeMs', async () => {
      const m = await joined({ now: () => 1_700_000_000_789 });
      const message = await sendAndEcho(m, 'hi');
      expect(message.timeMs).to.equal(1_700_000_000_789);
      expect(message.time).to.be.instanceOf(Date);
      expect(message.time.getTime()).to.equal(1_700_000_000_000);
    });

    it('sends an image as an object URL link', async () => {
      const m = await joined();
      const echo = nextEvent<ChatUpdateEvent>(m.chat, 'chatUpdate');
      await m.chat.sendImageMessage(pngFile());
      const { message } = await echo;
      expect(message.type).to.equal('image');
      expect(message.link).to.match(/^blob:/);
      expect(message.name).to.equal('');
      expect((await fetch(message.link!)).headers.get('content-type')).to.equal('image/png');
    });

    it('accepts GIF, JPEG and PNG images', async () => {
      const m = await joined();
      for (const type of ['image/gif', 'image/jpeg', 'image/png']) {
        const echo = nextEvent<ChatUpdateEvent>(m.chat, 'chatUpdate');
        await m.chat.sendImageMessage(new File(['x'], 'x', { type }));
        expect((await echo).message.type).to.equal('image');
      }
    });

    it('sends a file with { link, name, size }', async () => {
      const m = await joined();
      const echo = nextEvent<ChatUpdateEvent>(m.chat, 'chatUpdate');
      await m.chat.sendFileMessage(textFile('notes.txt', 'twelve bytes'));
      const { message } = await echo;
      expect(message).to.deep.include({ type: 'file', name: 'notes.txt', size: 12, message: '' });
      expect(await (await fetch(message.link!)).text()).to.equal('twelve bytes');
    });

    it('sends a custom message with text, html and uploaded or linked attachments', async () => {
      const m = await joined();
      const echo = nextEvent<ChatUpdateEvent>(m.chat, 'chatUpdate');
      await m.chat.sendCustomMessage({
        type: 'custom',
        message: 'see this',
        html: '<b>see</b>',
        images: [pngFile('a.png'), 'https://example.com/b.png'],
      });
      const { message } = await echo;
      expect(message.type).to.equal('custom');
      expect(message.message).to.equal('see this');
      expect(message.html).to.equal('<b>see</b>');
      expect(message.images).to.have.length(2);
      expect(message.images![0]).to.deep.include({ type: 'image/png', name: 'a.png' });
      expect(message.images![0].link).to.match(/^blob:/);
      expect(message.images![1]).to.deep.equal({ link: 'https://example.com/b.png' });
      expect(message.files).to.deep.equal([]);
    });

    it('leaves message and html of a custom message undefined when its payload has none, as the SDK does', async () => {
      const m = await joined();
      const echo = nextEvent<ChatUpdateEvent>(m.chat, 'chatUpdate');
      await m.chat.sendCustomMessage({ type: 'custom', files: ['https://example.com/x.pdf'] });
      const { message } = await echo;
      expect(message.message).to.equal(undefined);
      expect(message.html).to.equal(undefined);
      expect(message.files).to.deep.equal([{ link: 'https://example.com/x.pdf' }]);
    });
  });

  describe('sendMessage', () => {
    it('dispatches text, image and file payloads', async () => {
      const m = await joined();
      const types: string[] = [];
      m.chat.on('chatUpdate', (event) => types.push(event.message.type));
      await m.chat.sendMessage({ type: 'text', message: 'a' });
      await m.chat.sendMessage({ type: 'image', image: pngFile() });
      await m.chat.sendMessage({ type: 'file', file: textFile() });
      await macrotask();
      expect(types).to.deep.equal(['text', 'image', 'file']);
    });

    it('applies sendTextMessage checks to a text payload', async () => {
      const m = await joined();
      const error = await failure(() => m.chat.sendMessage({ type: 'text', message: '' }));
      expect(error.code).to.equal('0502');
    });

    it('logs and ignores a custom payload, as the SDK does', async () => {
      const m = await joined();
      await m.chat.sendMessage({ type: 'custom', message: 'x' });
      await macrotask();
      expect(m.chat.messages).to.have.length(0);
      expect(m.log.messages('error')).to.deep.equal(['sendMessage::message_type_not_supported']);
    });
  });

  describe('private messages', () => {
    it('maps peer ids to user ids and includes the sender in targetUserIds', async () => {
      const m = await joined({
        self: { id: 'peer-me', userId: 'user-me' },
        participants: [
          { id: 'peer-b', userId: 'user-b', name: 'Bea' },
          { id: 'peer-c', userId: 'user-c', name: 'Cy' },
        ],
      });
      const message = await sendAndEcho(m, 'psst', ['peer-b']);
      expect(message.targetUserIds).to.deep.equal(['user-b', 'user-me']);
    });

    it('appends the sender peer id to the caller peerIds array, as the SDK does', async () => {
      const m = await joined({ self: { id: 'peer-me' }, participants: [{ id: 'peer-b', name: 'Bea' }] });
      const peerIds = ['peer-b'];
      await m.chat.sendTextMessage('psst', peerIds);
      expect(peerIds).to.deep.equal(['peer-b', 'peer-me']);
    });

    it('does not echo a private custom message to its sender (the SDK does not add the sender peer)', async () => {
      const m = await joined({ participants: [{ id: 'peer-b', userId: 'user-b', name: 'Bea' }] });
      await m.chat.sendCustomMessage({ type: 'custom', message: 'x' }, ['peer-b']);
      await macrotask();
      expect(m.chat.messages).to.have.length(0);
    });
  });

  describe('receive() (local meeting only)', () => {
    it('delivers a message from another participant at once, with defaults, replacing messages', async () => {
      const m = await joined({ now: () => 1_700_000_000_500 });
      const before = m.chat.messages;
      const events: ChatUpdateEvent[] = [];
      m.chat.on('chatUpdate', (event) => events.push(event));
      const message = m.receive({ message: 'from afar' });
      expect(events).to.have.length(1);
      expect(events[0].action).to.equal('add');
      expect(events[0].message).to.equal(message);
      expect(m.chat.messages).to.not.equal(before);
      expect(message).to.deep.include({
        type: 'text',
        message: 'from afar',
        userId: 'seed-user-amara',
        displayName: 'Amara Okafor',
        timeMs: 1_700_000_000_500,
        targetUserIds: [],
        link: '',
      });
      expect(message.time.getTime()).to.equal(1_700_000_000_000);
    });

    it('ignores a second message with the same id', async () => {
      const m = await joined();
      m.receive({ id: 'same', message: 'one' });
      m.receive({ id: 'same', message: 'two' });
      expect(m.chat.messages.map((message: ChatMessage) => message.message)).to.deep.equal(['one']);
    });

    it('keeps a message received before joining for the join history, without an event', async () => {
      const m = meeting({ autoJoin: false });
      let events = 0;
      m.chat.on('chatUpdate', () => (events += 1));
      m.receive({ message: 'early' });
      expect(m.chat.messages).to.have.length(0);
      await m.join();
      expect(m.chat.messages.map((message) => message.message)).to.deep.equal(['early']);
      expect(events).to.equal(0);
    });

    it('does not deliver a private message the local user is not a target of', async () => {
      const m = await joined({ self: { userId: 'me' } });
      m.receive({ message: 'not for you', targetUserIds: ['x', 'y'] });
      m.receive({ message: 'for you', targetUserIds: ['x', 'me'] });
      expect(m.chat.messages.map((message) => message.message)).to.deep.equal(['for you']);
    });

    it('does not deliver others private messages when chatPrivate.canReceive is false', async () => {
      const m = await joined({
        self: { userId: 'me' },
        permissions: { chatPrivate: { canSend: true, canReceive: false, text: true, files: true } },
      });
      m.receive({ message: 'private', targetUserIds: ['x', 'me'] });
      expect(m.chat.messages).to.have.length(0);
    });
  });

  describe('before joining and after leaving', () => {
    it('drops a send made before joining with a warning', async () => {
      const m = meeting({ autoJoin: false });
      await m.chat.sendTextMessage('too early');
      await m.join();
      await macrotask();
      expect(m.chat.messages).to.have.length(0);
      expect(m.log.messages('warn')).to.deep.equal(['sendMessage::not_joined_message_dropped']);
    });

    it('drops a send made after leaving', async () => {
      const m = await joined();
      await m.leave();
      await m.chat.sendTextMessage('too late');
      await macrotask();
      expect(m.chat.messages).to.have.length(0);
      expect(m.log.messages('warn')).to.include('sendMessage::not_joined_message_dropped');
    });
  });

  it('throws LocalMeetingError instances named ClientError', async () => {
    const m = await joined();
    const error = await failure(() => m.chat.sendTextMessage(''));
    expect(error).to.be.instanceOf(LocalMeetingError);
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('ClientError');
  });
});
