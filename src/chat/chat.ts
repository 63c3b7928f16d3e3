import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { literal, type StaticValue } from 'lit/static-html.js';

import { KitElement } from '../base/kit-element.js';
import type { RtkChatComposer } from '../chat-composer/chat-composer.js';
import { EVERYONE } from '../conversations/conversations.js';
import type { RenderCustom } from '../custom-message/custom-message-part.js';
import type { RtkMessageReplyEvent } from '../events/message-reply.js';
import type { RtkMessageSelectEvent } from '../events/message-select.js';
import { displayName, type MediaPolicy } from '../format/format.js';
import { ChatAttention } from './chat-attention.js';
import { isOwnMessage, joinedParticipants } from '../meeting/chat-queries.js';
import { meetingContext } from '../meeting/context.js';
import type { ChatMessage, ChatUpdateEvent } from '../meeting/contract.js';
import { MeetingController } from '../meeting/meeting-controller.js';
import styles from './chat.styles.js';
import { renderChatComposer, renderChatHeader, type HeaderPanel } from './chat-parts.js';
import { ListFollowController } from './list-follow-controller.js';
import { renderItems, type ListItemContext } from './list-item.js';
import { ListSource } from './list-source.js';
import { ListUnseen } from './list-unseen.js';
import { messageKey } from './message-list.js';

const HIGHLIGHT_MS = 2500;

/**
 * The whole chat panel of a RealtimeKit meeting: a list that stays fast with any history (it
 * renders a window of it), a composer with attachments and drafts, private messages, filters, and
 * the actions on each message. It shares its meeting with the elements inside it.
 *
 * @summary The chat panel of a meeting.
 * @tagname rtk-chat
 *
 * @slot header-actions - Controls placed in the header, e.g. an `<rtk-chat-export-button>`.
 * @slot empty - What shows when there are no messages.
 *
 * @csspart base - The panel.
 * @csspart header - The header with the title and filters.
 * @csspart list - The scrolling list of messages.
 * @csspart message - Each `<rtk-chat-message>`; its own parts are exported as `message-base`, `message-bubble`, …
 * @csspart day - The date separator between days.
 * @csspart new-messages - The "N new messages" button. Tab from the list reaches it first; End in the list does what it does.
 * @csspart composer - The `<rtk-chat-composer>` under the list; its parts are exported as `composer-base`, `recipient`, `input`, `send`, `attachments`, `notice`.
 * @csspart composer-base - The composer's wrapper.
 * @csspart recipient - The composer's "Send to" row.
 * @csspart input - The text box.
 * @csspart send - The send button.
 * @csspart attachments - The files waiting to be sent.
 * @csspart notice - The line shown instead of the composer to someone who may not send.
 * @csspart replying - What the next message replies to.
 * @csspart emoji-dialog - The emoji picker's dialog.
 * @csspart new-divider - The "New" line above the first unread message.
 * @csspart conversations - The conversation switcher.
 *
 * @cssprop [--rtk-font-family=ui-sans-serif, system-ui, sans-serif] - The font of the kit.
 * @cssprop [--rtk-font-size=0.9375rem] - The base font size.
 * @cssprop [--rtk-color-text] - Text colour.
 * @cssprop [--rtk-color-text-muted] - Colour of quiet text: times, markers.
 * @cssprop [--rtk-color-background] - The panel's background.
 * @cssprop [--rtk-color-surface] - Background of messages, inputs and menus.
 * @cssprop [--rtk-color-border] - Lines and outlines.
 * @cssprop [--rtk-color-accent] - Buttons, links and focus.
 * @cssprop [--rtk-color-on-accent] - Text on the accent colour.
 * @cssprop [--rtk-color-own-message] - Background of the user's own messages.
 * @cssprop [--rtk-color-on-own-message] - Text of the user's own messages.
 * @cssprop [--rtk-color-danger] - Errors.
 * @cssprop [--rtk-color-highlight] - The ring around a message jumped to.
 * @cssprop [--rtk-color-focus=var(--rtk-color-accent)] - The focus ring.
 * @cssprop [--rtk-color-private] - Marks private messages and the composer while writing one.
 * @cssprop [--rtk-color-on-private] - Text on the private colour.
 * @cssprop [--rtk-color-scheme=light dark] - The colour scheme of elements without a `theme`: `light`, `dark`, or `light dark` to follow the system.
 * @cssprop [--rtk-radius=14px] - Corner radius of messages and controls.
 * @cssprop [--rtk-spacing=8px] - The spacing unit.
 *
 * @fires {RtkMessageSentEvent} rtk-message-sent - When the SDK accepted a message the user sent.
 * @fires {RtkMessageErrorEvent} rtk-message-error - When the SDK refused a send, edit, deletion or pin.
 * @fires {RtkMessageEditedEvent} rtk-message-edited - When the SDK accepted an edit.
 * @fires {RtkMessageDeleteEvent} rtk-message-delete - Before a message is deleted; cancelable.
 * @fires {RtkMessageDeletedEvent} rtk-message-deleted - When the SDK accepted a deletion.
 * @fires {RtkMessagePinEvent} rtk-message-pin - Before a message is pinned or unpinned; cancelable.
 * @fires {RtkUnreadChangeEvent} rtk-unread-change - When `unreadCount` or `mentionCount` changed.
 * @fires {RtkMentionEvent} rtk-mention - When a message that mentions the local user arrives.
 * @fires {RtkMessageReplyEvent} rtk-message-reply - When the user chose Reply on a message.
 */
export class RtkChat extends KitElement {
  static override styles = [KitElement.styles, styles];

  /** The tag the list renders messages with; set when the kit is registered under other names. */
  static messageTag: StaticValue = literal`rtk-chat-message`;

  /** The tag of the composer; set when the kit is registered under other names. */
  static composerTag: StaticValue = literal`rtk-chat-composer`;

  /** The tag of the conversation switcher; set when the kit is registered under other names. */
  static switcherTag: StaticValue = literal`rtk-conversation-switcher`;

  private readonly provider = new ContextProvider(this, { context: meetingContext });
  private readonly source = new ListSource(this, () => this.activeMeeting, () => this.filter);
  private readonly follow = new ListFollowController<ChatMessage>(this, {
    items: () => this.source.items,
    key: messageKey,
    scroller: () => this.list,
    content: () => this.listItems,
    onReachStart: () => void this.loadOlder(),
    onFollowingChange: (following) => following && this.unseen.seen(),
  });
  private readonly unseen = new ListUnseen(this, () => this.follow.following);
  private readonly attention = new ChatAttention(this, {
    meeting: () => this.activeMeeting,
    conversation: () => this.conversation,
    list: () => this.list,
    strings: () => this.i18n,
  });

  @query('.list') private list?: HTMLElement;
  @query('.list > div') private listItems?: HTMLElement;
  @query('[part="composer"]') private composer?: RtkChatComposer;

  @state() private highlightId = '';
  /** Whether the sender filter is in use: only then does it hold every option (see `participantPicker`). */
  @state() private senderPickerOpen = false;
  /** Which header panel is open: the filters or the conversations (one control each, folded away). */
  @state() private headerPanel: HeaderPanel = '';

  private highlightTimer: ReturnType<typeof setTimeout> | undefined;

  /** Shows only the messages of this user id. */
  @property({ attribute: 'filter-user-id', reflect: true }) filterUserId: string | undefined;

  /** Shows only messages of this type. */
  @property({ attribute: 'filter-type', reflect: true }) filterType: 'text' | 'image' | 'file' | undefined;

  /** The conversation shown: `everyone`, or the user id of the person the private messages are with. */
  @property({ reflect: true }) conversation = EVERYONE;

  /** Which images load by themselves: `auto`, `click` or `trusted` (see `<rtk-chat-message>` and SECURITY.md). */
  @property({ attribute: 'media-policy' }) mediaPolicy: MediaPolicy = 'auto';

  /** Origins whose images load by themselves under `media-policy="trusted"`, space-separated. */
  @property({ attribute: 'trusted-media-origins' }) trustedMediaOrigins = '';

  /** Hides the senders' avatars. */
  @property({ type: Boolean, attribute: 'hide-avatars' }) hideAvatars = false;

  /** Renders custom messages the app's way: return a template, or `undefined` for the kit's rendering. */
  @property({ attribute: false }) renderCustom: RenderCustom | undefined;

  /** Hides the filter controls (the attributes still apply). */
  @property({ type: Boolean, attribute: 'hide-filters' }) hideFilters = false;

  constructor() {
    super();
    new MeetingController(this, () => this.activeMeeting, {
      chatUpdate: (event) => this.onChatUpdate(event),
      pin: () => this.source.rebuild(),
      joined: () => this.source.rebuild(),
      meetingChanged: () => {
        this.source.reset();
        this.scrollToBottom();
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('rtk-message-select', this.onSelect);
  }

  /** Unread messages of the meeting: arrived while the panel was hidden, scrolled away or in a background tab. */
  get unreadCount(): number {
    return this.attention.unread.unreadCount;
  }

  /** Unread messages that mention the local user. */
  get mentionCount(): number {
    return this.attention.unread.mentionCount;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('rtk-message-select', this.onSelect);
    clearTimeout(this.highlightTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.provider.setValue(this.activeMeeting);
    // The meeting's arrival built the list for the filter of the first update already.
    if (changed.has('filterUserId') || changed.has('filterType') || changed.has('conversation')) this.source.refilter();
  }

  private get filter() {
    const selfUserId = this.activeMeeting?.self?.userId;
    return { userId: this.filterUserId || undefined, type: this.filterType || undefined, conversation: this.conversation || EVERYONE, selfUserId };
  }

  private onChatUpdate(event: ChatUpdateEvent): void {
    const added = this.source.apply(event);
    if (!added) return;
    if (isOwnMessage(this.activeMeeting, added)) {
      this.scrollToBottom();
      return;
    }
    this.unseen.arrived();
    this.attention.arrived(added);
  }

  /** Reply on a message puts it in the composer as what the next message replies to. */
  private onReply = (event: RtkMessageReplyEvent): void => {
    if (!this.composer) return;
    this.composer.replyTo = event.detail.message;
    void this.composer.updateComplete.then(() => this.composer?.focus());
  };

  private onConversation = (event: CustomEvent<{ conversation: string }> | Event): void => {
    this.conversation = (event as CustomEvent<{ conversation: string }>).detail.conversation;
    this.headerPanel = '';
  };

  /** The person the conversation is with, while they are in the meeting. */
  private get partner() {
    return this.conversation === EVERYONE ? undefined : joinedParticipants(this.activeMeeting).find((person) => person.userId === this.conversation);
  }

  private onSelect = (event: RtkMessageSelectEvent): void => {
    const { message, meeting } = event.detail;
    if (event.defaultPrevented || !meeting || meeting !== this.activeMeeting || !message) return;
    void this.scrollToMessage(message.id);
  };

  /** Loads a page of older messages of the conversation shown (a private one's through `fetchPrivateMessages`), keeping what the user reads in place. Resolves to how many it brought. */
  loadOlder(): Promise<number> {
    return this.source.loadOlder();
  }

  /** The messages the list shows, in order: after the filters, older pages included. */
  get messages(): readonly ChatMessage[] {
    return this.source.items;
  }

  /** Scrolls to the newest message and follows new ones again. */
  scrollToBottom(): void {
    this.unseen.clear();
    this.follow.followNewest();
  }

  /**
   * Scrolls to a message and highlights it, clearing filters that hide it and loading older
   * pages where needed. Resolves to whether the message was found.
   */
  async scrollToMessage(id: string): Promise<boolean> {
    if (this.source.items.every((m) => m.id !== id) && (this.filterUserId || this.filterType)) {
      this.filterUserId = undefined;
      this.filterType = undefined;
      this.source.rebuild();
    }
    const index = await this.source.find(id);
    if (index < 0) return false;
    this.highlightId = id;
    clearTimeout(this.highlightTimer);
    this.highlightTimer = setTimeout(() => (this.highlightId = ''), HIGHLIGHT_MS);
    await this.follow.reveal(index);
    return true;
  }

  // Files dropped anywhere on the panel go to the composer (which refuses them without the
  // permission); never to the browser, which would navigate away to show them.
  private onDrop(event: DragEvent): void {
    const files = event.dataTransfer?.files;
    if (!files?.length) return;
    event.preventDefault();
    this.composer?.addFiles(files);
  }

  private onDragOver(event: DragEvent): void {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  }

  /** Back to the newest message; focus goes to the list, not to the page the button leaves. */
  private onJump = (): void => {
    this.scrollToBottom();
    this.list?.focus({ preventScroll: true });
  };

  private onDeleted = (): void => {
    void this.updateComplete.then(() => this.composer?.focus());
  };

  protected override render() {
    const strings = this.i18n;
    const { items, start } = this.follow.view();
    const tag = (this.constructor as typeof RtkChat).messageTag;
    const context: ListItemContext = {
      tag,
      meeting: this.activeMeeting,
      strings: this.strings,
      i18n: strings,
      locale: this.locale,
      highlightId: this.highlightId,
      dividerId: this.attention.seen.divider ?? '',
      mediaPolicy: this.mediaPolicy,
      trustedMediaOrigins: this.trustedMediaOrigins,
      hideAvatars: this.hideAvatars,
      renderCustom: this.renderCustom,
    };
    return html`<section part="base" class="base" aria-label=${strings.chatLabel} @dragover=${this.onDragOver} @drop=${this.onDrop}>
      ${this.renderHeader()}
      <div class="list-wrap">
        <div part="list" class="list" role="log" aria-label=${strings.messagesLabel} tabindex="0" @rtk-message-deleted=${this.onDeleted} @rtk-message-reply=${this.onReply}>
          <!-- First in the list: Tab from the list reaches it first. It shows over the list's bottom edge. -->
          ${this.unseen.render(strings.newMessages, this.onJump)}
          <div>${renderItems(context, items, start, this.source.items)}</div>
        </div>
        <div class="visually-hidden" role="status">${this.attention.notice}</div>
        <div class="history-status" role="status">${this.source.history.renderStatus(strings, () => void this.loadOlder())}</div>
        ${this.source.items.length === 0
          ? html`<div class="empty"><slot name="empty">${this.filterUserId || this.filterType ? strings.noMatches : strings.noMessages}</slot></div>`
          : nothing}
      </div>
      ${renderChatComposer((this.constructor as typeof RtkChat).composerTag, {
        meeting: this.activeMeeting,
        strings: this.strings,
        locale: this.locale,
        recipientId: this.partner?.id ?? '',
      })}
    </section>`;
  }

  private renderHeader() {
    return renderChatHeader({
      strings: this.i18n,
      switcherTag: (this.constructor as typeof RtkChat).switcherTag,
      conversation: this.conversation,
      conversationName: this.conversation === EVERYONE ? this.i18n.everyone : (displayName(this.partner?.name) ?? this.i18n.unknownSender),
      panel: this.headerPanel,
      onPanel: (panel) => (this.headerPanel = panel),
      onConversation: this.onConversation,
      filters: this.hideFilters
        ? undefined
        : {
            strings: this.i18n,
            people: joinedParticipants(this.activeMeeting),
            selfUserId: this.activeMeeting?.self?.userId,
            userId: this.filterUserId,
            type: this.filterType,
            senderPickerOpen: this.senderPickerOpen,
            onSenderPickerOpen: (open) => (this.senderPickerOpen = open),
            onUserId: (userId) => (this.filterUserId = userId),
            onType: (type) => (this.filterType = type),
          },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtk-chat': RtkChat;
  }
}
