/** Fired when the chat was exported and the download started. */
export class RtkChatExportEvent extends Event {
  constructor(
    readonly detail: {
      /** The downloaded file's name. */
      filename: string;
      /** Its size in bytes. */
      size: number;
      /** `client`: built from the meeting's messages; `replay`: fetched through the Chat Replay API. */
      source: 'client' | 'replay';
    },
  ) {
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
