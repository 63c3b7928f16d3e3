/**
 * (a) `@lit-labs/virtualizer`, tuned as `<rtk-chat>` had it: a flow layout with a 300 px overhang,
 * pinned at the newest item, re-pinned for a few frames while it settles, let go only on the
 * user's scroll, items contained, re-rendered only when its inputs change.
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html } from 'lit';
import { query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';

import type { ChatMessage } from '../../src/meeting/contract.js';
import { BenchList } from './bench-list.js';

const USER_SCROLL_MS = 1000;
const SETTLE_FRAMES = 6;
const SETTLE_REPINS = 5;
const SCROLL_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);

class ChatLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = 300;
  }
}

type Pin = { index: number; block: ScrollLogicalPosition };

export class BenchVirtualizerList extends BenchList {
  @query('.list') scroller!: HTMLElement | null;
  @state() private pin: Pin | null = null;

  private stuck = true;
  private userScrolledAt = -Infinity;
  private firstVisible = 0;
  private settleFrame = 0;

  get following(): boolean {
    return this.stuck;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.settleFrame);
  }

  protected override update(changed: Map<PropertyKey, unknown>): void {
    if (this.stuck && this.items.length > 0) {
      const last = this.items.length - 1;
      if (this.pin?.index !== last || this.pin.block !== 'end') this.pin = { index: last, block: 'end' };
    }
    super.update(changed);
  }

  protected override updated(): void {
    if (this.stuck) this.settle(SETTLE_FRAMES, SETTLE_REPINS);
  }

  private settle(frames: number, repins: number): void {
    cancelAnimationFrame(this.settleFrame);
    this.settleFrame = requestAnimationFrame(() => {
      const list = this.scroller;
      if (!list || !this.stuck || !this.pin) return;
      if (list.scrollHeight - list.scrollTop - list.clientHeight > 24 && repins > 0) {
        this.pin = { ...this.pin };
        void this.updateComplete.then(() => this.settle(frames, repins - 1));
      } else if (frames > 0) {
        this.settle(frames - 1, repins);
      }
    });
  }

  private onScroll = (): void => {
    const list = this.scroller;
    if (!list) return;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 48;
    if (atBottom && !this.stuck && this.pin === null) {
      this.stuck = true;
      this.requestUpdate();
    }
  };

  private onUnpinned = (): void => {
    if (this.stuck && performance.now() - this.userScrolledAt > USER_SCROLL_MS) {
      this.pin = this.pin && { ...this.pin };
      return;
    }
    this.stuck = false;
    this.pin = null;
  };

  private onScrollIntent = (event: Event): void => {
    const list = this.scroller;
    const upward = event instanceof WheelEvent ? event.deltaY < 0 : event instanceof KeyboardEvent ? SCROLL_KEYS.has(event.key) : true;
    const onScrollbar = event instanceof PointerEvent ? list !== null && event.offsetX > list.clientWidth : true;
    if (!upward || !onScrollbar) return;
    this.userScrolledAt = performance.now();
    if (this.pin) {
      this.stuck = false;
      this.pin = null;
    }
  };

  private onVisibility = (event: Event): void => {
    this.firstVisible = (event as Event & { first: number }).first;
  };

  async jumpTo(index: number): Promise<void> {
    this.stuck = false;
    this.pin = { index, block: 'center' };
    await this.updateComplete;
  }

  toNewest(): void {
    this.stuck = true;
    this.pin = null;
    this.requestUpdate();
  }

  async prependOlder(messages: ChatMessage[]): Promise<void> {
    this.items = [...messages, ...this.items];
    if (!this.stuck) this.pin = { index: this.firstVisible + messages.length, block: 'start' };
    await this.updateComplete;
  }

  protected override render() {
    return html`<div
      class="list"
      tabindex="0"
      @scroll=${this.onScroll}
      @wheel=${this.onScrollIntent}
      @touchmove=${this.onScrollIntent}
      @keydown=${this.onScrollIntent}
      @pointerdown=${this.onScrollIntent}
      @unpinned=${this.onUnpinned}
      @visibilityChanged=${this.onVisibility}
    >${guard([this.items, this.pin], () =>
      virtualize({
        items: this.items,
        scroller: true,
        // The virtualizer asks for the keys of items it no longer has while it shrinks its range.
        keyFunction: (message: ChatMessage | undefined, index: number) => message?.id ?? `#${index}`,
        renderItem: (message: ChatMessage | undefined, index: number) => (message ? this.renderItem(message, index) : html``),
        layout: { type: ChatLayout, pin: this.pin } as { type: typeof ChatLayout; pin?: Pin },
      }),
    )}</div>`;
  }
}
