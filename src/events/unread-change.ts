/** Fired when the number of unread messages, or of unread mentions of the local user, changed. */
export class RtkUnreadChangeEvent extends Event {
  constructor(
    readonly detail: {
      /** Unread messages, in every conversation. */
      unreadCount: number;
      /** Unread messages that mention the local user. */
      mentionCount: number;
    },
  ) {
    super('rtk-unread-change', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtk-unread-change': RtkUnreadChangeEvent;
  }
}
