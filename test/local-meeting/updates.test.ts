import { expect } from '@open-wc/testing';
import type { PartialMessage } from '../../src/local-meeting/index.js';
import type { ChatPinEvent, ChatUpdateEvent } from '../../src/meeting/contract.js';
import { macrotask, meeting, nextEvent, pngFile, textFile } from './helpers.js';

const ME = 'user-me';

async function withHistory(seed: PartialMessage[]) {
  const m = meeting({ self: { userId: ME, name: 'Me' }, seed });
  await m.join();
  return m;
}

const three: PartialMessage[] = [
  { id: 'a', userId: ME, message: 'first' },
  { id: 'b', userId: 'other', message: 'second' },
  { id: 'c', userId: ME, message: 'third' },
];

describe('local meeting: edits, deletes and pins', () => {
  describe('edit', () => {
    it('replaces the element in place (same array) and sets isEdited', async () => {
      const m = await withHistory(three);
      const array = m.chat.messages;
      const old = array[0];
      const event = nextEvent<ChatUpdateEvent>(m.chat, 'chatUpdate');
      await m.chat.editTextMessage('a', 'first, edited');
      expect(array[0]).to.equal(old);
      const { action, message, messages } = await event;
      expect(action).to.equal('edit');
      expect(messages).to.equal(array);
      expect(m.chat.messages).to.equal(array);
      expect(array[0]).to.equal(message);
      expect(message).to.deep.include({ id: 'a', message: 'first, edited', isEdited: true, type: 'text' });
      expect(message.time.getTime()).to.equal(old.time.getTime());
    });

    it('edits an image and a file, resetting the fields of the old type', async () => {
      const m = await withHistory(three);
      let event = nextEvent<ChatUpdateEvent>(m.chat, 'chatUpdate');
      await m.chat.editImageMessage('a', pngFile());
      let { message } = await event;
      expect(message).to.deep.include({ type: 'image', message: '', isEdited: true });
      expect(message.link).to.match(/^blob:/);
      event = nextEvent<ChatUpdateEvent>(m.chat, 'chatUpdate');
      await m.chat.editFileMessage('a', textFile('n.txt', 'abc'));
      ({ message } = await event);
      expect(message).to.deep.include({ type: 'file', name: 'n.txt', size: 3 });
    });

    it('dispatches editMessage by payload type and resolves before the edit is applied', async () => {
      const m = await withHistory(three);
      const actions: string[] = [];
      m.chat.on('chatUpdate', (event) => actions.push(`${event.action}:${event.message.type}`));
      await m.chat.editMessage('a', { type: 'text', message: 'x' });
      await m.chat.editMessage('c', { type: 'file', file: textFile() });
      expect(actions).to.deep.equal([]);
      await macrotask();
      expect(actions).to.deep.equal(['edit:text', 'edit:file']);
    });

    it('logs editMessage with an unknown payload type', async () => {
      const m = await withHistory(three);
      await m.chat.editMessage('a', { type: 'custom', message: 'x' });
      expect(m.log.messages('error')).to.deep.equal(['editMessage::message_type_not_supported']);
    });

    it('emits edit for a message older than messages holds, leaving messages unchanged', async () => {
      const seed: PartialMessage[] = Array.from({ length: 1001 }, (_, i) => ({ id: `m${i}`, userId: ME, message: `${i}` }));
      const m = await withHistory(seed);
      expect(m.chat.messages.find((message) => message.id === 'm0')).to.equal(undefined);
      const event = nextEvent<ChatUpdateEvent>(m.chat, 'chatUpdate');
      await m.chat.editTextMessage('m0', 'edited');
      const { action, message } = await event;
      expect(action).to.equal('edit');
      expect(message.message).to.equal('edited');
      expect(m.chat.messages).to.have.length(1000);
    });
  });

  describe('delete', () => {
    it('splices the message out in place and reports it', async () => {
      const m = await withHistory(three);
      const array = m.chat.messages;
      const removed = array[2];
      const event = nextEvent<ChatUpdateEvent>(m.chat, 'chatUpdate');
      await m.chat.deleteMessage('c');
      expect(array).to.have.length(3);
      const { action, message, messages } = await event;
      expect(action).to.equal('delete');
      expect(message).to.equal(removed);
      expect(messages).to.equal(array);
      expect(array.map((item) => item.id)).to.deep.equal(['a', 'b']);
    });

    it('reports only { id } for a message that was not loaded in messages', async () => {
      const seed: PartialMessage[] = Array.from({ length: 1001 }, (_, i) => ({ id: `m${i}`, userId: ME, message: `${i}` }));
      const m = await withHistory(seed);
      const event = nextEvent<ChatUpdateEvent>(m.chat, 'chatUpdate');
      await m.chat.deleteMessage('m0');
      expect((await event).message).to.deep.equal({ id: 'm0' });
      expect(await m.chat.fetchPublicMessages({ timestamp: 0, limit: 1, direction: 'after' })).to.have.length(1);
      expect((await m.chat.fetchPublicMessages({ timestamp: 0, limit: 1, direction: 'after' }))[0].id).to.equal('m1');
    });
  });

  describe('pin and unpin', () => {
    it('emits chatUpdate edit, then pinMessage, then resolves', async () => {
      const m = await withHistory(three);
      const order: string[] = [];
      const array = m.chat.messages;
      m.chat.on('chatUpdate', (event) => order.push(`chatUpdate:${event.action}:${event.message.pinned}`));
      m.chat.on('pinMessage', (event) => {
        order.push('pinMessage');
        expect(event.messages).to.equal(array);
        expect(event.message).to.equal(array[1]);
      });
      await m.chat.pin('b');
      order.push('resolved');
      expect(order).to.deep.equal(['chatUpdate:edit:true', 'pinMessage', 'resolved']);
      expect(array[1].pinned).to.equal(true);
      expect(array[1].isEdited).to.equal(false);
    });

    it('emits chatUpdate edit, then unpinMessage, then resolves', async () => {
      const m = await withHistory([{ id: 'p', pinned: true, message: 'x' }]);
      const order: string[] = [];
      m.chat.on('chatUpdate', (event) => order.push(`chatUpdate:${event.action}:${event.message.pinned}`));
      m.chat.on('unpinMessage', (event: ChatPinEvent) => order.push(`unpinMessage:${event.message.id}`));
      await m.chat.unpin('p');
      order.push('resolved');
      expect(order).to.deep.equal(['chatUpdate:edit:false', 'unpinMessage:p', 'resolved']);
    });

    it('lets anyone pin any readable message (the SDK checks nothing else client-side)', async () => {
      const m = await withHistory(three);
      await m.chat.pin('b');
      expect(m.chat.messages[1].pinned).to.equal(true);
    });

    it('keeps a pin and a later edit of the same message', async () => {
      const m = await withHistory(three);
      await m.chat.pin('a');
      const event = nextEvent<ChatUpdateEvent>(m.chat, 'chatUpdate');
      await m.chat.editTextMessage('a', 'edited');
      const { message } = await event;
      expect(message).to.deep.include({ pinned: true, isEdited: true, message: 'edited' });
    });

    it('resolves a pending pin when the meeting leaves before the echo', async () => {
      const m = await withHistory(three);
      const pinned = m.chat.pin('a');
      await m.leave();
      await pinned;
    });
  });

  describe('guide helpers (not in SDK 2.0.2)', () => {
    it('lists pinned messages with the pinned getter', async () => {
      const m = await withHistory(three);
      expect(m.chat.pinned).to.deep.equal([]);
      await m.chat.pin('c');
      expect(m.chat.pinned.map((message) => message.id)).to.deep.equal(['c']);
    });

    it('filters messages by user with getMessagesByUser and by type with getMessagesByType', async () => {
      const m = await withHistory([...three, { id: 'i', type: 'image', link: 'https://example.com/x.png' }]);
      expect(m.chat.getMessagesByUser(ME).map((message) => message.id)).to.deep.equal(['a', 'c']);
      expect(m.chat.getMessagesByType('image').map((message) => message.id)).to.deep.equal(['i']);
      expect(m.chat.getMessagesByType('file')).to.deep.equal([]);
    });
  });

  it('emits every chat event to "*" listeners first, with the event name', async () => {
    const m = await withHistory(three);
    const names: string[] = [];
    m.chat.on('*', (event) => names.push(event));
    await m.chat.pin('a');
    expect(names).to.deep.equal(['chatUpdate', 'pinMessage']);
  });
});
