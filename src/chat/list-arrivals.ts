import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Gathers arriving messages so that the list takes them in one update per frame: the first of a
 * frame goes through at once (a lone message shows in the next frame), the ones after it wait
 * for the next animation frame and go in together, before it is painted.
 */
export class ListArrivals<T> implements ReactiveController {
  private waiting: T[] = [];
  private frame = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly apply: (arrived: readonly T[]) => void,
  ) {
    host.addController(this);
  }

  /** The arrivals waiting for the next frame. */
  get queued(): readonly T[] {
    return this.waiting;
  }

  add(item: T): void {
    if (this.frame) {
      this.waiting.push(item);
      return;
    }
    this.apply([item]);
    this.frame = requestAnimationFrame(this.flush);
  }

  /** Forgets what waits: the host rebuilt its list from the source, which holds them already. */
  drop(): void {
    this.waiting = [];
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.flushNow();
  }

  private flush = (): void => {
    this.frame = 0;
    if (this.waiting.length === 0) return;
    this.flushNow();
    // Still busy: the next arrivals wait for the frame after.
    this.frame = requestAnimationFrame(this.flush);
  };

  private flushNow(): void {
    const arrived = this.waiting;
    this.waiting = [];
    if (arrived.length) this.apply(arrived);
  }
}
