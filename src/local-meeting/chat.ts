/**
 * `meeting.chat` of the local meeting: the SDK's `Chat` (2.0.2) method by method, with the same
 * checks in the same order, the same error codes and log keys, the same rate limits and the same
 * event order and `messages` mutations. The checks and writes are in `chat-writes.ts`, the
 * permission check in `permissions.ts`, the limits in `rate-limits.ts`.
 */
import type { ChatMessage, ChatMessageType } from '../meeting/contract.js';
import type { ChatServer } from './chat-server.js';
import type {
  CustomMessagePayload,
  LocalChatEvents,
  LocalFetchMessagesOptions,
  LocalFetchPrivateMessagesOptions,
  LocalMessagePayload,
} from './chat-types.js';
import { ChatWrites } from './chat-writes.js';
import { LocalEventEmitter } from './emitter.js';
import { asClientErrors, LocalMeetingError } from './errors.js';
import type { PageQuery } from './history.js';
import type { LocalMeetingLogger } from './logger.js';
import { isPrivate } from './messages.js';
import type { LocalSelf, ParticipantMap } from './participants.js';
import type { RateLimits, RateLimitScope } from './rate-limits.js';
import { ChatRateLimits } from './rate-limits.js';

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
  readonly #logger: LocalMeetingLogger;
  readonly #now: () => number;
  readonly #limits: ChatRateLimits;
  readonly #writes: ChatWrites;

  /** @param context What the chat needs from its meeting; `createLocalMeeting` builds it. */
  constructor(context: LocalChatContext) {
    super(context.logger);
    this.#server = context.server;
    this.#self = context.self;
    this.#logger = context.logger;
    this.#now = context.now;
    this.maxTextLimit = context.maxTextLimit;
    this.#limits = new ChatRateLimits(context.now);
    this.#writes = new ChatWrites({ ...context, maxTextLimit: () => this.maxTextLimit });
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
    return this.#limits.text;
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
    this.#limits.setText(num, period);
  }

  /**
   * When sending is possible again (local meeting only; the SDK has no such call): the first epoch
   * millisecond at which every method of `scope` accepts a call, or 0 when they all accept one now.
   */
  rateLimitResetsAt(scope: RateLimitScope): number {
    return this.#limits.resetsAt(scope);
  }

  /**
   * Sends a text, to the room or, with `peerIds`, privately to those participants. Rejects with
   * `0503` when longer than `maxTextLimit`, `0501` without the permission, `0502` when empty (in
   * that order). Past the rate limit it throws `0013` synchronously, as the SDK's decorator does.
   * Like the SDK, it appends your own peer id to `peerIds`.
   */
  sendTextMessage(message: string, peerIds?: string[]): Promise<void> {
    this.#limits.take('sendTextMessage');
    return asClientErrors(() => this.#writes.sendText(message, peerIds));
  }

  /**
   * Sends an image (GIF, JPEG or PNG; anything else is logged and ignored). Without the permission
   * it logs and resolves, as the SDK does. Rate limit: 20 calls per minute (`0013`, thrown
   * synchronously).
   */
  sendImageMessage(image: File, peerIds?: string[]): Promise<void> {
    this.#limits.take('sendImageMessage');
    return asClientErrors(() => this.#writes.sendImage(image, peerIds));
  }

  /**
   * Sends a file; the message carries `{ link, name, size }`. Without the permission it logs and
   * resolves. Rate limit: 20 calls per minute (`0013`, thrown synchronously).
   */
  sendFileMessage(file: File, peerIds?: string[]): Promise<void> {
    this.#limits.take('sendFileMessage');
    return asClientErrors(() => this.#writes.sendFile(file, peerIds));
  }

  /**
   * Sends a text, image or file payload through the matching method's checks. It has its own
   * rate limit of 180 calls per minute, separate from the methods it dispatches to.
   */
  sendMessage(message: LocalMessagePayload, peerIds?: string[]): Promise<void> {
    this.#limits.take('sendMessage');
    return asClientErrors(async () => {
      switch (message.type) {
        case 'text':
          return this.#writes.sendText(message.message, peerIds);
        case 'image':
          return this.#writes.sendImage(message.image, peerIds);
        case 'file':
          return this.#writes.sendFile(message.file, peerIds);
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
    return asClientErrors(() => this.#writes.sendCustom(message, peerIds));
  }

  /**
   * Replaces the text of one of your messages; the edit arrives through `chatUpdate` with
   * `isEdited: true`. As in the SDK it checks the public-chat permission (even for a private
   * message) and refuses an empty text by logging, and does not check `maxTextLimit`.
   */
  async editTextMessage(messageId: string, message: string): Promise<void> {
    return asClientErrors(() => this.#writes.editText(messageId, message));
  }

  /** Replaces one of your messages with an image (GIF, JPEG or PNG). */
  async editImageMessage(messageId: string, image: File): Promise<void> {
    return asClientErrors(() => this.#writes.editImage(messageId, image));
  }

  /** Replaces one of your messages with a file. */
  async editFileMessage(messageId: string, file: File): Promise<void> {
    return asClientErrors(() => this.#writes.editFile(messageId, file));
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
  async fetchPublicMessages(options: LocalFetchMessagesOptions): Promise<ChatMessage[]> {
    return this.#server.page(this.#query(options));
  }

  /** A page of the private messages between you and `userId`; paging as `fetchPublicMessages`. */
  async fetchPrivateMessages(options: LocalFetchPrivateMessagesOptions): Promise<ChatMessage[]> {
    const { userId } = options;
    return this.#server.page(this.#query(options), (message) => isPrivate(message) && (message.targetUserIds ?? []).includes(userId));
  }

  /** A page of the pinned messages; paging as `fetchPublicMessages`. */
  async fetchPinnedMessages(options: LocalFetchMessagesOptions): Promise<ChatMessage[]> {
    return this.#server.page(this.#query(options), (message) => message.pinned === true);
  }

  /** The messages among `messages` sent by `userId` (in the guides; not in SDK 2.0.2). */
  getMessagesByUser(userId: string): ChatMessage[] {
    return this.messages.filter((message) => message.userId === userId);
  }

  /** The messages among `messages` of one type (in the guides; not in SDK 2.0.2). */
  getMessagesByType(type: ChatMessageType): ChatMessage[] {
    return this.messages.filter((message) => message.type === type);
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

  /** The SDK's paging defaults: from now, oldest first. */
  #query({ timestamp, limit, direction = 'after' }: LocalFetchMessagesOptions): PageQuery {
    return { timestamp: timestamp ?? this.#now(), limit, direction };
  }

  #replace(message: ChatMessage): void {
    const index = this.messages.findIndex((candidate) => candidate.id === message.id);
    if (index !== -1) this.messages[index] = message;
  }
}
