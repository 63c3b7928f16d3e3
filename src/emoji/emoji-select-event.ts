/** What was picked in the emoji picker. */
export interface EmojiSelectDetail {
  /** The emoji, in the chosen skin tone. */
  emoji: string;
  /** Its English name, e.g. "thumbs up". */
  name: string;
}

/**
 * Fired when an emoji is picked. Cancelable: when prevented, the picker does not insert the emoji
 * into its `target` (the app inserts it itself, or not at all).
 */
export class RtkEmojiSelectEvent extends Event {
  constructor(readonly detail: EmojiSelectDetail) {
    super('rtk-emoji-select', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtk-emoji-select': RtkEmojiSelectEvent;
  }
}
