/**
 * The wire between local meetings of one room: a `BroadcastChannel` named after the room, so
 * meetings in one page and in other tabs of the same origin meet. It stands in for the server's
 * socket; what crosses it is structured-cloned, so every meeting works on its own copies.
 */
import type { HistoryRecord, HistorySnapshot, Stamp } from './history.js';
import type { MessageContent } from './messages.js';

/** A participant as the room announces it. */
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

/** Everything that crosses the channel. */
export type WireMessage =
  /** A meeting starts joining and asks who is there. */
  | { kind: 'hello'; from: WireParticipant }
  /** The answer to `hello`; a meeting still joining sends no history. */
  | {
      kind: 'welcome';
      to: string;
      from: WireParticipant;
      joined: boolean;
      sessionId: string;
      history?: HistorySnapshot;
    }
  /** A meeting leaves. */
  | { kind: 'bye'; from: WireParticipant }
  /** A chat write. */
  | { kind: 'chat'; from: string; operation: ChatOperation };

const PROTOCOL = 'rtk-local-meeting/1';

interface Envelope {
  protocol: typeof PROTOCOL;
  body: WireMessage;
}

function isEnvelope(data: unknown): data is Envelope {
  return typeof data === 'object' && data !== null && (data as Partial<Envelope>).protocol === PROTOCOL;
}

/** Where the channel reports a failed post. */
export interface ChannelErrorSink {
  /** Reports a failed post. */
  error(message: string, data?: unknown): void;
}

/** One meeting's end of a room's channel. */
export class RoomChannel {
  #channel: BroadcastChannel | undefined;
  readonly #sink: ChannelErrorSink;

  /**
   * @param room The room name; meetings with the same name share the channel.
   * @param receive Called with every message other meetings post.
   * @param sink Told when a post fails.
   */
  constructor(room: string, receive: (message: WireMessage) => void, sink: ChannelErrorSink) {
    this.#sink = sink;
    this.#channel = new BroadcastChannel(`rtk-local-meeting:${room}`);
    this.#channel.onmessage = (event: MessageEvent<unknown>) => {
      if (isEnvelope(event.data)) receive(event.data.body);
    };
  }

  /** Posts to every other meeting in the room; a no-op once closed. */
  post(body: WireMessage): void {
    if (!this.#channel) return;
    try {
      this.#channel.postMessage({ protocol: PROTOCOL, body } satisfies Envelope);
    } catch (error) {
      // A value that cannot be cloned (an app's custom field) must not break the local meeting.
      this.#sink.error('localMeeting::room_post_failed', { error });
    }
  }

  /** Stops receiving and posting. */
  close(): void {
    if (!this.#channel) return;
    this.#channel.onmessage = null;
    this.#channel.close();
    this.#channel = undefined;
  }
}
