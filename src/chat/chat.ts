import { ContextProvider } from '@lit/context';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';

import type { RtkMessageSelectEvent } from '../events/message-select.js';
import { formatDay, messageTimeMs } from '../format/format.js';
import { chatMessages, isOwnMessage, joinedParticipants } from '../meeting/chat-queries.js';
import { meetingContext } from '../meeting/context.js';
import type { ChatMessage, ChatUpdateEvent, MeetingParticipant } from '../meeting/contract.js';
import { MeetingController } from '../meeting/meeting-controller.js';
import { KitElement } from '../base/kit-element.js';
import type { ChatStrings } from '../strings/strings.js';
import { ChatLayout } from './chat-layout.js';
import styles from './chat.styles.js';
import { OlderHistory } from './older-history.js';
import { participantPicker } from '../chat-composer/participant-picker.js';
import type { RtkChatComposer } from '../chat-composer/chat-composer.js';
import { buildList, continuesGroup, matches, messageKey, startsDay } from './message-list.js';

const MESSAGE_PARTS = 'base:message-base,header:message-header,bubble:message-bubble,meta:message-meta,actions:message-actions,image:message-image,file:message-file';
const HIGHLIGHT_MS = 2500;
const USER_SCROLL_MS = 1000;
const SETTLE_FRAMES = 6;
const SETTLE_REPINS = 5;
const TYPES = ['text', 'image', 'file'] as const;
const SCROLL_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);

/** Where the virtualizer frames an item: the newest at the end, a jumped-to one in the centre. */
type PinOptions = { index: number; block: ScrollLogicalPosition };

/**
 * The whole chat panel of a RealtimeKit meeting: a virtualized list that stays fast with any
 * history, a composer with attachments and drafts, private messages, filters, and the actions
 * on each message. It shares its meeting with the elements inside it.
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
 * @csspart new-messages - The "N new messages" button.
 * @csspart composer - The `<rtk-chat-composer>` under the list; its parts are exported as `composer-base`, `recipient`, `input`, `send`, `attachments`, `notice`.
 * @csspart composer-base - The composer's wrapper.
 * @csspart recipient - The composer's "Send to" row.
 * @csspart input - The text box.
 * @csspart send - The send button.
 * @csspart attachments - The files waiting to be sent.
 * @csspart notice - The line shown instead of the composer to someone who may not send.
 *
 * @cssprop [--rtk-font-family=system-ui] - The font of the kit.
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
 */
export class RtkChat extends KitElement {
  static override styles = [KitElement.styles, styles];

  /** The tag the list renders messages with; set when the kit is registered under other names. */
  static messageTag: StaticValue = literal`rtk-chat-message`;

  /** The tag of the composer; set when the kit is registered under other names. */
  static composerTag: StaticValue = literal`rtk-chat-composer`;

  private readonly provider = new ContextProvider(this, { context: meetingContext });
  private readonly history = new OlderHistory(this, () => this.activeMeeting);
  @query('.list') private list?: HTMLElement;
  @query('[part="composer"]') private composer?: RtkChatComposer;

  @state() private items: ChatMessage[] = [];
  @state() private pin: PinOptions | null = null;
  @state() private newCount = 0;
  @state() private highlightId = '';
  /** Whether the sender filter is in use: only then does it hold every option (see `participantPicker`). */
  @state() private senderPickerOpen = false;

  /** The ids in `items`, to tell a repeated add from a new one. */
  private ids = new Set<string>();
  /** When the user last scrolled by hand: only then may the virtualizer let go of the newest message. */
  private userScrolledAt = -Infinity;
  private stuck = true;
  private firstVisible = 0;
  private highlightTimer: ReturnType<typeof setTimeout> | undefined;
  private settleFrame = 0;

  /** Shows only the messages of this user id. */
  @property({ attribute: 'filter-user-id', reflect: true }) filterUserId: string | undefined;

  /** Shows only messages of this type. */
  @property({ attribute: 'filter-type', reflect: true }) filterType: 'text' | 'image' | 'file' | undefined;

  /** Hides the filter controls (the attributes still apply). */
  @property({ type: Boolean, attribute: 'hide-filters' }) hideFilters = false;

  constructor() {
    super();
    new MeetingController(this, () => this.activeMeeting, {
      chatUpdate: (event) => this.onChatUpdate(event),
      pin: () => this.rebuild(),
      joined: () => this.rebuild(),
      meetingChanged: () => this.reset(),
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('rtk-message-select', this.onSelect);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('rtk-message-select', this.onSelect);
    clearTimeout(this.highlightTimer);
    cancelAnimationFrame(this.settleFrame);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.provider.setValue(this.activeMeeting);
    if (changed.has('filterUserId') || changed.has('filterType')) this.rebuild();
  }

  // Here rather than in willUpdate: the meeting controller builds the list after willUpdate.
  protected override update(changed: PropertyValues<this>): void {
    if (this.stuck && this.items.length > 0) {
      const last = this.items.length - 1;
      if (this.pin?.index !== last || this.pin.block !== 'end') this.pin = { index: last, block: 'end' };
    }
    super.update(changed);
  }

  protected override updated(): void {
    if (this.stuck) this.settleAtBottom(SETTLE_FRAMES, SETTLE_REPINS);
  }

  /**
   * The virtualizer places the newest message from estimated sizes, measures, and does not always
   * place it again: for a few frames, pin it again while the list does not reach its end.
   */
  private settleAtBottom(frames: number, repins: number): void {
    cancelAnimationFrame(this.settleFrame);
    this.settleFrame = requestAnimationFrame(() => {
      const list = this.list;
      if (!list || !this.stuck || !this.pin) return;
      if (list.scrollHeight - list.scrollTop - list.clientHeight > 24 && repins > 0) {
        this.pin = { ...this.pin };
        void this.updateComplete.then(() => this.settleAtBottom(frames, repins - 1));
      } else if (frames > 0) {
        this.settleAtBottom(frames - 1, repins);
      }
    });
  }

  private get filter() {
    return { userId: this.filterUserId || undefined, type: this.filterType || undefined };
  }

  private get participants(): MeetingParticipant[] {
    return joinedParticipants(this.activeMeeting);
  }

  private reset(): void {
    this.history.reset();
    this.newCount = 0;
    this.stuck = true;
    this.rebuild();
  }

  private rebuild(): void {
    this.items = buildList(this.activeMeeting?.chat, this.history.messages, this.filter);
    this.ids = new Set(this.items.map((item) => item.id));
  }

  private onChatUpdate(event: ChatUpdateEvent): void {
    const message = event.message;
    if (event.action !== 'add') {
      this.rebuild();
      return;
    }
    if (this.ids.has(message.id) || !matches(message, this.filter) || chatMessages(this.activeMeeting?.chat).at(-1) !== message) {
      this.rebuild();
    } else {
      this.items = [...this.items, message];
      this.ids.add(message.id);
    }
    if (isOwnMessage(this.activeMeeting, message)) this.scrollToBottom();
    else if (!this.stuck) this.newCount += 1;
  }

  private onScroll = (): void => {
    const list = this.list;
    if (!list) return;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 48;
    // While a jump is held (a pin not at the end), the list's own correcting scrolls may pass the
    // bottom: only the user's scrolling, which releases the pin, re-attaches it.
    if (atBottom && !this.stuck && this.pin === null) {
      this.stuck = true;
      this.newCount = 0;
      this.requestUpdate();
    }
    if (list.scrollTop < 200) void this.loadOlder();
  };

  private onUnpinned = (): void => {
    // The virtualizer also lets go on scrolls of its own (seen during bursts of messages): without
    // the user's hand on the list, the newest message stays followed.
    if (this.stuck && performance.now() - this.userScrolledAt > USER_SCROLL_MS) {
      this.pin = this.pin && { ...this.pin };
      return;
    }
    this.release();
  };

  private release(): void {
    this.stuck = false;
    this.pin = null;
  }

  // While pinned, the virtualizer puts the list back at the pinned message on every reflow; it
  // lets go on scrolls it sees as the user's, which misses some. These are unmistakably the user's.
  private onScrollIntent = (event: Event): void => {
    const list = this.list;
    const upward = event instanceof WheelEvent ? event.deltaY < 0 : event instanceof KeyboardEvent ? SCROLL_KEYS.has(event.key) : true;
    const onScrollbar = event instanceof PointerEvent ? list !== undefined && event.offsetX > list.clientWidth : true;
    if (!upward || !onScrollbar) return;
    this.userScrolledAt = performance.now();
    if (this.pin) this.release();
  };

  private onVisibility = (event: Event): void => {
    this.firstVisible = (event as Event & { first: number }).first;
  };

  private onSelect = (event: RtkMessageSelectEvent): void => {
    const { message, meeting } = event.detail;
    if (event.defaultPrevented || !meeting || meeting !== this.activeMeeting || !message) return;
    void this.scrollToMessage(message.id);
  };

  /** Loads a page of older messages, keeping what the user reads in place. Resolves to how many it brought. */
  async loadOlder(): Promise<number> {
    const before = this.items.length;
    const fetched = await this.history.loadPage();
    if (fetched === 0) return 0;
    this.rebuild();
    const added = this.items.length - before;
    if (added > 0 && !this.stuck) this.pin = { index: this.firstVisible + added, block: 'start' };
    return fetched;
  }

  /** The messages the list shows, in order: after the filters, older pages included. */
  get messages(): readonly ChatMessage[] {
    return this.items;
  }

  /** Scrolls to the newest message and follows new ones again. */
  scrollToBottom(): void {
    this.stuck = true;
    this.newCount = 0;
    this.pin = null;
    this.requestUpdate();
  }

  /**
   * Scrolls to a message and highlights it, clearing filters that hide it and loading older
   * pages where needed. Resolves to whether the message was found.
   */
  async scrollToMessage(id: string): Promise<boolean> {
    let index = this.items.findIndex((m) => m.id === id);
    if (index < 0 && (this.filterUserId || this.filterType)) {
      this.filterUserId = undefined;
      this.filterType = undefined;
      this.rebuild();
      index = this.items.findIndex((m) => m.id === id);
    }
    while (index < 0 && this.history.available) {
      if ((await this.loadOlder()) === 0) break;
      index = this.items.findIndex((m) => m.id === id);
    }
    if (index < 0) return false;
    this.stuck = false;
    this.pin = { index, block: 'center' };
    this.highlightId = id;
    clearTimeout(this.highlightTimer);
    this.highlightTimer = setTimeout(() => (this.highlightId = ''), HIGHLIGHT_MS);
    await this.updateComplete;
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

  private onDeleted = (): void => {
    void this.updateComplete.then(() => this.composer?.focus());
  };

  protected override render() {
    const strings = this.i18n;
    return html`<section part="base" class="base" aria-label=${strings.chatLabel} @dragover=${this.onDragOver} @drop=${this.onDrop}>
      ${this.renderHeader()}
      <div class="list-wrap">
        <div
          part="list"
          class="list"
          role="log"
          aria-label=${strings.messagesLabel}
          tabindex="0"
          @scroll=${this.onScroll}
          @wheel=${this.onScrollIntent}
          @touchmove=${this.onScrollIntent}
          @keydown=${this.onScrollIntent}
          @pointerdown=${this.onScrollIntent}
          @unpinned=${this.onUnpinned}
          @visibilityChanged=${this.onVisibility}
          @rtk-message-deleted=${this.onDeleted}
        >
          <!-- Only the virtualizer's items in here: it takes every child element for one. -->
          ${guard([this.items, this.pin, this.highlightId, this.activeMeeting, this.strings, this.locale], () =>
            virtualize({
              items: this.items,
              scroller: true,
              keyFunction: messageKey,
              renderItem: (message: ChatMessage | undefined, index: number) => this.renderItem(message, index),
              layout: this.layoutConfig,
            }),
          )}
        </div>
        <div class="history-status" role="status">${this.history.renderStatus(strings, () => void this.loadOlder())}</div>
        ${this.items.length === 0
          ? html`<div class="empty"><slot name="empty">${this.filterUserId || this.filterType ? strings.noMatches : strings.noMessages}</slot></div>`
          : nothing}
        ${this.newCount > 0
          ? html`<button part="new-messages" type="button" class="new-messages" @click=${this.scrollToBottom}>${strings.newMessages(this.newCount)} ↓</button>`
          : nothing}
      </div>
      ${this.renderComposer()}
    </section>`;
  }

  /**
   * `pin` goes in even when null: the layout keeps a pin that a new config leaves out, and its
   * setter takes null for "unpinned", which the config's type leaves out.
   */
  private get layoutConfig() {
    return { type: ChatLayout, pin: this.pin } as { type: typeof ChatLayout; pin?: PinOptions };
  }

  private renderItem(message: ChatMessage | undefined, index: number) {
    // The virtualizer renders items it no longer has while it shrinks its range.
    if (!message) return html``;
    const previous = index > 0 ? this.items[index - 1] : undefined;
    const time = messageTimeMs(message);
    const day = time !== undefined && startsDay(previous, message);
    const separator = day ? html`<div part="day" class="day" role="separator"><span>${formatDay(time, this.locale)}</span></div>` : nothing;
    const tag = (this.constructor as typeof RtkChat).messageTag;
    // No whitespace between tags: it would be DOM nodes in every rendered item.
    return staticHtml`<div class="item">${separator}<${tag} part="message" exportparts=${MESSAGE_PARTS} .message=${message} .meeting=${this.activeMeeting} .strings=${this.strings} .locale=${this.locale} ?grouped=${!day && continuesGroup(previous, message)} ?highlighted=${this.highlightId !== '' && message.id === this.highlightId}></${tag}></div>`;
  }

  private renderComposer() {
    const tag = (this.constructor as typeof RtkChat).composerTag;
    return staticHtml`
      <${tag}
        part="composer"
        exportparts="base:composer-base,recipient,input,send,attachments,notice"
        .meeting=${this.activeMeeting}
        .strings=${this.strings}
        .locale=${this.locale}
      ></${tag}>
    `;
  }

  private renderHeader() {
    const strings = this.i18n;
    const people = this.participants;
    const self = this.activeMeeting?.self;
    const senders = self?.userId ? [{ userId: self.userId, name: strings.you }, ...people.filter((p) => p.userId !== self.userId)] : people;
    return html`<header part="header" class="header">
      <div class="header-row">
        <h2 class="title">${strings.chatLabel}</h2>
        <slot name="header-actions"></slot>
      </div>
      ${this.hideFilters
        ? nothing
        : html`<div class="filters">
            <label class="select">
              <span class="visually-hidden">${strings.filterParticipant}</span>
              ${participantPicker({
                people: senders,
                value: (person) => person.userId,
                chosen: this.filterUserId,
                noneLabel: strings.allParticipants,
                unknownName: strings.unknownSender,
                label: strings.filterParticipant,
                open: this.senderPickerOpen,
                onOpen: (open) => (this.senderPickerOpen = open),
                onChange: (value) => (this.filterUserId = value || undefined),
              })}
            </label>
            <label class="select">
              <span class="visually-hidden">${strings.filterType}</span>
              <select aria-label=${strings.filterType} @change=${(e: Event) => (this.filterType = ((e.target as HTMLSelectElement).value || undefined) as RtkChat['filterType'])}>
                <option value="" ?selected=${!this.filterType}>${strings.allTypes}</option>
                ${TYPES.map((type) => html`<option value=${type} ?selected=${type === this.filterType}>${typeName(type, strings)}</option>`)}
              </select>
            </label>
          </div>`}
    </header>`;
  }
}

function typeName(type: (typeof TYPES)[number], strings: ChatStrings): string {
  return type === 'image' ? strings.typeImage : type === 'file' ? strings.typeFile : strings.typeText;
}

declare global {
  interface HTMLElementTagNameMap {
    'rtk-chat': RtkChat;
  }
}
