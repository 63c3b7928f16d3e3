import { nothing, type LitElement, type ReactiveController } from 'lit';

import type { MeetingParticipant } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';
import type { CompletionController } from './completion.js';

/** What the message box's completion needs from the composer. */
export interface MentionCompletionOptions {
  /** The message box, in the host's shadow root. */
  input(): HTMLTextAreaElement | HTMLInputElement | null | undefined;
  /** The people `@` suggests: the joined participants, usually without the local user. */
  participants(): readonly MeetingParticipant[];
  /** The host's strings: the lists are named `mentionSuggestions` and `emojiSuggestions`. */
  strings(): ChatStrings;
  /** Whether `:shortcode` suggests emoji too; on by default. */
  shortcodes?: boolean;
  /** Called with the inserted text (`@Display Name`, an emoji) after the box fired `input`. */
  onPick?(text: string): void;
}

/**
 * Mention (`@`) and emoji (`:shortcode`) suggestions for a composer's message box, as the ARIA
 * combobox pattern (see `CompletionController`). Only this facade is in the base bundle: the
 * completion, its styles and the participant matching load when the box first takes the focus,
 * the emoji data with the first `:` query. The host renders `render()` next to the box, in a
 * positioned container: the list opens above it.
 */
export class MentionCompletion implements ReactiveController {
  private completion: CompletionController | undefined;
  private loading = false;

  constructor(
    private readonly host: LitElement,
    private readonly options: MentionCompletionOptions,
  ) {
    host.addController(this);
  }

  /** Whether the list of suggestions shows. */
  get open(): boolean {
    return this.completion?.open ?? false;
  }

  hostConnected(): void {
    if (!this.completion) this.host.renderRoot.addEventListener('focusin', this.load);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('focusin', this.load);
  }

  /** Closes the list. */
  close(): void {
    this.completion?.close();
  }

  /** The list of suggestions, for the host to render next to the message box. */
  render(): unknown {
    return this.completion?.render() ?? nothing;
  }

  private readonly load = async (): Promise<void> => {
    if (this.loading) return;
    this.loading = true;
    this.host.renderRoot.removeEventListener('focusin', this.load);
    try {
      const { createCompletion } = await import('./completion.js');
      this.completion = createCompletion(this.host, this.options);
      this.host.requestUpdate();
      // What was typed while the chunk loaded, e.g. an `@` at once.
      this.completion.refresh();
    } catch {
      // Offline and never loaded: the box works without suggestions; the next focus tries again.
      this.loading = false;
      if (this.host.isConnected) this.host.renderRoot.addEventListener('focusin', this.load);
    }
  };
}
