import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';

import { KitElement } from '../base/kit-element.js';
import styles from './emoji-button.styles.js';
import type { RtkEmojiPicker } from './emoji-picker.js';

/**
 * A button that opens an emoji picker (search, categories, skin tones, recently used) and
 * inserts the chosen emoji into its `target` at the caret. The picker and its data load on the
 * first opening, from the app's own origin: nothing of it is in the page until then, and nothing
 * is ever asked of another host.
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

  /** The picker, once loaded. */
  @state() private picker: RtkEmojiPicker | undefined;
  @state() private failed = false;

  /** The text box the emoji goes into, at the caret. Without one, only the event tells. */
  @property({ attribute: false }) target: HTMLTextAreaElement | HTMLInputElement | undefined;

  /** Disables the button. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  protected override updated(): void {
    // The picker lives in this element's shadow root: it takes this element's words and box.
    if (this.picker) {
      this.picker.strings = this.strings;
      this.picker.target = this.target;
    }
  }

  /** Opens the picker, loading it the first time. */
  async show(): Promise<void> {
    if (this.disabled) return;
    this.picker ??= await this.load();
    await this.updateComplete;
    await this.picker?.show();
  }

  /** Closes the picker. */
  close(): void {
    this.picker?.close();
  }

  private async load(): Promise<RtkEmojiPicker | undefined> {
    this.failed = false;
    try {
      const { RtkEmojiPicker } = await import('./emoji-picker.js');
      // Named after this element, so that a kit registered under another prefix stays apart.
      const tag = `${this.localName}-picker`;
      if (!customElements.get(tag)) customElements.define(tag, class extends RtkEmojiPicker {});
      const picker = document.createElement(tag) as RtkEmojiPicker;
      picker.setAttribute('exportparts', 'dialog');
      return picker;
    } catch {
      this.failed = true;
      return undefined;
    }
  }

  protected override render() {
    const strings = this.i18n;
    return html`<button part="button" class="button" type="button" aria-haspopup="dialog" aria-label=${strings.emoji} title=${strings.emoji} ?disabled=${this.disabled} @click=${this.show}>
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">
          <path d="M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M8 14.5c1 1.3 2.4 2 4 2s3-.7 4-2M9 9.5h.01M15 9.5h.01" />
        </svg></button
      >${this.picker ?? nothing}${this.failed ? html`<span class="visually-hidden" role="alert">${strings.emojiUnavailable}</span>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtk-emoji-button': RtkEmojiButton;
  }
}
