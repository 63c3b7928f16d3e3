import { html, nothing, type LitElement, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

import { shortcodeSource } from '../emoji/shortcodes.js';
import { addStyles } from '../format/lazy-styles.js';
import completionStyles from './completion.styles.js';
import { insertText } from './insert-text.js';
import type { MentionCompletionOptions } from './mention-completion.js';
import { mentionSource } from './mentions.js';

/** One suggestion. */
export interface CompletionItem {
  /** Unique among the suggestions shown together. */
  key: string;
  /** What the option shows and is named by. */
  label: string;
  /** A second, quieter line that tells apart options with the same label, e.g. a short id. */
  detail?: string;
  /** A picture before the label, e.g. the emoji itself. */
  icon?: string;
  /** The text that replaces the trigger and the query, e.g. `@Amara Okafor`. */
  text: string;
}

/** What a trigger character (`@`, `:`) suggests. */
export interface CompletionSource {
  /** The character that starts a query, at the start of the text or after whitespace. */
  trigger: string;
  /** How many characters after the trigger before suggestions show (0: at once). */
  minLength?: number;
  /** Whether the query may hold single spaces, as names do. */
  spaces?: boolean;
  /** The accessible name of the list, e.g. "People". */
  label(): string;
  /** The suggestions for a query (the text after the trigger); a promise for data that loads. */
  suggest(query: string): readonly CompletionItem[] | Promise<readonly CompletionItem[]>;
}

/** What the completion needs from its host. */
export interface CompletionOptions {
  /** The text box: a textarea or input in the host's shadow root. */
  input(): HTMLTextAreaElement | HTMLInputElement | null | undefined;
  /** What each trigger character suggests. */
  sources: readonly CompletionSource[];
  /** Called after a suggestion was inserted (the box has also fired `input`). */
  onPick?(item: CompletionItem, source: CompletionSource): void;
}

/** A query being typed: which source, where its trigger is, and the text after it. */
interface Query {
  source: CompletionSource;
  start: number;
  end: number;
  text: string;
}

/** Queries longer than this are no longer looked up: nobody types a 60-character name. */
const MAX_QUERY = 60;
const MAX_ITEMS = 8;

let lists = 0;

/**
 * Suggestions while typing in a text box, as the ARIA combobox pattern: typing a trigger (`@`,
 * `:`) opens a list of suggestions under the box's control; Up and Down move through them, Enter
 * or Tab inserts the active one, Escape closes the list. The box keeps the focus, and the active
 * option is announced through `aria-activedescendant`, which only reaches elements of the same
 * shadow root: so the list is rendered by the host, with `render()`, next to its text box.
 *
 * The controller sets `role="combobox"`, `aria-autocomplete`, `aria-expanded`, `aria-controls`
 * and `aria-activedescendant` on the box itself; the host binds none of them. It listens on the
 * host's shadow root, and its keys run before the box's own handlers (a list that is open takes
 * Enter, Tab and Escape).
 */
export class CompletionController implements ReactiveController {
  private readonly listId = `rtk-completion-${(lists += 1)}`;
  private query: Query | undefined;
  private items: readonly CompletionItem[] = [];
  private active = 0;
  /** Counts lookups, so an answer that arrives after a newer one is dropped. */
  private lookups = 0;
  /** The query the user closed with Escape: it stays closed until it changes. */
  private dismissed: string | undefined;
  private root: ShadowRoot | HTMLElement | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly options: CompletionOptions,
  ) {
    host.addController(this);
  }

  /** Whether the list of suggestions shows. */
  get open(): boolean {
    return this.query !== undefined && this.items.length > 0;
  }

  hostConnected(): void {
    const root = this.host.renderRoot as ShadowRoot | HTMLElement;
    this.root = root;
    root.addEventListener('keydown', this.onKeyDown as EventListener, true);
    root.addEventListener('input', this.onInput);
    root.addEventListener('click', this.onCaret);
    root.addEventListener('keyup', this.onCaret as EventListener);
    root.addEventListener('focusout', this.onFocusOut);
  }

  hostDisconnected(): void {
    const root = this.root;
    root?.removeEventListener('keydown', this.onKeyDown as EventListener, true);
    root?.removeEventListener('input', this.onInput);
    root?.removeEventListener('click', this.onCaret);
    root?.removeEventListener('keyup', this.onCaret as EventListener);
    root?.removeEventListener('focusout', this.onFocusOut);
    this.close();
  }

  hostUpdated(): void {
    const box = this.options.input();
    if (!box) return;
    const open = this.open;
    box.setAttribute('role', 'combobox');
    box.setAttribute('aria-autocomplete', 'list');
    box.setAttribute('aria-controls', this.listId);
    box.setAttribute('aria-expanded', String(open));
    if (open) box.setAttribute('aria-activedescendant', this.optionId(this.active));
    else box.removeAttribute('aria-activedescendant');
  }

  /** Looks at the text before the caret again, e.g. after the box changed without an `input` event. */
  refresh(): void {
    void this.lookUp();
  }

  /** Closes the list. */
  close(): void {
    if (this.query === undefined && this.items.length === 0) return;
    this.lookups += 1;
    this.query = undefined;
    this.items = [];
    this.host.requestUpdate();
  }

  /** The list of suggestions, for the host to render next to the text box. */
  render(): TemplateResult {
    const open = this.open;
    return html`<ul id=${this.listId} class="completion" role="listbox" aria-label=${(this.query?.source ?? this.options.sources[0])?.label() ?? nothing} ?hidden=${!open}>
      ${open
        ? this.items.map(
            (item, index) => html`<li
              id=${this.optionId(index)}
              class="completion-option"
              role="option"
              aria-selected=${index === this.active ? 'true' : 'false'}
              @pointerdown=${(event: Event) => event.preventDefault()}
              @click=${() => this.pick(index)}
            >
              ${item.icon ? html`<span class="completion-icon" aria-hidden="true">${item.icon}</span>` : nothing}
              <span class="completion-label">${item.label}</span>
              ${item.detail ? html`<span class="completion-detail">${item.detail}</span>` : nothing}
            </li>`,
          )
        : nothing}
    </ul>`;
  }

  private optionId(index: number): string {
    return `${this.listId}-${index}`;
  }

  private isBox(target: EventTarget | null): boolean {
    const box = this.options.input();
    return box !== null && box !== undefined && target === box;
  }

  private readonly onInput = (event: Event): void => {
    if (this.isBox(event.composedPath()[0] ?? null)) void this.lookUp();
  };

  /** The caret moved by a click or an arrow key: the query may have changed or ended. */
  private readonly onCaret = (event: Event): void => {
    if (!this.isBox(event.composedPath()[0] ?? null)) return;
    if (event instanceof KeyboardEvent && !['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    void this.lookUp();
  };

  private readonly onFocusOut = (event: Event): void => {
    if (this.isBox(event.composedPath()[0] ?? null)) this.close();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (!this.open || event.isComposing || !this.isBox(event.composedPath()[0] ?? null)) return;
    const count = this.items.length;
    switch (event.key) {
      case 'ArrowDown':
        this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        this.active = (this.active - 1 + count) % count;
        break;
      case 'Enter':
      case 'Tab':
        if (event.shiftKey) return;
        this.pick(this.active);
        break;
      case 'Escape':
        this.dismissed = this.queryKey(this.query);
        this.close();
        break;
      default:
        return;
    }
    // Taken by the list: the box's own handlers (Enter sends) never see it.
    event.preventDefault();
    event.stopPropagation();
    this.host.requestUpdate();
  };

  private queryKey(query: Query | undefined): string | undefined {
    return query && `${query.start}|${query.source.trigger}${query.text}`;
  }

  /** Finds the query before the caret, if any, and asks its source for suggestions. */
  private async lookUp(): Promise<void> {
    const box = this.options.input();
    const query = box ? findQuery(box, this.options.sources) : undefined;
    const key = this.queryKey(query);
    if (!query || key === this.dismissed) {
      if (!query) this.dismissed = undefined;
      this.close();
      return;
    }
    this.dismissed = undefined;
    const lookup = (this.lookups += 1);
    const items = await query.source.suggest(query.text);
    if (lookup !== this.lookups) return;
    const same = this.queryKey(this.query) === key;
    this.query = query;
    this.items = items.slice(0, MAX_ITEMS);
    if (!same || this.active >= this.items.length) this.active = 0;
    this.host.requestUpdate();
  }

  private pick(index: number): void {
    const box = this.options.input();
    const query = this.query;
    const item = this.items[index];
    if (!box || !query || !item) return;
    this.close();
    // A space after the insertion, unless one follows already: the user goes on typing.
    const spaced = /^\s/.test(box.value.slice(query.end)) ? item.text : `${item.text} `;
    insertText(box, spaced, query.start, query.end);
    this.options.onPick?.(item, query.source);
  }
}

/** The query that ends at the caret: a trigger at the start or after whitespace, then the text typed since. */
function findQuery(box: HTMLTextAreaElement | HTMLInputElement, sources: readonly CompletionSource[]): Query | undefined {
  const end = box.selectionStart;
  if (end === null || end !== box.selectionEnd) return undefined;
  const before = box.value.slice(Math.max(0, end - MAX_QUERY - 1), end);
  let found: Query | undefined;
  for (const source of sources) {
    const at = before.lastIndexOf(source.trigger);
    const start = end - before.length + at;
    if (at === -1 || (found && found.start > start)) continue;
    const text = before.slice(at + source.trigger.length);
    const preceding = box.value[start - 1];
    if (preceding !== undefined && !/\s/u.test(preceding)) continue;
    if (text.length < (source.minLength ?? 0) || /^\s/u.test(text)) continue;
    if (source.spaces ? /\s\s|[^\S ]/u.test(text) : /\s/u.test(text)) continue;
    found = { source, start, end, text };
  }
  return found;
}

/**
 * The completion `MentionCompletion` loads: `@` participants and `:shortcode` emoji, its list's
 * styles added to the host's own.
 */
export function createCompletion(host: LitElement, options: MentionCompletionOptions): CompletionController {
  addStyles(host, completionStyles);
  const strings = options.strings;
  return new CompletionController(host, {
    input: options.input,
    sources: [
      mentionSource({ participants: options.participants, label: () => strings().mentionSuggestions }),
      ...(options.shortcodes === false ? [] : [shortcodeSource({ label: () => strings().emojiSuggestions })]),
    ],
    onPick: options.onPick && ((item) => options.onPick!(item.text)),
  });
}
