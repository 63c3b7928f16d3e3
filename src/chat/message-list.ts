/** The list model of `<rtk-chat>`: which messages show, in which order, and how they group. */
import { formatDay, messageTimeMs, sameDay } from '../format/format.js';
import { chatMessages, messagesOfType, messagesOfUser } from '../meeting/chat-queries.js';
import { EVERYONE, inConversation, isPartyTo } from '../conversations/conversations.js';
import type { ChatMessage, ChatMessageType, MeetingChat } from '../meeting/contract.js';

/** The filters of the list; empty means all. */
export interface ListFilter {
  userId?: string;
  type?: ChatMessageType;
  /** The conversation shown: `everyone`, or the other person's user id. */
  conversation: string;
  /** The local user, who must be a party to any private message shown. */
  selfUserId: string | undefined;
}

const GROUP_GAP_MS = 5 * 60 * 1000;

/** A key for the list: the id, unique among trusted messages. */
export function messageKey(message: ChatMessage): string {
  return message.id;
}

/**
 * The messages to show: older pages fetched by the list, then the chat's own messages, filtered,
 * each id once (the first occurrence keeps its place, so a duplicate never reorders the list).
 */
export function buildList(chat: MeetingChat | undefined, older: ChatMessage[], filter: ListFilter): ChatMessage[] {
  let current = chatMessages(chat);
  if (filter.userId) current = messagesOfUser(chat, filter.userId);
  if (filter.type) current = filter.userId ? current.filter((m) => m.type === filter.type) : messagesOfType(chat, filter.type);
  const seen = new Set<string>();
  const list: ChatMessage[] = [];
  for (const source of [older.filter((m) => matches(m, filter)), current]) {
    for (const message of source) {
      if (seen.has(message.id) || !shownIn(message, filter)) continue;
      seen.add(message.id);
      list.push(message);
    }
  }
  return list;
}

/**
 * Whether a message belongs in the conversation shown. "Everyone" shows the public messages and,
 * set apart, the private ones the local user is a party to, so none is missed; another
 * conversation shows only the private messages with that person. A private message addressed to
 * others is never shown, whatever the meeting hands over.
 */
function shownIn(message: ChatMessage, filter: ListFilter): boolean {
  return filter.conversation === EVERYONE ? isPartyTo(message, filter.selfUserId) : inConversation(message, filter.conversation, filter.selfUserId);
}

/** Whether a message passes the filters. */
export function matches(message: ChatMessage, filter: ListFilter): boolean {
  return (
    (!filter.userId || message.userId === filter.userId) &&
    (!filter.type || message.type === filter.type) &&
    shownIn(message, filter)
  );
}

/** Whether `message` continues `previous`'s group: same sender, same day, a few minutes apart. */
export function continuesGroup(previous: ChatMessage | undefined, message: ChatMessage): boolean {
  if (!previous || previous.userId !== message.userId) return false;
  const a = messageTimeMs(previous);
  const b = messageTimeMs(message);
  return a !== undefined && b !== undefined && b - a >= 0 && b - a < GROUP_GAP_MS && sameDay(a, b);
}

/** Whether a date separator goes above `message`. */
export function startsDay(previous: ChatMessage | undefined, message: ChatMessage): boolean {
  const b = messageTimeMs(message);
  if (b === undefined) return false;
  const a = previous ? messageTimeMs(previous) : undefined;
  return a === undefined || !sameDay(a, b);
}

/** What a date separator says: `today` or `yesterday` (local days), else the date in `locale`. */
export function dayLabel(ms: number, locale: string | undefined, words: { today: string; yesterday: string }, now = Date.now()): string {
  if (sameDay(ms, now)) return words.today;
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  return sameDay(ms, yesterday.getTime()) ? words.yesterday : formatDay(ms, locale);
}
