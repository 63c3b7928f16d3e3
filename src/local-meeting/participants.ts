/**
 * `meeting.self` and `meeting.participants.joined`, with the SDK's events (the permissions are in `permissions.ts`).
 */
import type { MeetingParticipant } from '../meeting/contract.js';
import type { WarningSink } from './emitter.js';
import { LocalEventEmitter } from './emitter.js';
import { uuid } from './messages.js';
import type { LocalPermissions } from './permissions.js';

/** A participant of the local meeting: peer id, user id and display name. */
export interface LocalParticipant extends MeetingParticipant {
  /** Peer id: one per connection, what private messages are addressed to. */
  readonly id: string;
  /** User id: stable, what messages carry. */
  userId: string;
  /** Display name. */
  name: string;
}

/** A participant with just its peer id, user id and name; the ids are random when not given. */
export function toParticipant(participant: { id?: string; userId?: string; name: string }): LocalParticipant {
  return { id: participant.id ?? uuid(), userId: participant.userId ?? uuid(), name: participant.name };
}

/** The events of `meeting.self`, with the SDK's payloads. */
export type LocalSelfEvents = {
  /** The meeting joined; `chat.messages` holds the join history. */
  roomJoined: (payload: { reconnected: boolean }) => void;
  /** The meeting left. */
  roomLeft: (payload: { state: 'left' }) => void;
};

/** The events of `meeting.participants.joined`. */
export type ParticipantMapEvents = {
  /** Someone joined (or a simulated participant was added). */
  participantJoined: (participant: LocalParticipant) => void;
  /** Someone left (or a simulated participant was removed). */
  participantLeft: (participant: LocalParticipant) => void;
};

/** `meeting.self`: the local participant. Emits `roomJoined` and `roomLeft`. */
export class LocalSelf extends LocalEventEmitter<LocalSelfEvents> implements LocalParticipant {
  /** Peer id: one per connection, what private messages are addressed to. */
  readonly id: string;
  /** User id: stable, what messages carry. */
  userId: string;
  /** Display name, what messages carry as `displayName`. */
  name: string;
  /** The chat permissions of the preset. */
  readonly permissions: LocalPermissions;
  #roomJoined = false;

  /**
   * @param participant Peer id, user id and name.
   * @param permissions The preset's chat permissions.
   * @param sink Receives the emitter's leak warning.
   */
  constructor(participant: LocalParticipant, permissions: LocalPermissions, sink: WarningSink) {
    super(sink);
    this.id = participant.id;
    this.userId = participant.userId;
    this.name = participant.name;
    this.permissions = permissions;
  }

  /** Whether the meeting has joined the room (history loaded). */
  get roomJoined(): boolean {
    return this.#roomJoined;
  }

  /** Sets `roomJoined` and emits `roomJoined` or `roomLeft`; the meeting calls it. */
  setRoomJoined(joined: boolean): void {
    if (this.#roomJoined === joined) return;
    this.#roomJoined = joined;
    if (joined) this.emit('roomJoined', { reconnected: false });
    else this.emit('roomLeft', { state: 'left' });
  }
}

/**
 * `meeting.participants.joined`: the other participants (not `self`), keyed by peer id. Map-like
 * (`get`, `has`, `size`, iteration, `toArray()`) and an emitter of `participantJoined` and
 * `participantLeft`.
 */
export class ParticipantMap extends LocalEventEmitter<ParticipantMapEvents> implements Iterable<[string, LocalParticipant]> {
  #byId = new Map<string, LocalParticipant>();

  /** How many other participants are in the meeting. */
  get size(): number {
    return this.#byId.size;
  }

  /** The participant with peer id `id`. */
  get(id: string): LocalParticipant | undefined {
    return this.#byId.get(id);
  }

  /** Whether a participant with peer id `id` is in the meeting. */
  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** The participants, in joining order. */
  toArray(): LocalParticipant[] {
    return [...this.#byId.values()];
  }

  /** The peer ids. */
  keys(): IterableIterator<string> {
    return this.#byId.keys();
  }

  /** The participants. */
  values(): IterableIterator<LocalParticipant> {
    return this.#byId.values();
  }

  /** `[peerId, participant]` pairs. */
  entries(): IterableIterator<[string, LocalParticipant]> {
    return this.#byId.entries();
  }

  /** Calls `callback` for each participant, as `Map.prototype.forEach`. */
  forEach(callback: (participant: LocalParticipant, id: string, map: ParticipantMap) => void): void {
    for (const [id, participant] of this.#byId) callback(participant, id, this);
  }

  /** Iterates `[peerId, participant]` pairs. */
  [Symbol.iterator](): IterableIterator<[string, LocalParticipant]> {
    return this.#byId.entries();
  }

  /** Adds a participant; emits `participantJoined` unless `silent`. Returns false if present. */
  add(participant: LocalParticipant, silent = false): boolean {
    if (this.#byId.has(participant.id)) return false;
    this.#byId.set(participant.id, participant);
    if (!silent) this.emit('participantJoined', participant);
    return true;
  }

  /** Removes a participant; emits `participantLeft` unless `silent`. */
  remove(id: string, silent = false): LocalParticipant | undefined {
    const participant = this.#byId.get(id);
    if (!participant) return undefined;
    this.#byId.delete(id);
    if (!silent) this.emit('participantLeft', participant);
    return participant;
  }
}
