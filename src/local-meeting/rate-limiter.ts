import { LocalMeetingError } from './errors.js';

/** A limit as the SDK's `rateLimits` reports it: calls per period, the period in seconds. */
export interface RateLimits {
  /** Calls allowed per window. */
  maxInvocations: number;
  /** The window, in seconds. */
  period: number;
}

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
