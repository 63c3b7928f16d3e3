import { html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';

import type { ChatStrings } from '../strings/strings.js';
import type { RtkEmojiPicker } from './emoji-picker.js';

/** What the emoji picker needs from its host. */
export interface EmojiPickerOptions {
  /** The text box the emoji goes into, at the caret. */
  target(): HTMLTextAreaElement | HTMLInputElement | null | undefined;
  /** The host's string replacements, for the picker's words. */
  strings(): Partial<ChatStrings>;
}

/** The emoji icon, for the host's button (decorative: the button carries the name). */
export const emojiIcon: TemplateResult = html`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round">
  <path d="M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M8 14.5c1 1.3 2.4 2 4 2s3-.7 4-2M9 9.5h.01M15 9.5h.01" />
</svg>`;

/**
 * An emoji picker for a host's text box: the host renders its own button (with `emojiIcon`) that
 * calls `show()`, and renders `render()` anywhere in its template. The picker (a modal dialog with
 * search, categories, skin tones and recently used emoji) and its data load on the first `show()`,
 * from the app's own origin; until then only this controller is in the page. A picked emoji fires
 * `rtk-emoji-select` (bubbles, composed, cancelable) from the picker and, unless cancelled, goes
 * into the text box at the caret.
 */
export class EmojiPickerController implements ReactiveController {
  private picker: RtkEmojiPicker | undefined;
  private failed = false;

  constructor(
    private readonly host: LitElement,
    private readonly options: EmojiPickerOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.picker) return;
    this.picker.strings = this.options.strings();
    this.picker.target = this.options.target() ?? undefined;
  }

  /** Opens the picker, loading it the first time. */
  async show(): Promise<void> {
    this.picker ??= await this.load();
    this.host.requestUpdate();
    await this.host.updateComplete;
    await this.picker?.show();
  }

  /** Closes the picker. */
  close(): void {
    this.picker?.close();
  }

  /** The picker once loaded (its dialog opens in the top layer), or a notice that it failed to load. */
  render(): unknown {
    if (this.picker) return this.picker;
    return this.failed ? html`<span class="visually-hidden" role="alert">${this.options.strings().emojiUnavailable ?? 'The emoji could not be loaded.'}</span>` : nothing;
  }

  private async load(): Promise<RtkEmojiPicker | undefined> {
    this.failed = false;
    try {
      const { pickerClass } = await import('./emoji-picker.js');
      // Named after the host, so that a kit registered under another prefix stays apart.
      const tag = `${this.host.localName}-emoji-picker`;
      if (!customElements.get(tag)) customElements.define(tag, pickerClass());
      const picker = document.createElement(tag) as RtkEmojiPicker;
      picker.setAttribute('exportparts', 'dialog: emoji-dialog');
      return picker;
    } catch {
      this.failed = true;
      return undefined;
    }
  }
}
