/**
 * (b) `@tanstack/lit-virtual` (`@tanstack/virtual-core`), configured for a chat as its own options
 * allow: anchored to the end, following appends, measuring each item, keyed by message id.
 */
import { VirtualizerController, type Virtualizer } from '@tanstack/lit-virtual';
import { html, type PropertyValues } from 'lit';
import { query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';

import type { ChatMessage } from '../../src/meeting/contract.js';
import { BenchList } from './bench-list.js';

export class BenchTanstackList extends BenchList {
  @query('.list') scroller!: HTMLElement | null;

  private readonly controller = new VirtualizerController<HTMLElement, HTMLElement>(this, {
    count: 0,
    getScrollElement: () => this.scroller,
    estimateSize: () => 64,
    overscan: 4,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 24,
    getItemKey: (index) => this.items[index]?.id ?? index,
  });

  private get virtualizer(): Virtualizer<HTMLElement, HTMLElement> {
    return this.controller.getVirtualizer();
  }

  private opened = false;

  get following(): boolean {
    const v = this.virtualizer;
    return v.getTotalSize() - (v.scrollOffset ?? 0) - (v.scrollRect?.height ?? 0) <= 24;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const v = this.virtualizer;
    if (v.options.count !== this.items.length) v.setOptions({ ...v.options, count: this.items.length });
  }

  protected override updated(): void {
    // Measure what was rendered; open at the newest message once.
    for (const element of this.renderRoot.querySelectorAll<HTMLElement>('[data-index]')) this.virtualizer.measureElement(element);
    if (!this.opened && this.items.length > 0) {
      this.opened = true;
      this.virtualizer.scrollToIndex(this.items.length - 1, { align: 'end' });
    }
  }

  async jumpTo(index: number): Promise<void> {
    this.virtualizer.scrollToIndex(index, { align: 'center' });
    await this.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }

  toNewest(): void {
    this.virtualizer.scrollToIndex(this.items.length - 1, { align: 'end' });
  }

  async prependOlder(messages: ChatMessage[]): Promise<void> {
    // anchorTo: 'end' keeps the offset from the end when items are put in front.
    this.items = [...messages, ...this.items];
    await this.updateComplete;
  }

  protected override render() {
    const v = this.virtualizer;
    const virtualItems = v.getVirtualItems();
    const first = virtualItems[0]?.start ?? 0;
    return html`<div class="list" tabindex="0">
      <div style=${styleMap({ height: `${v.getTotalSize()}px`, position: 'relative', width: '100%' })}>
        <div style=${styleMap({ position: 'absolute', top: '0', left: '0', width: '100%', transform: `translateY(${first}px)` })}>
          ${repeat(
            virtualItems,
            (item) => item.key,
            (item) => html`<div data-index=${item.index}>${this.renderItem(this.items[item.index], item.index)}</div>`,
          )}
        </div>
      </div>
    </div>`;
  }
}
