/**
 * The chat's rate limits, as the SDK (2.0.2) enforces them: one fixed window per method, checked
 * before the method body runs.
 */
import type { RateLimitKind } from '../meeting/chat-queries.js';
import { LocalMeetingError } from './errors.js';

/** A limit as the SDK's `rateLimits` reports it: calls per period, the period in seconds. */
export interface RateLimits {
  /** Calls allowed per window. */
  maxInvocations: number;
  /** The window, in seconds. */
  period: number;
}

/** A rate-limited chat method; each has its own window, as in the SDK. */
export type RateLimitedMethod = 'sendTextMessage' | 'sendMessage' | 'sendImageMessage' | 'sendFileMessage';

/**
 * What `rateLimitResetsAt` asks about: a kind of send as the kit's elements name it (`'text'` is
 * `sendTextMessage` and `sendMessage`, `'file'` is `sendImageMessage` and `sendFileMessage`), or one
 * method by name.
 */
export type RateLimitScope = RateLimitKind | RateLimitedMethod;

const SCOPES: Record<RateLimitScope, readonly RateLimitedMethod[]> = {
  text: ['sendTextMessage', 'sendMessage'],
  file: ['sendImageMessage', 'sendFileMessage'],
  sendTextMessage: ['sendTextMessage'],
  sendMessage: ['sendMessage'],
  sendImageMessage: ['sendImageMessage'],
  sendFileMessage: ['sendFileMessage'],
};

/**
 * The SDK's per-method rate limiter (its `Nt` decorator): a fixed window that starts when the
 * limiter is created and restarts at the first call made more than `period` seconds after the
 * window's start. Every call counts, including calls that later fail validation, and a call past
 * the limit throws `0013` synchronously, before the method body runs.
 *
 * Divergence: the SDK keeps one window per method for the whole page (the decorator's closure is
 * shared by every `Chat`); the local meeting keeps one per method per meeting, so two local meetings
 * on one page (a room demo, parallel tests) do not share a budget.
 */
export class FixedWindowLimiter {
  #count = 0;
  #windowStart: number;
  readonly #limits: () => RateLimits;
  readonly #now: () => number;

  /**
   * @param limits Read at every call, as the SDK does, so `updateRateLimits` applies at once.
   * @param now The meeting's clock in epoch milliseconds.
   */
  constructor(limits: () => RateLimits, now: () => number) {
    this.#limits = limits;
    this.#now = now;
    this.#windowStart = now();
  }

  /** Counts one call, or throws `0013` when the window's budget is spent. */
  take(): void {
    const now = this.#now();
    const { maxInvocations, period } = this.#limits();
    if (now - this.#windowStart > period * 1000) {
      this.#windowStart = now;
      this.#count = 0;
    }
    if (this.#count >= maxInvocations) {
      throw new LocalMeetingError('0013', `Method rate limit ${maxInvocations} invocations/${period}sec exceeded`);
    }
    this.#count += 1;
  }

  /**
   * The first epoch millisecond at which a call is accepted again, or 0 when the next call would
   * be accepted now.
   */
  resetsAt(): number {
    const { maxInvocations, period } = this.#limits();
    const windowEnd = this.#windowStart + period * 1000;
    if (this.#now() > windowEnd || this.#count < maxInvocations) return 0;
    return windowEnd + 1;
  }
}

/**
 * The limits of one chat: `sendTextMessage` follows `updateRateLimits` (180 calls a minute by
 * default); `sendMessage` (180), `sendImageMessage` and `sendFileMessage` (20 each) are literals in
 * the SDK and keep their own windows.
 */
export class ChatRateLimits {
  #text: RateLimits = { maxInvocations: 180, period: 60 };
  readonly #limiters: Record<RateLimitedMethod, FixedWindowLimiter>;

  /** @param now The meeting's clock in epoch milliseconds. */
  constructor(now: () => number) {
    const fixed = (limits: RateLimits) => () => limits;
    this.#limiters = {
      sendTextMessage: new FixedWindowLimiter(() => this.#text, now),
      sendMessage: new FixedWindowLimiter(fixed({ maxInvocations: 180, period: 60 }), now),
      sendImageMessage: new FixedWindowLimiter(fixed({ maxInvocations: 20, period: 60 }), now),
      sendFileMessage: new FixedWindowLimiter(fixed({ maxInvocations: 20, period: 60 }), now),
    };
  }

  /** The limit of `sendTextMessage`, a copy. */
  get text(): RateLimits {
    return { ...this.#text };
  }

  /** Sets the limit of `sendTextMessage`, from its next call on. */
  setText(maxInvocations: number, period: number): void {
    this.#text = { maxInvocations, period };
  }

  /** Counts a call of `method`, or throws `0013` synchronously past its limit. */
  take(method: RateLimitedMethod): void {
    this.#limiters[method].take();
  }

  /** The first epoch ms at which every method of `scope` accepts a call, or 0 when they all do now. */
  resetsAt(scope: RateLimitScope): number {
    return Math.max(0, ...SCOPES[scope].map((method) => this.#limiters[method].resetsAt()));
  }
}
