/**
 * Which conversation a message belongs to, from the local user's side: the public chat
 * (`everyone`) or the private messages between the local user and one other person (that
 * person's user id). Private messages come two ways: the SDK's `targetUserIds`, and the legacy
 * form older clients wrote into the text, `{"target":[userIds…],"message":"text"}`.
 */
import type { ChatMessage } from '../meeting/contract.js';

/** The id of the public conversation. Any other conversation id is the other person's user id. */
export const EVERYONE = 'everyone';

/** A legacy private message read out of a text: its recipients and its inner text. */
export interface LegacyPrivate {
  /** The user ids it was addressed to, each once. */
  targetUserIds: string[];
  /** The text to show. */
  message: string;
}

/**
 * The legacy private message a text holds, or undefined. Only a text that is, as a whole, a JSON
 * object with exactly `target` (a non-empty list of non-empty strings) and `message` (a string)
 * counts: a text that merely contains JSON, or JSON of another shape, stays text.
 */
export function readLegacyPrivate(text: unknown): LegacyPrivate | undefined {
  if (typeof text !== 'string') return undefined;
  const body = text.trim();
  // Cheap test first: almost no message is an object, and parsing every one would cost.
  if (!body.startsWith('{') || !body.endsWith('}')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const fields = Object.keys(value);
  if (fields.length !== 2 || !fields.includes('target') || !fields.includes('message')) return undefined;
  const { target, message } = value as { target: unknown; message: unknown };
  if (typeof message !== 'string' || !Array.isArray(target) || target.length === 0) return undefined;
  if (!target.every((id): id is string => typeof id === 'string' && id !== '')) return undefined;
  return { targetUserIds: [...new Set(target)], message };
}

/** The legacy private message a chat message carries: only a text message can. */
function legacyOf(message: ChatMessage): LegacyPrivate | undefined {
  return message.type === 'text' ? readLegacyPrivate(message.message) : undefined;
}

/**
 * The people a private message is between (its sender and its recipients), or undefined for a
 * public message. `targetUserIds` wins over the legacy form when both are there.
 */
export function privateParties(message: ChatMessage): Set<string> | undefined {
  const targets = message.targetUserIds?.length ? message.targetUserIds : legacyOf(message)?.targetUserIds;
  if (!targets) return undefined;
  const parties = new Set(targets);
  if (message.userId) parties.add(message.userId);
  return parties;
}

/** Whether a message is private: addressed through `targetUserIds` or in the legacy form. */
export function isPrivateMessage(message: ChatMessage): boolean {
  return privateParties(message) !== undefined;
}

/**
 * The text of a message as people read it: a legacy private message's inner text, a text or
 * custom message's text, and '' for the rest.
 */
export function messageText(message: ChatMessage): string {
  if (message.type !== 'text' && message.type !== 'custom') return '';
  const text = message.message ?? '';
  return legacyOf(message)?.message ?? text;
}

/**
 * Whether the local user may see a message: any public message, and a private one only when the
 * local user is among its parties. The SDK's array may hold private messages addressed to others
 * (and legacy ones were always sent to everyone): those are never shown.
 */
export function isPartyTo(message: ChatMessage, selfUserId: string | undefined): boolean {
  const parties = privateParties(message);
  return !parties || (selfUserId !== undefined && selfUserId !== '' && parties.has(selfUserId));
}

/**
 * The conversation a message belongs to for the local user: `everyone` for a public message; for
 * a private one, the other person's user id (the sender's, when someone else sent it). A private
 * message the local user sent to several people goes to the first of them by user id (see
 * `inConversation` to file it under each). Undefined when the local user is not a party to it.
 */
export function conversationOf(message: ChatMessage, selfUserId: string | undefined): string | undefined {
  const parties = privateParties(message);
  if (!parties) return EVERYONE;
  if (!selfUserId || !parties.has(selfUserId)) return undefined;
  if (message.userId !== selfUserId) return message.userId;
  const others = [...parties].filter((userId) => userId !== selfUserId).sort();
  // A note addressed to oneself only: the conversation with oneself.
  return others[0] ?? selfUserId;
}

/**
 * Whether a message shows in a conversation: public messages in `everyone`; a private message in
 * the conversation with another person when both are parties to it and one of the two sent it.
 */
export function inConversation(message: ChatMessage, conversation: string, selfUserId: string | undefined): boolean {
  const parties = privateParties(message);
  if (!parties) return conversation === EVERYONE;
  if (conversation === EVERYONE || !selfUserId || !parties.has(selfUserId) || !parties.has(conversation)) return false;
  return message.userId === selfUserId || message.userId === conversation;
}

/**
 * The key Cloudflare's UI gives a conversation: `everyone`, or the two people's user ids sorted
 * and joined with `_`. Use it to share state (unread counts, drafts) with Cloudflare's own kit.
 */
export function cloudflareConversationKey(conversation: string, selfUserId: string): string {
  if (conversation === EVERYONE) return EVERYONE;
  return [conversation, selfUserId].sort().join('_');
}
