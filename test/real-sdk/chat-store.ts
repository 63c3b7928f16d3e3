/**
 * The room's chat as the server keeps it: every message in creation order, with server-assigned
 * ids and timestamps, private messages visible only to their targets, and the history queries the
 * socket offers. Nothing here knows about sockets, so the rules are easy to read and to change.
 */
import type { WireChatMessage } from './wire.js';

/** The server's cap on `getMessages`, which fills `chat.messages` at join. */
const HISTORY_LIMIT = 1000;

export interface PageQuery {
  /** Milliseconds; inclusive, as the Cloudflare UI kit pages with `oldest - 1` / `newest + 1`. */
  timeStamp: number;
  size: number;
  /** `direction: 'before'`. */
  reversed: boolean;
  pinned?: boolean;
  /** Private conversation with this user. */
  userId?: string;
}

export class ChatStore {
  private readonly messages: WireChatMessage[] = [];
  private lastMs = 0;

  /** A creation time in ms, strictly increasing so every message has its own paging cursor. */
  nextTimestamp(): number {
    this.lastMs = Math.max(Date.now(), this.lastMs + 1);
    return this.lastMs;
  }

  /** Stores a message, keeping creation order even when history arrives with older times. */
  add(message: WireChatMessage): WireChatMessage {
    this.lastMs = Math.max(this.lastMs, message.createdAtMs ?? 0);
    const index = this.messages.findIndex((other) => (other.createdAtMs ?? 0) > (message.createdAtMs ?? 0));
    this.messages.splice(index === -1 ? this.messages.length : index, 0, message);
    return message;
  }

  get(id: string): WireChatMessage | undefined {
    return this.messages.find((message) => message.chatId === id);
  }

  /** Applies `change` to the stored message; returns the updated message or undefined. */
  update(id: string, change: Partial<WireChatMessage>): WireChatMessage | undefined {
    const message = this.get(id);
    if (message) Object.assign(message, change);
    return message;
  }

  remove(id: string): WireChatMessage | undefined {
    const index = this.messages.findIndex((message) => message.chatId === id);
    return index === -1 ? undefined : this.messages.splice(index, 1)[0];
  }

  /** What the user `userId` may read: public messages and private ones that target them. */
  visibleTo(userId: string): WireChatMessage[] {
    return this.messages.filter((message) => isVisibleTo(message, userId));
  }

  /** The answer to `getMessages`: the most recent visible messages, oldest first. */
  history(userId: string): WireChatMessage[] {
    return this.visibleTo(userId).slice(-HISTORY_LIMIT);
  }

  /**
   * The answer to `getPaginatedMessages`. Inferred from the Cloudflare UI kit's paginated list,
   * which reads a `before` page newest first and an `after` page oldest first; not checked
   * against Cloudflare's servers.
   */
  page(userId: string, query: PageQuery): { messages: WireChatMessage[]; next: boolean } {
    const matching = this.visibleTo(userId).filter((message) => {
      const ms = message.createdAtMs ?? message.createdAt * 1000;
      if (query.reversed ? ms > query.timeStamp : ms < query.timeStamp) return false;
      if (query.pinned !== undefined && message.pinned !== query.pinned) return false;
      if (query.userId !== undefined) return message.targetUserIds.includes(query.userId);
      return true;
    });
    const ordered = query.reversed ? matching.reverse() : matching;
    return { messages: ordered.slice(0, query.size), next: ordered.length > query.size };
  }
}

export function isVisibleTo(message: WireChatMessage, userId: string): boolean {
  return message.targetUserIds.length === 0 || message.targetUserIds.includes(userId);
}
