/**
 * Runs the genuine `RealtimeKitClient` offline: installs the page-wide stubs (WebSocket, fetch,
 * RTCPeerConnection), initialises and joins a real client against the in-page room server, and
 * exposes that server so tests can push what Cloudflare's servers would. `stop()` leaves and puts
 * every stub back, so each test (or file) gets its own page state.
 *
 * Needs the dev-server plugins from `wtr-plugins.mjs`: the SDK's protobuf classes are captured
 * through them, and its CommonJS dependency is served as a module.
 */
import RealtimeKitClient from '@cloudflare/realtimekit';
import type { RTKClientOptions } from '@cloudflare/realtimekit';
import { FakeRest, presetPermissions } from './fake-rest.js';
import { installFakePeerConnection } from './fake-rtc.js';
import { installFakeWebSocket } from './fake-socket.js';
import type { ChatPeer, ChatServerPush, HistoryMessage, IncomingMessage, MeetingHarness, MeetingHarnessOptions, MessageContent } from './harness.js';
import { RoomServer } from './room-server.js';
import { PayloadType } from './wire.js';
import type { WireChatMessage } from './wire.js';

/** The SDK's socket edge host (`socket-edge.<socket base URI>`). */
const SOCKET_HOST = 'socket-edge.realtime.cloudflare.com';

/** The server side a test drives, plus what it saw, for assertions and for debugging. */
export interface RealServer extends ChatServerPush {
  readonly room: RoomServer;
  readonly rest: FakeRest;
}

export interface RealBackend {
  readonly meeting: RealtimeKitClient;
  readonly server: RealServer;
  /** Leaves the meeting (if joined) and removes every stub. Safe to call twice. */
  stop(): Promise<void>;
}

/** The stubs and server without a client yet, for tests that must act between init and join. */
export interface InstalledBackend {
  readonly server: RealServer;
  /** `RealtimeKitClient.init` against this backend. */
  init(): Promise<RealtimeKitClient>;
  /** `meeting.join()`, then waits until the SDK is idle: the history is in `chat.messages`. */
  join(meeting: RealtimeKitClient): Promise<void>;
  /** Leaves `meeting` (joining it first if it never tried) and removes every stub. */
  stop(meeting?: RealtimeKitClient): Promise<void>;
}

/** `clientOptions` adds to what `init` passes the SDK (e.g. `modules` to switch logs on). */
export function installRealBackend(options: MeetingHarnessOptions = {}, clientOptions: Partial<RTKClientOptions> = {}): InstalledBackend {
  const self = { userId: 'self-user', name: 'Me', ...options.self };
  const meetingId = options.meetingId ?? 'meeting-1';
  const room = new RoomServer(
    { userId: self.userId, name: self.name },
    { meetingId, sessionId: options.sessionId ?? 'session-1', title: 'Test meeting' },
  );
  options.participants?.forEach((peer) => room.peers.set(peer.peerId, peer));
  seedHistory(room, options.history ?? []);
  const rest = new FakeRest({ userId: self.userId, name: self.name, meetingId, permissions: presetPermissions(options.permissions) });

  const restores = [
    rest.install(),
    installFakeWebSocket((url) => new URL(url).hostname === SOCKET_HOST, room),
    installFakePeerConnection(),
  ];
  let joinAttempted = false;
  let stopped = false;

  const backend: InstalledBackend = {
    server: createServer(room, rest),
    init: () =>
      RealtimeKitClient.init({
        authToken: authToken(meetingId, self.userId),
        defaults: { audio: false, video: false },
        // No log shipping: the SDK flushes its logs after `leave()`, when the stubs are gone.
        modules: { devTools: { logs: false, logLevel: 'off' } },
        ...clientOptions,
      }),
    async join(meeting) {
      joinAttempted = true;
      await meeting.join();
      // `join()` resolves before the history reply is applied and before its last requests
      // (e.g. the connected-meetings dump on `roomJoined`) are answered.
      await room.settled();
      // The SDK's call analytics start in the background and report the join to the
      // da-collector once ready. Leaving before that makes them start on closed transports
      // (an unhandled rejection) and talk to the network after the stubs are gone.
      await rest.requested((url) => url.hostname.startsWith('da-collector.'));
    },
    async stop(meeting) {
      if (stopped) return;
      stopped = true;
      try {
        // An initialised client already runs background work (analytics) that only a join and
        // leave bring to an end; left alone it would reach the network once the stubs are gone.
        if (meeting && !joinAttempted) await backend.join(meeting);
        if (meeting?.self.roomJoined) {
          // Unanswered requests would time out 20 s later, in some other test, unhandled.
          await room.settled();
          await meeting.leave();
        }
      } finally {
        restores.reverse().forEach((restore) => restore());
      }
    },
  };
  return backend;
}

/** Installs the backend, initialises and joins a real client; history is in place on return. */
export async function startRealBackend(options: MeetingHarnessOptions = {}): Promise<RealBackend> {
  const backend = installRealBackend(options);
  let meeting: RealtimeKitClient | undefined;
  try {
    meeting = await backend.init();
    await backend.join(meeting);
  } catch (error) {
    await backend.stop(meeting);
    throw error;
  }
  const joined = meeting;
  return { meeting: joined, server: backend.server, stop: () => backend.stop(joined) };
}

/** The real SDK behind the shared scenario-test shape (see `harness.ts`). */
export async function createRealMeeting(options: MeetingHarnessOptions = {}): Promise<MeetingHarness> {
  const { meeting, server, stop } = await startRealBackend(options);
  return { meeting, push: server, dispose: stop };
}

function createServer(room: RoomServer, rest: FakeRest): RealServer {
  return {
    room,
    rest,
    pushMessage(message: IncomingMessage) {
      const wire = wireMessage(message, room.store.nextTimestamp());
      room.pushMessage(wire);
      return wire.chatId;
    },
    editMessage: (id, text) => room.editMessage(id, { payloadType: PayloadType.text, payload: text }),
    deleteMessage: (id) => room.deleteMessage(id),
    pinMessage: (id, pinned) => room.pinMessage(id, pinned),
    participantJoined: (peer: ChatPeer) => room.peerJoined(peer),
    participantLeft: (peerId) => room.peerLeft(peerId),
  };
}

/** History without times is spaced a minute apart, ending a minute before now. */
function seedHistory(room: RoomServer, history: HistoryMessage[]): void {
  const start = Date.now() - (history.length + 1) * 60_000;
  history.forEach((message, index) => {
    const wire = wireMessage(message, message.timeMs ?? start + index * 60_000);
    room.store.add({ ...wire, chatId: message.id ?? wire.chatId, pinned: message.pinned ?? false, isEdited: message.isEdited ?? false });
  });
}

function wireMessage(message: IncomingMessage, ms: number): WireChatMessage {
  return {
    chatId: crypto.randomUUID(),
    peerId: message.from.peerId,
    userId: message.from.userId,
    displayName: message.from.name,
    pinned: false,
    isEdited: false,
    ...wirePayload(message),
    targetUserIds: message.targetUserIds ?? [],
    createdAt: Math.floor(ms / 1000),
    createdAtMs: ms,
  };
}

/** What the SDK itself sends for each type: the text, the image link, the file as JSON. */
function wirePayload(content: MessageContent): { payloadType: number; payload: string } {
  if ('text' in content) return { payloadType: PayloadType.text, payload: content.text };
  if ('image' in content) return { payloadType: PayloadType.image, payload: content.image };
  return { payloadType: PayloadType.file, payload: JSON.stringify(content.file) };
}

/** A participant token as the SDK parses it: only the middle part is read, the signature never. */
function authToken(meetingId: string, participantId: string): string {
  const part = (value: object) => btoa(JSON.stringify(value));
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ meetingId, orgId: 'org-1', participantId })}.offline`;
}
