/**
 * The server side of the local chat, one copy per meeting: it owns the history, accepts this
 * meeting's writes, applies the room's writes, and delivers both to `meeting.chat` the way the
 * SDK's socket does: one's own writes come back as a later echo, private messages reach only their
 * targets, and nothing is delivered before the meeting has joined.
 */
import type { ChatMessage } from '../meeting/contract.js';
import type { HistoryRecord, HistorySnapshot, PageQuery, Stamp } from './history.js';
import { ChatHistory } from './history.js';
import type { LocalMeetingLogger } from './logger.js';
import type { MessageContent, MessageDefaults, PartialMessage } from './messages.js';
import { buildMessage, cloneMessage, isPrivate, messageFromPartial, uuid } from './messages.js';
import type { LocalSelf } from './participants.js';
import type { ChatOperation, RoomChannel } from './room-channel.js';
import type { Scheduler } from './scheduler.js';

/** What the server delivers to `meeting.chat`; every message is the chat's own copy. */
export interface ChatSink {
  /** Join: the history to show, set without an event. */
  load(messages: ChatMessage[]): void;
  /** A new message. */
  added(message: ChatMessage): void;
  /** An edited message. */
  edited(message: ChatMessage): void;
  /** A deleted message. */
  deleted(id: string): void;
  /** A pinned or unpinned message. */
  pinned(message: ChatMessage, pinned: boolean): void;
}

/** What the server needs from its meeting. */
export interface ChatServerContext {
  /** The local participant: author of sends, reader of deliveries. */
  self: LocalSelf;
  /** The clock, epoch ms. */
  now: () => number;
  /** Where refused writes are logged. */
  logger: LocalMeetingLogger;
  /** Runs the echoes; cancelled when the meeting leaves. */
  scheduler: Scheduler;
}

/** Whether `userId` may read `message`: public, or private with the user among its targets. */
export function isVisibleTo(message: ChatMessage, userId: string): boolean {
  return !isPrivate(message) || (message.targetUserIds ?? []).includes(userId);
}

/** The stamp of seeded history: older than any write. */
const SEED_STAMP: Stamp = { rev: 0, by: '' };

/** How many messages from before joining `chat.messages` holds, as the SDK's join does. */
const JOIN_HISTORY_LIMIT = 1000;

/** One meeting's copy of the chat server. */
export class ChatServer {
  /** The history this meeting knows. */
  readonly #history = new ChatHistory();
  readonly #context: ChatServerContext;
  #clock = 0;
  /** The time of this meeting's last send, epoch ms. */
  #lastSentMs = -Infinity;
  #channel: RoomChannel | undefined;
  #sink: ChatSink | undefined;

  /** @param context What the server needs from its meeting. */
  constructor(context: ChatServerContext) {
    this.#context = context;
  }

  /** Connects the chat that receives deliveries. */
  attach(sink: ChatSink): void {
    this.#sink = sink;
  }

  /** Connects the room (or disconnects it with `undefined`). */
  connect(channel: RoomChannel | undefined): void {
    this.#channel = channel;
  }

  /** Whether the local user may read `message` now (`chatPrivate.canReceive` applies to others' private messages). */
  canRead(message: ChatMessage): boolean {
    const { self } = this.#context;
    if (!isVisibleTo(message, self.userId)) return false;
    return !isPrivate(message) || message.userId === self.userId || self.permissions.chatPrivate?.canReceive !== false;
  }

  /** Seeds or room history, stored without any delivery. */
  loadHistory(messages: readonly ChatMessage[]): void {
    this.#history.load(messages, SEED_STAMP);
  }

  /** Folds in the history another meeting of the room sent. */
  mergeHistory(snapshot: HistorySnapshot): void {
    for (const record of snapshot.records) this.#observe(Math.max(record.content.rev, record.pin.rev));
    this.#history.merge(snapshot);
  }

  /** The history another user may receive on joining. */
  snapshotFor(userId: string): HistorySnapshot {
    return this.#history.snapshot((message) => isVisibleTo(message, userId));
  }

  /** Fills `chat.messages` on joining: the newest 1000 readable messages, without an event. */
  deliverJoinHistory(): void {
    const messages = this.#history.latest(JOIN_HISTORY_LIMIT, (message) => this.canRead(message));
    this.#sink?.load(messages.map(cloneMessage));
  }

  /** One page of readable history, as the SDK's paginated fetch. */
  page(query: PageQuery, accept: (message: ChatMessage) => boolean = () => true): ChatMessage[] {
    return this.#history.page(query, (message) => this.canRead(message) && accept(message)).map(cloneMessage);
  }

  /** Sends a message from the local user; it comes back through `chatUpdate` in a later task. */
  send(content: MessageContent, targetUserIds: string[]): void {
    if (!this.#acceptsWrites('sendMessage')) return;
    const { self, now } = this.#context;
    // The server stamps one sender's messages in the order they come: two sent within one
    // millisecond must not swap places in the history (equal times are ordered by id).
    this.#lastSentMs = Math.max(now(), this.#lastSentMs + 1);
    const message = buildMessage({
      id: uuid(),
      userId: self.userId,
      displayName: self.name,
      timeMs: this.#lastSentMs,
      content,
      targetUserIds,
    });
    const stamp = this.#stamp();
    const record: HistoryRecord = { message, content: stamp, pin: stamp };
    this.#history.insert(record);
    this.#publish({ op: 'add', record });
    this.#echo(message.id, (current) => this.#deliverAdded(current));
  }

  /**
   * A message pushed by the simulated server from another participant: stored, sent to the room
   * and delivered at once. Returns the delivered message (or a copy when nothing was delivered).
   */
  receive(partial: PartialMessage, defaults: MessageDefaults): ChatMessage {
    const message = messageFromPartial(partial, defaults);
    const stamp = this.#stamp();
    const stored = this.#history.insert({ message, content: stamp, pin: stamp });
    if (!stored) {
      const existing = this.#history.get(message.id);
      return cloneMessage(existing ? existing.message : message);
    }
    this.#publish({ op: 'add', record: stored });
    return this.#deliverAdded(stored.message) ?? cloneMessage(stored.message);
  }

  /** Edits one of the local user's messages; the edit comes back through `chatUpdate`. */
  edit(id: string, fields: MessageContent): void {
    if (!this.#acceptsWrites('editMessage')) return;
    if (!this.#ownMessage(id, 'editMessage')) return;
    const stamp = this.#stamp();
    this.#history.edit(id, fields, stamp);
    this.#publish({ op: 'edit', id, fields, stamp });
    this.#echo(id, (current) => this.#deliverEdited(current));
  }

  /** Deletes one of the local user's messages; the deletion comes back through `chatUpdate`. */
  delete(id: string): void {
    if (!this.#acceptsWrites('deleteMessage')) return;
    if (!this.#ownMessage(id, 'deleteMessage')) return;
    const stamp = this.#stamp();
    const record = this.#history.delete(id);
    this.#publish({ op: 'delete', id, stamp });
    this.#context.scheduler.later(() => {
      if (record) this.#deliverDeleted(record.message);
    });
  }

  /**
   * Pins or unpins a readable message. Resolves after the echo (`chatUpdate` edit, then
   * `pinMessage`/`unpinMessage`) was delivered; rejects when there is no such message.
   */
  setPinState(id: string, pinned: boolean): Promise<void> {
    const record = this.#history.get(id);
    if (!record || !this.canRead(record.message)) return Promise.reject(new Error(`No message ${id}`));
    const stamp = this.#stamp();
    this.#history.pin(id, pinned, stamp);
    this.#publish({ op: 'pin', id, pinned, stamp });
    return new Promise((resolve) => {
      this.#echo(id, (current) => this.#deliverPinned(current, pinned), resolve);
    });
  }

  /** Applies a write another meeting of the room made. */
  apply(operation: ChatOperation): void {
    switch (operation.op) {
      case 'add': {
        this.#observe(operation.record.content.rev);
        const stored = this.#history.insert(operation.record);
        if (stored) this.#deliverAdded(stored.message);
        break;
      }
      case 'edit': {
        this.#observe(operation.stamp.rev);
        const record = this.#history.edit(operation.id, operation.fields, operation.stamp);
        if (record) this.#deliverEdited(record.message);
        break;
      }
      case 'pin': {
        this.#observe(operation.stamp.rev);
        const record = this.#history.pin(operation.id, operation.pinned, operation.stamp);
        if (record) this.#deliverPinned(record.message, operation.pinned);
        break;
      }
      case 'delete': {
        this.#observe(operation.stamp.rev);
        const record = this.#history.delete(operation.id);
        if (record) this.#deliverDeleted(record.message);
        break;
      }
    }
  }

  #acceptsWrites(method: string): boolean {
    if (this.#context.self.roomJoined) return true;
    // The SDK's socket is not in the room yet (or any more): the write never reaches a server.
    this.#context.logger.warn(`${method}::not_joined_message_dropped`);
    return false;
  }

  #ownMessage(id: string, method: string): boolean {
    const record = this.#history.get(id);
    if (!record || !this.canRead(record.message)) {
      this.#context.logger.error(`${method}::message_not_found`, { chat: { messageId: id } });
      return false;
    }
    if (record.message.userId !== this.#context.self.userId) {
      this.#context.logger.error(`${method}::not_the_author`, { chat: { messageId: id } });
      return false;
    }
    return true;
  }

  /** The server answers after the call returned: deliver the message's state at that time. */
  #echo(id: string, deliver: (message: ChatMessage) => void, done?: () => void): void {
    this.#context.scheduler.later(() => {
      try {
        const current = this.#history.get(id);
        if (current) deliver(current.message);
      } finally {
        // A throwing listener must not leave `pin()` pending; the error still surfaces.
        done?.();
      }
    }, done);
  }

  #deliverAdded(message: ChatMessage): ChatMessage | undefined {
    if (!this.#context.self.roomJoined || !this.canRead(message)) return undefined;
    const copy = cloneMessage(message);
    this.#sink?.added(copy);
    return copy;
  }

  #deliverEdited(message: ChatMessage): void {
    if (this.#context.self.roomJoined && this.canRead(message)) this.#sink?.edited(cloneMessage(message));
  }

  #deliverPinned(message: ChatMessage, pinned: boolean): void {
    if (this.#context.self.roomJoined && this.canRead(message)) this.#sink?.pinned(cloneMessage(message), pinned);
  }

  #deliverDeleted(message: ChatMessage): void {
    if (this.#context.self.roomJoined && this.canRead(message)) this.#sink?.deleted(message.id);
  }

  #publish(operation: ChatOperation): void {
    this.#channel?.post({ kind: 'chat', from: this.#context.self.id, operation });
  }

  #stamp(): Stamp {
    this.#clock += 1;
    return { rev: this.#clock, by: this.#context.self.id };
  }

  #observe(rev: number): void {
    if (rev > this.#clock) this.#clock = rev;
  }
}
