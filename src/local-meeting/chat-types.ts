/**
 * The public types of `meeting.chat` in the local meeting: its events, the payloads its send and
 * edit methods take, and the paging options of its fetches.
 */
import type { ChatMessage, ChatMessagePayload, ChatPinEvent, ChatUpdateEvent } from '../meeting/contract.js';

/** The events of `meeting.chat`. */
export type LocalChatEvents = {
  /** A message was added, edited or deleted; `messages` is the chat's list after the change. */
  chatUpdate: (event: ChatUpdateEvent) => void;
  /** A message was pinned (after a `chatUpdate` edit for it). */
  pinMessage: (event: ChatPinEvent) => void;
  /** A message was unpinned (after a `chatUpdate` edit for it). */
  unpinMessage: (event: ChatPinEvent) => void;
};

/** The SDK's custom message payload; files may be `File`s (uploaded) or links. */
export interface CustomMessagePayload {
  /** Always `'custom'`. */
  type: 'custom';
  /** Text of the message. */
  message?: string;
  /** Markup; a UI must sanitise it. */
  html?: string;
  /** Attached files: `File`s to upload or links. */
  files?: Array<File | string>;
  /** Attached images: `File`s to upload or links. */
  images?: Array<File | string>;
  /** Attached videos: `File`s to upload or links. */
  videos?: Array<File | string>;
  /** Accepted as the SDK's type has it; ignored, as the SDK ignores it. */
  replyTo?: ChatMessage;
}

/** What `sendMessage` takes: the three documented payloads, or a custom one (which it refuses, as the SDK does). */
export type LocalMessagePayload = ChatMessagePayload | CustomMessagePayload;

/** Paging options; as in the SDK, `timestamp` defaults to now and `direction` to `'after'`. */
export interface LocalFetchMessagesOptions {
  /** Epoch milliseconds; inclusive. */
  timestamp?: number;
  /** The most messages to return. */
  limit: number;
  /** `before`: at or before `timestamp`, newest first. `after`: at or after it, oldest first. */
  direction?: 'before' | 'after';
}

/** Paging options of `fetchPrivateMessages`: `userId` is the other user of the conversation. */
export interface LocalFetchPrivateMessagesOptions extends LocalFetchMessagesOptions {
  /** The other user's user id. */
  userId: string;
}
