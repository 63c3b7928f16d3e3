import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { EVERYONE } from '../conversations/conversations.js';
import type { UnreadStore } from './unread-store.js';

/** What a seen tracker learns from the list element that adds it. */
export interface SeenTrackerOptions {
  /** The unread store to report to (e.g. an `UnreadController`'s `store`). */
  store(): UnreadStore | undefined;
  /** The conversation the list shows; `everyone` when left out. */
  conversation?(): string;
  /** The scrolling element that holds the messages; watched for messages added and removed. */
  root(): Element | null | undefined;
  /** The rendered message elements. */
  messageElements(): Iterable<Element>;
  /** The id of the message an element shows. */
  messageId(element: Element): string | undefined;
}

/** A message counts as seen when this share of it is on screen (or of the list, for a taller one). */
const SEEN_SHARE = 0.5;
const THRESHOLDS = Array.from({ length: 11 }, (_, step) => step / 10);

/**
 * Decides what the user has seen in a list of messages and tells the unread store: a message is
 * seen when at least half of it (or half the list's height, for a taller one) is on screen, while
 * the page is visible and the list's element is shown (not `hidden`, not `display: none` or
 * `visibility: hidden`, not of zero size). Messages that arrive while the list is hidden,
 * scrolled away or in a background tab stay unread until they are seen.
 *
 * It also keeps where a "New" divider goes: above the first unread message of the conversation as
 * it was when the user came to the list (the page became visible, the list was shown, or the
 * conversation changed), for as long as they stay; `divider` is that message's id.
 */
export class SeenController implements ReactiveController {
  /** The id of the message a "New" divider goes above, or undefined for none. */
  divider: string | undefined;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: SeenTrackerOptions;
  private intersections: IntersectionObserver | undefined;
  private mutations: MutationObserver | undefined;
  private resizes: ResizeObserver | undefined;
  private watchedRoot: Element | undefined;
  private readonly observed = new Set<Element>();
  /** The observed elements that are seen enough while on screen. */
  private readonly onScreen = new Set<Element>();
  private looking = false;
  /** Whether the host is shown, as last measured (measuring forces a layout: not on every update). */
  private hostShown = false;
  private lookedAt: { store: UnreadStore | undefined; conversation: string } | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: SeenTrackerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** Whether the user can see the list now: the page is visible and the list's element is shown. */
  get viewing(): boolean {
    return this.looking;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.remeasure);
    this.intersections = new IntersectionObserver(this.onIntersections, { threshold: THRESHOLDS });
    this.mutations = new MutationObserver(() => this.rescan());
    // Reports at once, and whenever the host gets or loses its box (`hidden`, `display: none`).
    this.resizes = new ResizeObserver(this.remeasure);
    this.resizes.observe(this.host);
  }

  // Before rendering: a new conversation or meeting moves the divider in the same update.
  hostUpdate(): void {
    this.check();
  }

  // After rendering, nothing that asks for another update: the observers report what is new.
  hostUpdated(): void {
    const root = this.options.root() ?? undefined;
    if (root !== this.watchedRoot) {
      this.mutations?.disconnect();
      this.watchedRoot = root;
      if (root) this.mutations?.observe(root, { childList: true, subtree: true });
    }
    this.rescan();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.remeasure);
    this.intersections?.disconnect();
    this.mutations?.disconnect();
    this.resizes?.disconnect();
    this.intersections = this.mutations = this.resizes = undefined;
    this.watchedRoot = undefined;
    this.observed.clear();
    this.onScreen.clear();
    this.looking = false;
    this.hostShown = false;
  }

  /** Observes the message elements rendered now, and forgets those that are gone. */
  private rescan(): void {
    const intersections = this.intersections;
    if (!intersections) return;
    const current = new Set(this.options.messageElements());
    for (const element of this.observed) {
      if (current.has(element)) continue;
      intersections.unobserve(element);
      this.observed.delete(element);
      this.onScreen.delete(element);
    }
    for (const element of current) {
      if (this.observed.has(element)) continue;
      // The observer reports each new element once at once, on screen or not.
      intersections.observe(element);
      this.observed.add(element);
    }
  }

  private readonly onIntersections = (entries: IntersectionObserverEntry[]): void => {
    const rootHeight = this.watchedRoot?.clientHeight || Infinity;
    for (const entry of entries) {
      if (!this.observed.has(entry.target)) continue;
      const visibleHeight = entry.intersectionRect.height;
      const needed = Math.min(entry.boundingClientRect.height, rootHeight, entry.rootBounds?.height ?? Infinity) * SEEN_SHARE;
      if (entry.isIntersecting && visibleHeight > 0 && visibleHeight >= needed) this.onScreen.add(entry.target);
      else this.onScreen.delete(entry.target);
    }
    this.remeasure();
  };

  private readonly remeasure = (): void => {
    this.hostShown = this.shown();
    this.check();
  };

  /** Works out whether the user looks at the list, and reports what they see. */
  private readonly check = (): void => {
    const store = this.options.store();
    const conversation = this.options.conversation?.() ?? EVERYONE;
    const looking = this.intersections !== undefined && document.visibilityState === 'visible' && this.hostShown;
    const moved = store !== this.lookedAt?.store || conversation !== this.lookedAt?.conversation;
    if (looking && (!this.looking || moved)) {
      // The user comes (back) to the list: the divider goes above what they have not seen yet.
      this.lookedAt = { store, conversation };
      this.setDivider(store?.firstUnread(conversation));
    } else if (!looking && moved) {
      this.lookedAt = undefined;
      this.setDivider(undefined);
    }
    this.looking = looking;
    if (!looking || !store) return;
    const ids: string[] = [];
    for (const element of this.onScreen) {
      const id = this.options.messageId(element);
      if (id !== undefined) ids.push(id);
    }
    store.markSeen(ids);
  };

  private shown(): boolean {
    const host = this.host;
    if (!host.isConnected) return false;
    const box = host.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    return typeof host.checkVisibility === 'function' ? host.checkVisibility({ visibilityProperty: true }) : true;
  }

  private setDivider(id: string | undefined): void {
    if (id === this.divider) return;
    this.divider = id;
    this.host.requestUpdate();
  }
}
