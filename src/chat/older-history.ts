import { html, nothing, type ReactiveControllerHost } from 'lit';

import { EVERYONE } from '../conversations/conversations.js';
import { messageTimeMs } from '../format/format.js';
import { chatMessages } from '../meeting/chat-queries.js';
import type { ChatMeeting, ChatMessage, ChatUpdateEvent, FetchMessagesOptions } from '../meeting/contract.js';
import { MALFORMED_TYPE, trustMessages } from '../meeting/message-guard.js';
import type { ChatStrings } from '../strings/strings.js';

const PAGE_SIZE = 50;

/**
 * The history older than what the meeting holds (the SDK keeps the latest 1,000 messages from
 * before joining), fetched a page at a time: of the public chat through `fetchPublicMessages`, of
 * a private conversation through `fetchPrivateMessages`, where the meeting has them. The pages
 * belong to the conversation they were fetched for; another one starts over.
 */
export class OlderHistory {
  /** The pages fetched so far for `pagesOf`, oldest first. */
  private pages: ChatMessage[] = [];
  private pagesOf = EVERYONE;
  private loading = false;
  private failed = false;
  private exhausted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly meeting: () => ChatMeeting | undefined,
    private readonly conversation: () => string,
  ) {}

  /** The pages fetched so far for the conversation shown, oldest first. */
  get messages(): ChatMessage[] {
    return this.pagesOf === this.conversation() ? this.pages : [];
  }

  /** Whether another page may be asked for. */
  get available(): boolean {
    return !(this.exhausted && this.pagesOf === this.conversation()) && this.fetcher() !== undefined;
  }

  /** Forgets everything, for another meeting. */
  reset(): void {
    this.pages = [];
    this.pagesOf = this.conversation();
    this.loading = this.failed = this.exhausted = false;
  }

  /** How a page of the conversation shown is fetched, if the meeting can. */
  private fetcher(): ((options: FetchMessagesOptions) => Promise<unknown>) | undefined {
    const chat = this.meeting()?.chat;
    const userId = this.conversation();
    if (userId === EVERYONE) return chat?.fetchPublicMessages && ((options) => chat.fetchPublicMessages!(options));
    return chat?.fetchPrivateMessages && ((options) => chat.fetchPrivateMessages!({ ...options, userId }));
  }

  /**
   * Applies an edit or a deletion to the fetched pages: the meeting's `messages` no longer hold
   * these messages, but the list still shows them. Returns whether a fetched message changed.
   */
  apply(event: ChatUpdateEvent): boolean {
    const id = event?.message?.id;
    if ((event?.action !== 'edit' && event?.action !== 'delete') || typeof id !== 'string') return false;
    const index = this.pages.findIndex((m) => m?.id === id);
    if (index < 0) return false;
    this.pages = event.action === 'delete' ? this.pages.filter((_, i) => i !== index) : this.pages.map((m, i) => (i === index ? event.message : m));
    return true;
  }

  /** Fetches the page before the oldest message known. Resolves to how many new messages it brought. */
  async loadPage(): Promise<number> {
    const meeting = this.meeting();
    const chat = meeting?.chat;
    if (this.pagesOf !== this.conversation()) this.reset();
    const fetch = this.fetcher();
    const conversation = this.pagesOf;
    if (this.loading || !this.available || !chat || !fetch) return 0;
    const oldest = this.pages[0] ?? chatMessages(chat)[0];
    const timestamp = oldest ? messageTimeMs(oldest) : undefined;
    if (timestamp === undefined) return 0;
    this.loading = true;
    this.failed = false;
    this.host.requestUpdate();
    // A page for a meeting or a conversation that is no longer shown belongs nowhere.
    const current = () => meeting === this.meeting() && conversation === this.pagesOf;
    try {
      const page = await fetch({ timestamp, limit: PAGE_SIZE, direction: 'before' });
      if (!current()) return 0;
      // The page includes its boundary time, so it can repeat messages the list already has.
      const known = new Set([...this.pages, ...chatMessages(chat)].map((m) => m.id));
      const trusted = trustMessages(page);
      const fresh = trusted.filter((m) => m.type !== MALFORMED_TYPE && !known.has(m.id));
      if (fresh.length === 0 || trusted.length < PAGE_SIZE) this.exhausted = true;
      this.pages = [...fresh.sort((a, b) => (messageTimeMs(a) ?? 0) - (messageTimeMs(b) ?? 0)), ...this.pages];
      return fresh.length;
    } catch {
      if (current()) this.failed = true;
      return 0;
    } finally {
      if (current()) this.loading = false;
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
