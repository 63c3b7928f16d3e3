import { expect } from '@open-wc/testing';
import type { LocalMeetingError } from '../../src/local-meeting/index.js';
import { meeting, pngFile, textFile } from './helpers.js';

/** A clock the test moves by hand. */
function fakeClock(start = 1_700_000_000_000) {
  const clock = { time: start, now: () => clock.time };
  return clock;
}

async function joined(options: Parameters<typeof meeting>[0] = {}) {
  const m = meeting(options);
  await m.join();
  return m;
}

/** What `call` throws synchronously. */
function thrown(call: () => unknown): LocalMeetingError {
  try {
    call();
  } catch (error) {
    return error as LocalMeetingError;
  }
  throw new Error('expected a synchronous throw');
}

describe('local meeting: rate limits (the SDK fixed window per method)', () => {
  it('reports { maxInvocations: 180, period: 60 } by default and the updated limit after updateRateLimits', async () => {
    const m = await joined();
    expect(m.chat.rateLimits).to.deep.equal({ maxInvocations: 180, period: 60 });
    m.chat.updateRateLimits(5, 10);
    expect(m.chat.rateLimits).to.deep.equal({ maxInvocations: 5, period: 10 });
  });

  it('allows 180 sendTextMessage calls per 60 s and throws 0013 with the SDK text on the 181st', async () => {
    const m = await joined();
    for (let i = 0; i < 180; i++) void m.chat.sendTextMessage(`m${i}`);
    const error = thrown(() => m.chat.sendTextMessage('one too many'));
    expect(error.code).to.equal('0013');
    expect(error.message).to.equal('[ERR0013]: {Client} Rate Limited\nMethod rate limit 180 invocations/60sec exceeded');
  });

  it('throws synchronously, not as a rejected promise, as the SDK decorator does', async () => {
    const m = await joined();
    m.chat.updateRateLimits(1, 60);
    void m.chat.sendTextMessage('a');
    expect(() => m.chat.sendTextMessage('b')).to.throw(/Method rate limit 1 invocations\/60sec exceeded/);
  });

  it('counts calls that fail validation', async () => {
    const m = await joined();
    m.chat.updateRateLimits(2, 60);
    await m.chat.sendTextMessage('').catch(() => {});
    await m.chat.sendTextMessage('').catch(() => {});
    expect(thrown(() => m.chat.sendTextMessage('fine')).code).to.equal('0013');
  });

  it('uses a fixed window from the meeting creation that restarts at the first call after it ends', async () => {
    const clock = fakeClock();
    const start = clock.time;
    const m = await joined({ now: clock.now });
    m.chat.updateRateLimits(2, 60);
    void m.chat.sendTextMessage('a');
    clock.time = start + 59_000;
    void m.chat.sendTextMessage('b');
    clock.time = start + 60_000;
    expect(thrown(() => m.chat.sendTextMessage('c')).code).to.equal('0013');
    clock.time = start + 60_001;
    void m.chat.sendTextMessage('d');
    void m.chat.sendTextMessage('e');
    expect(thrown(() => m.chat.sendTextMessage('f')).code).to.equal('0013');
  });

  it('reports when the text limit resets with rateLimitResetsAt, 0 when not limited', async () => {
    const clock = fakeClock();
    const start = clock.time;
    const m = await joined({ now: clock.now });
    m.chat.updateRateLimits(1, 60);
    expect(m.chat.rateLimitResetsAt('text')).to.equal(0);
    void m.chat.sendTextMessage('a');
    expect(m.chat.rateLimitResetsAt('text')).to.equal(start + 60_001);
    expect(m.chat.rateLimitResetsAt('sendTextMessage')).to.equal(start + 60_001);
    expect(m.chat.rateLimitResetsAt('sendMessage')).to.equal(0);
    expect(m.chat.rateLimitResetsAt('file')).to.equal(0);
    clock.time = start + 60_001;
    expect(m.chat.rateLimitResetsAt('text')).to.equal(0);
  });

  it('gives sendMessage its own 180 per 60 s budget, not changed by updateRateLimits', async () => {
    const m = await joined();
    m.chat.updateRateLimits(1, 60);
    void m.chat.sendTextMessage('a');
    expect(() => m.chat.sendTextMessage('b')).to.throw();
    for (let i = 0; i < 180; i++) void m.chat.sendMessage({ type: 'text', message: `m${i}` });
    const error = thrown(() => m.chat.sendMessage({ type: 'text', message: 'x' }));
    expect(error.message).to.equal('[ERR0013]: {Client} Rate Limited\nMethod rate limit 180 invocations/60sec exceeded');
  });

  it('allows 20 sendImageMessage and 20 sendFileMessage calls per 60 s, each on its own', async () => {
    const m = await joined();
    for (let i = 0; i < 20; i++) void m.chat.sendImageMessage(pngFile());
    const image = thrown(() => m.chat.sendImageMessage(pngFile()));
    expect(image.message).to.equal('[ERR0013]: {Client} Rate Limited\nMethod rate limit 20 invocations/60sec exceeded');
    expect(m.chat.rateLimitResetsAt('sendFileMessage')).to.equal(0);
    expect(m.chat.rateLimitResetsAt('file')).to.be.greaterThan(0);
    for (let i = 0; i < 20; i++) void m.chat.sendFileMessage(textFile());
    expect(thrown(() => m.chat.sendFileMessage(textFile())).code).to.equal('0013');
    void m.chat.sendTextMessage('text is not affected');
  });

  it('does not limit sendCustomMessage, edits, deletes or receive', async () => {
    const m = await joined();
    m.chat.updateRateLimits(0, 60);
    for (let i = 0; i < 200; i++) {
      void m.chat.sendCustomMessage({ type: 'custom', message: `${i}` });
      m.receive({ message: `${i}` });
    }
    expect(m.chat.messages).to.have.length(200);
  });

  it('keeps one budget per meeting, not per page (a documented divergence)', async () => {
    const a = await joined();
    const b = await joined();
    a.chat.updateRateLimits(1, 60);
    b.chat.updateRateLimits(1, 60);
    void a.chat.sendTextMessage('a');
    void b.chat.sendTextMessage('b');
    expect(() => a.chat.sendTextMessage('a2')).to.throw();
  });
});
