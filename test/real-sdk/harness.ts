/**
 * The shape scenario tests use to get a meeting and play the server's part, whatever the meeting
 * is: `createRealMeeting` (the genuine SDK on the offline backend) implements it, and a harness
 * around the kit's local meeting can implement it too, so one scenario runs against both.
 */
import type { ChatMeeting } from '../../src/meeting/contract.js';

/** Anyone in the meeting: the peer id changes per connection, the user id does not. */
export interface ChatPeer {
  userId: string;
  peerId: string;
  name: string;
}

/** What a message carries: text, an image link, or a file (as the SDK's file payload). */
export type MessageContent = { text: string } | { image: string } | { file: { link: string; name: string; size: number } };

/** A message another participant sends; `targetUserIds` makes it private. */
export type IncomingMessage = MessageContent & {
  from: ChatPeer;
  /** User ids that may read it, the sender's included. */
  targetUserIds?: string[];
};

/** A message already in the room when the local user joins. */
export type HistoryMessage = IncomingMessage & {
  id?: string;
  /** Creation time in ms; history without one is spread over the minutes before joining. */
  timeMs?: number;
  pinned?: boolean;
  isEdited?: boolean;
};

export interface ChatPermissionOptions {
  public?: { canSend?: boolean; text?: boolean; files?: boolean };
  private?: { canSend?: boolean; canReceive?: boolean; text?: boolean; files?: boolean };
  pinParticipant?: boolean;
}

export interface MeetingHarnessOptions {
  /**
   * The local user. No peer id: the real SDK makes its own per connection (read it from
   * `meeting.self.id`), and it keeps page-wide state per peer id that a reused id would inherit.
   */
  self?: { userId?: string; name?: string };
  /** Everything is allowed unless switched off here. */
  permissions?: ChatPermissionOptions;
  meetingId?: string;
  sessionId?: string;
  history?: HistoryMessage[];
  /** Others already in the meeting. */
  participants?: ChatPeer[];
}

/** What the server does on its own, as seen by the local user. */
export interface ChatServerPush {
  /** Sends a message from someone else; returns the id the server gave it. */
  pushMessage(message: IncomingMessage): string;
  editMessage(id: string, text: string): void;
  deleteMessage(id: string): void;
  pinMessage(id: string, pinned: boolean): void;
  participantJoined(peer: ChatPeer): void;
  participantLeft(peerId: string): void;
}

export interface MeetingHarness {
  /** Joined, with the history already in `chat.messages`. */
  meeting: ChatMeeting;
  push: ChatServerPush;
  /** Leaves and removes everything the harness put on the page. */
  dispose(): Promise<void>;
}
