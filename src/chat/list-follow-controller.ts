import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { countWithin, firstReaching, fromEnd, scrollBy, topIn } from './list-measure.js';
import { ListWindow } from './list-window.js';

/** How close to the newest message (px) a user's scroll must end for the list to follow again. */
const FOLLOW_SLACK = 32;
/** Items rendered when the list opens, jumps or returns to the newest, before it measures: at least these, and enough to fill the page's height with short messages. */
const FIRST_WINDOW = 8;
const SHORT_ITEM_PX = 64;
/** Items added at an edge at a time. */
const PAGE = 10;
/** Rendered content kept beyond each visible edge: half the view, at least this many px. */
const MIN_MARGIN = 300;
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);
/** After the user's hand on the list (a wheel turn, a touch, a key), the list is not put back at its end for this long. */
const USER_SCROLL_MS = 250;
const INTENT_EVENTS = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;

/** What the controller needs from the element that renders the list. */
export interface ListFollowOptions<T> {
  /** The whole list, in order. A new array is a change. */
  items: () => readonly T[];
  /** A stable key per item. */
  key: (item: T, index: number) => string;
  /** The scrolling element. */
  scroller: () => HTMLElement | null | undefined;
  /** The element inside the scroller whose children are the rendered items, one element each. */
  content: () => HTMLElement | null | undefined;
  /** The user scrolled to the first item of the list: the moment to load an older page. */
  onReachStart?: () => void;
  /** `following` changed. */
  onFollowingChange?: (following: boolean) => void;
}

/** Where an item stood in the scroller's box before an update, to stand there after it. */
interface Placement {
  key: string;
  top: number;
}

/**
 * Keeps a long list rendered as a bounded window and decides where it stands: following the
 * newest message, holding a jump (`anchor`) until the user scrolls, and otherwise staying where
 * the user put it while the window pages items in and out above and below. It renders nothing:
 * the host renders `view().items` into `content`.
 *
 * The browser does the rest: it lays the window out in normal flow, and its scroll anchoring
 * (`overflow-anchor`) keeps what the user reads in place when something above changes size. The
 * controller keeps the bottom while following (after each update and each resize, before the
 * frame is painted), and puts the reading position back itself after its own window changes,
 * where browsers differ (Safari has no scroll anchoring).
 */
export class ListFollowController<T> implements ReactiveController {
  /** Whether the list keeps the newest message in view as messages arrive. */
  following = true;
  /** The key of the item a jump brought into view: held, whatever arrives, until the user scrolls. */
  anchor: string | undefined;

  private readonly window: ListWindow<T>;
  private attached: HTMLElement | undefined;
  private observed: Element | undefined;
  private readonly resize = new ResizeObserver(() => this.onResize());
  private frame = 0;
  /** The user scrolled and the list has not settled since: reaching the first item may load older pages. */
  private scrolled = false;
  /** The window moved since the last update (the items may have changed too: see `hostUpdate`). */
  private moved = false;
  private placement: Placement | undefined;
  /** The scroll position as the controller last knew it: a different one is someone's scroll. */
  private knownTop = 0;
  /** The window was put at the end (opening, `followNewest`): rest there once it has rendered. */
  private jumped = true;
  /** Until when the user is taken to be scrolling (see `USER_SCROLL_MS`). */
  private userScrollingUntil = 0;
  /** Resolves the pending `reveal` once its item is centred. */
  private centered: (() => void) | undefined;
  /** The window as last rendered: what the DOM holds until the next render. */
  private shown: { items: readonly T[]; start: number } = { items: [], start: 0 };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ListFollowOptions<T>,
  ) {
    this.window = new ListWindow(options.key);
    host.addController(this);
  }

  /** Listeners come back with the scroller at the next update (see `hostUpdated`). */
  hostConnected(): void {}
  hostDisconnected(): void {
    this.detach();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.centered?.();
    this.centered = undefined;
  }

  hostUpdate(): void {
    // Before the DOM changes: where the item the user reads stands, when the window may change.
    // Measured once until it is put back (several updates may come before the next frame).
    const changing = this.moved || this.options.items() !== this.window.items;
    this.moved = false;
    if (changing && !this.following && !this.placement) this.placement = this.measure();
  }

  hostUpdated(): void {
    const scroller = this.options.scroller() ?? undefined;
    if (scroller !== this.attached) {
      this.detach();
      if (scroller) this.attach(scroller);
    }
    const content = this.options.content() ?? undefined;
    if (content !== this.observed) {
      if (this.observed) this.resize.unobserve(this.observed);
      this.observed = content;
      if (content) this.resize.observe(content);
    }
    // Once the items' own elements have rendered too (they update after the host), before the
    // frame is painted.
    void this.host.updateComplete.then(this.settle);
    this.schedule();
  }

  /** The window to render: its items and the index of the first in the whole list. */
  view(): { items: readonly T[]; start: number } {
    this.sync();
    this.shown = { items: this.window.rendered, start: this.window.start };
    return this.shown;
  }

  /** Shows the newest message and follows new ones again, whatever the user's wheel did a moment ago. */
  followNewest(): void {
    this.anchor = undefined;
    this.userScrollingUntil = 0;
    this.sync();
    if (!this.window.atEnd) this.window.showEnd(firstWindow());
    this.setFollowing(true);
    this.moved = this.jumped = true;
    this.host.requestUpdate();
  }

  /**
   * Brings the item at `index` into the middle of the list and holds it there until the user
   * scrolls. Resolves once it is in place.
   */
  reveal(index: number): Promise<void> {
    this.sync();
    const { items } = this.window;
    if (index < 0 || index >= items.length) return Promise.resolve();
    this.anchor = this.options.key(items[index], index);
    this.setFollowing(false);
    this.window.showAround(index, firstWindow() / 2, firstWindow() / 2);
    this.moved = true;
    // Whatever was measured belongs to the window left behind.
    this.placement = undefined;
    this.host.requestUpdate();
    this.centered?.();
    return new Promise((resolve) => (this.centered = resolve));
  }

  /** Takes the host's list when it changed: the window stays on its items, or at the end when following. */
  private sync(): void {
    const items = this.options.items();
    if (items === this.window.items) return;
    this.window.replace(items, this.following, this.window.size === 0 ? firstWindow() : 1);
    this.schedule();
  }

  private setFollowing(following: boolean): void {
    if (following === this.following) return;
    this.following = following;
    this.anchoring();
    this.options.onFollowingChange?.(following);
  }

  /** Scroll anchoring keeps what the user reads in place; while following, the end is what stays, so it is off. */
  private anchoring(): void {
    if (this.attached) this.attached.style.overflowAnchor = this.following ? 'none' : '';
  }

  private attach(scroller: HTMLElement): void {
    this.attached = scroller;
    this.anchoring();
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    // Not passive for keys: End is taken over (see `onIntent`).
    for (const type of INTENT_EVENTS) scroller.addEventListener(type, this.onIntent, { passive: type !== 'keydown' });
    this.resize.observe(scroller);
  }

  private detach(): void {
    const scroller = this.attached;
    if (scroller) {
      scroller.removeEventListener('scroll', this.onScroll);
      for (const type of INTENT_EVENTS) scroller.removeEventListener(type, this.onIntent);
    }
    this.resize.disconnect();
    this.attached = this.observed = undefined;
  }

  /** The user's hand on the list: it lets go of a jump, and the list is not put back at its end meanwhile. */
  private onIntent = (event: Event): void => {
    if (event instanceof KeyboardEvent && !SCROLL_KEYS.has(event.key)) return;
    // A press on a message is not a scroll; one on the scrollbar (beyond the content box) is.
    if (event instanceof PointerEvent && this.attached && event.offsetX <= this.attached.clientWidth) return;
    // End goes to the newest message (the browser's End would go, smoothly, to the window's end).
    if (event instanceof KeyboardEvent && event.key === 'End') {
      event.preventDefault();
      this.followNewest();
      return;
    }
    this.userScrollingUntil = performance.now() + USER_SCROLL_MS;
    if (this.anchor === undefined) return;
    this.anchor = undefined;
    this.onScroll();
  };

  private onScroll = (): void => {
    this.evaluate();
    this.scrolled = true;
    this.schedule();
  };

  /** Where a scroll ended decides whether the list follows (a held jump aside). */
  private evaluate(): void {
    const scroller = this.attached;
    if (!scroller) return;
    this.knownTop = scroller.scrollTop;
    if (this.anchor !== undefined) return;
    const atEnd = fromEnd(scroller) <= FOLLOW_SLACK && this.window.atEnd;
    if (atEnd === this.following) return;
    this.setFollowing(atEnd);
    this.host.requestUpdate();
  }

  /** Something in the list changed size (an image loaded, a message grew, the panel resized). */
  private onResize(): void {
    // Before the frame is painted: the newest message stays wholly in view as it grows.
    this.toEnd();
    this.schedule();
  }

  /** Rests at the end while following, unless the user is scrolling right now. */
  private toEnd(): void {
    const scroller = this.attached;
    if (!scroller || !this.following) return;
    if (performance.now() < this.userScrollingUntil) {
      this.schedule();
      return;
    }
    if (fromEnd(scroller) > 0.5) scroller.scrollTop = scroller.scrollHeight;
    this.knownTop = scroller.scrollTop;
  }

  /** Puts the reading position back, centres a jump, or rests at the end when following. */
  private settle = (): void => {
    const scroller = this.attached;
    // An arrival while following has nothing to put back: reading the layout here would lay the
    // page out once more before the frame does.
    if (!scroller?.isConnected || !(this.placement || this.centered || this.jumped)) return;
    const placed = this.placement && this.elementOf(this.placement.key);
    if (placed) scrollBy(scroller, topIn(scroller, placed) - (this.placement?.top ?? 0));
    this.placement = undefined;
    const anchored = this.elementOf(this.anchor);
    if (this.centered && anchored) {
      // By hand: scrollIntoView would scroll the page around the list too.
      scrollBy(scroller, topIn(scroller, anchored) + anchored.getBoundingClientRect().height / 2 - scroller.clientHeight / 2);
      this.centered();
      this.centered = undefined;
    }
    // Arrivals need nothing here: the resize they cause puts the list at its end (see `onResize`),
    // after the frame's own layout rather than in a layout of its own.
    if (this.jumped) this.toEnd();
    this.jumped = false;
    this.knownTop = scroller.scrollTop;
  };

  private schedule(): void {
    if (!this.frame && this.attached) this.frame = requestAnimationFrame(this.reconcile);
  }

  /** Once a frame at most: pages items in where the user nears an edge, and out far beyond it. */
  private reconcile = (): void => {
    this.frame = 0;
    const scroller = this.attached;
    if (!scroller?.isConnected || scroller.clientHeight === 0) return;
    // At the end first, while following (the window's own changes may have moved it; not while
    // the user is scrolling). A scroll whose event has not come yet (browsers differ in when they
    // send it) is then someone else's.
    this.toEnd();
    if (Math.abs(scroller.scrollTop - this.knownTop) > 1) this.onScroll();
    const margin = Math.max(scroller.clientHeight / 2, MIN_MARGIN);
    const fromStart = scroller.scrollTop;
    const toEnd = fromEnd(scroller);
    const window = this.window;
    let changed = false;
    if (fromStart < margin) {
      changed = window.growStart(PAGE) > 0;
      // Older pages are for a user who scrolled there, not for a short list that opened.
      if (!changed && this.scrolled) this.options.onReachStart?.();
      if (!changed) this.scrolled = false;
    } else {
      this.scrolled = false;
      if (fromStart > margin * 1.5) changed = this.trim('start', fromStart - margin);
    }
    if (!this.following) {
      if (toEnd < margin) changed = window.growEnd(PAGE) > 0 || changed;
      else if (toEnd > margin * 1.5) changed = this.trim('end', toEnd - margin) || changed;
    }
    if (changed) {
      this.moved = true;
      this.host.requestUpdate();
    }
  };

  /** Stops rendering the items that lie wholly within `excess` px of one edge (see `countWithin`). */
  private trim(edge: 'start' | 'end', excess: number): boolean {
    const items = this.options.content()?.children;
    const count = items ? countWithin(items, edge, excess) : 0;
    if (count === 0) return false;
    if (edge === 'start') this.window.trimStart(count);
    else this.window.trimEnd(count);
    return true;
  }

  /** Where the item with `key` is in the rendered window, or -1. */
  private shownIndex(key: string | undefined): number {
    const { start, items } = this.shown;
    return key === undefined ? -1 : items.findIndex((item, i) => this.options.key(item, start + i) === key);
  }

  /** The rendered element of the item with `key`, if it is in the DOM. */
  private elementOf(key: string | undefined): Element | undefined {
    const at = this.shownIndex(key);
    return at < 0 ? undefined : this.options.content()?.children[at];
  }

  /** Where the anchor, or else the first item reaching into the view, stands now. */
  private measure(): Placement | undefined {
    const scroller = this.attached;
    const children = this.options.content()?.children;
    const count = Math.min(children?.length ?? 0, this.shown.items.length);
    if (!scroller || !children || count === 0) return undefined;
    let at = this.shownIndex(this.anchor);
    if (at < 0 || at >= count) at = firstReaching(children, count, scroller.getBoundingClientRect().top);
    const { start, items } = this.shown;
    return { key: this.options.key(items[at], start + at), top: topIn(scroller, children[at]) };
  }
}

/** How many items to render before anything is measured (see `FIRST_WINDOW`). */
const firstWindow = (): number => Math.max(FIRST_WINDOW, Math.ceil(innerHeight / SHORT_ITEM_PX));
