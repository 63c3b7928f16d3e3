/**
 * The window of a long list that is rendered: a slice `[start, end)` of the items. The browser lays
 * out and anchors what is in the window; this model only decides which slice it is, and keeps it
 * on the same items when the list changes (messages arriving, older pages put in front, deletions).
 */
export class ListWindow<T> {
  /** The whole list. */
  items: readonly T[] = [];
  /** The first rendered index. */
  start = 0;
  /** One past the last rendered index. */
  end = 0;

  constructor(private readonly key: (item: T, index: number) => string) {}

  /** The rendered items, in order. */
  get rendered(): readonly T[] {
    return this.items.slice(this.start, this.end);
  }

  get size(): number {
    return this.end - this.start;
  }

  /** Whether the window holds the newest item. */
  get atEnd(): boolean {
    return this.end === this.items.length;
  }

  /** The index of the item with `key`, or -1. */
  indexOf(key: string): number {
    return this.items.findIndex((item, index) => this.key(item, index) === key);
  }

  /**
   * Takes a new list. With `toEnd` the window ends at the newest item, keeping its size (at least
   * `minimum`); otherwise it stays on the items it showed (found by key), whatever was added or
   * removed around them.
   */
  replace(items: readonly T[], toEnd: boolean, minimum = 1): void {
    const previous = this.items;
    const { start, end } = this;
    this.items = items;
    if (toEnd) {
      this.end = items.length;
      this.start = Math.max(0, this.end - Math.max(end - start, minimum));
      return;
    }
    // Appends and in-place changes keep the indexes: the common case, checked without a search.
    if (end <= items.length && (end === start || (items[start] === previous[start] && items[end - 1] === previous[end - 1]))) return;
    for (let i = start; i < end; i++) {
      const found = this.indexOf(this.key(previous[i], i));
      if (found >= 0) {
        // From the first item still there, as far as the window reached.
        this.start = found;
        this.end = Math.min(items.length, found + (end - i));
        return;
      }
    }
    // Nothing it showed is left: the same place, as far as the list still reaches.
    this.end = Math.min(end, items.length);
    this.start = Math.min(start, this.end);
  }

  /** The last `count` items. */
  showEnd(count: number): void {
    this.end = this.items.length;
    this.start = Math.max(0, this.end - count);
  }

  /** `before` items before `index` and `after` items from it on (rounded up to whole items). */
  showAround(index: number, before: number, after: number): void {
    this.start = Math.max(0, Math.floor(index - before));
    this.end = Math.min(this.items.length, Math.ceil(index + after));
  }

  /** Renders up to `count` more items above. Returns how many it added. */
  growStart(count: number): number {
    const start = Math.max(0, this.start - count);
    const added = this.start - start;
    this.start = start;
    return added;
  }

  /** Renders up to `count` more items below. Returns how many it added. */
  growEnd(count: number): number {
    const end = Math.min(this.items.length, this.end + count);
    const added = end - this.end;
    this.end = end;
    return added;
  }

  /** Stops rendering the first `count` items, keeping at least one. */
  trimStart(count: number): void {
    this.start = Math.max(this.start, Math.min(this.start + count, this.end - 1));
  }

  /** Stops rendering the last `count` items, keeping at least one. */
  trimEnd(count: number): void {
    this.end = Math.min(this.end, Math.max(this.end - count, this.start + 1));
  }
}
