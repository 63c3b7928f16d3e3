/**
 * `meeting.chat` of the local meeting: the SDK's `Chat` (2.0.2) method by method, with the same
 * checks in the same order, the same error codes and log keys, the same rate limits and the same
 * event order and `messages` mutations.
 */
import type {
  ChatAttachment,
  ChatMessage,
  ChatMessagePayload,
  ChatMessageType,
  ChatPinEvent,
  ChatUpdateEvent,
} from '../meeting/contract.js';
import type { ChatServer } from './chat-server.js';
import { LocalEventEmitter } from './emitter.js';
import { asClientErrors, LocalMeetingError } from './errors.js';
import type { LocalMeetingLogger } from './logger.js';
import { isPrivate } from './messages.js';
import type { LocalSelf, ParticipantMap } from './participants.js';
import type { RateLimits } from './rate-limiter.js';
import { FixedWindowLimiter } from './rate-limiter.js';

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

/** A rate-limited chat method; each has its own window, as in the SDK. */
export type RateLimitedMethod = 'sendTextMessage' | 'sendMessage' | 'sendImageMessage' | 'sendFileMessage';

/**
 * What `rateLimitResetsAt` asks about: `'text'` is `sendTextMessage` and `sendMessage`, `'file'` is
 * `sendImageMessage` and `sendFileMessage`, or one method by name.
 */
export type RateLimitKind = 'text' | 'file' | RateLimitedMethod;

/** What the chat needs from its meeting. */
export interface LocalChatContext {
  /** The meeting's copy of the chat server. */
  server: ChatServer;
  /** The local participant: permissions, peer id, user id. */
  self: LocalSelf;
  /** The other participants: private sends map their peer ids to user ids. */
  participants: ParticipantMap;
  /** The clock, epoch ms (rate limits, default fetch timestamp). */
  now: () => number;
  /** Where refused calls are logged. */
  logger: LocalMeetingLogger;
  /** Makes (and remembers, to revoke on leave) the link of an uploaded file. */
  upload: (file: Blob) => string;
  /** The initial `maxTextLimit`. */
  maxTextLimit: number;
}

/** The image types `sendImageMessage` and `editImageMessage` accept. */
const IMAGE_TYPES = ['image/gif', 'image/jpeg', 'image/png'];

const RATE_LIMIT_GROUPS: Record<RateLimitKind, RateLimitedMethod[]> = {
  text: ['sendTextMessage', 'sendMessage'],
  file: ['sendImageMessage', 'sendFileMessage'],
  sendTextMessage: ['sendTextMessage'],
  sendMessage: ['sendMessage'],
  sendImageMessage: ['sendImageMessage'],
  sendFileMessage: ['sendFileMessage'],
};

/**
 * The chat of a local meeting. An emitter of `chatUpdate`, `pinMessage` and `unpinMessage`.
 *
 * As in the SDK, a send resolves once the message is handed to the server, before it comes back:
 * the sender sees its own message through `chatUpdate` in a later task. `add` replaces `messages`
 * with a new array; `edit` and `delete` change the current array in place.
 */
export class LocalChat extends LocalEventEmitter<LocalChatEvents> {
  /**
   * The chat's messages, oldest first: at most the 1000 newest from before joining, plus every
   * message received since. Use `fetchPublicMessages` for the full history.
   */
  messages: ChatMessage[] = [];
  /** The longest text `sendTextMessage` accepts (characters); 2000 by default. */
  maxTextLimit: number;

  readonly #server: ChatServer;
  readonly #self: LocalSelf;
  readonly #participants: ParticipantMap;
  readonly #logger: LocalMeetingLogger;
  readonly #upload: (file: Blob) => string;
  readonly #now: () => number;
  #textRateLimits: RateLimits = { maxInvocations: 180, period: 60 };
  readonly #limiters: Record<RateLimitedMethod, FixedWindowLimiter>;

  /** @param context What the chat needs from its meeting; `createLocalMeeting` builds it. */
  constructor(context: LocalChatContext) {
    super(context.logger);
    this.#server = context.server;
    this.#self = context.self;
    this.#participants = context.participants;
    this.#logger = context.logger;
    this.#upload = context.upload;
    this.#now = context.now;
    this.maxTextLimit = context.maxTextLimit;
    const fixed = (limits: RateLimits) => () => limits;
    this.#limiters = {
      // Only sendTextMessage follows `updateRateLimits`: the SDK's other limits are literals.
      sendTextMessage: new FixedWindowLimiter(() => this.#textRateLimits, context.now),
      sendMessage: new FixedWindowLimiter(fixed({ maxInvocations: 180, period: 60 }), context.now),
      sendImageMessage: new FixedWindowLimiter(fixed({ maxInvocations: 20, period: 60 }), context.now),
      sendFileMessage: new FixedWindowLimiter(fixed({ maxInvocations: 20, period: 60 }), context.now),
    };
    context.server.attach({
      load: (messages) => {
        this.messages = messages;
      },
      added: (message) => {
        this.messages = [...this.messages, message];
        this.emit('chatUpdate', { action: 'add', message, messages: this.messages });
      },
      edited: (message) => {
        this.#replace(message);
        this.emit('chatUpdate', { action: 'edit', message, messages: this.messages });
      },
      deleted: (id) => {
        const index = this.messages.findIndex((candidate) => candidate.id === id);
        // The SDK reports a message it had not loaded as just its id.
        let message = { id } as ChatMessage;
        if (index !== -1) [message] = this.messages.splice(index, 1);
        this.emit('chatUpdate', { action: 'delete', message, messages: this.messages });
      },
      pinned: (message, pinned) => {
        this.#replace(message);
        this.emit('chatUpdate', { action: 'edit', message, messages: this.messages });
        this.emit(pinned ? 'pinMessage' : 'unpinMessage', { message, messages: this.messages });
      },
    });
  }

  /** The limit of `sendTextMessage` (`updateRateLimits` changes it). */
  get rateLimits(): RateLimits {
    return { ...this.#textRateLimits };
  }

  /** The pinned messages among `messages` (in the guides; not in SDK 2.0.2). */
  get pinned(): ChatMessage[] {
    return this.messages.filter((message) => message.pinned);
  }

  /** Sets `maxTextLimit`. */
  setMaxTextLimit(limit: number): void {
    this.maxTextLimit = limit;
  }

  /**
   * Sets the limit of `sendTextMessage` to `num` calls per `period` seconds, from the next call on.
   * As in the SDK, `sendMessage`, `sendImageMessage` and `sendFileMessage` keep their own limits.
   */
  updateRateLimits(num: number, period: number): void {
    this.#textRateLimits = { maxInvocations: num, period };
  }

  /**
   * When sending is possible again (local meeting only; the SDK has no such call): the first epoch
   * millisecond at which every method of `kind` accepts a call, or 0 when they all accept one now.
   */
  rateLimitResetsAt(kind: RateLimitKind): number {
    return Math.max(0, ...RATE_LIMIT_GROUPS[kind].map((method) => this.#limiters[method].resetsAt()));
  }

  /**
   * Sends a text, to the room or, with `peerIds`, privately to those participants. Rejects with
   * `0503` when longer than `maxTextLimit`, `0501` without the permission, `0502` when empty (in
   * that order). Past the rate limit it throws `0013` synchronously, as the SDK's decorator does.
   * Like the SDK, it appends your own peer id to `peerIds`.
   */
  sendTextMessage(message: string, peerIds?: string[]): Promise<void> {
    this.#limiters.sendTextMessage.take();
    return asClientErrors(() => this.#sendText(message, peerIds));
  }

  /**
   * Sends an image (GIF, JPEG or PNG; anything else is logged and ignored). Without the permission
   * it logs and resolves, as the SDK does. Rate limit: 20 calls per minute (`0013`, thrown
   * synchronously).
   */
  sendImageMessage(image: File, peerIds?: string[]): Promise<void> {
    this.#limiters.sendImageMessage.take();
    return asClientErrors(() => this.#sendImage(image, peerIds));
  }

  /**
   * Sends a file; the message carries `{ link, name, size }`. Without the permission it logs and
   * resolves. Rate limit: 20 calls per minute (`0013`, thrown synchronously).
   */
  sendFileMessage(file: File, peerIds?: string[]): Promise<void> {
    this.#limiters.sendFileMessage.take();
    return asClientErrors(() => this.#sendFile(file, peerIds));
  }

  /**
   * Sends a text, image or file payload through the matching method's checks. It has its own
   * rate limit of 180 calls per minute, separate from the methods it dispatches to.
   */
  sendMessage(message: LocalMessagePayload, peerIds?: string[]): Promise<void> {
    this.#limiters.sendMessage.take();
    return asClientErrors(async () => {
      switch (message.type) {
        case 'text':
          return this.#sendText(message.message, peerIds);
        case 'image':
          return this.#sendImage(message.image, peerIds);
        case 'file':
          return this.#sendFile(message.file, peerIds);
        default:
          this.#logger.error('sendMessage::message_type_not_supported', { chat: { messageType: message.type } });
      }
    });
  }

  /**
   * Sends a custom message (text, HTML and attachments; `File`s are uploaded, strings kept as links).
   * Needs both the text and the files permission. Not rate limited. As in the SDK, it does not add
   * your own peer id to `peerIds`, so a private custom message is not echoed back to you.
   */
  async sendCustomMessage(message: CustomMessagePayload, peerIds?: string[]): Promise<void> {
    return asClientErrors(async () => {
      if (peerIds && peerIds.length > 0) {
        const privateChat = this.#privatePermissions();
        if (!privateChat.canSend || !privateChat.files || !privateChat.text) {
          this.#logger.error('sendCustomMessage::private_chat_permission_denied');
          return;
        }
      } else if (!this.#canSendPublic('files') || !this.#canSendPublic('text')) {
        this.#logger.error('sendCustomMessage::permission_denied');
        return;
      }
      const attach = (item: File | string): ChatAttachment => {
        if (typeof item === 'string') return { link: item };
        try {
          return { link: this.#upload(item), type: item.type, name: item.name, size: item.size };
        } catch {
          throw new LocalMeetingError('0500', 'Error sending image message.');
        }
      };
      const files = (message.files ?? []).map(attach);
      const images = (message.images ?? []).map(attach);
      const videos = (message.videos ?? []).map(attach);
      const targets = peerIds && peerIds.length > 0 ? this.#userIdsOf(peerIds) : [];
      this.#server.send({ type: 'custom', message: message.message, html: message.html, files, images, videos }, targets);
    });
  }

  /**
   * Replaces the text of one of your messages; the edit arrives through `chatUpdate` with
   * `isEdited: true`. As in the SDK it checks the public-chat permission (even for a private
   * message) and refuses an empty text by logging, and does not check `maxTextLimit`.
   */
  async editTextMessage(messageId: string, message: string): Promise<void> {
    return asClientErrors(async () => {
      if (!this.#canSendPublic('text')) {
        this.#logger.error('editTextMessage::permission_denied');
        return;
      }
      if (!message) {
        this.#logger.error('editTextMessage::message_can_not_be_empty');
        return;
      }
      this.#server.edit(messageId, { type: 'text', message });
    });
  }

  /** Replaces one of your messages with an image (GIF, JPEG or PNG). */
  async editImageMessage(messageId: string, image: File): Promise<void> {
    return asClientErrors(async () => {
      if (!this.#canSendPublic('files')) {
        this.#logger.error('editImageMessage::permission_denied');
        return;
      }
      if (!image) {
        this.#logger.error('editImageMessage::required_argument_image_can_not_be_empty');
        return;
      }
      if (!IMAGE_TYPES.includes(image.type)) {
        this.#logger.error('sendImageMessage::image_type_not_supported', { chat: { imageType: image.type } });
        return;
      }
      let link: string;
      try {
        link = this.#upload(image);
      } catch {
        throw new LocalMeetingError('0500', 'Error editing image message.');
      }
      this.#server.edit(messageId, { type: 'image', link });
    });
  }

  /** Replaces one of your messages with a file. */
  async editFileMessage(messageId: string, file: File): Promise<void> {
    return asClientErrors(async () => {
      // The SDK logs these two under sendFileMessage's keys.
      if (!this.#canSendPublic('files')) {
        this.#logger.error('sendFileMessage::permission_denied');
        return;
      }
      if (!file) {
        this.#logger.error('sendFileMessage::required_argument_file_can_not_be_empty');
        return;
      }
      let link: string;
      try {
        link = this.#upload(file);
      } catch {
        throw new LocalMeetingError('0500', 'Error editing file message.');
      }
      this.#server.edit(messageId, { type: 'file', link, name: file.name, size: 'size' in file ? file.size : 0 });
    });
  }

  /**
   * Dispatches to `editTextMessage`, `editImageMessage` or `editFileMessage`. Like the SDK it does
   * not wait for them, so it resolves first and never rejects; their failures are logged.
   */
  async editMessage(messageId: string, message: LocalMessagePayload): Promise<void> {
    const logFailure = (error: unknown) => this.#logger.error('editMessage::failed', { error });
    switch (message.type) {
      case 'text':
        this.editTextMessage(messageId, message.message).catch(logFailure);
        break;
      case 'image':
        this.editImageMessage(messageId, message.image).catch(logFailure);
        break;
      case 'file':
        this.editFileMessage(messageId, message.file).catch(logFailure);
        break;
      default:
        this.#logger.error('editMessage::message_type_not_supported', { chat: { messageType: message.type } });
    }
  }

  /** Deletes one of your messages; the deletion arrives through `chatUpdate`. */
  async deleteMessage(messageId: string): Promise<void> {
    this.#server.delete(messageId);
  }

  /**
   * Pins a message. Rejects with `0505` before joining and `0504` for an unknown id; otherwise
   * resolves after `chatUpdate` (edit) and `pinMessage` were emitted.
   */
  async pin(id: string): Promise<void> {
    return this.#setPinState(id, true);
  }

  /** Unpins a message; as `pin`, with `chatUpdate` (edit) then `unpinMessage`. */
  async unpin(id: string): Promise<void> {
    return this.#setPinState(id, false);
  }

  /**
   * A page of the full history (not only `messages`), including the private messages you may read,
   * as the SDK's server returns them. `before`: created at or before `timestamp`, newest first;
   * `after`: at or after it, oldest first.
   */
  async fetchPublicMessages({ timestamp, limit, direction = 'after' }: LocalFetchMessagesOptions): Promise<ChatMessage[]> {
    return this.#server.page({ timestamp: timestamp ?? this.#now(), limit, direction });
  }

  /** A page of the private messages between you and `userId`; paging as `fetchPublicMessages`. */
  async fetchPrivateMessages({
    timestamp,
    limit,
    direction = 'after',
    userId,
  }: LocalFetchPrivateMessagesOptions): Promise<ChatMessage[]> {
    return this.#server.page(
      { timestamp: timestamp ?? this.#now(), limit, direction },
      (message) => isPrivate(message) && (message.targetUserIds ?? []).includes(userId),
    );
  }

  /** A page of the pinned messages; paging as `fetchPublicMessages`. */
  async fetchPinnedMessages({ timestamp, limit, direction = 'after' }: LocalFetchMessagesOptions): Promise<ChatMessage[]> {
    return this.#server.page({ timestamp: timestamp ?? this.#now(), limit, direction }, (message) => message.pinned === true);
  }

  /** The messages among `messages` sent by `userId` (in the guides; not in SDK 2.0.2). */
  getMessagesByUser(userId: string): ChatMessage[] {
    return this.messages.filter((message) => message.userId === userId);
  }

  /** The messages among `messages` of one type (in the guides; not in SDK 2.0.2). */
  getMessagesByType(type: ChatMessageType): ChatMessage[] {
    return this.messages.filter((message) => message.type === type);
  }

  async #sendText(text: string, peerIds: string[] | undefined): Promise<void> {
    if (text.length > this.maxTextLimit) throw new LocalMeetingError('0503', 'Max character limit breached');
    if (peerIds && peerIds.length > 0) {
      const privateChat = this.#privatePermissions();
      if (!privateChat.canSend || !privateChat.text) {
        this.#logger.error('sendTextMessage::private_chat_permission_denied');
        throw new LocalMeetingError('0501', 'Could not send message to private chat.');
      }
    } else if (!this.#canSendPublic('text')) {
      this.#logger.error('sendTextMessage::public_chat_permission_denied');
      throw new LocalMeetingError('0501', 'Could not send message to public chat.');
    }
    if (!text) {
      this.#logger.error('sendTextMessage::message_can_not_be_empty');
      throw new LocalMeetingError('0502', 'Message can not be empty.');
    }
    this.#server.send({ type: 'text', message: text }, this.#targets(peerIds));
  }

  async #sendImage(image: File, peerIds: string[] | undefined): Promise<void> {
    if (!this.#mayAttach('sendImageMessage', peerIds)) return;
    if (!image) {
      this.#logger.error('sendImageMessage::required_argument_image_can_not_be_empty');
      return;
    }
    if (!IMAGE_TYPES.includes(image.type)) {
      this.#logger.error('sendImageMessage::image_type_not_supported', { chat: { imageType: image.type } });
      return;
    }
    try {
      const link = this.#upload(image);
      this.#server.send({ type: 'image', link }, this.#targets(peerIds));
    } catch {
      throw new LocalMeetingError('0500', 'Error sending image message.');
    }
  }

  async #sendFile(file: File, peerIds: string[] | undefined): Promise<void> {
    if (!this.#mayAttach('sendFileMessage', peerIds)) return;
    if (!file) {
      this.#logger.error('sendFileMessage::required_argument_file_can_not_be_empty');
      return;
    }
    try {
      const link = this.#upload(file);
      const size = 'size' in file ? file.size : 0;
      this.#server.send({ type: 'file', link, name: file.name, size }, this.#targets(peerIds));
    } catch {
      throw new LocalMeetingError('0500', 'Error sending file message.');
    }
  }

  async #setPinState(id: string, pinned: boolean): Promise<void> {
    if (!this.#self.roomJoined) {
      throw new LocalMeetingError('0505', `Can\`t ${pinned ? 'pin' : 'unpin'} message without joining room`);
    }
    try {
      await this.#server.setPinState(id, pinned);
    } catch {
      throw new LocalMeetingError('0504', `No message found with id: ${id}`);
    }
  }

  /** The image and file permission checks: log and refuse without throwing, as the SDK does. */
  #mayAttach(method: 'sendImageMessage' | 'sendFileMessage', peerIds: string[] | undefined): boolean {
    if (peerIds && peerIds.length > 0) {
      const privateChat = this.#privatePermissions();
      if (privateChat.canSend && privateChat.files) return true;
      this.#logger.error(`${method}::private_chat_permission_denied`);
      return false;
    }
    if (this.#canSendPublic('files')) return true;
    this.#logger.error(`${method}::permission_denied`);
    return false;
  }

  #canSendPublic(kind: 'text' | 'files'): boolean {
    const publicChat = this.#self.permissions.chatPublic;
    return Boolean(publicChat?.canSend && publicChat[kind]);
  }

  /**
   * The SDK reads `permissions.chatPrivate.canSend` without a guard: a preset without private chat
   * makes a private send fail with this TypeError, which its class decorator turns into `0500`.
   */
  #privatePermissions(): { canSend: boolean; canReceive: boolean; text: boolean; files: boolean } {
    const section = this.#self.permissions.chatPrivate;
    if (!section) throw new TypeError("Cannot read properties of undefined (reading 'canSend')");
    return section;
  }

  /** The SDK appends the sender's peer id to the caller's `peerIds`, then targets those users and itself. */
  #targets(peerIds: string[] | undefined): string[] {
    if (!peerIds || peerIds.length === 0) return [];
    peerIds.push(this.#self.id);
    return [...new Set([...this.#userIdsOf(peerIds), this.#self.userId])];
  }

  #userIdsOf(peerIds: string[]): string[] {
    return this.#participants
      .toArray()
      .filter((participant) => peerIds.includes(participant.id))
      .map((participant) => participant.userId);
  }

  #replace(message: ChatMessage): void {
    const index = this.messages.findIndex((candidate) => candidate.id === message.id);
    if (index !== -1) this.messages[index] = message;
  }
}
