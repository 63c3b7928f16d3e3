/**
 * `createLocalMeeting()`: an in-browser meeting with the RealtimeKit chat API, for the demo, tests,
 * benchmarks and offline development. Alone it is a meeting with a seeded history; several with
 * the same `room` (in one page or in several tabs) are one meeting.
 */
import type { ChatMeeting, ChatMessage, ChatPermissions } from '../meeting/contract.js';
import { ChatServer } from './chat-server.js';
import { LocalChat } from './chat.js';
import type { Welcome } from './join-handshake.js';
import { JoinHandshake } from './join-handshake.js';
import type { LocalMeetingLogger } from './logger.js';
import { consoleLogger } from './logger.js';
import type { PartialMessage } from './messages.js';
import { uuid } from './messages.js';
import type { LocalParticipant } from './participants.js';
import { LocalSelf, ParticipantMap, toParticipant } from './participants.js';
import { LocalPermissions } from './permissions.js';
import { Scheduler } from './scheduler.js';
import { defaultAuthor, generateHistory, historyFromPartials } from './seed.js';

/** The options of `createLocalMeeting`. Every one is optional. */
export interface LocalMeetingOptions {
  /** The local participant. Defaults: random peer id and user id, name `'Local user'`. */
  self?: { id?: string; userId?: string; name?: string };
  /** The chat permissions, merged key by key over a host's (everything allowed). */
  permissions?: ChatPermissions;
  /** `meta.meetingId`; defaults to `local-<room>`, or a random id without a room. */
  meetingId?: string;
  /** `meta.sessionId`; defaults to the room's (once joined) or a random id. */
  sessionId?: string;
  /** Local meetings with the same room name (same origin, any tab) are one meeting. */
  room?: string;
  /** `chat.maxTextLimit`; 2000 by default. */
  maxTextLimit?: number;
  /**
   * The history a meeting starts with when no one else is in its room: a number of generated
   * messages (deterministic), or partial messages whose missing fields get defaults.
   */
  seed?: number | PartialMessage[];
  /** Start joining at once (default `true`); otherwise call `join()`. */
  autoJoin?: boolean;
  /**
   * Simulated participants present in this meeting only (not in the room's other meetings):
   * something to address private messages to without a second meeting.
   */
  participants?: Array<{ id?: string; userId?: string; name: string }>;
  /**
   * How long a joining meeting waits for an answer from other tabs before it seeds a room that seems
   * empty, in ms; 75 by default. A room with a meeting in it answers at once (its oldest meeting).
   */
  joinWaitMs?: number;
  /** The clock, in epoch ms (message times and rate limits); `Date.now` by default. */
  now?: () => number;
  /** Where refused calls are logged, as the SDK logs them; the console by default. */
  logger?: LocalMeetingLogger;
}

/** `meeting.meta`. */
export interface LocalMeetingMeta {
  /** The meeting id, for the chat dump. */
  readonly meetingId: string;
  /** The session id, for the chat dump; in a room, the room's once joined. */
  sessionId: string;
}

/**
 * A local meeting: `chat`, `self`, `participants.joined` and `meta` as the SDK has them, plus
 * `join()`/`leave()` and a few local-only helpers (`receive`, `addParticipant`,
 * `removeParticipant`, `updatePermissions`).
 */
export class LocalMeeting implements ChatMeeting {
  /** The chat. */
  readonly chat: LocalChat;
  /** The local participant. */
  readonly self: LocalSelf;
  /** The other participants. */
  readonly participants: { readonly joined: ParticipantMap };
  /** Meeting and session ids. */
  readonly meta: LocalMeetingMeta;

  readonly #options: LocalMeetingOptions;
  readonly #logger: LocalMeetingLogger;
  readonly #now: () => number;
  readonly #scheduler = new Scheduler();
  readonly #server: ChatServer;
  readonly #objectUrls = new Set<string>();
  #handshake: JoinHandshake | undefined;
  #joining: Promise<void> | undefined;
  /** Bumped by `leave()`, so a join in progress knows it was abandoned. */
  #generation = 0;

  /** Use `createLocalMeeting()`. */
  constructor(options: LocalMeetingOptions = {}) {
    this.#options = options;
    this.#logger = options.logger ?? consoleLogger;
    this.#now = options.now ?? Date.now;
    const permissions = new LocalPermissions(options.permissions, this.#logger);
    this.self = new LocalSelf(toParticipant({ ...options.self, name: options.self?.name ?? 'Local user' }), permissions, this.#logger);
    this.participants = { joined: new ParticipantMap(this.#logger) };
    for (const participant of options.participants ?? []) {
      this.participants.joined.add(toParticipant(participant), true);
    }
    this.meta = {
      meetingId: options.meetingId ?? (options.room === undefined ? uuid() : `local-${options.room}`),
      sessionId: options.sessionId ?? uuid(),
    };
    this.#server = new ChatServer({
      self: this.self,
      now: this.#now,
      logger: this.#logger,
      scheduler: this.#scheduler,
    });
    this.chat = new LocalChat({
      server: this.#server,
      self: this.self,
      participants: this.participants.joined,
      now: this.#now,
      logger: this.#logger,
      upload: this.#upload,
      maxTextLimit: options.maxTextLimit ?? 2000,
    });
    if (options.autoJoin ?? true) void this.join();
  }

  /**
   * Joins the room: loads the history (from the oldest meeting already in the room, or the seed
   * when alone), sets `chat.messages` to its newest 1000 messages WITHOUT a chat event (as the SDK does),
   * then sets `self.roomJoined` and emits `roomJoined` on `self`. Resolves once joined; calling it
   * again while joining returns the same promise.
   */
  join(): Promise<void> {
    if (this.self.roomJoined) return Promise.resolve();
    this.#joining ??= this.#join().finally(() => {
      this.#joining = undefined;
    });
    return this.#joining;
  }

  /**
   * Leaves the room: tells the others (they emit `participantLeft`), closes the channel, cancels
   * pending echoes and timers, revokes the object URLs this meeting created (its uploads and seed
   * images), empties `participants.joined` silently, and emits `roomLeft` on `self`.
   */
  async leave(): Promise<void> {
    this.#generation += 1;
    this.#handshake?.leave();
    this.#handshake = undefined;
    this.#server.connect(undefined);
    this.#scheduler.cancelAll();
    for (const url of this.#objectUrls) URL.revokeObjectURL(url);
    this.#objectUrls.clear();
    for (const id of [...this.participants.joined.keys()]) this.participants.joined.remove(id, true);
    this.self.setRoomJoined(false);
  }

  /**
   * Local meeting only: simulates the server pushing a message from another participant (the first
   * seed author unless `userId` says otherwise). Missing fields get defaults (a new id, now). It is
   * stored, sent to the room, and, once joined, delivered at once through `chatUpdate` (`add`,
   * replacing `messages`), without rate limits or permission checks. Returns the full message.
   */
  receive(partial: PartialMessage = {}): ChatMessage {
    return this.#server.receive(partial, { ...defaultAuthor(partial.userId), timeMs: this.#now() });
  }

  /**
   * Local meeting only: adds a simulated participant to this meeting's `participants.joined` and
   * emits `participantJoined`. Returns it (with a random peer id and user id unless given).
   */
  addParticipant(participant: { id?: string; userId?: string; name: string }): LocalParticipant {
    const added = toParticipant(participant);
    this.participants.joined.add(added);
    return added;
  }

  /** Local meeting only: removes a participant and emits `participantLeft`; false if unknown. */
  removeParticipant(id: string): boolean {
    return this.participants.joined.remove(id) !== undefined;
  }

  /**
   * Local meeting only: changes the chat permissions (a key set to `undefined` removes that
   * section) and emits `permissionsUpdate` (with the patch) and `chatUpdate` on `self.permissions`.
   */
  updatePermissions(patch: ChatPermissions): void {
    this.self.permissions.apply(patch);
    this.self.permissions.emit('permissionsUpdate', patch);
    this.self.permissions.emit('chatUpdate');
  }

  async #join(): Promise<void> {
    const generation = this.#generation;
    const { room } = this.#options;
    let welcome: Welcome | undefined;
    if (room === undefined) {
      // The SDK's join is a network round trip: never complete within the caller's task.
      await this.#scheduler.wait(0);
    } else {
      this.#handshake = new JoinHandshake({
        room,
        self: this.self,
        participants: this.participants.joined,
        seeded: this.#seeded(),
        joinWaitMs: this.#options.joinWaitMs ?? 75,
        scheduler: this.#scheduler,
        logger: this.#logger,
        sessionId: () => this.meta.sessionId,
        snapshotFor: (userId) => this.#server.snapshotFor(userId),
        apply: (operation) => this.#server.apply(operation),
      });
      this.#server.connect(this.#handshake.channel);
      welcome = await this.#handshake.enter();
    }
    if (generation !== this.#generation) return;
    if (welcome) {
      if (this.#options.sessionId === undefined) this.meta.sessionId = welcome.sessionId;
      this.#server.mergeHistory(welcome.history);
    } else {
      this.#server.loadHistory(this.#ownHistory());
    }
    this.#server.deliverJoinHistory();
    this.#handshake?.joined();
    this.self.setRoomJoined(true);
  }

  #upload = (blob: Blob): string => {
    const url = URL.createObjectURL(blob);
    this.#objectUrls.add(url);
    return url;
  };

  #ownHistory(): ChatMessage[] {
    const { seed } = this.#options;
    if (seed === undefined) return [];
    const context = {
      now: this.#now(),
      self: { userId: this.self.userId, displayName: this.self.name },
      upload: this.#upload,
    };
    return typeof seed === 'number' ? generateHistory(seed, context) : historyFromPartials(seed, context);
  }

  #seeded(): boolean {
    const { seed } = this.#options;
    return typeof seed === 'number' ? seed > 0 : Array.isArray(seed) && seed.length > 0;
  }

}

/**
 * Creates a local meeting (product code, not a test double): the RealtimeKit chat API in the
 * browser, with the SDK's events, errors and limits. It joins at once unless `autoJoin: false`.
 */
export function createLocalMeeting(options: LocalMeetingOptions = {}): LocalMeeting {
  return new LocalMeeting(options);
}
