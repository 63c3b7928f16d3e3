/**
 * Fired when the user activates an `<rtk-chat-toggle>`, before it shows or hides the element named
 * by its `for` attribute. Cancelable: `preventDefault()` leaves the panel (and the toggle's
 * `expanded`) as they are, for an app that opens its chat its own way.
 */
export class RtkChatToggleEvent extends Event {
  constructor(
    readonly detail: {
      /** Whether the chat is to be open after this. */
      open: boolean;
      /** The element named by `for`, when there is one. */
      target?: HTMLElement;
    },
  ) {
    super('rtk-chat-toggle', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtk-chat-toggle': RtkChatToggleEvent;
  }
}
