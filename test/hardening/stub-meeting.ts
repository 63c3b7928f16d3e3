/**
 * A hand-rolled meeting, built to the structural type of `src/meeting/contract.ts`, for what the
 * local meeting cannot produce: malformed messages and meetings, events for unknown ids, duplicate
 * adds. Its chat follows the SDK's array rules (`add` replaces `messages`, `edit` and `delete`
 * change it in place) and records every call.
 */
import type { ChatMeeting, ChatMessage, MeetingChat, MeetingParticipant } from '../../src/meeting/contract.js';
import { sdkMessage } from '../chat-dump/messages.js';

export { sdkMessage };

type Listener = (...args: never[]) => void;

/** The SDK's emitter surface, small. */
export class StubEmitter {
  #listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }

  off(event: string, listener: Listener): this {
    const list = this.#listeners.get(event) ?? [];
    const index = list.lastIndexOf(listener);
    if (index >= 0) this.#listeners.set(event, [...list.slice(0, index), ...list.slice(index + 1)]);
    return this;
  }

  listenerCount(event: string): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.#listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}

/** A call the stub chat received: method name and arguments. */
export type Call = [method: string, ...args: unknown[]];

export interface StubChat extends StubEmitter {
  messages: unknown;
  maxTextLimit: unknown;
  calls: Call[];
  [method: string]: unknown;
}

export interface StubMeeting {
  chat: StubChat | undefined;
  self: (StubEmitter & { id: string; userId: string; name: string; permissions: unknown; roomJoined?: boolean }) | undefined;
  participants: { joined: (StubEmitter & { toArray: unknown }) | undefined } | undefined;
  meta: { meetingId: string; sessionId: string } | undefined;
}

/** Everything allowed, as the SDK's host preset. */
export const HOST = {
  chatPublic: { canSend: true, text: true, files: true },
  chatPrivate: { canSend: true, canReceive: true, text: true, files: true },
  pinParticipant: true,
};

let count = 0;

/**
 * A well-formed stub meeting, typed as the contract's `ChatMeeting` so the compiler checks that it
 * fits; tests then break what they want to break through the loose `StubMeeting` view.
 */
export function stubMeeting(messages: unknown = [], participants: MeetingParticipant[] = []): StubMeeting {
  count += 1;
  const calls: Call[] = [];
  const record =
    <R>(method: string, result: R) =>
    async (...args: unknown[]): Promise<R> => {
      calls.push([method, ...args]);
      return result;
    };
  const chat: MeetingChat = Object.assign(new StubEmitter(), {
    messages: messages as ChatMessage[],
    maxTextLimit: 2000,
    calls,
    sendTextMessage: record('sendTextMessage', undefined),
    sendImageMessage: record('sendImageMessage', undefined),
    sendFileMessage: record('sendFileMessage', undefined),
    sendMessage: record('sendMessage', undefined),
    editTextMessage: record('editTextMessage', undefined),
    editImageMessage: record('editImageMessage', undefined),
    editFileMessage: record('editFileMessage', undefined),
    editMessage: record('editMessage', undefined),
    deleteMessage: record('deleteMessage', undefined),
    pin: record('pin', undefined),
    unpin: record('unpin', undefined),
    fetchPublicMessages: record('fetchPublicMessages', [] as ChatMessage[]),
  });
  const meeting: ChatMeeting = {
    chat,
    self: Object.assign(new StubEmitter(), { id: 'peer-me', userId: 'user-me', name: 'Me', permissions: HOST, roomJoined: true }),
    participants: { joined: Object.assign(new StubEmitter(), { toArray: () => participants }) },
    meta: { meetingId: `stub-${count}`, sessionId: `stub-session-${count}` },
  };
  return meeting as unknown as StubMeeting;
}

/** The stub as the elements' `meeting` property wants it; it is malformed on purpose. */
export function asMeeting(stub: StubMeeting): ChatMeeting {
  return stub as unknown as ChatMeeting;
}

/** The SDK's `add`: `messages` becomes a new array with the message appended, then `chatUpdate`. */
export function sdkAdd(chat: StubChat, message: unknown): void {
  chat.messages = [...(chat.messages as unknown[]), message];
  chat.emit('chatUpdate', { action: 'add', message, messages: chat.messages });
}

/** The SDK's `edit`: the message at its index is replaced in place (if it is there), then `chatUpdate`. */
export function sdkEdit(chat: StubChat, message: ChatMessage): void {
  const list = chat.messages as ChatMessage[];
  const index = list.findIndex((m) => m?.id === message.id);
  if (index >= 0) list[index] = message;
  chat.emit('chatUpdate', { action: 'edit', message, messages: list });
}

/** The SDK's `delete`: spliced out in place (if there), then `chatUpdate` with the message or just its id. */
export function sdkDelete(chat: StubChat, id: string): void {
  const list = chat.messages as ChatMessage[];
  const index = list.findIndex((m) => m?.id === id);
  const [message] = index >= 0 ? list.splice(index, 1) : [{ id } as ChatMessage];
  chat.emit('chatUpdate', { action: 'delete', message, messages: list });
}

/** The SDK's pin or unpin: an `edit` with the new state, then `pinMessage` / `unpinMessage`. */
export function sdkPin(chat: StubChat, id: string, pinned: boolean): void {
  const current = (chat.messages as ChatMessage[]).find((m) => m?.id === id) ?? sdkMessage({ id });
  const message = { ...current, pinned };
  sdkEdit(chat, message);
  chat.emit(pinned ? 'pinMessage' : 'unpinMessage', { message, messages: chat.messages });
}
