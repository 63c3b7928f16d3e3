import type { ChatMessage } from '../meeting/contract.js';

/** Fired when the user chooses Reply on a message; `<rtk-chat>` puts it in its composer as the message replied to. */
export class RtkMessageReplyEvent extends Event {
  constructor(readonly detail: { message: ChatMessage }) {
    super('rtk-message-reply', { bubbles: true, composed: true });
  }
}

/** Fired when a message that mentions the local user arrives in `<rtk-chat>`, so an app can notify. */
export class RtkMentionEvent extends Event {
  constructor(readonly detail: { message: ChatMessage; sender: string }) {
    super('rtk-mention', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtk-message-reply': RtkMessageReplyEvent;
    'rtk-mention': RtkMentionEvent;
  }
}
