/** What was sent: text, or an image or file. */
export interface MessageSentDetail {
  kind: 'text' | 'image' | 'file';
  /** The text, for a text message. */
  text?: string;
  /** The file, for an image or file message. */
  file?: File;
  /** The peer ids of a private message's recipients. */
  peerIds?: string[];
}

/** Fired when the SDK accepted a message the user sent (it appears in the list when echoed). */
export class RtkMessageSentEvent extends Event {
  constructor(readonly detail: MessageSentDetail) {
    super('rtk-message-sent', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtk-message-sent': RtkMessageSentEvent;
  }
}
