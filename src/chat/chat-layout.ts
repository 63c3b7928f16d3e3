import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

/**
 * The virtualizer's flow layout, rendering less beyond the visible edges (its default is 1000 px
 * on each side). Chat messages are short, so this keeps a few screens' worth of DOM instead of
 * dozens of messages, while fast scrolling still finds the next ones ready.
 */
export class ChatLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = 300;
  }
}
