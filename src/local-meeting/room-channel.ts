/**
 * The wire between local meetings of one room, standing in for the server's socket. Each meeting
 * has two `BroadcastChannel`s, so meetings in one page and in other tabs of the same origin meet:
 * the room's, which every meeting hears (presence and chat writes), and its own inbox, which only
 * it hears (the answers to its `hello`, a history among them, so no other meeting decodes them).
 * While meetings of a page join, the page also sends itself probes (see `RoomChannel.flush`).
 * What crosses is structured-cloned, so every meeting works on its own copies.
 */
import type { HistoryRecord, HistorySnapshot, Stamp } from './history.js';
import type { MessageContent } from './messages.js';
import { uuid } from './messages.js';

/** A meeting as the room knows it. */
export interface WireParticipant {
  /** Peer id. */
  id: string;
  /** User id. */
  userId: string;
  /** Display name. */
  name: string;
  /** Whether the meeting brings a seeded history: among meetings joining at once, one that does seeds the room. */
  seeded?: boolean;
}

/** A chat write, as the server would broadcast it. */
export type ChatOperation =
  | { op: 'add'; record: HistoryRecord }
  | { op: 'edit'; id: string; fields: MessageContent; stamp: Stamp }
  | { op: 'pin'; id: string; pinned: boolean; stamp: Stamp }
  | { op: 'delete'; id: string; stamp: Stamp };

/** What the room's channel carries: every meeting hears it. */
export type RoomMessage =
  /** A meeting starts joining and asks who is there. */
  | { kind: 'hello'; from: WireParticipant }
  /** A meeting leaves; the oldest hands over the peer ids of the room's joined meetings, oldest first. */
  | { kind: 'bye'; from: WireParticipant; members?: string[] }
  /** A chat write. */
  | { kind: 'chat'; from: string; operation: ChatOperation };

/** What a meeting's inbox carries: only that meeting hears it. */
export type InboxMessage =
  /**
   * The oldest meeting's answer to a `hello`: the room's session, the history the newcomer may
   * read, who is there, and the peer ids of the room's joined meetings oldest first (the newcomer last).
   */
  | {
      kind: 'welcome';
      from: WireParticipant;
      sessionId: string;
      history: HistorySnapshot;
      roster: WireParticipant[];
      members: string[];
    }
  /** From a meeting joining an empty room at the same time that would seed it before the newcomer. */
  | { kind: 'joining'; from: WireParticipant };

/** Everything a meeting receives. */
export type WireMessage = RoomMessage | InboxMessage;

/** A meeting's note to itself: see `RoomChannel.flush`. */
type Probe = { kind: 'probe'; nonce: number };

const PROTOCOL = 'rtk-local-meeting/2';

/** The envelope of everything posted; a message without it (another app, another version) is ignored. */
export interface Envelope<Body> {
  /** The protocol and its version. */
  protocol: typeof PROTOCOL;
  /** The message. */
  body: Body;
}

/** The name of a room's channel. */
export function roomChannelName(room: string): string {
  return `rtk-local-meeting:${room}`;
}

/** The name of the inbox of meeting `peerId` in `room`; no room's channel or other inbox has it. */
export function inboxChannelName(room: string, peerId: string): string {
  return `rtk-local-meeting-inbox:${JSON.stringify([room, peerId])}`;
}

/** What is posted for `body`. */
export function envelope<Body>(body: Body): Envelope<Body> {
  return { protocol: PROTOCOL, body };
}

/** The body of a posted message, or `undefined` when it is not one of ours. */
export function unwrap(data: unknown): unknown {
  const posted = data as Partial<Envelope<unknown>> | null;
  return typeof posted === 'object' && posted?.protocol === PROTOCOL ? posted.body : undefined;
}

/** Where the channel reports a failed post. */
export interface ChannelErrorSink {
  /** Reports a failed post. */
  error(message: string, data?: unknown): void;
}

/** One meeting's end of a room: the room's channel and the meeting's inbox. */
export class RoomChannel {
  #room: BroadcastChannel | undefined;
  #inbox: BroadcastChannel | undefined;
  readonly #roomName: string;
  readonly #sink: ChannelErrorSink;
  /** Whether this meeting still flushes (it is joining), holding the page's probe channel open. */
  #flushing = true;

  /**
   * @param room The room name; meetings with the same name share the room's channel.
   * @param peerId This meeting's peer id, the address of its inbox.
   * @param receive Called with every message other meetings post to the room or send to this inbox.
   * @param sink Told when a post fails.
   */
  constructor(room: string, peerId: string, receive: (message: WireMessage) => void, sink: ChannelErrorSink) {
    this.#roomName = room;
    this.#sink = sink;
    pageProbes.acquire();
    // The inbox first: it must exist before anyone can hear this meeting's hello and answer it.
    this.#inbox = new BroadcastChannel(inboxChannelName(room, peerId));
    this.#inbox.onmessage = (event: MessageEvent<unknown>) => {
      const body = unwrap(event.data) as InboxMessage | undefined;
      if (body) receive(body);
    };
    this.#room = new BroadcastChannel(roomChannelName(room));
    this.#room.onmessage = (event: MessageEvent<unknown>) => {
      const body = unwrap(event.data) as RoomMessage | undefined;
      if (body) receive(body);
    };
  }

  /** Posts to every other meeting in the room; a no-op once closed. */
  post(body: RoomMessage): void {
    if (this.#room) this.#post(this.#room, body);
  }

  /** Sends to the inbox of meeting `peerId` only; a no-op once closed. */
  send(peerId: string, body: InboxMessage): void {
    if (!this.#room) return;
    // Closing right after posting is safe: the message is already on its way.
    const outbox = new BroadcastChannel(inboxChannelName(this.#roomName, peerId));
    this.#post(outbox, body);
    outbox.close();
  }

  /**
   * Resolves once a note the page sent itself has come back (at once when closed). Every channel of
   * a page goes through one ordered pipe, so what a meeting of this page posted before the note was
   * posted has been delivered by then: two flushes after a `hello` cover the hello reaching the
   * page's meetings and their answers coming back.
   */
  flush(): Promise<void> {
    return this.#room && this.#flushing ? pageProbes.flush(this.#sink) : Promise.resolve();
  }

  /** This meeting needs no more flushes (it has joined); later ones resolve at once. */
  stopFlushing(): void {
    if (!this.#flushing) return;
    this.#flushing = false;
    pageProbes.release();
  }

  /** Stops receiving and posting; pending flushes resolve. */
  close(): void {
    for (const channel of [this.#room, this.#inbox]) {
      if (!channel) continue;
      channel.onmessage = null;
      channel.close();
    }
    this.#room = undefined;
    this.#inbox = undefined;
    this.stopFlushing();
  }

  #post(channel: BroadcastChannel, body: WireMessage): void {
    post(channel, body, this.#sink);
  }
}

function post(channel: BroadcastChannel, body: WireMessage | Probe, sink: ChannelErrorSink): void {
  try {
    channel.postMessage(envelope(body));
  } catch (error) {
    // A value that cannot be cloned (an app's custom field) must not break the local meeting.
    sink.error('localMeeting::room_post_failed', { error });
  }
}

/**
 * The page's probes: one pair of channels under a name of the page's own, open while any meeting of
 * the page is joining. One pair for the page rather than one a meeting: opening channels is not free.
 */
const pageProbes = new (class PageProbes {
  #ends: { out: BroadcastChannel; in: BroadcastChannel } | undefined;
  #users = 0;
  #nextNonce = 0;
  readonly #pending = new Map<number, () => void>();

  acquire(): void {
    this.#users += 1;
  }

  release(): void {
    this.#users -= 1;
    if (this.#users > 0) return;
    this.#ends?.out.close();
    this.#ends?.in.close();
    this.#ends = undefined;
    for (const settle of this.#pending.values()) settle();
    this.#pending.clear();
  }

  flush(sink: ChannelErrorSink): Promise<void> {
    const nonce = (this.#nextNonce += 1);
    this.#ends ??= this.#open();
    const { out } = this.#ends;
    return new Promise((resolve) => {
      this.#pending.set(nonce, resolve);
      post(out, { kind: 'probe', nonce }, sink);
    });
  }

  #open(): { out: BroadcastChannel; in: BroadcastChannel } {
    const name = `rtk-local-meeting-probe:${uuid()}`;
    const ends = { out: new BroadcastChannel(name), in: new BroadcastChannel(name) };
    ends.in.onmessage = (event: MessageEvent<unknown>) => {
      const body = unwrap(event.data) as Probe | undefined;
      if (body?.kind !== 'probe') return;
      this.#pending.get(body.nonce)?.();
      this.#pending.delete(body.nonce);
    };
    return ends;
  }
})();
