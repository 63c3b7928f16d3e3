/** What the user tried when the SDK refused. */
export type MessageAction = 'send' | 'edit' | 'delete' | 'pin' | 'unpin';

/** Fired when the SDK rejects what the user tried; the kit also shows the error. */
export class RtkMessageErrorEvent extends Event {
  constructor(
    readonly detail: {
      action: MessageAction;
      /** The SDK's error code (`0501`, `0013`, …), when it gave one. */
      code?: string;
      /** The message shown to the user. */
      text: string;
      error: unknown;
    },
  ) {
    super('rtk-message-error', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtk-message-error': RtkMessageErrorEvent;
  }
}
