import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';

import { KitElement } from '../base/kit-element.js';
import { isBlankName, listConversations, type ConversationCounts, type ConversationSummary } from '../conversations/conversation-list.js';
import { EVERYONE } from '../conversations/conversations.js';
import { RtkConversationChangeEvent } from '../events/conversation-change.js';
import { chatAbilities, chatMessages, joinedParticipants } from '../meeting/chat-queries.js';
import { MeetingController } from '../meeting/meeting-controller.js';
import { formatUnreadCount } from '../unread/format-count.js';
import { UnreadController } from '../unread/unread-controller.js';
import styles from './conversation-switcher.styles.js';

/**
 * The conversations of the local user: "Everyone", the people they have private messages with
 * (latest first), and, when they may send private messages, anyone else in the meeting; each with
 * its unread count and a mark for mentions. People with the same name are told apart by the end of
 * their user id. Choosing one fires `rtk-conversation-change`; an `<rtk-chat>` shows that
 * conversation when the app sets its `conversation` to the chosen id.
 *
 * Keyboard: the list is one tab stop; arrow keys, Home and End move, a letter moves to the next
 * name starting with it, Enter or Space chooses.
 *
 * @summary A list of conversations to switch between, with unread counts.
 * @tagname rtk-conversation-switcher
 *
 * @csspart base - The wrapper.
 * @csspart list - The list of conversations.
 * @csspart option - One conversation.
 * @csspart name - A conversation's name.
 * @csspart hint - What tells two people of the same name apart.
 * @csspart status - "not in the meeting", for someone who left.
 * @csspart count - The unread count of a conversation.
 * @csspart mention - The `@` mark on a count when a message there mentions the local user.
 *
 * @cssprop [--rtk-conversation-switcher-selected-color=var(--rtk-color-accent)] - Marks the chosen conversation.
 *
 * @fires {RtkConversationChangeEvent} rtk-conversation-change - When the user chooses another conversation; cancelable.
 */
export class RtkConversationSwitcher extends KitElement {
  static override styles = [KitElement.styles, styles];

  private readonly unread = new UnreadController(this, () => this.activeMeeting);

  /** The conversation keyboard focus is on; the chosen one when the list is entered. */
  @state() private active: string | undefined;

  /** The chosen conversation: `everyone`, or the user id of the other person. */
  @property({ reflect: true }) conversation = 'everyone';

  constructor() {
    super();
    // New private conversations come with messages, new people with joins and leaves.
    new MeetingController(this, () => this.activeMeeting);
  }

  /** The conversations listed now, in order, with their unread counts. */
  get conversations(): ConversationSummary[] {
    const meeting = this.activeMeeting;
    const abilities = chatAbilities(meeting);
    // Counted once for all: a store with many unread messages is not walked once per person.
    const unread = this.unread.store?.unreadConversations() ?? new Map<string, ConversationCounts>();
    const counts = (id: string) => ({ ...(unread.get(id) ?? { unread: 0, mentions: 0 }) });
    const list = listConversations({
      messages: chatMessages(meeting?.chat),
      selfUserId: meeting?.self?.userId,
      participants: joinedParticipants(meeting),
      includeJoined: abilities.sendPrivateText || abilities.sendPrivateFiles,
      counts,
    });
    // A conversation the app opened with someone the list does not know (yet) still shows, chosen.
    if (!list.some((entry) => entry.id === this.conversation)) list.push({ id: this.conversation, name: '', joined: false, ...counts(this.conversation) });
    return list;
  }

  private nameOf(entry: ConversationSummary): string {
    const strings = this.i18n;
    if (entry.id === EVERYONE) return strings.everyone;
    return isBlankName(entry.name) ? strings.unknownSender : entry.name;
  }

  private choose(id: string): void {
    this.active = id;
    if (id === this.conversation) return;
    const event = new RtkConversationChangeEvent({ conversation: id });
    this.dispatchEvent(event);
    if (!event.defaultPrevented) this.conversation = id;
  }

  private onKeyDown(event: KeyboardEvent, entries: ConversationSummary[]): void {
    const ids = entries.map((entry) => entry.id);
    const current = Math.max(0, ids.indexOf(this.focusedId(ids)));
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = Math.min(ids.length - 1, current + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, current - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = ids.length - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.choose(ids[current]);
      return;
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      next = this.findByLetter(entries, current, event.key);
    }
    if (next === undefined) return;
    event.preventDefault();
    this.active = ids[next];
    void this.updateComplete.then(() => this.optionElement(ids[next!])?.focus());
  }

  /** The next conversation after `from` (wrapping) whose name starts with `letter`. */
  private findByLetter(entries: ConversationSummary[], from: number, letter: string): number | undefined {
    const wanted = letter.toLocaleLowerCase(this.locale);
    for (let step = 1; step <= entries.length; step++) {
      const index = (from + step) % entries.length;
      if (this.nameOf(entries[index]).toLocaleLowerCase(this.locale).startsWith(wanted)) return index;
    }
    return undefined;
  }

  /** The option that takes focus: the one moved to, else the chosen one, else the first. */
  private focusedId(ids: string[]): string {
    if (this.active !== undefined && ids.includes(this.active)) return this.active;
    return ids.includes(this.conversation) ? this.conversation : ids[0];
  }

  private optionElement(id: string): HTMLElement | undefined {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="option"]')].find((option) => option.dataset.id === id);
  }

  protected override render() {
    const strings = this.i18n;
    const entries = this.conversations;
    const focused = this.focusedId(entries.map((entry) => entry.id));
    return html`<div part="base" class="base">
      <div part="list" class="list" role="listbox" aria-label=${strings.conversations} @keydown=${(event: KeyboardEvent) => this.onKeyDown(event, entries)}>
        ${repeat(
          entries,
          (entry) => entry.id,
          (entry) => this.renderOption(entry, entry.id === focused),
        )}
      </div>
    </div>`;
  }

  private renderOption(entry: ConversationSummary, focused: boolean) {
    const strings = this.i18n;
    const selected = entry.id === this.conversation;
    const counts = [entry.unread > 0 ? strings.unreadMessages(entry.unread) : '', entry.mentions > 0 ? strings.unreadMentions(entry.mentions) : ''].filter(Boolean).join(', ');
    return html`<div
      part="option"
      class="option"
      role="option"
      data-id=${entry.id}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${focused ? '0' : '-1'}
      @click=${() => this.choose(entry.id)}
      @focus=${() => (this.active = entry.id)}
    >
      <span part="name" class="name">${this.nameOf(entry)}</span>
      ${entry.hint ? html`<span part="hint" class="hint">${strings.sameNameHint(entry.hint)}</span>` : nothing}
      ${entry.joined ? nothing : html`<span part="status" class="status">${strings.notInMeeting}</span>`}
      ${counts ? html`<span class="visually-hidden">, ${counts}</span>` : nothing}
      ${entry.unread > 0
        ? html`<span part="count" class="count ${entry.mentions > 0 ? 'mentioned' : ''}" aria-hidden="true"
            >${entry.mentions > 0 ? html`<span part="mention">@</span>` : nothing}${formatUnreadCount(entry.unread, this.locale)}</span
          >`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtk-conversation-switcher': RtkConversationSwitcher;
  }
}
