import { html, nothing, type ReactiveControllerHost } from 'lit';

import { messageTimeMs } from '../format/format.js';
import { chatMessages } from '../meeting/chat-queries.js';
import type { ChatMeeting, ChatMessage, ChatUpdateEvent } from '../meeting/contract.js';
import { MALFORMED_TYPE, trustMessages } from '../meeting/message-guard.js';
import type { ChatStrings } from '../strings/strings.js';

const PAGE_SIZE = 50;

/**
 * The history older than what the meeting holds (the SDK keeps the latest 1,000 messages from
 * before joining), fetched a page at a time through `fetchPublicMessages` where it exists.
 */
export class OlderHistory {
  /** The pages fetched so far, oldest first. */
  messages: ChatMessage[] = [];
  private loading = false;
  private failed = false;
  private exhausted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly meeting: () => ChatMeeting | undefined,
  ) {}

  /** Whether another page may be asked for. */
  get available(): boolean {
    return !this.exhausted && typeof this.meeting()?.chat?.fetchPublicMessages === 'function';
  }

  /** Forgets everything, for another meeting. */
  reset(): void {
    this.messages = [];
    this.loading = this.failed = this.exhausted = false;
  }

  /**
   * Applies an edit or a deletion to the fetched pages: the meeting's `messages` no longer hold
   * these messages, but the list still shows them. Returns whether a fetched message changed.
   */
  apply(event: ChatUpdateEvent): boolean {
    const id = event?.message?.id;
    if ((event?.action !== 'edit' && event?.action !== 'delete') || typeof id !== 'string') return false;
    const index = this.messages.findIndex((m) => m?.id === id);
    if (index < 0) return false;
    this.messages =
      event.action === 'delete' ? this.messages.filter((_, i) => i !== index) : this.messages.map((m, i) => (i === index ? event.message : m));
    return true;
  }

  /** Fetches the page before the oldest message known. Resolves to how many new messages it brought. */
  async loadPage(): Promise<number> {
    const meeting = this.meeting();
    const chat = meeting?.chat;
    if (this.loading || !this.available || !chat?.fetchPublicMessages) return 0;
    const oldest = this.messages[0] ?? chatMessages(chat)[0];
    const timestamp = oldest ? messageTimeMs(oldest) : undefined;
    if (timestamp === undefined) return 0;
    this.loading = true;
    this.failed = false;
    this.host.requestUpdate();
    try {
      const page = await chat.fetchPublicMessages({ timestamp, limit: PAGE_SIZE, direction: 'before' });
      // A page for a meeting that is no longer shown belongs nowhere.
      if (meeting !== this.meeting()) return 0;
      // The page includes its boundary time, so it can repeat messages the list already has.
      const known = new Set([...this.messages, ...chatMessages(chat)].map((m) => m.id));
      const trusted = trustMessages(page);
      const fresh = trusted.filter((m) => m.type !== MALFORMED_TYPE && !known.has(m.id));
      if (fresh.length === 0 || trusted.length < PAGE_SIZE) this.exhausted = true;
      this.messages = [...fresh.sort((a, b) => (messageTimeMs(a) ?? 0) - (messageTimeMs(b) ?? 0)), ...this.messages];
      return fresh.length;
    } catch {
      if (meeting === this.meeting()) this.failed = true;
      return 0;
    } finally {
      if (meeting === this.meeting()) this.loading = false;
      this.host.requestUpdate();
    }
  }

  /** The status line: loading, or a failure with a way to try again. Nothing otherwise. */
  renderStatus(strings: ChatStrings, retry: () => void) {
    if (this.loading) return strings.loadingOlder;
    if (!this.failed) return nothing;
    return html`${strings.olderFailed} <button type="button" class="text-button" @click=${retry}>${strings.retry}</button>`;
  }
}
