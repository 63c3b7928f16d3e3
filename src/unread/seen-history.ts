import { messageTimeMs } from '../format/format.js';
import type { ChatMessage } from '../meeting/contract.js';

/**
 * The history the unread store takes as seen: the chat's own list, not a copy (it costs nothing
 * while it is the chat's list; entries are only read for their id), and the creation time of its
 * newest message. A set of every id would hold 2 MiB at 100,000 messages.
 */
export class SeenHistory {
  private list: readonly unknown[] = [];
  /** A message created after this (ms) is no history. */
  private newest = -Infinity;

  /**
   * Takes the chat's list as the history: its first `count` entries (the rest are the store's own
   * filings). Their times are read as the meeting holds them, untrusted (trusting 100,000 messages
   * takes a while): a malformed entry can only read later than its trusted copy, which makes for
   * lookups by id, never for a wrong answer.
   */
  take(list: readonly unknown[], count: number): void {
    this.list = list;
    this.newest = -Infinity;
    for (let index = 0; index < count; index += 1) this.newest = Math.max(this.newest, messageTimeMs(list[index] as ChatMessage) ?? -Infinity);
  }

  /**
   * Follows the chat's list from one arrival to the next: the SDK replaces it with a copy plus the
   * message, and the old list, kept, would hold a slot for every history message.
   */
  follow(list: unknown): void {
    const current = this.list;
    const end = current.length - 1;
    if (Array.isArray(list) && end >= 0 && list.length === current.length + 1 && list[0] === current[0] && list[end] === current[end]) this.list = list;
  }

  /**
   * Whether a message the store has not accounted for is history. One created after the newest
   * history message is not, at once: every ordinary arrival. Only one as old or older (a sender's
   * clock behind, an event repeated, the history loaded again) or without a time is looked up by id.
   */
  has(message: ChatMessage): boolean {
    const time = messageTimeMs(message);
    if (time !== undefined && time > this.newest) return false;
    return this.without(new Set([message.id])).size === 0;
  }

  /**
   * Takes the ids of history messages out of `ids` and returns it: a scan from the newest end,
   * where those looked up usually are, that stops once none is left.
   */
  without(ids: Set<string>): Set<string> {
    const list = this.list;
    for (let index = list.length - 1; index >= 0 && ids.size > 0; index -= 1) {
      const entry = list[index];
      const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
      if (typeof id === 'string') ids.delete(id);
    }
    return ids;
  }
}
