/**
 * The conversations a local user can switch between: everyone, the people they have private
 * messages with, and anyone joined they could start one with.
 */
import { messageTimeMs } from '../format/format.js';
import type { ChatMessage } from '../meeting/contract.js';
import { EVERYONE, conversationOf } from './conversations.js';

/** Unread messages and mentions in one conversation. */
export interface ConversationCounts {
  unread: number;
  mentions: number;
}

/** One entry of the conversation list. */
export interface ConversationSummary extends ConversationCounts {
  /** `everyone`, or the other person's user id. */
  id: string;
  /** The other person's name: a joined participant's, else the latest one their messages carry; '' for everyone or when unknown. */
  name: string;
  /** Set when another entry has the same name: a short part of the user id that tells them apart. */
  hint?: string;
  /** Whether the other person is in the meeting now (always true for everyone). */
  joined: boolean;
  /** When the latest private message between the two was sent, in ms; undefined without one. */
  lastMessageAt?: number;
}

/** What `listConversations` reads. */
export interface ConversationListInput {
  /** The messages the local user has (e.g. `chat.messages`, trusted). */
  messages: readonly ChatMessage[];
  /** The local user's user id. */
  selfUserId: string | undefined;
  /** The participants in the meeting now. */
  participants: readonly { userId: string; name: string }[];
  /** List joined people without private messages yet too (leave it off when the user may not send privately). */
  includeJoined?: boolean;
  /** The unread counts of a conversation; none when left out. */
  counts?(conversation: string): ConversationCounts;
}

/**
 * Everyone first, then the people with private messages (latest conversation first), then the
 * joined people without any (by name). Each person once, by user id; never the local user.
 */
export function listConversations(input: ConversationListInput): ConversationSummary[] {
  const { selfUserId } = input;
  const counts = input.counts ?? (() => ({ unread: 0, mentions: 0 }));
  const joinedNames = new Map<string, string>();
  for (const person of input.participants) {
    if (person.userId && person.userId !== selfUserId && !joinedNames.has(person.userId)) joinedNames.set(person.userId, person.name);
  }
  const talked = new Map<string, { name: string; lastMessageAt?: number }>();
  for (const message of input.messages) {
    const id = conversationOf(message, selfUserId);
    if (id === undefined || id === EVERYONE || id === selfUserId) continue;
    const entry = talked.get(id) ?? { name: '' };
    const time = messageTimeMs(message);
    if (time !== undefined && (entry.lastMessageAt === undefined || time >= entry.lastMessageAt)) entry.lastMessageAt = time;
    if (message.userId === id && message.displayName) entry.name = message.displayName;
    talked.set(id, entry);
  }
  const people: ConversationSummary[] = [];
  for (const [id, entry] of talked) {
    people.push({ id, name: joinedNames.get(id) ?? entry.name, joined: joinedNames.has(id), lastMessageAt: entry.lastMessageAt, ...counts(id) });
  }
  people.sort((a, b) => (b.lastMessageAt ?? -Infinity) - (a.lastMessageAt ?? -Infinity));
  if (input.includeJoined) {
    const others: ConversationSummary[] = [];
    for (const [id, name] of joinedNames) if (!talked.has(id)) others.push({ id, name, joined: true, ...counts(id) });
    others.sort((a, b) => a.name.localeCompare(b.name));
    people.push(...others);
  }
  const hints = sameNameHints(people);
  for (const person of people) {
    const hint = hints.get(person.id);
    if (hint) person.hint = hint;
  }
  return [{ id: EVERYONE, name: '', joined: true, ...counts(EVERYONE) }, ...people];
}

// Characters that show nothing: a name made only of them looks blank, and two names that differ
// only by them look the same.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\u115f\u1160\u3164\uffa0]/gu;

/** A name as people see it, to compare names: without invisible characters, case-folded. */
function nameKey(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').toLocaleLowerCase();
}

/**
 * For people whose names look the same (blank ones included), the shortest end of their user id,
 * at least four characters long, that no other of them shares: what tells them apart on screen.
 */
export function sameNameHints(people: readonly { id: string; name: string }[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const person of people) {
    const key = nameKey(person.name);
    groups.set(key, [...(groups.get(key) ?? []), person.id]);
  }
  const hints = new Map<string, string>();
  for (const ids of groups.values()) {
    if (ids.length < 2) continue;
    for (const id of ids) {
      let length = Math.min(4, id.length);
      while (length < id.length && ids.some((other) => other !== id && other.endsWith(id.slice(-length)))) length += 1;
      hints.set(id, id.slice(-length));
    }
  }
  return hints;
}

/** Whether a name shows nothing (empty, blank or only invisible characters). */
export function isBlankName(name: string | undefined): boolean {
  return !name || nameKey(name) === '';
}
