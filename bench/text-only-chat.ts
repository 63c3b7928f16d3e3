/**
 * The floor of an arrival in `<rtk-chat>`: the same panel, list and message element (its shadow
 * root, styles and reflected attributes), each message rendering only its text. What the panel and
 * the frame cost whatever a message shows; the difference to `<rtk-chat>` is what showing it costs.
 */
import { html } from 'lit';
import { literal } from 'lit/static-html.js';

import { RtkChat } from '../src/chat/chat.js';
import { RtkChatMessage } from '../src/chat-message/chat-message.js';

export class BenchTextMessage extends RtkChatMessage {
  protected override render() {
    return html`<p part="base">${this.message?.message}</p>`;
  }
}

export class BenchTextChat extends RtkChat {
  static override messageTag = literal`bench-text-message`;
}
