/** (c) The chat-specific windowed list of `src/chat/list-*.ts`: the browser lays out and anchors, the window pages. */
import { html } from 'lit';
import { query } from 'lit/decorators.js';

import { ListFollowController } from '../../src/chat/list-follow-controller.js';
import { keyedItems } from '../../src/chat/list-keyed.js';
import { messageKey } from '../../src/chat/message-list.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import { BenchList } from './bench-list.js';

export class BenchWindowList extends BenchList {
  @query('.list') scroller!: HTMLElement | null;
  @query('.items') private content!: HTMLElement | null;

  private readonly follow = new ListFollowController<ChatMessage>(this, {
    items: () => this.items,
    key: messageKey,
    scroller: () => this.scroller,
    content: () => this.content,
  });

  get following(): boolean {
    return this.follow.following;
  }

  jumpTo(index: number): Promise<void> {
    return this.follow.reveal(index);
  }

  toNewest(): void {
    this.follow.followNewest();
  }

  async prependOlder(messages: ChatMessage[]): Promise<void> {
    // Nothing to do but put them in front: the window stays on its items, the position is kept.
    this.items = [...messages, ...this.items];
    await this.updateComplete;
  }

  protected override render() {
    const { items, start } = this.follow.view();
    return html`<div class="list" tabindex="0"><div class="items">${keyedItems(items, messageKey, (m, i) => this.renderItemContent(m, start + i))}</div></div>`;
  }
}
