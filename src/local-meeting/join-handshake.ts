/**
 * How a local meeting joins a room and lets in those who come after it, with work linear in the
 * room's size:
 * - a newcomer posts `hello` to the room; every meeting notes it (presence), and only the OLDEST
 *   joined meeting answers, into the newcomer's inbox, with the session, the history the newcomer
 *   may read, who is there and the order in which the room's meetings joined;
 * - when the oldest leaves, its `bye` carries that order: the next oldest takes over and answers
 *   the newcomers the old one had not answered;
 * - a newcomer that gets no answer is alone, or joins an empty room together with others: the one
 *   of those that seeds first (one with a seed before one without, then the smallest peer id)
 *   seeds the room and answers the rest.
 */
import type { HistorySnapshot } from './history.js';
import type { LocalMeetingLogger } from './logger.js';
import type { LocalSelf, ParticipantMap } from './participants.js';
import { toParticipant } from './participants.js';
import type { ChatOperation, WireMessage, WireParticipant } from './room-channel.js';
import { RoomChannel } from './room-channel.js';
import type { Scheduler } from './scheduler.js';

/** What the handshake needs from its meeting. */
export interface JoinHandshakeHost {
  /** The room's name. */
  room: string;
  /** The local participant. */
  self: LocalSelf;
  /** The other participants: the handshake adds and removes the room's meetings. */
  participants: ParticipantMap;
  /** Whether this meeting brings a seeded history. */
  seeded: boolean;
  /** How long a round waits for an answer from other tabs before the meeting may seed the room, ms. */
  joinWaitMs: number;
  /** The meeting's timers, cancelled when it leaves. */
  scheduler: Scheduler;
  /** Where failed posts are logged. */
  logger: LocalMeetingLogger;
  /** The room's session id, as this meeting has it. */
  sessionId(): string;
  /** The history a newcomer with this user id may receive. */
  snapshotFor(userId: string): HistorySnapshot;
  /** Applies a chat write another meeting made. */
  apply(operation: ChatOperation): void;
}

/** What joining brings from the room. */
export interface Welcome {
  /** The room's session id. */
  sessionId: string;
  /** The history the local user may read. */
  history: HistorySnapshot;
}

/** Rounds of `hello` before a meeting that keeps hearing of others but gets no answer seeds the room. */
const MAX_JOIN_ROUNDS = 5;

/** Whether `a` seeds an empty room rather than `b` when both join it at once. */
function seedsBefore(a: WireParticipant, b: WireParticipant): boolean {
  if (Boolean(a.seeded) !== Boolean(b.seeded)) return Boolean(a.seeded);
  return a.id < b.id;
}

/** One meeting's membership of a room, from its `hello` to its `bye`. */
export class JoinHandshake {
  /** The room's channel and this meeting's inbox; the chat server publishes through it. */
  readonly channel: RoomChannel;
  readonly #host: JoinHandshakeHost;
  /** The room's other meetings this one knows of. */
  readonly #peers = new Map<string, WireParticipant>();
  /**
   * The peer ids of the room's joined meetings, oldest first, this one included once joined: the
   * whole room for the oldest, those that joined before this one (at least) for the others.
   */
  #members: string[] = [];
  /** Newcomers heard but not known to be answered: the oldest's successor answers them. */
  readonly #waiting = new Set<string>();
  /** Meetings that said `bye`: a list written before it reached the writer must not bring them back. */
  readonly #gone = new Set<string>();
  /** Meetings joining at once that were told this one seeds before them. */
  readonly #noted = new Set<string>();
  /** Whether a joined meeting was heard (a chat write): the room is not empty. */
  #heardMember = false;
  #joined = false;
  #closed = false;
  /** Whether this meeting, still joining and without an answer from its page, tells others it seeds first. */
  #contending = false;
  #welcome: Welcome | undefined;
  #answered!: () => void;
  readonly #arrival = new Promise<void>((resolve) => (this.#answered = resolve));

  /** @param host What the handshake needs from its meeting. */
  constructor(host: JoinHandshakeHost) {
    this.#host = host;
    this.channel = new RoomChannel(host.room, host.self.id, this.#receive, host.logger);
    globalThis.addEventListener?.('pagehide', this.#onPageHide);
  }

  /**
   * Asks the room to let this meeting in. Resolves with what the oldest meeting sent, or with
   * `undefined` when this meeting is to seed the room (alone, or first among those joining at once),
   * or when it left meanwhile.
   */
  async enter(): Promise<Welcome | undefined> {
    try {
      for (let round = 0; round < MAX_JOIN_ROUNDS; round++) {
        this.channel.post({ kind: 'hello', from: this.#wire() });
        // Meetings of this page have answered after two flushes, however busy the page is.
        await this.#untilWelcome(this.#flushTwice());
        if (this.#welcome || this.#closed) return await this.#caughtUp();
        this.#contending = true;
        this.#note([...this.#peers.values()]);
        // Other tabs get `joinWaitMs` to answer, or to say that they seed the room first.
        await this.#untilWelcome(this.#host.scheduler.wait(this.#host.joinWaitMs).then(() => this.#flushTwice()));
        if (this.#welcome || this.#closed) return await this.#caughtUp();
        if (!this.#expectsAnswer()) return undefined;
      }
      return undefined;
    } finally {
      this.#contending = false;
      this.channel.stopFlushing();
    }
  }

  /**
   * This meeting has joined (its history is in place): it answers the newcomers still waiting when
   * it is now the oldest (it seeded the room, or the oldest left meanwhile).
   */
  joined(): void {
    this.#joined = true;
    if (!this.#members.includes(this.#host.self.id)) this.#members.push(this.#host.self.id);
    if (this.#isOldest()) this.#answerWaiting();
  }

  /** Tells the room this meeting leaves (the oldest hands over the room's order) and closes the channel. */
  leave(): void {
    this.#sayBye();
    globalThis.removeEventListener?.('pagehide', this.#onPageHide);
    this.channel.close();
    this.#closed = true;
    this.#answered();
  }

  #receive = (message: WireMessage): void => {
    const { self, participants } = this.#host;
    const silent = !self.roomJoined;
    switch (message.kind) {
      case 'hello': {
        const { from } = message;
        if (from.id === self.id) return;
        this.#gone.delete(from.id);
        this.#peers.set(from.id, from);
        participants.add(toParticipant(from), silent);
        // A repeated hello from one already answered (a slow tab asking again) gets no second history.
        if (this.#members.includes(from.id)) return;
        this.#waiting.add(from.id);
        if (this.#isOldest()) this.#answer(from);
        else if (this.#contending) this.#note([from]);
        break;
      }
      case 'bye': {
        const { from, members } = message;
        const wasOldest = this.#isOldest();
        this.#peers.delete(from.id);
        this.#waiting.delete(from.id);
        this.#gone.add(from.id);
        if (members) this.#adoptMembers(members);
        this.#members = this.#members.filter((id) => id !== from.id);
        participants.remove(from.id, silent);
        if (!wasOldest && this.#isOldest()) this.#answerWaiting();
        break;
      }
      case 'chat':
        this.#heardMember = true;
        this.#host.apply(message.operation);
        break;
      case 'welcome':
        if (this.#joined || this.#welcome) return;
        for (const peer of message.roster) {
          if (peer.id === self.id || this.#gone.has(peer.id)) continue;
          this.#peers.set(peer.id, peer);
          participants.add(toParticipant(peer), silent);
        }
        this.#adoptMembers(message.members);
        this.#welcome = { sessionId: message.sessionId, history: message.history };
        this.#answered();
        break;
      case 'joining':
        this.#peers.set(message.from.id, message.from);
        participants.add(toParticipant(message.from), silent);
        break;
    }
  };

  /** A closing tab does not call `leave()`: at least tell the room. */
  #onPageHide = (): void => {
    this.#sayBye();
  };

  #sayBye(): void {
    this.channel.post({ kind: 'bye', from: this.#wire(), members: this.#isOldest() ? this.#members : undefined });
  }

  /**
   * The answer, once the writes its sender made up to sending it (a deletion right after, say)
   * have reached this meeting too: the join's history must not show what was gone before it ended.
   */
  async #caughtUp(): Promise<Welcome | undefined> {
    await this.channel.flush();
    return this.#closed ? undefined : this.#welcome;
  }

  #untilWelcome(work: Promise<void>): Promise<void> {
    return Promise.race([work, this.#arrival]);
  }

  async #flushTwice(): Promise<void> {
    await this.channel.flush();
    await this.channel.flush();
  }

  /** Takes the room's order from the oldest meeting (its answer, or its `bye`); those in it are answered. */
  #adoptMembers(members: string[]): void {
    this.#members = members.filter((id) => !this.#gone.has(id));
    for (const id of members) this.#waiting.delete(id);
  }

  /** Whether this meeting has joined and is the oldest meeting of the room it knows of. */
  #isOldest(): boolean {
    return this.#joined && this.#members[0] === this.#host.self.id;
  }

  /** Whether a joining meeting without an answer should ask again rather than seed the room. */
  #expectsAnswer(): boolean {
    if (this.#heardMember || this.#members.length > 0) return true;
    const me = this.#wire();
    for (const peer of this.#peers.values()) if (seedsBefore(peer, me)) return true;
    return false;
  }

  /**
   * Tells meetings joining at the same time that this one seeds the room before them: one whose
   * `hello` went out before this meeting's channel existed would not know of it otherwise. Only a
   * meeting that knows of no joined meeting and of no one seeding before it tells, so few do.
   */
  #note(peers: WireParticipant[]): void {
    if (this.#expectsAnswer()) return;
    const me = this.#wire();
    for (const peer of peers) {
      if (this.#noted.has(peer.id) || !seedsBefore(me, peer)) continue;
      this.#noted.add(peer.id);
      this.channel.send(peer.id, { kind: 'joining', from: me });
    }
  }

  #answerWaiting(): void {
    for (const id of [...this.#waiting]) {
      const peer = this.#peers.get(id);
      if (peer) this.#answer(peer);
    }
  }

  /** Sends a newcomer the session, the history it may read, who is there and the room's order. */
  #answer(newcomer: WireParticipant): void {
    this.#waiting.delete(newcomer.id);
    this.#members.push(newcomer.id);
    this.channel.send(newcomer.id, {
      kind: 'welcome',
      from: this.#wire(),
      sessionId: this.#host.sessionId(),
      history: this.#host.snapshotFor(newcomer.userId),
      roster: [this.#wire(), ...[...this.#peers.values()].filter((peer) => peer.id !== newcomer.id)],
      members: this.#members,
    });
  }

  #wire(): WireParticipant {
    const { self, seeded } = this.#host;
    return { id: self.id, userId: self.userId, name: self.name, seeded };
  }
}
