/**
 * Deferred work of one meeting (server echoes, join waits), cancelled together when it leaves.
 */
export class Scheduler {
  #tasks = new Map<ReturnType<typeof setTimeout>, (() => void) | undefined>();

  /**
   * Runs `task` in a later macrotask, after `delay` ms (0 by default): the way a server's answer
   * arrives after the call that caused it has returned. `onCancel` runs instead if the meeting
   * leaves first.
   */
  later(task: () => void, onCancel?: () => void, delay = 0): void {
    const handle = setTimeout(() => {
      this.#tasks.delete(handle);
      task();
    }, delay);
    this.#tasks.set(handle, onCancel);
  }

  /** A promise that resolves after `delay` ms, or at once if the meeting leaves first. */
  wait(delay: number): Promise<void> {
    return new Promise((resolve) => this.later(resolve, resolve, delay));
  }

  /** Cancels everything pending, running the cancel callbacks. */
  cancelAll(): void {
    const tasks = [...this.#tasks];
    this.#tasks.clear();
    for (const [handle, onCancel] of tasks) {
      clearTimeout(handle);
      onCancel?.();
    }
  }
}
