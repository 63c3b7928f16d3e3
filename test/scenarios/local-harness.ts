/**
 * The kit's local meeting behind the scenario-test shape (`MeetingHarness`), so the scenarios
 * written for the genuine SDK run unchanged on it.
 *
 * Everyone else in the meeting is a local meeting of their own, in a room no other test uses: the
 * others' messages, edits, deletions and pins reach the user's meeting over the room, as they
 * would in an app, and never through a back door into its state. The local meeting lets only a
 * message's author edit or delete it, so the server's edits and deletions are made by the
 * author's meeting; the author must therefore be in the meeting (or be the user).
 */
import { createLocalMeeting } from '../../src/local-meeting/index.js';
import type { LocalMeeting, LocalMeetingLogger, LocalMeetingOptions, PartialMessage } from '../../src/local-meeting/index.js';
import type { ChatPermissions } from '../../src/meeting/contract.js';
import type {
  ChatPeer,
  ChatPermissionOptions,
  ChatServerPush,
  HistoryMessage,
  IncomingMessage,
  MeetingHarness,
  MeetingHarnessOptions,
  MessageContent,
} from '../real-sdk/harness.js';

/**
 * How long a joining meeting waits for the room's answers. Every meeting here is in this page,
 * where the room answers within a task or two; the default (75 ms) is meant for other tabs.
 */
const JOIN_WAIT_MS = 25;

let rooms = 0;

/** Joins the others (the first bringing the room's history), then the user; history is in place on return. */
export async function createLocalHarness(options: MeetingHarnessOptions = {}): Promise<MeetingHarness> {
  rooms += 1;
  // The same defaults as the real backend, so a scenario reads the same ids on both.
  const common = {
    room: `scenario-${Date.now()}-${rooms}`,
    meetingId: options.meetingId ?? 'meeting-1',
    sessionId: options.sessionId ?? 'session-1',
    joinWaitMs: JOIN_WAIT_MS,
  };
  const self = { userId: 'self-user', name: 'Me', ...options.self };
  const history = historyPartials(options.history ?? []);
  const logs = new WeakMap<LocalMeeting, string[]>();
  const problems: string[] = [];
  const peers = new Map<string, LocalMeeting>();
  const authors = new Map<string, string>(history.map((message) => [message.id!, message.userId!]));

  const start = (meetingOptions: LocalMeetingOptions) => {
    const logged: string[] = [];
    const meeting = createLocalMeeting({ ...common, ...meetingOptions, logger: recorder(logged) });
    logs.set(meeting, logged);
    return meeting;
  };
  const joinPeer = async (peer: ChatPeer, seed?: PartialMessage[]) => {
    const meeting = start({ self: { id: peer.peerId, userId: peer.userId, name: peer.name }, seed });
    peers.set(peer.peerId, meeting);
    await meeting.join();
  };

  // Those already present are there before the user, as on the real backend: the user lists them
  // on joining without a `participantJoined`, and gets the history from them as from a server.
  for (const [index, peer] of (options.participants ?? []).entries()) await joinPeer(peer, index === 0 ? history : undefined);
  // No peer brought the history when there are none: then the user's own seed is the room's.
  const meeting = start({ self, permissions: localPermissions(options.permissions), seed: history });
  await meeting.join();

  /** The meeting of whoever wrote `id`: the local meeting refuses edits and deletions by anyone else. */
  const authorOf = (id: string, action: string): LocalMeeting => {
    const userId = authors.get(id) ?? meeting.chat.messages.find((message) => message.id === id)?.userId;
    if (userId === self.userId) return meeting;
    const author = [...peers.values()].find((peer) => peer.self.userId === userId);
    if (!author) throw new Error(`local harness: cannot ${action} ${id}: its author (${userId ?? 'unknown'}) is not in the meeting`);
    return author;
  };

  // Server pushes happen in order, each after the caller's task, as socket frames would.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = (work: () => unknown) => {
    queue = queue.then(work).catch((error: unknown) => {
      problems.push(String(error));
    });
  };
  /** Runs one write on `actor`, which reports refusals only by logging them. */
  const act = async (actor: LocalMeeting, action: string, write: () => Promise<unknown> | unknown) => {
    const logged = logs.get(actor)!;
    const before = logged.length;
    const done = write();
    if (logged.length > before) problems.push(`local harness: ${action} was refused: ${logged.slice(before).join('; ')}`);
    await done;
  };

  let lastMs = Math.max(Date.now(), ...history.map((message) => message.timeMs!));
  const push: ChatServerPush = {
    pushMessage(message: IncomingMessage) {
      const id = crypto.randomUUID();
      // Strictly increasing, as the real server's, so each message has its own paging cursor.
      lastMs = Math.max(Date.now(), lastMs + 1);
      const partial = { ...messagePartial(message), id, timeMs: lastMs };
      authors.set(id, message.from.userId);
      // Sent by the sender's meeting when present, so it crosses the room; else the server's own push.
      enqueue(() => {
        const sender = peers.get(message.from.peerId) ?? meeting;
        return act(sender, 'pushMessage', () => sender.receive(partial));
      });
      return id;
    },
    editMessage: (id, text) =>
      enqueue(() => {
        const author = authorOf(id, 'edit');
        return act(author, 'editMessage', () => author.chat.editTextMessage(id, text));
      }),
    deleteMessage: (id) =>
      enqueue(() => {
        const author = authorOf(id, 'delete');
        return act(author, 'deleteMessage', () => author.chat.deleteMessage(id));
      }),
    // Anyone in the room may pin; the author surely has the message, the user's meeting otherwise.
    pinMessage: (id, pinned) =>
      enqueue(() => {
        let actor = meeting;
        try {
          actor = authorOf(id, 'pin');
        } catch {
          // The author left: the user's meeting stands in for the server.
        }
        return act(actor, 'pinMessage', () => (pinned ? actor.chat.pin(id) : actor.chat.unpin(id)));
      }),
    participantJoined: (peer) => enqueue(() => joinPeer(peer)),
    participantLeft: (peerId) =>
      enqueue(async () => {
        const peer = peers.get(peerId);
        if (!peer) throw new Error(`local harness: no participant ${peerId} to leave`);
        peers.delete(peerId);
        await peer.leave();
      }),
  };

  return {
    meeting,
    push,
    async dispose() {
      await queue;
      await Promise.all([meeting, ...peers.values()].map((each) => each.leave()));
      peers.clear();
      if (problems.length) throw new Error(problems.join('\n'));
    },
  };
}

/** What the real backend's preset allows by default: everything, unless switched off. */
function localPermissions(chat: ChatPermissionOptions = {}): ChatPermissions {
  return {
    chatPublic: { canSend: true, text: true, files: true, ...chat.public },
    chatPrivate: { canSend: true, canReceive: true, text: true, files: true, ...chat.private },
    pinParticipant: chat.pinParticipant ?? true,
  };
}

/** History as the real backend seeds it: ids kept or made, times a minute apart ending a minute ago. */
function historyPartials(history: HistoryMessage[]): PartialMessage[] {
  const start = Date.now() - (history.length + 1) * 60_000;
  return history.map((message, index) => ({
    ...messagePartial(message),
    id: message.id ?? crypto.randomUUID(),
    timeMs: message.timeMs ?? start + index * 60_000,
    pinned: message.pinned ?? false,
    isEdited: message.isEdited ?? false,
  }));
}

function messagePartial(message: IncomingMessage): PartialMessage {
  return {
    ...content(message),
    userId: message.from.userId,
    displayName: message.from.name,
    targetUserIds: message.targetUserIds ?? [],
  };
}

/** The fields the SDK fills for each type: the text, the image link, the file's link, name and size. */
function content(message: MessageContent): PartialMessage {
  if ('text' in message) return { type: 'text', message: message.text };
  if ('image' in message) return { type: 'image', link: message.image };
  return { type: 'file', link: message.file.link, name: message.file.name, size: message.file.size };
}

/** Keeps what a meeting logs: the real client runs with its logs off, and refusals are checked by `act`. */
function recorder(logged: string[]): LocalMeetingLogger {
  return {
    error: (message) => logged.push(message),
    warn: (message) => logged.push(message),
  };
}
