/** Why an export may lack older messages: the meeting cannot page back, or a page failed. */
export type ExportShortfall = 'no-history' | 'history-failed';

/** What an export wrote. */
export interface ChatExportDetail {
  /** The downloaded file's name. */
  filename: string;
  /** Its size in bytes. */
  size: number;
  /** `client`: built from the meeting's messages; `replay`: fetched through the Chat Replay API. */
  source: 'client' | 'replay';
  /** The messages written to the file (its rows). */
  count: number;
  /** Whether the file holds the whole session: always for `replay`; for `client`, when the history was paged back to its start. */
  complete: boolean;
  /** Why the file may lack older messages, when `complete` is false. */
  shortfall?: ExportShortfall;
}

/** Fired when the chat was exported and the download started. */
export class RtkChatExportEvent extends Event {
  constructor(readonly detail: ChatExportDetail) {
    super('rtk-chat-export', { bubbles: true, composed: true });
  }
}

/** Fired when exporting failed; the button also shows the error. */
export class RtkChatExportErrorEvent extends Event {
  constructor(readonly detail: { text: string; error: unknown }) {
    super('rtk-chat-export-error', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtk-chat-export': RtkChatExportEvent;
    'rtk-chat-export-error': RtkChatExportErrorEvent;
  }
}
