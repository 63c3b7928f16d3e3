import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';

import { KitElement } from '../base/kit-element.js';
import { insertText } from '../mentions/insert-text.js';
import styles from './emoji-button.styles.js';
import type { RtkEmojiPanel } from './emoji-panel.js';
import { RtkEmojiSelectEvent } from './emoji-select-event.js';

/**
 * A button that opens an emoji picker (search, categories, skin tones, recently used) and
 * inserts the chosen emoji into its `target` at the caret. The picker and its data load on the
 * first opening, from the app's own origin: nothing is in the page until then, and nothing is
 * ever asked of another host.
 *
 * @summary An emoji picker behind a button, inserting into a text box.
 * @tagname rtk-emoji-button
 *
 * @csspart button - The button.
 * @csspart dialog - The picker's dialog.
 *
 * @cssprop [--rtk-emoji-button-size=2.25rem] - Width and height of the button.
 *
 * @fires {RtkEmojiSelectEvent} rtk-emoji-select - When an emoji is picked; cancel it to keep it out of `target`.
 */
export class RtkEmojiButton extends KitElement {
  static override styles = [KitElement.styles, styles];

  @query('dialog') private dialog?: HTMLDialogElement;

  /** The picker, once loaded. */
  @state() private panel: RtkEmojiPanel | undefined;
  @state() private failed = false;

  /** The text box the emoji goes into, at the caret. Without one, only the event tells. */
  @property({ attribute: false }) target: HTMLTextAreaElement | HTMLInputElement | undefined;

  /** Disables the button. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  protected override updated(): void {
    // The picker lives in this element's shadow root: it takes this element's words.
    if (this.panel && this.panel.strings !== this.strings) this.panel.strings = this.strings;
  }

  /** Opens the picker, loading it the first time. */
  async show(): Promise<void> {
    if (this.disabled || !this.dialog || this.dialog.open) return;
    this.dialog.showModal();
    if (!this.panel) await this.load();
    await this.updateComplete;
    this.panel?.focus();
  }

  /** Closes the picker. */
  close(): void {
    this.dialog?.close();
  }

  private async load(): Promise<void> {
    this.failed = false;
    try {
      const { RtkEmojiPanel } = await import('./emoji-panel.js');
      // Named after this element, so that a kit registered under another prefix stays apart.
      const tag = `${this.localName}-panel`;
      if (!customElements.get(tag)) customElements.define(tag, class extends RtkEmojiPanel {});
      const panel = document.createElement(tag) as RtkEmojiPanel;
      panel.onPick = (emoji, name) => this.pick(emoji, name);
      this.panel = panel;
    } catch {
      this.failed = true;
    }
  }

  private pick(emoji: string, name: string): void {
    const event = new RtkEmojiSelectEvent({ emoji, name });
    this.dispatchEvent(event);
    this.close();
    if (!event.defaultPrevented && this.target) insertText(this.target, emoji);
  }

  private onDialogClick(event: MouseEvent): void {
    // A click on the backdrop lands on the dialog itself.
    if (event.target === this.dialog) this.close();
  }

  protected override render() {
    const strings = this.i18n;
    return html`<button part="button" class="button" type="button" aria-haspopup="dialog" aria-label=${strings.emoji} title=${strings.emoji} ?disabled=${this.disabled} @click=${this.show}>
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">
          <path d="M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18" />
          <path d="M8 14.5c1 1.3 2.4 2 4 2s3-.7 4-2" />
          <path d="M9 9.5h.01M15 9.5h.01" />
        </svg>
      </button>
      <dialog part="dialog" aria-label=${strings.emojiPicker} @click=${this.onDialogClick}>
        ${this.panel ?? html`<p class="status" role="status">${this.failed ? strings.emojiUnavailable : strings.emojiLoading}</p>`}
        ${this.failed ? html`<button type="button" class="retry" @click=${this.load}>${strings.retry}</button>` : nothing}
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtk-emoji-button': RtkEmojiButton;
  }
}
