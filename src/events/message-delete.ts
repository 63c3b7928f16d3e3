import type { ChatMessage } from '../meeting/contract.js';

/** Fired before a message is deleted. Cancelable: `preventDefault()` keeps the message. */
export class RtkMessageDeleteEvent extends Event {
  constructor(readonly detail: { message: ChatMessage }) {
    super('rtk-message-delete', { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the SDK accepted the deletion of a message. */
export class RtkMessageDeletedEvent extends Event {
  constructor(readonly detail: { message: ChatMessage }) {
    super('rtk-message-deleted', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtk-message-delete': RtkMessageDeleteEvent;
    'rtk-message-deleted': RtkMessageDeletedEvent;
  }
}
