import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { messageTimeMs } from '../format/format.js';
import type { ChatMeeting, ChatMessage, ChatUpdateEvent } from '../meeting/contract.js';
import { trustMessage } from '../meeting/message-guard.js';
import { ListArrivals } from './list-arrivals.js';
import { buildList, matches, type ListFilter } from './message-list.js';
import { OlderHistory } from './older-history.js';

/**
 * The messages `<rtk-chat>` lists, in order: the older pages fetched on the way up, then the
 * meeting's own, filtered, each id once. Arrivals are taken a frame at a time (`ListArrivals`);
 * edits and deletions apply to whatever the list holds, fetched pages included.
 */
export class ListSource implements ReactiveController {
  /** The listed messages. A new array on every change. */
  items: ChatMessage[] = [];
  /** The pages older than what the meeting holds. */
  readonly history: OlderHistory;

  /** The filter the list was last built with. */
  private builtWith = '';
  /** The newest creation time listed or arriving, and the ids listed at that time. */
  private newestMs = -Infinity;
  private idsAtNewest = new Set<string>();
  private readonly arrivals: ListArrivals<ChatMessage>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly meeting: () => ChatMeeting | undefined,
    private readonly filter: () => ListFilter,
  ) {
    host.addController(this);
    this.history = new OlderHistory(host, meeting, () => this.filter().conversation);
    this.arrivals = new ListArrivals(host, (arrived) => {
      this.items = [...this.items, ...arrived];
      host.requestUpdate();
    });
  }

  hostConnected(): void {}

  /** Builds the list again from the meeting and the fetched pages. */
  rebuild(): void {
    // The meeting's messages hold what was waiting for the next frame.
    this.arrivals.drop();
    const filter = this.filter();
    this.builtWith = filterKey(filter);
    this.items = buildList(this.meeting()?.chat, this.history.messages, filter);
    this.newestMs = -Infinity;
    for (const item of this.items) this.note(item.id, messageTimeMs(item));
    this.host.requestUpdate();
  }

  /** Builds the list again if the filter changed since it was built: once, not once per changed property. */
  refilter(): void {
    if (filterKey(this.filter()) !== this.builtWith) this.rebuild();
  }

  /** Forgets the fetched pages: another meeting. */
  reset(): void {
    this.history.reset();
    this.rebuild();
  }

  /** Takes a `chatUpdate`. Returns the message it added, if it was an addition. */
  apply(event: ChatUpdateEvent): ChatMessage | undefined {
    const message = event.message;
    if (event.action !== 'add') {
      this.history.apply(event);
      this.rebuild();
      return undefined;
    }
    // A repeat, a message the filter refuses, or one not at the end: built again, in its place.
    const ms = messageTimeMs(message);
    if (this.isListed(message, ms) || !matches(message, this.filter()) || this.newest() !== message) {
      this.rebuild();
    } else {
      this.note(message.id, ms);
      this.arrivals.add(message);
    }
    return message;
  }

  /**
   * Whether a message is listed or arriving already, without a set of every id (megabytes at
   * 100,000 messages): one newer than all is new, one of the newest time is among the few listed
   * at that time, and only an older one (a repeat, or a clock running behind) is looked for.
   */
  private isListed(message: ChatMessage, ms: number | undefined): boolean {
    if (ms !== undefined && ms > this.newestMs) return false;
    if (ms === this.newestMs) return this.idsAtNewest.has(message.id);
    return this.arrivals.queued.some((item) => item.id === message.id) || this.items.some((item) => item.id === message.id);
  }

  /** Notes a listed or arriving message, created at `ms`. */
  private note(id: string, ms: number | undefined): void {
    if (ms === undefined || ms < this.newestMs) return;
    if (ms > this.newestMs) {
      this.newestMs = ms;
      this.idsAtNewest = new Set();
    }
    this.idsAtNewest.add(id);
  }

  /** The meeting's newest message, trusted alone: trusting all of them is work in proportion to the history, per message. */
  private newest(): ChatMessage | undefined {
    const messages: unknown = this.meeting()?.chat?.messages;
    return Array.isArray(messages) && messages.length > 0 ? trustMessage(messages[messages.length - 1], messages.length - 1) : undefined;
  }

  /** Fetches a page of older messages and puts it in front. Resolves to how many it brought. */
  async loadOlder(): Promise<number> {
    const fetched = await this.history.loadPage();
    if (fetched > 0) this.rebuild();
    return fetched;
  }

  /** Where the message `id` is in `items`, loading older pages until it is found; -1 if it is not. */
  async find(id: string): Promise<number> {
    let index = this.items.findIndex((m) => m.id === id);
    while (index < 0 && this.history.available) {
      if ((await this.loadOlder()) === 0) break;
      index = this.items.findIndex((m) => m.id === id);
    }
    return index;
  }
}

/** What tells one filter from another. */
function filterKey({ userId, type, conversation, selfUserId }: ListFilter): string {
  return JSON.stringify([userId, type, conversation, selfUserId]);
}
