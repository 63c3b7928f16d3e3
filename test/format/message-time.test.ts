import { expect } from '@open-wc/testing';

import { messageTimeMs } from '../../src/format/format.js';
import type { ChatMessage } from '../../src/meeting/contract.js';

/** What `new Date(value)` makes of a value, as `messageTimeMs` promises to read it. */
const dateOf = (value: unknown): number | undefined => {
  const ms = value instanceof Date ? value.getTime() : new Date(value as number | string).getTime();
  return Number.isNaN(ms) ? undefined : ms;
};

const message = (fields: Record<string, unknown>) => ({ id: 'm', type: 'text', ...fields }) as unknown as ChatMessage;

describe('messageTimeMs', () => {
  const numbers = [1_700_000_000_123, 1_700_000_000_123.9, -1_700_000_000_123.9, 0, -0, 8.64e15, -8.64e15, 8.64e15 + 1, Number.MAX_VALUE, Infinity, -Infinity, NaN];

  for (const value of numbers) {
    it(`reads timeMs ${String(value)} as new Date() does`, () => {
      expect(messageTimeMs(message({ timeMs: value }))).to.equal(dateOf(value));
    });
  }

  for (const value of [new Date(1_700_000_000_000), new Date(NaN), 1_700_000_000_123.9, 9e15, '2026-11-16T14:05:00.000Z', 'yesterday', '']) {
    it(`reads time ${String(value)} as new Date() does`, () => {
      expect(messageTimeMs(message({ time: value }))).to.equal(dateOf(value));
    });
  }

  it('takes timeMs only as a number, as the message guard keeps it, and reads time instead', () => {
    const time = new Date(1_700_000_000_000);
    expect(messageTimeMs(message({ timeMs: '2026-11-16T14:05:00.000Z', time }))).to.equal(time.getTime());
    expect(messageTimeMs(message({ timeMs: new Date(0), time }))).to.equal(time.getTime());
    expect(messageTimeMs(message({ timeMs: NaN, time }))).to.equal(time.getTime());
    expect(messageTimeMs(message({ timeMs: 9e15, time: '2026-11-16T14:05:00.000Z' }))).to.equal(Date.UTC(2026, 10, 16, 14, 5));
    expect(messageTimeMs(message({ timeMs: 'soon', time: null }))).to.equal(undefined);
    expect(messageTimeMs(message({}))).to.equal(undefined);
  });

  it('reads anything, trusted or not', () => {
    for (const entry of [null, undefined, 5, 'text', [], {}]) expect(messageTimeMs(entry as unknown as ChatMessage)).to.equal(undefined);
  });
});
