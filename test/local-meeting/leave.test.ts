import { expect } from '@open-wc/testing';
import type { ChatUpdateEvent } from '../../src/meeting/contract.js';
import { macrotask, meeting, nextEvent, pngFile, sendAndEcho, textFile, uniqueRoom } from './helpers.js';

describe('local meeting: leaving', () => {
  it('revokes the object URLs it created for uploads', async () => {
    const m = meeting();
    await m.join();
    const echo = nextEvent<ChatUpdateEvent>(m.chat, 'chatUpdate');
    await m.chat.sendFileMessage(textFile());
    const { link } = (await echo).message;
    expect((await fetch(link!)).ok).to.equal(true);
    await m.leave();
    let failed = false;
    await fetch(link!).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  it('revokes the object URLs of seeded images and files', async () => {
    const m = meeting({ seed: 3000 });
    await m.join();
    const all = await m.chat.fetchPublicMessages({ timestamp: 0, limit: 3000, direction: 'after' });
    const { link } = all.find((message) => message.type === 'image')!;
    await m.leave();
    let failed = false;
    await fetch(link!).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  it('cancels echoes still pending', async () => {
    const m = meeting();
    await m.join();
    let events = 0;
    m.chat.on('chatUpdate', () => (events += 1));
    await m.chat.sendImageMessage(pngFile());
    await m.leave();
    await macrotask();
    expect(events).to.equal(0);
  });

  it('stops receiving from the room', async () => {
    const room = uniqueRoom();
    const a = meeting({ room });
    const b = meeting({ room });
    const c = meeting({ room });
    await Promise.all([a.join(), b.join(), c.join()]);
    await b.leave();
    const atC = nextEvent<ChatUpdateEvent>(c.chat, 'chatUpdate');
    await sendAndEcho(a, 'after b left');
    await atC;
    expect(b.chat.messages).to.deep.equal([]);
  });

  it('can join again after leaving', async () => {
    const m = meeting({ seed: 2 });
    await m.join();
    await m.leave();
    await m.join();
    expect(m.self.roomJoined).to.equal(true);
    expect(m.chat.messages).to.have.length(2);
  });

  it('abandons a join still waiting for the room', async () => {
    const m = meeting({ room: uniqueRoom(), autoJoin: false });
    const joining = m.join();
    await m.leave();
    await joining;
    expect(m.self.roomJoined).to.equal(false);
  });
});
