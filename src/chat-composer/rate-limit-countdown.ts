import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Counts down the seconds until the SDK's rate limit lets the user send again, updating its host
 * every second while it runs, and pausing while the host is not in the page.
 */
export class RateLimitCountdown implements ReactiveController {
  /** When sending is possible again (epoch ms), or 0. */
  private until = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Seconds left; 0 when the user may send. */
  get seconds(): number {
    return this.until ? Math.max(0, Math.ceil((this.until - Date.now()) / 1000)) : 0;
  }

  /** Starts counting down to `until` (epoch ms). */
  start(until: number): void {
    this.until = until;
    this.run();
  }

  hostConnected(): void {
    if (this.until) this.run();
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }

  private run(): void {
    clearInterval(this.timer);
    this.host.requestUpdate();
    this.timer = setInterval(() => {
      if (this.seconds === 0) {
        this.until = 0;
        clearInterval(this.timer);
      }
      this.host.requestUpdate();
    }, 1000);
  }
}
