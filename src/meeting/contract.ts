/**
 * The meeting contract: exactly what the kit reads from a RealtimeKit meeting.
 *
 * It is structural, so the real `RealtimeKitClient` (from `@cloudflare/realtimekit`) and the
 * embedded local meeting both fit it without a cast. Members that the guides document but the
 * SDK does not implement (2.0.2) are optional; `chat-queries.ts` holds their fallbacks.
 */

/** The message types the SDK knows. Others may arrive; the kit renders a fallback for them. */
export type ChatMessageType = 'text' | 'image' | 'file' | 'custom' | 'poll';

/** A file, image or video attached to a custom message. */
export interface ChatAttachment {
  link: string;
  type?: string;
  name?: string;
  size?: number;
}

/**
 * One chat message as the SDK delivers it. The SDK fills every field of every type with empty
 * defaults, so the kit always switches on `type`, never on which field is set.
 */
export interface ChatMessage {
  /** `text`, `image`, `file`, `custom`, `poll`, or something newer the kit does not know. */
  type: string;
  id: string;
  /** The sender's user id (stable across connections), not the peer id. */
  userId: string;
  displayName: string;
  time: Date;
  /** Creation time in milliseconds; the SDK's paging cursor. */
  timeMs?: number;
  isEdited?: boolean;
  read?: boolean;
  pluginId?: string;
  pinned?: boolean;
  /** Set on private messages: the user ids (the sender's included) that may read it. */
  targetUserIds?: string[];
  /** Text of a `text` message (and optional text of a `custom` one). */
  message?: string;
  /** Link of an `image` or `file` message. */
  link?: string;
  /** File name of a `file` message. */
  name?: string;
  /** Size in bytes of a `file` message. */
  size?: number;
  /** Markup of a `custom` message. The kit never renders it as HTML. */
  html?: string;
  files?: ChatAttachment[];
  images?: ChatAttachment[];
  videos?: ChatAttachment[];
}

/** What `sendMessage` and `editMessage` take. */
export type ChatMessagePayload =
  | { type: 'text'; message: string }
  | { type: 'image'; image: File }
  | { type: 'file'; file: File };

/** The payload of `chatUpdate`. `messages` is the chat's list after the change. */
export interface ChatUpdateEvent {
  action: 'add' | 'edit' | 'delete';
  message: ChatMessage;
  messages: ChatMessage[];
}

/** The payload of `pinMessage` and `unpinMessage`. */
export interface ChatPinEvent {
  message: ChatMessage;
  messages: ChatMessage[];
}

/** Options of the paged history calls. `timestamp` is in milliseconds. */
export interface FetchMessagesOptions {
  timestamp?: number;
  limit: number;
  direction: 'before' | 'after';
}

/** `meeting.chat`: the chat's messages, methods and events. */
export interface MeetingChat {
  messages: ChatMessage[];
  maxTextLimit: number;
  readonly rateLimits?: { maxInvocations: number; period: number };

  sendTextMessage(message: string, peerIds?: string[]): Promise<void>;
  sendImageMessage(image: File, peerIds?: string[]): Promise<void>;
  sendFileMessage(file: File, peerIds?: string[]): Promise<void>;
  sendMessage(message: ChatMessagePayload, peerIds?: string[]): Promise<void>;
  editTextMessage(messageId: string, message: string): Promise<void>;
  editImageMessage(messageId: string, image: File): Promise<void>;
  editFileMessage(messageId: string, file: File): Promise<void>;
  editMessage(messageId: string, message: ChatMessagePayload): Promise<void>;
  deleteMessage(messageId: string): Promise<void>;
  pin(id: string): Promise<void>;
  unpin(id: string): Promise<void>;
  fetchPublicMessages?(options: FetchMessagesOptions): Promise<ChatMessage[]>;
  /** Pages of the private messages between the local user and `userId`. */
  fetchPrivateMessages?(options: FetchMessagesOptions & { userId: string }): Promise<ChatMessage[]>;

  /** In the guides, not in SDK 2.0.2: use `messagesOfUser` from `chat-queries.ts`. */
  getMessagesByUser?(userId: string): ChatMessage[];
  /** In the guides, not in SDK 2.0.2: use `messagesOfType` from `chat-queries.ts`. */
  getMessagesByType?(type: ChatMessageType): ChatMessage[];
  /** In the guides, not in SDK 2.0.2: use `pinnedMessages` from `chat-queries.ts`. */
  readonly pinned?: ChatMessage[];
  /** Local meeting only: when the rate-limit window of this kind of send ends (epoch ms, 0 when open). */
  rateLimitResetsAt?(kind: 'text' | 'file'): number;

  on(event: 'chatUpdate', listener: (event: ChatUpdateEvent) => void): unknown;
  on(event: 'pinMessage' | 'unpinMessage', listener: (event: ChatPinEvent) => void): unknown;
  off(event: 'chatUpdate', listener: (event: ChatUpdateEvent) => void): unknown;
  off(event: 'pinMessage' | 'unpinMessage', listener: (event: ChatPinEvent) => void): unknown;
  listenerCount?(event: 'chatUpdate' | 'pinMessage' | 'unpinMessage'): number;
}

/** The chat permissions of the local user, as in the SDK's preset. */
export interface ChatPermissions {
  chatPublic?: { canSend: boolean; text: boolean; files: boolean };
  chatPrivate?: { canSend: boolean; canReceive: boolean; text: boolean; files: boolean };
  /** The reference UI kit lets whoever may pin participants pin messages. */
  pinParticipant?: boolean;
}

/** `meeting.self`: the local participant. */
export interface MeetingSelf {
  /** Peer id: per connection. */
  readonly id: string;
  /** User id: stable, and what messages carry. */
  userId: string;
  name: string;
  readonly permissions: ChatPermissions;
  readonly roomJoined?: boolean;
  on(event: 'roomJoined', listener: () => void): unknown;
  off(event: 'roomJoined', listener: () => void): unknown;
}

/** A participant as the chat needs one. */
export interface MeetingParticipant {
  /** Peer id: what private messages are addressed to. */
  readonly id: string;
  userId: string;
  name: string;
  /** A link to their picture, where the meeting has one. */
  picture?: string;
}

/** `meeting.participants.joined`: a Map-like list with join and leave events. */
export interface JoinedParticipants {
  toArray(): MeetingParticipant[];
  on(event: 'participantJoined' | 'participantLeft', listener: (participant: MeetingParticipant) => void): unknown;
  off(event: 'participantJoined' | 'participantLeft', listener: (participant: MeetingParticipant) => void): unknown;
}

/** A meeting as the kit uses it: the real `RealtimeKitClient` or `createLocalMeeting()`. */
export interface ChatMeeting {
  readonly chat: MeetingChat;
  readonly self: MeetingSelf;
  readonly participants: { readonly joined: JoinedParticipants };
  readonly meta: { readonly meetingId: string; sessionId: string };
}
