import { Task } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';

import { KitElement } from '../base/kit-element.js';
import { insertText } from '../mentions/insert-text.js';
import { GROUPS, loadEmojiIndex, preferredTone, preferTone, withTone, type EmojiEntry, type EmojiIndex } from './emoji-data.js';
import styles from './emoji-picker.styles.js';
import { RtkEmojiSelectEvent } from './emoji-select-event.js';

/** The picker's grid is this many emoji wide: the arrow keys move by it. */
const COLUMNS = 8;
const RECENT_KEY = 'rtk-chat-kit:emoji-recent';
const RECENT_LIMIT = 24;
const RECENT = -1;
const TAB_ICONS: Record<number, string> = { [RECENT]: '🕘', 0: '😀', 1: '👋', 3: '🐱', 4: '🍎', 5: '🏠', 6: '⚽', 7: '📝', 8: '⛔', 9: '🏁' };

function storedRecent(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

/**
 * The emoji picker of `EmojiPickerController`, in the chunk that loads on first use: a modal
 * dialog with a search box, a skin-tone choice, a tab per category (recently used first) and the
 * emoji as a list of options moved through with the arrow keys. Picking one fires
 * `rtk-emoji-select` and, unless that is cancelled, inserts the emoji into `target` at the caret.
 * `EmojiPickerController` registers it under its host's name plus `-emoji-picker`.
 *
 * @internal
 */
export class RtkEmojiPicker extends KitElement {
  static override styles = [KitElement.styles, styles];

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('.search') private searchBox?: HTMLInputElement;

  @state() private search = '';
  @state() private group: number = RECENT;
  @state() private tone = preferredTone();
  @state() private recent = storedRecent();
  /** The option that takes the focus in the list (roving tabindex). */
  @state() private active = 0;

  /** The text box the emoji goes into, at the caret. */
  target: HTMLTextAreaElement | HTMLInputElement | undefined;

  private wantsFocus = false;

  private readonly data = new Task(this, {
    task: () => loadEmojiIndex(),
    args: () => [] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.group === RECENT && this.recent.length === 0) this.group = GROUPS[0];
  }

  /** Opens the dialog, the focus in the search box as soon as it is there. */
  async show(): Promise<void> {
    await this.updateComplete;
    if (!this.dialog || this.dialog.open) return;
    this.dialog.showModal();
    this.wantsFocus = !this.searchBox;
    this.searchBox?.focus();
  }

  /** Closes the dialog; the focus goes back where it was. */
  close(): void {
    this.dialog?.close();
  }

  protected override updated(): void {
    if (this.wantsFocus && this.searchBox) {
      this.wantsFocus = false;
      this.searchBox.focus();
    }
  }

  private shown(index: EmojiIndex): EmojiEntry[] {
    if (this.search.trim()) return index.search(this.search);
    if (this.group === RECENT) return this.recent.map((emoji) => index.find(emoji)).filter((entry): entry is EmojiEntry => entry !== undefined);
    return [...index.group(this.group)];
  }

  private pick(entry: EmojiEntry): void {
    this.recent = [entry.emoji, ...this.recent.filter((emoji) => emoji !== entry.emoji)].slice(0, RECENT_LIMIT);
    try {
      localStorage.setItem(RECENT_KEY, JSON.stringify(this.recent));
    } catch {
      // Storage full or refused: the list lasts until the page closes.
    }
    const emoji = withTone(entry, this.tone);
    const event = new RtkEmojiSelectEvent({ emoji, name: entry.annotation });
    this.dispatchEvent(event);
    this.close();
    if (!event.defaultPrevented && this.target) insertText(this.target, emoji);
  }

  private async moveTo(index: number): Promise<void> {
    this.active = index;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`.emoji[data-index="${index}"]`)?.focus();
  }

  private onSearchKey(event: KeyboardEvent, entries: EmojiEntry[]): void {
    if (event.key === 'ArrowDown' && entries.length) {
      event.preventDefault();
      void this.moveTo(0);
    } else if (event.key === 'Enter' && this.search.trim() && entries.length && !event.isComposing) {
      event.preventDefault();
      this.pick(entries[0]);
    }
  }

  private onGridKey(event: KeyboardEvent, count: number): void {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS };
    let next: number;
    if (event.key in moves) next = this.active + moves[event.key];
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else return;
    event.preventDefault();
    if (next < 0 && event.key === 'ArrowUp') {
      this.searchBox?.focus();
      return;
    }
    void this.moveTo(Math.max(0, Math.min(count - 1, next)));
  }

  private onTabKey(event: KeyboardEvent, tabs: number[]): void {
    const at = tabs.indexOf(this.group);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    this.chooseGroup(tabs[(moves[event.key] + tabs.length) % tabs.length]);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
  }

  private chooseGroup(group: number): void {
    this.group = group;
    this.active = 0;
    this.renderRoot.querySelector('.grid')?.scrollTo?.({ top: 0 });
  }

  protected override render() {
    const strings = this.i18n;
    // A click on the backdrop lands on the dialog itself.
    return html`<dialog part="dialog" aria-label=${strings.emojiPicker} @click=${(event: Event) => event.target === this.dialog && this.close()}>
      ${this.data.render({
        pending: () => html`<p class="empty" role="status">${strings.emojiLoading}</p>`,
        error: () => html`<p class="empty" role="alert">${strings.emojiUnavailable}</p>`,
        complete: (index) => this.renderPicker(index),
      })}
    </dialog>`;
  }

  private renderPicker(index: EmojiIndex): TemplateResult {
    const strings = this.i18n;
    const searching = this.search.trim() !== '';
    const entries = this.shown(index);
    const tabs = [...(this.recent.length ? [RECENT] : []), ...GROUPS];
    const groupName = (group: number) => (group === RECENT ? strings.emojiRecent : strings.emojiGroup(group));
    const list = entries.length
      ? html`<div class="grid" role="listbox" aria-label=${searching ? strings.emojiResults(entries.length) : groupName(this.group)} @keydown=${(event: KeyboardEvent) => this.onGridKey(event, entries.length)}>
          ${entries.map(
            (entry, i) => html`<button
              class="emoji"
              type="button"
              role="option"
              aria-selected="false"
              data-index=${i}
              tabindex=${i === Math.min(this.active, entries.length - 1) ? 0 : -1}
              aria-label=${entry.annotation}
              title=${entry.annotation}
              @focus=${() => (this.active = i)}
              @click=${() => this.pick(entry)}
            >
              ${withTone(entry, this.tone)}
            </button>`,
          )}
        </div>`
      : html`<p class="empty">${strings.emojiResults(0)}</p>`;
    return html`
      <div class="top">
        <input
          class="search"
          type="search"
          aria-label=${strings.emojiSearch}
          placeholder=${strings.emojiSearch}
          aria-describedby="results"
          autocomplete="off"
          .value=${this.search}
          @input=${(event: Event) => {
            this.search = (event.target as HTMLInputElement).value;
            this.active = 0;
          }}
          @keydown=${(event: KeyboardEvent) => this.onSearchKey(event, entries)}
        />
        <select
          aria-label=${strings.emojiSkinTone}
          @change=${(event: Event) => {
            this.tone = Number((event.target as HTMLSelectElement).value);
            preferTone(this.tone);
          }}
        >
          ${[0, 1, 2, 3, 4, 5].map(
            (tone) => html`<option value=${tone} ?selected=${tone === this.tone}>${tone ? String.fromCodePoint(0x270b, 0x1f3fa + tone) : '✋'} ${strings.emojiTone(tone)}</option>`,
          )}
        </select>
      </div>
      <p id="results" class="visually-hidden" role="status">${searching ? strings.emojiResults(entries.length) : ''}</p>
      ${searching
        ? list
        : html`<div class="tabs" role="tablist" aria-label=${strings.emojiCategories} @keydown=${(event: KeyboardEvent) => this.onTabKey(event, tabs)}>
              ${tabs.map(
                (group) => html`<button
                  class="tab"
                  type="button"
                  role="tab"
                  id=${`tab-${group}`}
                  aria-selected=${group === this.group ? 'true' : 'false'}
                  aria-controls="panel"
                  tabindex=${group === this.group ? 0 : -1}
                  aria-label=${groupName(group)}
                  title=${groupName(group)}
                  @click=${() => this.chooseGroup(group)}
                >
                  ${TAB_ICONS[group]}
                </button>`,
              )}
            </div>
            <div id="panel" role="tabpanel" aria-labelledby=${`tab-${this.group}`} class="panel">${list}</div>`}
    `;
  }
}

/** A class of the picker for one more tag name: a class backs one name only. */
export function pickerClass(): typeof RtkEmojiPicker {
  return class extends RtkEmojiPicker {};
}
