import { expect } from '@open-wc/testing';
import type { PartialMessage } from '../../src/local-meeting/index.js';
import { SEED_AUTHORS } from '../../src/local-meeting/index.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import { meeting, nextEvent } from './helpers.js';

const NOW = 1_700_000_000_000;

/** Ten messages one second apart, m0 at NOW - 10 s … m9 at NOW - 1 s. */
const tenMessages: PartialMessage[] = Array.from({ length: 10 }, (_, i) => ({
  id: `m${i}`,
  timeMs: NOW - (10 - i) * 1000,
  message: `${i}`,
}));

const ids = (messages: ChatMessage[]) => messages.map((message) => message.id);

describe('local meeting: joining and history', () => {
  describe('joining', () => {
    it('fills messages on join without any chat event, then emits roomJoined', async () => {
      const m = meeting({ autoJoin: false, seed: 5 });
      const chatEvents: string[] = [];
      m.chat.on('*', (event) => chatEvents.push(event));
      let seenOnRoomJoined = -1;
      m.self.on('roomJoined', () => (seenOnRoomJoined = m.chat.messages.length));
      expect(m.chat.messages).to.have.length(0);
      await m.join();
      expect(chatEvents).to.deep.equal([]);
      expect(seenOnRoomJoined).to.equal(5);
    });

    it('keeps the 1000 newest messages from before joining in messages', async () => {
      const m = meeting({ seed: 1500 });
      await m.join();
      expect(m.chat.messages).to.have.length(1000);
      const all = await m.chat.fetchPublicMessages({ timestamp: Date.now(), limit: 2000, direction: 'before' });
      expect(all).to.have.length(1500);
      expect(ids(m.chat.messages)).to.deep.equal(ids(all.slice(0, 1000).reverse()));
    });

    it('adds every message received after joining beyond the 1000', async () => {
      const m = meeting({ seed: 1000 });
      await m.join();
      m.receive({ message: 'one more' });
      expect(m.chat.messages).to.have.length(1001);
    });

    it('joins 100,000 seeded messages with 1000 in messages and all of them fetchable', async () => {
      const m = meeting({ seed: 100_000 });
      await m.join();
      expect(m.chat.messages).to.have.length(1000);
      const all = await m.chat.fetchPublicMessages({ timestamp: 0, limit: 200_000, direction: 'after' });
      expect(all).to.have.length(100_000);
      expect(new Set(ids(all)).size).to.equal(100_000);
    });
  });

  describe('seed', () => {
    it('generates the same history for the same number', async () => {
      const a = meeting({ seed: 50, now: () => NOW });
      const b = meeting({ seed: 50, now: () => NOW });
      await Promise.all([a.join(), b.join()]);
      const strip = (message: ChatMessage) => ({ ...message, userId: '', displayName: '', link: '' });
      expect(a.chat.messages.map(strip)).to.deep.equal(b.chat.messages.map(strip));
    });

    it('generates mostly text from a few participants over the last three days, with multi-line texts, links, images, files, pins and edits', async () => {
      const m = meeting({ seed: 3000, now: () => NOW, self: { userId: 'me' } });
      await m.join();
      const all = await m.chat.fetchPublicMessages({ timestamp: 0, limit: 3000, direction: 'after' });
      const byType = (type: string) => all.filter((message) => message.type === type);
      expect(byType('text').length).to.be.greaterThan(2700);
      expect(byType('image').length).to.be.greaterThan(0);
      expect(byType('file').length).to.be.greaterThan(0);
      expect(all.some((message) => message.message?.includes('\n'))).to.equal(true);
      expect(all.some((message) => message.message?.includes('https://'))).to.equal(true);
      expect(all.filter((message) => message.pinned).length).to.be.within(1, 60);
      expect(all.filter((message) => message.isEdited).length).to.be.within(1, 300);
      const authors = new Set(all.map((message) => message.userId));
      expect(authors).to.deep.equal(new Set([...SEED_AUTHORS.map((author) => author.userId), 'me']));
      expect(all[0].timeMs!).to.be.within(NOW - 3 * 86_400_000 - 60_000, NOW - 2 * 86_400_000);
      expect(all[all.length - 1].timeMs!).to.be.lessThan(NOW);
      for (let i = 1; i < all.length; i++) expect(all[i].timeMs!).to.be.greaterThan(all[i - 1].timeMs!);
    });

    it('gives generated images and files object URLs that load', async () => {
      const m = meeting({ seed: 3000 });
      await m.join();
      const all = await m.chat.fetchPublicMessages({ timestamp: 0, limit: 3000, direction: 'after' });
      const image = all.find((message) => message.type === 'image')!;
      const file = all.find((message) => message.type === 'file')!;
      expect(image.link).to.match(/^blob:/);
      expect((await fetch(image.link!)).headers.get('content-type')).to.equal('image/svg+xml');
      expect(file.name).to.match(/\.txt$/);
      expect((await (await fetch(file.link!)).blob()).size).to.equal(file.size);
    });

    it('builds history from partial messages, filling defaults and sorting by time', async () => {
      const m = meeting({
        now: () => NOW,
        seed: [
          { id: 'late', message: 'late', timeMs: NOW - 1000 },
          { id: 'early', type: 'file', link: 'https://example.com/f', name: 'f', size: 3, timeMs: NOW - 5000, userId: 'seed-user-chen' },
        ],
      });
      await m.join();
      expect(ids(m.chat.messages)).to.deep.equal(['early', 'late']);
      expect(m.chat.messages[0]).to.deep.include({ displayName: 'Chen Wei', message: '', html: '', images: [], pinned: false });
      expect(m.chat.messages[1]).to.deep.include({ type: 'text', userId: 'seed-user-amara', link: '', size: 0 });
      expect(m.chat.messages[1].time.getTime()).to.equal(NOW - 1000);
    });
  });

  describe('fetchPublicMessages', () => {
    it('pages before a timestamp, inclusive, newest first', async () => {
      const m = meeting({ seed: tenMessages, now: () => NOW });
      await m.join();
      const page = await m.chat.fetchPublicMessages({ timestamp: NOW - 3000, limit: 3, direction: 'before' });
      expect(ids(page)).to.deep.equal(['m7', 'm6', 'm5']);
    });

    it('pages after a timestamp, inclusive, oldest first', async () => {
      const m = meeting({ seed: tenMessages, now: () => NOW });
      await m.join();
      const page = await m.chat.fetchPublicMessages({ timestamp: NOW - 3000, limit: 5, direction: 'after' });
      expect(ids(page)).to.deep.equal(['m7', 'm8', 'm9']);
    });

    it('pages through the whole history with the oldest timeMs minus one as the next cursor', async () => {
      const m = meeting({ seed: tenMessages, now: () => NOW });
      await m.join();
      const seen: string[] = [];
      let cursor = NOW;
      for (;;) {
        const page = await m.chat.fetchPublicMessages({ timestamp: cursor, limit: 4, direction: 'before' });
        if (!page.length) break;
        seen.push(...ids(page));
        cursor = page[page.length - 1].timeMs! - 1;
      }
      expect(seen).to.deep.equal(['m9', 'm8', 'm7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1', 'm0']);
    });

    it('defaults to now and direction "after", as the SDK does', async () => {
      const m = meeting({ seed: tenMessages, now: () => NOW });
      await m.join();
      expect(await m.chat.fetchPublicMessages({ limit: 5 })).to.deep.equal([]);
    });

    it('returns copies: changing a result changes neither messages nor later pages', async () => {
      const m = meeting({ seed: tenMessages, now: () => NOW });
      await m.join();
      const [first] = await m.chat.fetchPublicMessages({ timestamp: NOW, limit: 1, direction: 'before' });
      first.message = 'changed';
      expect(m.chat.messages[9].message).to.equal('9');
      const [again] = await m.chat.fetchPublicMessages({ timestamp: NOW, limit: 1, direction: 'before' });
      expect(again.message).to.equal('9');
    });

    it('includes the private messages the user may read, as the SDK server does', async () => {
      const m = meeting({
        self: { userId: 'me' },
        now: () => NOW,
        seed: [
          { id: 'public', timeMs: NOW - 3000 },
          { id: 'mine', targetUserIds: ['bea', 'me'], timeMs: NOW - 2000 },
          { id: 'others', targetUserIds: ['bea', 'cy'], timeMs: NOW - 1000 },
        ],
      });
      await m.join();
      expect(ids(await m.chat.fetchPublicMessages({ timestamp: NOW, limit: 10, direction: 'before' }))).to.deep.equal([
        'mine',
        'public',
      ]);
      expect(ids(m.chat.messages)).to.deep.equal(['public', 'mine']);
    });
  });

  describe('fetchPrivateMessages and fetchPinnedMessages', () => {
    const seed: PartialMessage[] = [
      { id: 'public', timeMs: NOW - 5000, pinned: true },
      { id: 'with-bea', targetUserIds: ['bea', 'me'], timeMs: NOW - 4000 },
      { id: 'with-cy', targetUserIds: ['cy', 'me'], timeMs: NOW - 3000 },
      { id: 'with-bea-2', targetUserIds: ['me', 'bea'], timeMs: NOW - 2000, pinned: true },
      { id: 'bea-cy', targetUserIds: ['bea', 'cy'], timeMs: NOW - 1000 },
    ];

    it('pages the private messages between the user and userId', async () => {
      const m = meeting({ self: { userId: 'me' }, now: () => NOW, seed });
      await m.join();
      const page = await m.chat.fetchPrivateMessages({ userId: 'bea', timestamp: NOW, limit: 10, direction: 'before' });
      expect(ids(page)).to.deep.equal(['with-bea-2', 'with-bea']);
    });

    it('pages the pinned messages the user may read', async () => {
      const m = meeting({ self: { userId: 'me' }, now: () => NOW, seed });
      await m.join();
      const page = await m.chat.fetchPinnedMessages({ timestamp: 0, limit: 10, direction: 'after' });
      expect(ids(page)).to.deep.equal(['public', 'with-bea-2']);
    });

    it('sees a pin made after joining', async () => {
      const m = meeting({ self: { userId: 'me' }, now: () => NOW, seed });
      await m.join();
      const unpinned = nextEvent(m.chat, 'unpinMessage');
      await m.chat.unpin('public');
      await unpinned;
      const page = await m.chat.fetchPinnedMessages({ timestamp: 0, limit: 10, direction: 'after' });
      expect(ids(page)).to.deep.equal(['with-bea-2']);
    });
  });
});
