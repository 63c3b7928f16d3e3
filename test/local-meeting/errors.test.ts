import { expect } from '@open-wc/testing';
import { failure, macrotask, meeting, pngFile, textFile } from './helpers.js';

async function joined(options: Parameters<typeof meeting>[0] = {}) {
  const m = meeting(options);
  await m.join();
  return m;
}

const noPublicText = { chatPublic: { canSend: true, text: false, files: true } };
const noPublicFiles = { chatPublic: { canSend: true, text: true, files: false } };
const noPrivate = {
  chatPrivate: { canSend: false, canReceive: true, text: true, files: true },
};

describe('local meeting: errors as the SDK (ClientError codes and texts)', () => {
  describe('sendTextMessage', () => {
    it('rejects an empty text with 0502 "Message can not be empty."', async () => {
      const m = await joined();
      const error = await failure(() => m.chat.sendTextMessage(''));
      expect(error.code).to.equal('0502');
      expect(error.message).to.equal('[ERR0502]: {Chat} Invalid message body.\nMessage can not be empty.');
      expect(m.log.messages('error')).to.deep.equal(['sendTextMessage::message_can_not_be_empty']);
    });

    it('accepts a whitespace-only text: the SDK only refuses an empty string', async () => {
      const m = await joined();
      await m.chat.sendTextMessage('  ');
      await macrotask();
      expect(m.chat.messages).to.have.length(1);
    });

    it('rejects a text over maxTextLimit (2000 by default) with 0503', async () => {
      const m = await joined();
      await m.chat.sendTextMessage('x'.repeat(2000));
      const error = await failure(() => m.chat.sendTextMessage('x'.repeat(2001)));
      expect(error.code).to.equal('0503');
      expect(error.message).to.equal('[ERR0503]: {Chat} Text Message is too large\nMax character limit breached');
    });

    it('uses the limit set with setMaxTextLimit', async () => {
      const m = await joined();
      m.chat.setMaxTextLimit(5);
      expect(m.chat.maxTextLimit).to.equal(5);
      expect((await failure(() => m.chat.sendTextMessage('123456'))).code).to.equal('0503');
    });

    it('rejects without the public text permission with 0501', async () => {
      const m = await joined({ permissions: noPublicText });
      const error = await failure(() => m.chat.sendTextMessage('hi'));
      expect(error.code).to.equal('0501');
      expect(error.message).to.equal('[ERR0501]: {Chat} Permission denied.\nCould not send message to public chat.');
      expect(m.log.messages('error')).to.deep.equal(['sendTextMessage::public_chat_permission_denied']);
    });

    it('rejects without chatPublic.canSend with 0501', async () => {
      const m = await joined({ permissions: { chatPublic: { canSend: false, text: true, files: true } } });
      expect((await failure(() => m.chat.sendTextMessage('hi'))).code).to.equal('0501');
    });

    it('checks the private permission for a private text, with 0501', async () => {
      const m = await joined({ permissions: noPrivate, participants: [{ id: 'peer-b', name: 'Bea' }] });
      const error = await failure(() => m.chat.sendTextMessage('hi', ['peer-b']));
      expect(error.code).to.equal('0501');
      expect(error.message).to.equal('[ERR0501]: {Chat} Permission denied.\nCould not send message to private chat.');
      await m.chat.sendTextMessage('public is fine');
    });

    it('fails with 0500 for a private text when the preset has no chatPrivate (the SDK reads it unguarded)', async () => {
      const m = await joined({ permissions: { chatPrivate: undefined }, participants: [{ id: 'peer-b', name: 'Bea' }] });
      const error = await failure(() => m.chat.sendTextMessage('hi', ['peer-b']));
      expect(error.code).to.equal('0500');
      expect(error.message).to.match(/^\[ERR0500\]: \{Chat\} Internal exception\nCannot read properties of undefined/);
    });

    it('checks length first, then permission, then emptiness, in the SDK order', async () => {
      const m = await joined({ permissions: noPublicText });
      m.chat.setMaxTextLimit(3);
      expect((await failure(() => m.chat.sendTextMessage('toolong'))).code).to.equal('0503');
      expect((await failure(() => m.chat.sendTextMessage(''))).code).to.equal('0501');
    });
  });

  describe('sendImageMessage and sendFileMessage (log and resolve, as the SDK)', () => {
    it('logs and sends nothing for an image that is not GIF, JPEG or PNG', async () => {
      const m = await joined();
      await m.chat.sendImageMessage(new File(['<svg/>'], 'x.svg', { type: 'image/svg+xml' }));
      await macrotask();
      expect(m.chat.messages).to.have.length(0);
      expect(m.log.entries).to.deep.equal([
        { level: 'error', message: 'sendImageMessage::image_type_not_supported', data: { chat: { imageType: 'image/svg+xml' } } },
      ]);
    });

    it('logs and sends nothing without the public files permission', async () => {
      const m = await joined({ permissions: noPublicFiles });
      await m.chat.sendImageMessage(pngFile());
      await m.chat.sendFileMessage(textFile());
      await macrotask();
      expect(m.chat.messages).to.have.length(0);
      expect(m.log.messages('error')).to.deep.equal(['sendImageMessage::permission_denied', 'sendFileMessage::permission_denied']);
    });

    it('logs and sends nothing privately without the private files permission', async () => {
      const m = await joined({
        permissions: { chatPrivate: { canSend: true, canReceive: true, text: true, files: false } },
        participants: [{ id: 'peer-b', name: 'Bea' }],
      });
      await m.chat.sendImageMessage(pngFile(), ['peer-b']);
      await m.chat.sendFileMessage(textFile(), ['peer-b']);
      expect(m.log.messages('error')).to.deep.equal([
        'sendImageMessage::private_chat_permission_denied',
        'sendFileMessage::private_chat_permission_denied',
      ]);
    });

    it('checks the permission before the image type', async () => {
      const m = await joined({ permissions: noPublicFiles });
      await m.chat.sendImageMessage(textFile());
      expect(m.log.messages('error')).to.deep.equal(['sendImageMessage::permission_denied']);
    });

    it('fails with 0500 "Error sending file message." when the upload fails', async () => {
      const m = await joined();
      // A file-like object that is not a Blob cannot become an object URL, as a failed upload.
      const notABlob = { name: 'x.txt', size: 1, type: 'text/plain' } as unknown as File;
      const error = await failure(() => m.chat.sendFileMessage(notABlob));
      expect(error.code).to.equal('0500');
      expect(error.message).to.equal('[ERR0500]: {Chat} Internal exception\nError sending file message.');
    });
  });

  describe('sendCustomMessage', () => {
    it('needs both the text and the files permission, logging otherwise', async () => {
      const m = await joined({ permissions: noPublicFiles });
      await m.chat.sendCustomMessage({ type: 'custom', message: 'x' });
      await macrotask();
      expect(m.chat.messages).to.have.length(0);
      expect(m.log.messages('error')).to.deep.equal(['sendCustomMessage::permission_denied']);
    });
  });

  describe('pin and unpin', () => {
    it('reject with 0505 before joining', async () => {
      const m = meeting({ autoJoin: false, seed: [{ id: 'one', message: 'x' }] });
      const pin = await failure(() => m.chat.pin('one'));
      expect(pin.code).to.equal('0505');
      expect(pin.message).to.equal('[ERR0505]: {Chat} Action not permitted without joining room\nCan`t pin message without joining room');
      const unpin = await failure(() => m.chat.unpin('one'));
      expect(unpin.message).to.equal('[ERR0505]: {Chat} Action not permitted without joining room\nCan`t unpin message without joining room');
    });

    it('reject with 0504 for an unknown id', async () => {
      const m = await joined();
      const pin = await failure(() => m.chat.pin('nope'));
      expect(pin.code).to.equal('0504');
      expect(pin.message).to.equal('[ERR0504]: {Chat} Message not found by the given id\nNo message found with id: nope');
      expect((await failure(() => m.chat.unpin('nope'))).code).to.equal('0504');
    });

    it('reject with 0504 for a private message the user cannot read', async () => {
      const m = await joined({ self: { userId: 'me' }, seed: [{ id: 'secret', targetUserIds: ['x', 'y'] }] });
      expect((await failure(() => m.chat.pin('secret'))).code).to.equal('0504');
    });
  });

  describe('edits and deletes (not awaited by the SDK: they log instead of rejecting)', () => {
    it('logs an edit of an unknown id and emits nothing', async () => {
      const m = await joined();
      let events = 0;
      m.chat.on('chatUpdate', () => (events += 1));
      await m.chat.editTextMessage('nope', 'x');
      await m.chat.deleteMessage('nope');
      await macrotask();
      expect(events).to.equal(0);
      expect(m.log.messages('error')).to.deep.equal(['editMessage::message_not_found', 'deleteMessage::message_not_found']);
    });

    it('logs an edit or delete of another user message', async () => {
      const m = await joined({ seed: [{ id: 'theirs', userId: 'someone-else', message: 'x' }] });
      await m.chat.editTextMessage('theirs', 'mine now');
      await m.chat.deleteMessage('theirs');
      await macrotask();
      expect(m.chat.messages[0].message).to.equal('x');
      expect(m.log.messages('error')).to.deep.equal(['editMessage::not_the_author', 'deleteMessage::not_the_author']);
    });

    it('logs an empty edit text and edits without the public text permission', async () => {
      const m = await joined({ self: { userId: 'me' }, seed: [{ id: 'mine', userId: 'me', message: 'x' }] });
      await m.chat.editTextMessage('mine', '');
      m.updatePermissions(noPublicText);
      await m.chat.editTextMessage('mine', 'y');
      expect(m.log.messages('error')).to.deep.equal(['editTextMessage::message_can_not_be_empty', 'editTextMessage::permission_denied']);
    });

    it('does not check maxTextLimit on edits, as the SDK does not', async () => {
      const m = await joined({ self: { userId: 'me' }, seed: [{ id: 'mine', userId: 'me', message: 'x' }], maxTextLimit: 3 });
      await m.chat.editTextMessage('mine', 'much longer than three');
      await macrotask();
      expect(m.chat.messages[0].message).to.equal('much longer than three');
    });

    it('logs editImageMessage with an unsupported type under the send key, as the SDK does', async () => {
      const m = await joined({ self: { userId: 'me' }, seed: [{ id: 'mine', userId: 'me', message: 'x' }] });
      await m.chat.editImageMessage('mine', textFile());
      expect(m.log.messages('error')).to.deep.equal(['sendImageMessage::image_type_not_supported']);
    });

    it('logs editFileMessage without the files permission under the send key, as the SDK does', async () => {
      const m = await joined({ self: { userId: 'me' }, permissions: noPublicFiles, seed: [{ id: 'mine', userId: 'me' }] });
      await m.chat.editFileMessage('mine', textFile());
      await m.chat.editImageMessage('mine', pngFile());
      expect(m.log.messages('error')).to.deep.equal(['sendFileMessage::permission_denied', 'editImageMessage::permission_denied']);
    });
  });
});
