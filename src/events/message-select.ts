import type { ChatMeeting, ChatMessage } from '../meeting/contract.js';

/**
 * Fired when the user chooses a message in the pinned list or a quote in a reply. An `<rtk-chat>` on the same meeting
 * scrolls to it and highlights it, unless the event was canceled.
 */
export class RtkMessageSelectEvent extends Event {
  constructor(readonly detail: { message: ChatMessage; meeting?: ChatMeeting }) {
    super('rtk-message-select', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtk-message-select': RtkMessageSelectEvent;
  }
}
