import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';

import { RtkMessageErrorEvent } from '../events/message-error.js';
import { RtkMessagePinEvent } from '../events/message-pin.js';
import { RtkMessageSelectEvent } from '../events/message-select.js';
import { displayName, formatDateTime, formatTime, messageTimeMs } from '../format/format.js';
import { messagePreview } from '../format/preview.js';
import { chatAbilities, isOwnMessage, pinnedMessages } from '../meeting/chat-queries.js';
import type { ChatMessage } from '../meeting/contract.js';
import { describeError, errorCode } from '../meeting/errors.js';
import { MeetingController } from '../meeting/meeting-controller.js';
import { KitElement } from '../base/kit-element.js';
import type { ChatStrings } from '../strings/strings.js';
import styles from './pinned-messages.styles.js';

/**
 * The meeting's pinned messages, newest pin first, each with its sender, time and a short
 * preview. Choosing one makes an `<rtk-chat>` on the same meeting jump to it.
 *
 * @summary The pinned messages of a meeting.
 * @tagname rtk-pinned-messages
 *
 * @csspart base - The wrapper.
 * @csspart toggle - The header button that collapses and expands the list.
 * @csspart list - The list of pinned messages.
 * @csspart item - Each pinned message.
 * @csspart unpin - Each unpin button.
 * @csspart empty - The text shown when nothing is pinned.
 * @csspart edited - The "edited" marker of a message changed since it was sent (its author may edit it after it was pinned).
 *
 * @cssprop [--rtk-pinned-messages-max-height=18rem] - How tall the list grows before it scrolls.
 *
 * @fires {RtkMessageSelectEvent} rtk-message-select - When the user chooses a pinned message; an `<rtk-chat>` on the same meeting jumps to it unless canceled.
 * @fires {RtkMessagePinEvent} rtk-message-pin - Before a message is unpinned; cancel it to keep the pin.
 * @fires {RtkMessageErrorEvent} rtk-message-error - When the SDK refused to unpin.
 */
export class RtkPinnedMessages extends KitElement {
  static override styles = [KitElement.styles, styles];

  /** Ids in the order they were pinned while this element listened: the latest pin first. */
  private pinOrder = new Map<string, number>();
  private pinCount = 0;

  @state() private error = '';
  /** Ids being unpinned: a second click on the same one is ignored. */
  @state() private unpinning = new Set<string>();

  /** Collapses the list to its header. */
  @property({ type: Boolean, reflect: true }) collapsed = false;

  constructor() {
    super();
    new MeetingController(this, () => this.activeMeeting, {
      pin: (event, pinned) => {
        if (pinned) this.pinOrder.set(event.message.id, ++this.pinCount);
      },
      meetingChanged: () => {
        this.pinOrder = new Map();
        this.error = '';
      },
    });
  }

  /** The pinned messages in the order shown: latest pin first, then newest message first. */
  get messages(): ChatMessage[] {
    const order = this.pinOrder;
    return pinnedMessages(this.activeMeeting?.chat).sort((a, b) => (order.get(b.id) ?? 0) - (order.get(a.id) ?? 0) || (messageTimeMs(b) ?? 0) - (messageTimeMs(a) ?? 0));
  }

  private select(message: ChatMessage): void {
    this.dispatchEvent(new RtkMessageSelectEvent({ message, meeting: this.activeMeeting }));
  }

  private async unpin(message: ChatMessage, button: HTMLElement): Promise<void> {
    const chat = this.activeMeeting?.chat;
    if (!chat || !this.dispatchEvent(new RtkMessagePinEvent({ message, pinned: false }))) return;
    if (this.unpinning.has(message.id)) return;
    this.unpinning = new Set(this.unpinning).add(message.id);
    const list = button.closest('ul');
    const index = [...(list?.children ?? [])].indexOf(button.closest('li') as Element);
    this.error = '';
    try {
      await chat.unpin(message.id);
      await this.updateComplete;
      // The item is gone: keep the keyboard user in the list, on the next item's unpin button.
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('.unpin');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('.toggle'))?.focus();
    } catch (error) {
      const text = describeError(error, this.i18n, chat.maxTextLimit ?? 2000);
      this.error = `${this.i18n.pinFailed} ${text}`;
      this.dispatchEvent(new RtkMessageErrorEvent({ action: 'unpin', code: errorCode(error), text, error }));
    } finally {
      const rest = new Set(this.unpinning);
      rest.delete(message.id);
      this.unpinning = rest;
    }
  }

  protected override render() {
    const strings = this.i18n;
    const messages = this.messages;
    const canPin = chatAbilities(this.activeMeeting).pin;
    return html`<section part="base" class="base" aria-label=${strings.pinnedTitle}>
      <button part="toggle" class="toggle" type="button" aria-expanded=${String(!this.collapsed)} aria-controls="pinned-list" @click=${() => (this.collapsed = !this.collapsed)}>
        <svg class="chevron" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path fill="none" stroke="currentColor" stroke-width="2" d="m4 6 4 4 4-4" /></svg>
        <span class="title">${strings.pinnedTitle}</span>
        <span class="count" aria-label=${strings.pinnedCount(messages.length)}>${messages.length}</span>
      </button>
      ${this.collapsed
        ? nothing
        : messages.length === 0
          ? html`<p part="empty" class="empty">${strings.pinnedEmpty}</p>`
          : html`<ul part="list" id="pinned-list">
              ${messages.map((message, index) => this.renderItem(message, index, canPin, strings))}
            </ul>`}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </section>`;
  }

  private renderItem(message: ChatMessage, index: number, canPin: boolean, strings: ChatStrings) {
    const time = messageTimeMs(message);
    const sender = isOwnMessage(this.activeMeeting, message) ? strings.you : (displayName(message.displayName) ?? strings.unknownSender);
    const preview = messagePreview(message, strings);
    return html`<li>
      <button part="item" class="item" type="button" @click=${() => this.select(message)}>
        <span class="meta">
          <span class="sender">${sender}</span>
          ${time === undefined ? nothing : html`<time datetime=${new Date(time).toISOString()} title=${formatDateTime(time, this.locale)}>${formatTime(time, this.locale)}</time>`}
          ${message.isEdited ? html`<span part="edited" class="edited">${strings.edited}</span>` : nothing}
        </span>
        <span class="preview" id=${`preview-${index}`}>${preview}</span>
      </button>
      ${canPin
        ? html`<button part="unpin" class="unpin" type="button" aria-describedby=${`preview-${index}`} ?disabled=${this.unpinning.has(message.id)} @click=${(e: Event) => this.unpin(message, e.currentTarget as HTMLElement)}>
            ${strings.unpin}
          </button>`
        : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtk-pinned-messages': RtkPinnedMessages;
  }
}
