import type { ChatMessage } from '../meeting/contract.js';

/** Fired before a message is pinned (`pinned` true) or unpinned. Cancelable. */
export class RtkMessagePinEvent extends Event {
  constructor(readonly detail: { message: ChatMessage; pinned: boolean }) {
    super('rtk-message-pin', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtk-message-pin': RtkMessagePinEvent;
  }
}
