/**
 * Fired when the user chooses a conversation: `everyone`, or the user id of the person to talk to
 * privately. Cancelable: `preventDefault()` keeps the current conversation.
 */
export class RtkConversationChangeEvent extends Event {
  constructor(readonly detail: { conversation: string }) {
    super('rtk-conversation-change', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtk-conversation-change': RtkConversationChangeEvent;
  }
}
