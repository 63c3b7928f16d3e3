/**
 * The bodies of the chat's send and edit methods: the SDK's checks in the SDK's order (length,
 * permission, emptiness, image type), then the write to the chat server. The rate limit and the
 * `0500` wrapping of the SDK's class decorator are the façade's (`chat.ts`).
 */
import type { ChatAttachment } from '../meeting/contract.js';
import type { ChatServer } from './chat-server.js';
import type { CustomMessagePayload } from './chat-types.js';
import { LocalMeetingError } from './errors.js';
import type { LocalMeetingLogger } from './logger.js';
import type { LocalSelf, ParticipantMap } from './participants.js';
import type { WriteCheck } from './permissions.js';
import { maySend } from './permissions.js';
import { acceptsImage, withUploadErrors } from './uploads.js';

/** What the writes need from the chat and its meeting. */
export interface ChatWritesContext {
  /** The meeting's copy of the chat server. */
  server: ChatServer;
  /** The local participant: permissions, peer id, user id. */
  self: LocalSelf;
  /** The other participants: private sends map their peer ids to user ids. */
  participants: ParticipantMap;
  /** Where refused calls are logged. */
  logger: LocalMeetingLogger;
  /** Makes (and remembers, to revoke on leave) the link of an uploaded file. */
  upload: (file: Blob) => string;
  /** The chat's current `maxTextLimit`. */
  maxTextLimit: () => number;
}

/** The send and edit bodies of one chat. */
export class ChatWrites {
  readonly #context: ChatWritesContext;

  /** @param context What the writes need from the chat and its meeting. */
  constructor(context: ChatWritesContext) {
    this.#context = context;
  }

  /** `sendTextMessage`: `0503` when too long, `0501` without the permission, `0502` when empty. */
  async sendText(text: string, peerIds: string[] | undefined): Promise<void> {
    const { server, logger, maxTextLimit } = this.#context;
    if (text.length > maxTextLimit()) throw new LocalMeetingError('0503', 'Max character limit breached');
    const check = { method: 'sendTextMessage', needs: ['text'], peerIds, publicDenied: 'public_chat_permission_denied' } as const;
    if (!this.#may(check)) {
      throw new LocalMeetingError('0501', `Could not send message to ${peerIds?.length ? 'private' : 'public'} chat.`);
    }
    if (!text) {
      logger.error('sendTextMessage::message_can_not_be_empty');
      throw new LocalMeetingError('0502', 'Message can not be empty.');
    }
    server.send({ type: 'text', message: text }, this.#targets(peerIds));
  }

  /** `sendImageMessage`: refusals are logged, an upload failure is `0500`. */
  async sendImage(image: File, peerIds: string[] | undefined): Promise<void> {
    const { server, logger, upload } = this.#context;
    if (!this.#may({ method: 'sendImageMessage', needs: ['files'], peerIds })) return;
    if (!this.#given(image, 'sendImageMessage::required_argument_image_can_not_be_empty')) return;
    if (!acceptsImage(image, logger)) return;
    withUploadErrors('Error sending image message.', () => server.send({ type: 'image', link: upload(image) }, this.#targets(peerIds)));
  }

  /** `sendFileMessage`: refusals are logged, an upload failure is `0500`. */
  async sendFile(file: File, peerIds: string[] | undefined): Promise<void> {
    const { server, upload } = this.#context;
    if (!this.#may({ method: 'sendFileMessage', needs: ['files'], peerIds })) return;
    if (!this.#given(file, 'sendFileMessage::required_argument_file_can_not_be_empty')) return;
    withUploadErrors('Error sending file message.', () => {
      const link = upload(file);
      server.send({ type: 'file', link, name: file.name, size: sizeOf(file) }, this.#targets(peerIds));
    });
  }

  /** `sendCustomMessage`: needs text and files; not echoed to a private sender (no own peer id added). */
  async sendCustom(message: CustomMessagePayload, peerIds: string[] | undefined): Promise<void> {
    const { server, upload } = this.#context;
    if (!this.#may({ method: 'sendCustomMessage', needs: ['files', 'text'], peerIds })) return;
    const attach = (item: File | string): ChatAttachment => {
      if (typeof item === 'string') return { link: item };
      // The SDK reports any failed attachment with the image text.
      return withUploadErrors('Error sending image message.', () => ({ link: upload(item), type: item.type, name: item.name, size: item.size }));
    };
    const files = (message.files ?? []).map(attach);
    const images = (message.images ?? []).map(attach);
    const videos = (message.videos ?? []).map(attach);
    const targets = peerIds && peerIds.length > 0 ? this.#userIdsOf(peerIds) : [];
    server.send({ type: 'custom', message: message.message, html: message.html, files, images, videos }, targets);
  }

  /** `editTextMessage`: the public-chat permission (even for a private message), no length check. */
  async editText(messageId: string, message: string): Promise<void> {
    if (!this.#may({ method: 'editTextMessage', needs: ['text'] })) return;
    if (!this.#given(message, 'editTextMessage::message_can_not_be_empty')) return;
    this.#context.server.edit(messageId, { type: 'text', message });
  }

  /** `editImageMessage`. */
  async editImage(messageId: string, image: File): Promise<void> {
    const { server, logger, upload } = this.#context;
    if (!this.#may({ method: 'editImageMessage', needs: ['files'] })) return;
    if (!this.#given(image, 'editImageMessage::required_argument_image_can_not_be_empty')) return;
    if (!acceptsImage(image, logger)) return;
    const link = withUploadErrors('Error editing image message.', () => upload(image));
    server.edit(messageId, { type: 'image', link });
  }

  /** `editFileMessage`; the SDK logs its refusals under `sendFileMessage`'s keys. */
  async editFile(messageId: string, file: File): Promise<void> {
    const { server, upload } = this.#context;
    if (!this.#may({ method: 'sendFileMessage', needs: ['files'] })) return;
    if (!this.#given(file, 'sendFileMessage::required_argument_file_can_not_be_empty')) return;
    const link = withUploadErrors('Error editing file message.', () => upload(file));
    server.edit(messageId, { type: 'file', link, name: file.name, size: sizeOf(file) });
  }

  /** Whether a required argument was given; when not, logs `key` as the SDK does and the method returns. */
  #given(value: unknown, key: string): boolean {
    if (value) return true;
    this.#context.logger.error(key);
    return false;
  }

  #may(check: WriteCheck): boolean {
    return maySend(this.#context.self.permissions, this.#context.logger, check);
  }

  /** The SDK appends the sender's peer id to the caller's `peerIds`, then targets those users and itself. */
  #targets(peerIds: string[] | undefined): string[] {
    if (!peerIds || peerIds.length === 0) return [];
    const { self } = this.#context;
    peerIds.push(self.id);
    return [...new Set([...this.#userIdsOf(peerIds), self.userId])];
  }

  #userIdsOf(peerIds: string[]): string[] {
    return this.#context.participants
      .toArray()
      .filter((participant) => peerIds.includes(participant.id))
      .map((participant) => participant.userId);
  }
}

/** A `File`'s size; the SDK reads 0 for a file-like object without one. */
function sizeOf(file: File): number {
  return 'size' in file ? file.size : 0;
}
