/**
 * What the local user has not seen yet in a meeting's chat, per conversation. One store per
 * meeting object, shared by every element that shows or counts unread messages, so the count
 * survives elements being re-rendered and starts afresh with another meeting.
 */
import type { ReactiveControllerHost } from 'lit';

import { EVERYONE, conversationOf, messageText } from '../conversations/conversations.js';
import type { ConversationCounts } from '../conversations/conversation-list.js';
import { chatMessages } from '../meeting/chat-queries.js';
import type { ChatMeeting, ChatMessage, ChatUpdateEvent } from '../meeting/contract.js';
import { MeetingController } from '../meeting/meeting-controller.js';
import { trustMessage } from '../meeting/message-guard.js';
import { SeenHistory } from './seen-history.js';

/** Tells whether a message mentions the local user. */
export type MentionDetector = (message: ChatMessage, self: { userId: string; name: string }) => boolean;

/** An unread message: where it is, and whether it mentions the local user. */
interface Unread {
  conversation: string;
  mention: boolean;
}

/**
 * The default mention detector: the text has `@` and the local user's name (any case), not
 * followed by a letter or digit, so `@Ann` is not found in `@Anna`.
 */
export const mentionsByName: MentionDetector = (message, self) => {
  const name = self.name.trim().toLocaleLowerCase();
  if (!name) return false;
  const text = messageText(message).toLocaleLowerCase();
  const needle = `@${name}`;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (!/^[\p{L}\p{N}]/u.test(text.slice(at + needle.length))) return true;
  }
  return false;
};

/**
 * The unread messages of one meeting. Everything in the chat when the store first sees the
 * meeting joined counts as seen (it is history, not something missed); each message that arrives
 * after is unread until `markSeen` says otherwise, except the local user's own. Deleted messages
 * stop counting; an edit can add or remove a mention. A private message the local user is not a
 * party to is never counted. Fires `change` whenever a count or the first unread message changes.
 *
 * It hears the meeting only while in use (see `use()`); what arrived meanwhile is counted when it
 * is used again.
 */
export class UnreadStore extends EventTarget {
  /** The meeting this store counts. */
  readonly meeting: ChatMeeting;

  /**
   * The ids accounted for besides the history: arrivals (unread, seen or own), ids marked seen
   * before their event, deletions, edits of messages never heard of. It grows with what happens
   * in the session, not with the history (see `SeenHistory`).
   */
  private readonly known = new Set<string>();
  /** The unread messages, in the order they arrived. */
  private readonly unread = new Map<string, Unread>();
  /** The history, seen: the chat's list as the store last took stock of it, less what `known` holds. */
  private readonly history = new SeenHistory();
  /** Whether the history the meeting had on joining was taken as seen. */
  private baselined = false;
  private users = 0;
  private detector: MentionDetector = mentionsByName;
  private readonly controller: MeetingController;

  /** Use `unreadFor(meeting)`: it gives every element of a meeting the same store. */
  constructor(meeting: ChatMeeting) {
    super();
    this.meeting = meeting;
    // The store is no element: it drives the meeting subscription by hand, as a host would.
    const host: ReactiveControllerHost = {
      addController() {},
      removeController() {},
      requestUpdate() {},
      updateComplete: Promise.resolve(true),
    };
    this.controller = new MeetingController(
      host,
      () => this.meeting,
      { chatUpdate: (event) => this.onChatUpdate(event), joined: () => this.reconcile() },
      ['chat', 'self'],
    );
  }

  /**
   * Tells whether a message mentions the local user; by default `mentionsByName`. Setting it
   * recounts the mentions among the unread messages.
   */
  get isMention(): MentionDetector {
    return this.detector;
  }

  set isMention(detector: MentionDetector) {
    this.detector = detector;
    const byId = new Map(chatMessages(this.meeting.chat).map((message) => [message.id, message]));
    for (const [id, entry] of this.unread) {
      const message = byId.get(id);
      if (message) entry.mention = this.mentions(message);
    }
    this.changed();
  }

  /**
   * Starts hearing the meeting (the first user attaches the store) and returns the function that
   * stops; the store stops hearing when its last user stops. Call it on connect, the returned
   * function on disconnect.
   */
  use(): () => void {
    this.users += 1;
    if (this.users === 1) {
      this.controller.hostConnected();
      this.reconcile();
    }
    let used = true;
    return () => {
      if (!used) return;
      used = false;
      this.users -= 1;
      if (this.users === 0) this.controller.hostDisconnected();
    };
  }

  /** The number of unread messages in one conversation, or in all of them. */
  unreadCount(conversation?: string): number {
    let count = 0;
    for (const entry of this.unread.values()) if (conversation === undefined || entry.conversation === conversation) count += 1;
    return count;
  }

  /** The number of unread messages that mention the local user, in one conversation or in all. */
  mentionCount(conversation?: string): number {
    let count = 0;
    for (const entry of this.unread.values()) if (entry.mention && (conversation === undefined || entry.conversation === conversation)) count += 1;
    return count;
  }

  /** Unread messages and mentions of one conversation. */
  counts(conversation: string): ConversationCounts {
    return { unread: this.unreadCount(conversation), mentions: this.mentionCount(conversation) };
  }

  /** The conversations with unread messages, and their counts. */
  unreadConversations(): Map<string, ConversationCounts> {
    const result = new Map<string, ConversationCounts>();
    for (const entry of this.unread.values()) {
      const counts = result.get(entry.conversation) ?? { unread: 0, mentions: 0 };
      counts.unread += 1;
      if (entry.mention) counts.mentions += 1;
      result.set(entry.conversation, counts);
    }
    return result;
  }

  /** Whether this message is unread. */
  isUnread(messageId: string): boolean {
    return this.unread.has(messageId);
  }

  /** The id of the oldest unread message of a conversation (`everyone` by default): where a "New" divider goes. */
  firstUnread(conversation: string = EVERYONE): string | undefined {
    for (const [id, entry] of this.unread) if (entry.conversation === conversation) return id;
    return undefined;
  }

  /**
   * Marks these messages seen. Ids the store has not heard of yet are remembered, so a message
   * seen before its event reached the store is not counted when the event comes.
   */
  markSeen(messageIds: Iterable<string>): void {
    let changed = false;
    const unheard = new Set<string>();
    for (const id of messageIds) {
      if (this.unread.delete(id)) changed = true;
      else if (!this.known.has(id)) unheard.add(id);
    }
    // History on screen needs no remembering: scrolling through it must not fill `known`.
    for (const id of this.history.without(unheard)) this.known.add(id);
    if (changed) this.changed();
  }

  /**
   * Marks a conversation's unread messages seen: all of them, or those up to and including
   * `upToMessageId` in the chat's order.
   */
  markConversationSeen(conversation: string, upToMessageId?: string): void {
    let ids = [...this.unread].filter(([, entry]) => entry.conversation === conversation).map(([id]) => id);
    if (upToMessageId !== undefined) {
      const order = new Map(chatMessages(this.meeting.chat).map((message, index) => [message.id, index]));
      const limit = order.get(upToMessageId) ?? -1;
      ids = ids.filter((id) => (order.get(id) ?? Infinity) <= limit);
    }
    this.markSeen(ids);
  }

  /** Marks everything seen. */
  markAllSeen(): void {
    this.markSeen([...this.unread.keys()]);
  }

  private get self(): { userId: string; name: string } {
    const self = this.meeting.self;
    return { userId: typeof self?.userId === 'string' ? self.userId : '', name: typeof self?.name === 'string' ? self.name : '' };
  }

  private mentions(message: ChatMessage): boolean {
    try {
      return this.detector(message, this.self);
    } catch {
      // An app's detector that throws must not stop the counting.
      return false;
    }
  }

  /** Files a message unless it is accounted for already or is history. */
  private add(message: ChatMessage): boolean {
    if (this.known.has(message.id) || this.history.has(message)) return false;
    return this.file(message);
  }

  /** Files a message as arrived: unread unless own or not for the local user. */
  private file(message: ChatMessage): boolean {
    this.known.add(message.id);
    const { userId } = this.self;
    if (userId !== '' && message.userId === userId) return false;
    const conversation = conversationOf(message, userId || undefined);
    if (conversation === undefined || message.type === 'malformed') return false;
    this.unread.set(message.id, { conversation, mention: this.mentions(message) });
    return true;
  }

  /**
   * Accounts for what the chat holds now: on first use and on joining, the history (all seen);
   * after a pause in hearing, what arrived meanwhile (unread) and what went away.
   */
  private reconcile(): void {
    const list: unknown = this.meeting.chat?.messages;
    const entries: readonly unknown[] = Array.isArray(list) ? list : [];
    if (!this.baselined) {
      // Before joining the chat is empty; the history fills it on joining, without an event.
      if (this.meeting.self?.roomJoined === false && entries.length === 0) return;
      this.baselined = true;
      // All of it is history, seen: none of it needs trusting, only its times reading.
      this.history.take(entries, entries.length);
      return;
    }
    // Trusted one at a time, from the newest end: only the arrivals since, and not 100,000 of history.
    const message = (index: number) => trustMessage(entries[index], index);
    // What comes after the last history message arrived since; what comes before it is history
    // too, though maybe never listed before (a rejoin lists older messages when some were deleted).
    let last = entries.length - 1;
    for (; last >= 0; last -= 1) {
      const entry = message(last);
      if (!this.known.has(entry.id) && this.history.has(entry)) break;
    }
    let changed = false;
    for (let index = last + 1; index < entries.length; index += 1) {
      const entry = message(index);
      if (!this.known.has(entry.id)) changed = this.file(entry) || changed;
    }
    // Without any history message the list is no stock of it (emptied, not reloaded yet): keep the old one.
    if (last >= 0) this.history.take(entries, last + 1);
    // Unread messages the chat no longer holds went away unheard; the rest are found near its end.
    const gone = new Set(this.unread.keys());
    for (let index = entries.length - 1; index >= 0 && gone.size > 0; index -= 1) gone.delete(message(index).id);
    for (const id of gone) this.unread.delete(id);
    if (gone.size > 0) changed = true;
    if (changed) this.changed();
  }

  private onChatUpdate(event: ChatUpdateEvent): void {
    const message = event.message;
    if (!message) return;
    const first = !this.baselined;
    if (first) this.reconcile();
    if (event.action === 'add') {
      // On the first event the chat already holds the message, so it went with the history: file it as news.
      const added = first ? this.file(message) : this.add(message);
      this.history.follow(this.meeting.chat?.messages);
      if (added) this.changed();
    } else if (event.action === 'delete') {
      this.known.add(message.id);
      if (this.unread.delete(message.id)) this.changed();
    } else {
      const entry = this.unread.get(message.id);
      if (!entry) {
        // An edit of a message never heard of (from before the history): nothing missed.
        if (!this.known.has(message.id) && !this.history.has(message)) this.known.add(message.id);
        return;
      }
      const mention = this.mentions(message);
      if (mention !== entry.mention) {
        entry.mention = mention;
        this.changed();
      }
    }
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

const stores = new WeakMap<ChatMeeting, UnreadStore>();

/**
 * The unread store of a meeting: the same one for every caller with the same meeting object, for
 * as long as the meeting lives. Call `use()` while showing or counting it.
 */
export function unreadFor(meeting: ChatMeeting): UnreadStore {
  let store = stores.get(meeting);
  if (!store) {
    store = new UnreadStore(meeting);
    stores.set(meeting, store);
  }
  return store;
}
