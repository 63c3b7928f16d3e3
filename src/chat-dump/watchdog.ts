/**
 * The idle timeout of the Chat Replay client: a stalled API, a stalled download or a drip of a
 * few bytes a second gives up with a `timeout` error instead of waiting forever.
 */
import { DEFAULT_IDLE_TIMEOUT_MS } from './idle-timeout.js';
import { ChatReplayError } from './replay-error.js';

export { DEFAULT_IDLE_TIMEOUT_MS };

/** Less than this many bytes in one idle period is no progress: a 1-byte/s drip counts as a stall. */
export const MIN_PROGRESS_BYTES = 1024;

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** One request's idle timer, joined with the caller's signal into one `signal`. */
export class Watchdog {
  /** Aborts when the caller's signal does (with its reason) or when the wait times out (with a `timeout` ChatReplayError). */
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private progress = 0;
  private waitingFor: 'api' | 'download' = 'api';
  private readonly ms: number;

  /** @param ms The idle timeout; `undefined` or `NaN` (a mistyped attribute) is the default, `0` or `Infinity` none. */
  constructor(ms: number | undefined, outer?: AbortSignal) {
    this.ms = ms === undefined || Number.isNaN(ms) ? DEFAULT_IDLE_TIMEOUT_MS : ms;
    this.signal = this.controller.signal;
    if (outer?.aborted) this.controller.abort(outer.reason);
    else outer?.addEventListener('abort', () => this.controller.abort(outer.reason), { once: true });
  }

  /** Starts the wait for the API's answer or for the download, from now. */
  wait(what: 'api' | 'download'): void {
    this.waitingFor = what;
    this.progress = 0;
    this.restart();
  }

  /** `bytes` arrived: once enough have, the wait starts over. */
  arrived(bytes: number): void {
    this.progress += bytes;
    if (this.progress < MIN_PROGRESS_BYTES) return;
    this.progress = 0;
    this.restart();
  }

  /** Stops the timer: nothing is awaited any more (the caller's signal still aborts). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** `promise`, or a rejection with the signal's reason as soon as it aborts: see `raceSignal`. */
  race<T>(promise: Promise<T>): Promise<T> {
    return raceSignal(promise, this.signal);
  }

  /** The error to throw for `error`: the signal's reason once it aborted, else `error` itself. */
  reason(error: unknown): unknown {
    return this.signal.aborted ? this.signal.reason : error;
  }

  private restart(): void {
    clearTimeout(this.timer);
    if (!(this.ms > 0 && Number.isFinite(this.ms))) return;
    this.timer = setTimeout(() => {
      const message =
        this.waitingFor === 'api'
          ? `The Chat Replay API did not answer for ${seconds(this.ms)}.`
          : `The chat dump download stalled: less than 1 KiB arrived in ${seconds(this.ms)}.`;
      this.controller.abort(new ChatReplayError('timeout', message));
    }, this.ms);
  }
}

/**
 * `promise`, or a rejection with the signal's reason as soon as it aborts: a `fetch` or a stream
 * that ignores its signal (a stub, an old polyfill) cannot hold the caller past a cancel.
 */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}
