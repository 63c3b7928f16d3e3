/**
 * One meeting's copy of the chat server's history: every message of the room (private ones too;
 * visibility is decided on delivery, as a server would), sorted by creation time, with tombstones
 * for deleted ids.
 *
 * Several local meetings in a room each hold a copy and exchange operations over a
 * `BroadcastChannel`, so the copies must converge whatever order operations arrive in:
 * - a message's content (edits) and its pin state are two last-writer-wins registers, ordered by a
 *   Lamport stamp (`rev`, then the writer's peer id), so a pin never undoes a concurrent edit;
 * - an edit or pin that arrives before its message waits and is applied when the message comes;
 * - a deleted id stays deleted: a late add, edit or pin of it is ignored.
 */
import type { ChatMessage } from '../meeting/contract.js';
import type { MessageContent, PackedMessage } from './messages.js';
import { fullContent, packMessage, unpackMessage } from './messages.js';

/** A Lamport stamp: which write wins. */
export interface Stamp {
  /** The Lamport counter. */
  rev: number;
  /** The writer's peer id, the tie-break between equal `rev`s. */
  by: string;
}

/** A stored message and the stamps of its last content write and last pin write. */
export interface HistoryRecord {
  /** The message as stored (never handed out: deliveries are copies). */
  message: ChatMessage;
  /** The stamp of the last content write (the send, or the last edit). */
  content: Stamp;
  /** The stamp of the last pin write (the send, or the last pin or unpin). */
  pin: Stamp;
}

/** What a meeting already in the room sends one that joins; the messages are packed (`packMessage`). */
export interface HistorySnapshot {
  /** The messages the joining user may read, in time order. */
  records: Array<Omit<HistoryRecord, 'message'> & { message: PackedMessage }>;
  /** Every deleted id, so a message deleted meanwhile stays deleted. */
  deleted: string[];
}

/** The paging options of `fetchPublicMessages`, resolved. */
export interface PageQuery {
  /** Epoch ms; inclusive. */
  timestamp: number;
  /** The most messages to return. */
  limit: number;
  /** `before`: newest first from `timestamp` back; `after`: oldest first from `timestamp` on. */
  direction: 'before' | 'after';
}

interface Pending {
  content?: { fields: MessageContent; stamp: Stamp };
  pin?: { pinned: boolean; stamp: Stamp };
}

/** Whether stamp `a` is newer than `b`. */
function isNewer(a: Stamp, b: Stamp): boolean {
  return a.rev !== b.rev ? a.rev > b.rev : a.by > b.by;
}

function timeOf(message: ChatMessage): number {
  return message.timeMs ?? message.time.getTime();
}

function precedes(a: ChatMessage, b: ChatMessage): boolean {
  const at = timeOf(a);
  const bt = timeOf(b);
  return at !== bt ? at < bt : a.id < b.id;
}

/** The history store. */
export class ChatHistory {
  #records: HistoryRecord[] = [];
  #byId = new Map<string, HistoryRecord>();
  #deleted = new Set<string>();
  #pending = new Map<string, Pending>();

  /** The stored record of `id`. */
  get(id: string): HistoryRecord | undefined {
    return this.#byId.get(id);
  }

  /**
   * Stores a new message; returns the stored record (with any waiting edit or pin applied), or
   * `undefined` when the id is already known or was deleted.
   */
  insert(record: HistoryRecord): HistoryRecord | undefined {
    const { id } = record.message;
    if (this.#byId.has(id) || this.#deleted.has(id)) return undefined;
    const stored = { ...record };
    const pending = this.#pending.get(id);
    if (pending) {
      this.#pending.delete(id);
      if (pending.content && isNewer(pending.content.stamp, stored.content)) {
        stored.message = withContent(stored.message, pending.content.fields);
        stored.content = pending.content.stamp;
      }
      if (pending.pin && isNewer(pending.pin.stamp, stored.pin)) {
        stored.message = { ...stored.message, pinned: pending.pin.pinned };
        stored.pin = pending.pin.stamp;
      }
    }
    this.#place(stored);
    return stored;
  }

  /**
   * Stores many messages at once, all with `stamp`. Into an empty store, in time order (a seed),
   * it skips the per-message search; otherwise it inserts one by one.
   */
  load(messages: readonly ChatMessage[], stamp: Stamp): void {
    const sorted = messages.every((message, i) => i === 0 || precedes(messages[i - 1], message));
    if (this.#records.length || this.#pending.size || !sorted) {
      for (const message of messages) this.insert({ message, content: stamp, pin: stamp });
      return;
    }
    for (const message of messages) {
      if (this.#deleted.has(message.id)) continue;
      const record = { message, content: stamp, pin: stamp };
      this.#records.push(record);
      this.#byId.set(message.id, record);
    }
  }

  /**
   * Replaces a message's content (an edit: the type and its fields, `isEdited` set). Returns the
   * updated record, or `undefined` when the write is stale, the id deleted, or the message not here
   * yet (then the edit waits for it).
   */
  edit(id: string, fields: MessageContent, stamp: Stamp): HistoryRecord | undefined {
    if (this.#deleted.has(id)) return undefined;
    const record = this.#byId.get(id);
    if (!record) {
      const pending = this.#pending.get(id) ?? {};
      if (!pending.content || isNewer(stamp, pending.content.stamp)) pending.content = { fields, stamp };
      this.#pending.set(id, pending);
      return undefined;
    }
    if (!isNewer(stamp, record.content)) return undefined;
    return this.#replace(record, { ...record, message: withContent(record.message, fields), content: stamp });
  }

  /** Sets a message's pin state; same return as `edit`. */
  pin(id: string, pinned: boolean, stamp: Stamp): HistoryRecord | undefined {
    if (this.#deleted.has(id)) return undefined;
    const record = this.#byId.get(id);
    if (!record) {
      const pending = this.#pending.get(id) ?? {};
      if (!pending.pin || isNewer(stamp, pending.pin.stamp)) pending.pin = { pinned, stamp };
      this.#pending.set(id, pending);
      return undefined;
    }
    if (!isNewer(stamp, record.pin)) return undefined;
    return this.#replace(record, { ...record, message: { ...record.message, pinned }, pin: stamp });
  }

  /** Deletes a message for good; returns its last record if it was stored. */
  delete(id: string): HistoryRecord | undefined {
    this.#deleted.add(id);
    this.#pending.delete(id);
    const record = this.#byId.get(id);
    if (!record) return undefined;
    this.#byId.delete(id);
    this.#records.splice(this.#indexOf(record), 1);
    return record;
  }

  /** Folds in another copy's history: new messages added, newer writes kept, deletions applied. */
  merge(snapshot: HistorySnapshot): void {
    for (const id of snapshot.deleted) this.delete(id);
    for (const packed of snapshot.records) {
      const record = { ...packed, message: unpackMessage(packed.message) };
      const current = this.#byId.get(record.message.id);
      if (!current) {
        this.insert(record);
        continue;
      }
      if (isNewer(record.content, current.content)) {
        this.edit(record.message.id, contentOf(record.message), record.content);
      }
      if (isNewer(record.pin, current.pin)) {
        this.pin(record.message.id, record.message.pinned ?? false, record.pin);
      }
    }
  }

  /** The history a joining user may receive: the messages `visible` accepts, and all tombstones. */
  snapshot(visible: (message: ChatMessage) => boolean): HistorySnapshot {
    return {
      records: this.#records
        .filter((record) => visible(record.message))
        .map(({ message, content, pin }) => ({ message: packMessage(message), content, pin })),
      deleted: [...this.#deleted],
    };
  }

  /** The newest `limit` messages `accept` takes, oldest first. */
  latest(limit: number, accept: (message: ChatMessage) => boolean): ChatMessage[] {
    const result: ChatMessage[] = [];
    for (let i = this.#records.length - 1; i >= 0 && result.length < limit; i--) {
      const { message } = this.#records[i];
      if (accept(message)) result.push(message);
    }
    return result.reverse();
  }

  /**
   * One page of history, as the server's paginated query: `before` gives the messages created at or
   * before `timestamp`, newest first; `after` those created at or after it, oldest first.
   */
  page(query: PageQuery, accept: (message: ChatMessage) => boolean): ChatMessage[] {
    const result: ChatMessage[] = [];
    if (query.limit <= 0) return result;
    if (query.direction === 'before') {
      for (let i = this.#upperBound(query.timestamp) - 1; i >= 0 && result.length < query.limit; i--) {
        const { message } = this.#records[i];
        if (accept(message)) result.push(message);
      }
    } else {
      for (let i = this.#lowerBound(query.timestamp); i < this.#records.length && result.length < query.limit; i++) {
        const { message } = this.#records[i];
        if (accept(message)) result.push(message);
      }
    }
    return result;
  }

  #replace(old: HistoryRecord, next: HistoryRecord): HistoryRecord {
    this.#records[this.#indexOf(old)] = next;
    this.#byId.set(next.message.id, next);
    return next;
  }

  #place(record: HistoryRecord): void {
    this.#byId.set(record.message.id, record);
    const records = this.#records;
    // Messages nearly always arrive in time order: append without searching.
    if (!records.length || precedes(records[records.length - 1].message, record.message)) records.push(record);
    else records.splice(this.#indexOf(record), 0, record);
  }

  /** Where `record` is, or would be, in the sorted records. */
  #indexOf(record: HistoryRecord): number {
    return this.#firstNot((stored) => precedes(stored.message, record.message));
  }

  /** The index of the first message created at or after `timestamp`. */
  #lowerBound(timestamp: number): number {
    return this.#firstNot((stored) => timeOf(stored.message) < timestamp);
  }

  /** The index of the first message created after `timestamp`. */
  #upperBound(timestamp: number): number {
    return this.#firstNot((stored) => timeOf(stored.message) <= timestamp);
  }

  /** Binary search: the index of the first record `before` is false for (it holds for a prefix). */
  #firstNot(before: (record: HistoryRecord) => boolean): number {
    let low = 0;
    let high = this.#records.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(this.#records[mid])) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** A message's content fields, as an edit carries them. */
function contentOf(message: ChatMessage): MessageContent {
  const { type, message: text, link, name, size, html, images, videos, files } = message;
  return { type, message: text, link, name, size, html, images, videos, files };
}

/** The SDK rebuilds an edited message from the new payload: fields of the old type are reset. */
function withContent(message: ChatMessage, fields: MessageContent): ChatMessage {
  return { ...message, ...fullContent(fields), isEdited: true };
}
