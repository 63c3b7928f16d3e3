/**
 * A chat dump as a meeting: what `<rtk-chat>`, `<rtk-pinned-messages>` and
 * `<rtk-chat-export-button>` read from a live meeting, answered from the dump's messages. It is
 * read-only: the viewer has no permission to send, edit, delete or pin, and nothing ever changes,
 * so it never emits an event.
 */
import { LocalMeetingError } from '../local-meeting/errors.js';
import type {
  ChatMeeting,
  ChatMessage,
  ChatMessageType,
  ChatPermissions,
  JoinedParticipants,
  MeetingChat,
  MeetingParticipant,
  MeetingSelf,
} from '../meeting/contract.js';
import { nextTask, readDumpInSlices, type ChatDumpSource, type ReadDumpOptions } from './read-dump.js';

/** What `createDumpMeeting` reads: a dump (CSV text, a `Blob` or `File`, a byte stream, a `fetch` `Response`) or messages already parsed. */
export type DumpMeetingSource = ChatDumpSource | readonly ChatMessage[];

/** Options of `createDumpMeeting`. */
export interface DumpMeetingOptions extends ReadDumpOptions {
  /** The meeting's id; by default the dump's `meetingId` column (required to export parsed messages with one). */
  meetingId?: string;
  /** The session's id; by default the dump's `sessionId` column. */
  sessionId?: string;
  /**
   * Whose eyes the dump is read with: messages of this user id show as their own. By default
   * nobody's, so every message shows with its sender's name.
   */
  self?: { userId?: string; name?: string };
}

/** The read-only meeting of a dump. */
export interface DumpMeeting extends ChatMeeting {
  readonly chat: DumpChat;
  /** The senders of the dump's messages, as participants: the sender filter lists them. */
  readonly participants: { readonly joined: JoinedParticipants };
}

/** The chat of a dump meeting: every message, the guide's queries, and methods that all refuse. */
export interface DumpChat extends MeetingChat {
  readonly pinned: ChatMessage[];
  getMessagesByUser(userId: string): ChatMessage[];
  getMessagesByType(type: ChatMessageType): ChatMessage[];
}

/** No sending, no pinning: the composer shows why, and messages offer no actions. */
const READ_ONLY: ChatPermissions = {
  chatPublic: { canSend: false, text: false, files: false },
  chatPrivate: { canSend: false, canReceive: true, text: false, files: false },
  pinParticipant: false,
};

const refuse = (): Promise<never> => Promise.reject(new LocalMeetingError('0501', 'A chat dump is read-only.'));

/** Nothing in a dump changes: listeners are accepted and never called. */
const silent = {
  on() {
    return this;
  },
  off() {
    return this;
  },
};

const SENDERS_PER_TASK = 20_000;

/** The senders of `messages`, each once, with the name of their latest message; a slice of messages per task. */
async function sendersOf(messages: readonly ChatMessage[], signal: AbortSignal | undefined): Promise<MeetingParticipant[]> {
  const names = new Map<string, string>();
  for (let start = 0; start < messages.length; start += SENDERS_PER_TASK) {
    if (start > 0) {
      await nextTask();
      signal?.throwIfAborted();
    }
    for (const message of messages.slice(start, start + SENDERS_PER_TASK)) {
      if (typeof message?.userId === 'string') names.set(message.userId, typeof message.displayName === 'string' ? message.displayName : '');
    }
  }
  return [...names].map(([userId, name]) => ({ id: userId, userId, name })).sort((a, b) => a.name.localeCompare(b.name));
}

function dumpChat(messages: ChatMessage[]): DumpChat {
  // The elements ask these on every render: each answer is computed once.
  const byUser = new Map<string, ChatMessage[]>();
  const byType = new Map<string, ChatMessage[]>();
  let pinned: ChatMessage[] | undefined;
  const cached = (cache: Map<string, ChatMessage[]>, key: string, pick: (message: ChatMessage) => boolean) => {
    let found = cache.get(key);
    if (!found) cache.set(key, (found = messages.filter(pick)));
    return found;
  };
  return {
    ...silent,
    messages,
    maxTextLimit: 2000,
    get pinned() {
      return (pinned ??= messages.filter((message) => message?.pinned === true));
    },
    getMessagesByUser: (userId) => cached(byUser, userId, (message) => message?.userId === userId),
    getMessagesByType: (type) => cached(byType, type, (message) => message?.type === type),
    listenerCount: () => 0,
    sendTextMessage: refuse,
    sendImageMessage: refuse,
    sendFileMessage: refuse,
    sendMessage: refuse,
    editTextMessage: refuse,
    editImageMessage: refuse,
    editFileMessage: refuse,
    editMessage: refuse,
    deleteMessage: refuse,
    pin: refuse,
    unpin: refuse,
  };
}

/** The meeting of messages already read. */
async function dumpMeeting(messages: ChatMessage[], ids: { meetingId: string; sessionId: string }, options: DumpMeetingOptions): Promise<DumpMeeting> {
  const senders = await sendersOf(messages, options.signal);
  const self: MeetingSelf = {
    ...silent,
    id: 'rtk-dump-viewer',
    userId: options.self?.userId ?? '',
    name: options.self?.name ?? '',
    permissions: READ_ONLY,
    roomJoined: true,
  };
  return {
    chat: dumpChat(messages),
    self,
    participants: { joined: { ...silent, toArray: () => [...senders] } },
    meta: { meetingId: options.meetingId ?? ids.meetingId, sessionId: options.sessionId ?? ids.sessionId },
  };
}

/**
 * A chat dump as a read-only meeting for `<rtk-chat>`, `<rtk-pinned-messages>` and
 * `<rtk-chat-export-button>`: every message with its pinned and edited state, names, images and
 * files; filters and jumping to a message work; nobody may send. A CSV (text, `Blob`, stream or
 * `Response`) is read in slices of a few milliseconds, so even 100,000 messages open without a
 * long task; messages already parsed (`parseChatDumpCsv`) are taken as they are. Exporting the
 * meeting gives the dump back. Rejects with a `ChatDumpError` naming the line of a malformed dump.
 *
 * ```ts
 * const meeting = await createDumpMeeting(file); // a File from <input type="file">
 * document.querySelector('rtk-chat').meeting = meeting;
 * ```
 */
export async function createDumpMeeting(source: DumpMeetingSource, options: DumpMeetingOptions = {}): Promise<DumpMeeting> {
  if (Array.isArray(source)) {
    return dumpMeeting([...(source as readonly ChatMessage[])], { meetingId: '', sessionId: '' }, options);
  }
  const read = await readDumpInSlices(source as ChatDumpSource, options);
  return dumpMeeting(read.messages, read, options);
}
