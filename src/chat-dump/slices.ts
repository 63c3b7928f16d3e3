/** Long work in slices: the page renders and handles input between them. */

/** How long work runs before it lets the page render and handle input, in ms. */
const SLICE_MS = 8;

/** The next task of the event loop (not a microtask: a frame can paint before it). */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Yields to the event loop whenever a slice of work is used up. */
export class Slicer {
  private start = performance.now();

  /** Yields if this slice is used up; rejects with the signal's reason if it aborted meanwhile. */
  async pause(signal?: AbortSignal, now = false): Promise<void> {
    if (!now && performance.now() - this.start <= SLICE_MS) return;
    await nextTask();
    signal?.throwIfAborted();
    this.start = performance.now();
  }
}
