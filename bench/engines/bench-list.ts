/**
 * What the three list engines of the comparison share: the meeting subscription, the list of
 * messages, older pages put in front, and `<rtk-chat>`'s own item template (a date separator and
 * an `<rtk-chat-message>`). Each engine only decides which items are in the DOM and where the list
 * stands, so the figures compare the engines and nothing else.
 */
import { css, type CSSResultGroup, html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { literal } from 'lit/static-html.js';

import { listItem } from '../../src/chat/list-item.js';
import type { ChatMeeting, ChatMessage, ChatUpdateEvent } from '../../src/meeting/contract.js';
import { defaultStrings } from '../../src/strings/strings.js';

export abstract class BenchList extends LitElement {
  static override styles: CSSResultGroup = css`
    :host {
      display: flex;
      flex-direction: column;
      height: 100%;
      min-height: 0;
      font-size: 0.9375rem;
    }
    .list {
      flex: 1;
      min-height: 0;
      overflow-y: auto;
      overflow-x: hidden;
      overscroll-behavior: contain;
    }
    .item {
      width: 100%;
      contain: layout style;
    }
    .day {
      margin: 20px 16px 8px;
      font-size: 0.75em;
      text-align: center;
    }
  `;

  @property({ attribute: false }) meeting: ChatMeeting | undefined;
  @state() items: ChatMessage[] = [];

  private attached: ChatMeeting | undefined;

  /** Whether the list follows the newest message now. */
  abstract get following(): boolean;
  /** Brings the message at `index` into view and holds it there. */
  abstract jumpTo(index: number): Promise<void>;
  /** Shows the newest message and follows again. */
  abstract toNewest(): void;
  /** The scrolling element. */
  abstract get scroller(): HTMLElement | null;
  /** Put older messages in front, keeping what the user reads in place (each engine its way). */
  abstract prependOlder(messages: ChatMessage[]): Promise<void>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.attached?.chat?.off?.('chatUpdate', this.onUpdate);
    this.attached = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.meeting !== this.attached) this.subscribe();
  }

  private subscribe(): void {
    this.attached?.chat?.off?.('chatUpdate', this.onUpdate);
    this.attached = this.isConnected ? this.meeting : undefined;
    this.attached?.chat?.on?.('chatUpdate', this.onUpdate);
    this.items = [...(this.attached?.chat?.messages ?? [])];
  }

  private onUpdate = (event: ChatUpdateEvent): void => {
    if (event.action === 'add' && event.message) this.items = [...this.items, event.message];
    else this.items = this.items.map((m) => (m.id === event.message?.id ? event.message : m)).filter((m) => !(event.action === 'delete' && m.id === event.message?.id));
  };

  /** One message as `<rtk-chat>` renders it, in a `<div class="item">`; `index` is in `items`. */
  protected renderItem(message: ChatMessage, index: number) {
    return html`<div class="item">${this.renderItemContent(message, index)}</div>`;
  }

  /** What the item holds: `<rtk-chat>`'s own item template (a date separator, the message). */
  protected renderItemContent(message: ChatMessage, index: number) {
    const context = {
      tag: literal`rtk-chat-message`,
      meeting: this.meeting,
      strings: {},
      i18n: defaultStrings,
      locale: 'en-US',
      highlightId: '',
      dividerId: '',
      mediaPolicy: 'auto' as const,
      trustedMediaOrigins: '',
      hideAvatars: false,
      renderCustom: undefined,
    };
    return listItem(context, message, index > 0 ? this.items[index - 1] : undefined);
  }
}
