import type { ChatMessage } from '../meeting/contract.js';

/** Fired when the SDK accepted an edit of one of the user's messages. */
export class RtkMessageEditedEvent extends Event {
  constructor(readonly detail: { message: ChatMessage }) {
    super('rtk-message-edited', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtk-message-edited': RtkMessageEditedEvent;
  }
}
