/**
 * The questions every element asks of a meeting, with the fallbacks in one place: the guides
 * document members that the SDK (2.0.2) lacks, and a meeting may be malformed or not joined yet.
 */
import type { ChatMeeting, ChatMessage, ChatMessageType, MeetingChat, MeetingParticipant } from './contract.js';
import { trustMessages } from './message-guard.js';

/** The chat's messages, trusted (see `trustMessage`), or none when the meeting has no chat (yet). */
export function chatMessages(chat: MeetingChat | undefined): ChatMessage[] {
  return trustMessages(chat?.messages);
}

/** The guide's `getMessagesByUser`, filtering `messages` where the SDK lacks it. */
export function messagesOfUser(chat: MeetingChat | undefined, userId: string): ChatMessage[] {
  if (typeof chat?.getMessagesByUser === 'function') return trustMessages(chat.getMessagesByUser(userId));
  return chatMessages(chat).filter((message) => message.userId === userId);
}

/** The guide's `getMessagesByType`, filtering `messages` where the SDK lacks it. */
export function messagesOfType(chat: MeetingChat | undefined, type: ChatMessageType): ChatMessage[] {
  if (typeof chat?.getMessagesByType === 'function') return trustMessages(chat.getMessagesByType(type));
  return chatMessages(chat).filter((message) => message.type === type);
}

/** The guide's `pinned` list, filtering `messages` where the SDK lacks it. */
export function pinnedMessages(chat: MeetingChat | undefined): ChatMessage[] {
  if (Array.isArray(chat?.pinned)) return trustMessages(chat.pinned);
  return chatMessages(chat).filter((message) => message.pinned === true);
}

/** The participants in the meeting, leaving out anything that is not one. */
export function joinedParticipants(meeting: ChatMeeting | undefined): MeetingParticipant[] {
  const joined = meeting?.participants?.joined;
  const list: unknown = typeof joined?.toArray === 'function' ? joined.toArray() : [];
  return Array.isArray(list) ? list.filter((p): p is MeetingParticipant => typeof p?.id === 'string' && typeof p.userId === 'string') : [];
}

/** Whether the message was sent by the local user. */
export function isOwnMessage(meeting: ChatMeeting | undefined, message: ChatMessage): boolean {
  const userId = meeting?.self?.userId;
  return userId !== undefined && message.userId === userId;
}

/** What the local user may do in the chat. */
export interface ChatAbilities {
  /** Send text to everyone. */
  sendText: boolean;
  /** Send images and files to everyone. */
  sendFiles: boolean;
  /** Send text to one participant. */
  sendPrivateText: boolean;
  /** Send images and files to one participant. */
  sendPrivateFiles: boolean;
  /** Pin and unpin messages. */
  pin: boolean;
  /** Edit own messages: the SDK lets whoever may send edit what they sent. */
  editOwn: boolean;
  /** Delete own messages. */
  deleteOwn: boolean;
}

/** What the local user may do, read from `self.permissions` the way the SDK checks it. */
export function chatAbilities(meeting: ChatMeeting | undefined): ChatAbilities {
  const permissions = meeting?.self?.permissions;
  const open = permissions?.chatPublic;
  const direct = permissions?.chatPrivate;
  const sendText = Boolean(open?.canSend && open.text);
  const sendFiles = Boolean(open?.canSend && open.files);
  const sendPrivateText = Boolean(direct?.canSend && direct.text);
  const sendPrivateFiles = Boolean(direct?.canSend && direct.files);
  const mayWrite = sendText || sendFiles || sendPrivateText || sendPrivateFiles;
  return {
    sendText,
    sendFiles,
    sendPrivateText,
    sendPrivateFiles,
    pin: Boolean(permissions?.pinParticipant),
    editOwn: mayWrite,
    deleteOwn: mayWrite,
  };
}

/** The kinds of send the SDK rate-limits separately. */
export type RateLimitKind = 'text' | 'file';

/**
 * When sending of this kind may be tried again after a rate-limit error, in epoch ms. The local
 * meeting knows its window; for the SDK, which does not say, the kit waits a whole period.
 */
export function rateLimitRetryAt(chat: MeetingChat | undefined, kind: RateLimitKind): number {
  const known = chat?.rateLimitResetsAt?.(kind);
  if (known) return known;
  const period = kind === 'text' ? (chat?.rateLimits?.period ?? 60) : 60;
  return Date.now() + period * 1000;
}
