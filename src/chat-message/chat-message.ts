import { html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import { property, query, state } from 'lit/decorators.js';

import { KitElement } from '../base/kit-element.js';
import { RtkMessageDeleteEvent, RtkMessageDeletedEvent } from '../events/message-delete.js';
import { RtkMessageEditedEvent } from '../events/message-edited.js';
import { RtkMessagePinEvent } from '../events/message-pin.js';
import { RtkMessageReplyEvent } from '../events/message-reply.js';
import { RtkMessageSelectEvent } from '../events/message-select.js';
import { displayName, formatDateTime, formatTime, mediaPolicy, messageTimeMs, safeUrl, trustedOrigins, type MediaPolicy } from '../format/format.js';
import { isPrivateMessage, messageText } from '../conversations/conversations.js';
import type { RenderCustom } from '../custom-message/custom-message-part.js';
import { findQuotedMessage } from '../format/quote-reply.js';
import richTextStyles from '../format/rich-text.styles.js';
import { chatAbilities, chatMessages, isOwnMessage, joinedParticipants } from '../meeting/chat-queries.js';
import type { ChatMessage } from '../meeting/contract.js';
import { MALFORMED_TYPE, trustMessage } from '../meeting/message-guard.js';
import styles from './chat-message.styles.js';
import actionStyles from './message-actions.styles.js';
import { fallback, prepareText, renderBody, type PreparedText } from './message-body.js';
import { MessageCalls } from './message-calls.js';
import { mentionNames, privateNames, renderMeta } from './message-meta.js';
import { messageActions, renderActions, renderDeleteConfirm, renderHeader, renderFileReplace, renderImageViewer, renderTextEditor, type MessageAction as Action } from './message-parts.js';

const EDITABLE = new Set(['text', 'image', 'file']);

/**
 * One chat message: text with safe links, an image with a larger view, a file to download, or a
 * readable fallback for custom, poll, unknown and malformed messages. Own and private messages
 * are set apart; edit, delete (after a confirmation), pin and unpin are offered where the local
 * user may do them, in a toolbar that floats over the message on hover and focus, or behind a
 * "More actions" button on touch screens. Hidden actions take no space and cannot be hit.
 *
 * @summary One chat message, with its actions.
 * @tagname rtk-chat-message
 *
 * @csspart base - The message's wrapper.
 * @csspart header - The sender's name and the time.
 * @csspart bubble - The message body.
 * @csspart meta - The markers under the body: edited, pinned, private.
 * @csspart actions - The action buttons.
 * @csspart more - The "More actions" button shown on touch screens.
 * @csspart confirm - The confirmation asked before deleting.
 * @csspart image - The image preview.
 * @csspart file - The file card.
 *
 * @cssprop [--rtk-chat-message-bubble-color=var(--rtk-color-surface)] - Background of others' messages.
 * @cssprop [--rtk-chat-message-text-color=var(--rtk-color-text)] - Text of others' messages.
 * @cssprop [--rtk-chat-message-own-bubble-color=var(--rtk-color-own-message)] - Background of the user's own messages.
 * @cssprop [--rtk-chat-message-own-text-color=var(--rtk-color-on-own-message)] - Text of the user's own messages.
 *
 * @fires {RtkMessageDeleteEvent} rtk-message-delete - Before a message is deleted, before the confirmation; cancel it to keep the message.
 * @fires {RtkMessageDeletedEvent} rtk-message-deleted - When the SDK accepted a deletion.
 * @fires {RtkMessageEditedEvent} rtk-message-edited - When the SDK accepted an edit.
 * @fires {RtkMessagePinEvent} rtk-message-pin - Before a message is pinned or unpinned; cancel it to stop that.
 * @fires {RtkMessageErrorEvent} rtk-message-error - When the SDK refused an edit, a deletion, a pin or an unpin.
 */
export class RtkChatMessage extends KitElement {
  static override styles = [KitElement.styles, richTextStyles, styles, actionStyles];

  /** The tag the avatars render with; set when the kit is registered under other names. */
  static avatarTag: StaticValue = literal`rtk-avatar`;

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('.editor textarea') private editorText?: HTMLTextAreaElement;

  @state() private editing = false;
  @state() private confirming = false;
  @state() private menuOpen = false;
  @state() private viewerOpen = false;
  @state() private imageFailed = false;
  /** The user asked to load this message's image, which the media policy held back. */
  @state() private loadImageAnyway = false;

  private readonly calls = new MessageCalls(this, { strings: () => this.i18n, maxTextLimit: () => this.activeMeeting?.chat?.maxTextLimit ?? 2000 });

  /** The message as shown: `message` past the boundary check, or none. */
  private shown: ChatMessage | undefined;
  /** Its text, formatted once per change rather than once per render. */
  private text: PreparedText | undefined;

  /** The message to show, as the SDK delivers it. */
  @property({ attribute: false }) message: ChatMessage | undefined;

  /** Set by the list when the previous message is from the same sender, a moment earlier: the header is left out. */
  @property({ type: Boolean, reflect: true }) grouped = false;

  /** Draws attention to the message, e.g. after jumping to it from the pinned list. */
  @property({ type: Boolean, reflect: true }) highlighted = false;

  /** Hides the sender's avatar. */
  @property({ type: Boolean, reflect: true, attribute: 'hide-avatars' }) hideAvatars = false;

  /** Renders custom messages the app's way: return a template, or `undefined` for the kit's rendering. */
  @property({ attribute: false }) renderCustom: RenderCustom | undefined;

  /** Reflected when the message mentions the local user. */
  @property({ type: Boolean, reflect: true }) mentioned = false;

  /** Hides the action buttons, e.g. in a read-only preview. */
  @property({ type: Boolean, attribute: 'hide-actions' }) hideActions = false;

  /** The message's id, reflected for styling and lookups. */
  @property({ attribute: 'message-id', reflect: true }) messageId: string | undefined;

  /** Reflected when the local user sent the message. */
  @property({ type: Boolean, reflect: true }) own = false;

  /** Reflected when the message is pinned. */
  @property({ type: Boolean, reflect: true }) pinned = false;

  /** Which images load by themselves: `auto`, `click` (each on request, so no host learns who is in the meeting), or `trusted` (see SECURITY.md). */
  @property({ attribute: 'media-policy' }) mediaPolicy: MediaPolicy = 'auto';

  /** Origins whose images load by themselves under `media-policy="trusted"`, space-separated (`https://*.example.com` for subdomains). */
  @property({ attribute: 'trusted-media-origins' }) trustedMediaOrigins = '';

  /** Reflected when the message is private: to or from the local user and named people only. */
  @property({ type: Boolean, reflect: true, attribute: 'private' }) isPrivate = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const message = this.message === undefined ? undefined : trustMessage(this.message);
    this.shown = message;
    this.messageId = message && message.type !== MALFORMED_TYPE ? message.id : undefined;
    this.own = message !== undefined && isOwnMessage(this.activeMeeting, message);
    this.pinned = message?.pinned === true;
    this.isPrivate = message !== undefined && isPrivateMessage(message);
    const text = message?.type === 'text' || message?.type === 'custom' ? message.message : undefined;
    this.text = text === undefined ? undefined : prepareText(messageText(message!), mentionNames(this.activeMeeting), this.activeMeeting?.self?.name);
    this.mentioned = !this.own && (this.text?.mentionsSelf ?? false);
    if (changed.has('message')) {
      this.imageFailed = false;
      if (changed.get('message')?.link !== message?.link) this.loadImageAnyway = false;
      if (changed.get('message')?.id !== message?.id) this.editing = this.confirming = this.menuOpen = false;
    }
  }

  /** Opens the inline editor (text) or the file picker (image, file) for this message. */
  startEditing(): void {
    this.calls.clearError();
    this.menuOpen = false;
    this.editing = true;
    void this.updateComplete.then(() => this.editorText?.focus());
  }

  private async saveText(): Promise<void> {
    const chat = this.activeMeeting?.chat;
    const message = this.shown;
    const value = this.editorText?.value ?? '';
    if (!chat || !message || this.calls.busy) return;
    if (value === message.message) {
      this.cancelEditing();
      return;
    }
    if (await this.calls.run('edit', () => chat.editTextMessage(message.id, value))) {
      this.editing = false;
      this.dispatchEvent(new RtkMessageEditedEvent({ message }));
      await this.updateComplete;
      this.focusAction('edit');
    }
  }

  private cancelEditing(): void {
    this.editing = false;
    this.calls.clearError();
    void this.updateComplete.then(() => this.focusAction('edit'));
  }

  private async replaceFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    const chat = this.activeMeeting?.chat;
    const message = this.shown;
    if (!file || !chat || !message) return;
    const edit = message.type === 'image' ? () => chat.editImageMessage(message.id, file) : () => chat.editFileMessage(message.id, file);
    if (await this.calls.run('edit', edit)) {
      this.editing = false;
      this.dispatchEvent(new RtkMessageEditedEvent({ message }));
    }
  }

  /** The app hears of the deletion first, then the user confirms it. */
  private askToDelete(): void {
    const message = this.shown;
    this.menuOpen = false;
    if (!message || !this.dispatchEvent(new RtkMessageDeleteEvent({ message }))) return;
    this.confirming = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-action="cancel-delete"]')?.focus());
  }

  private cancelDelete(): void {
    this.confirming = false;
    void this.updateComplete.then(() => this.focusAction('delete'));
  }

  private async deleteMessage(): Promise<void> {
    const chat = this.activeMeeting?.chat;
    const message = this.shown;
    if (!chat || !message) return;
    if (await this.calls.run('delete', () => chat.deleteMessage(message.id))) {
      this.confirming = false;
      this.dispatchEvent(new RtkMessageDeletedEvent({ message }));
    }
  }

  private async togglePin(): Promise<void> {
    const chat = this.activeMeeting?.chat;
    const message = this.shown;
    if (!chat || !message) return;
    const pin = !this.pinned;
    this.menuOpen = false;
    if (!this.dispatchEvent(new RtkMessagePinEvent({ message, pinned: pin }))) return;
    await this.calls.run(pin ? 'pin' : 'unpin', () => (pin ? chat.pin(message.id) : chat.unpin(message.id)));
    await this.updateComplete;
    this.focusAction(this.pinned ? 'unpin' : 'pin');
  }

  private focusAction(name: string): void {
    this.renderRoot.querySelector<HTMLElement>(`[data-action="${name}"]`)?.focus();
  }

  private onEditorKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.cancelEditing();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.saveText();
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    if (this.confirming) this.cancelDelete();
    else if (this.menuOpen) {
      this.menuOpen = false;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="more"]')?.focus());
    }
  }

  /** Jumps to the message a reply quotes, where the meeting still has it. */
  private openQuote(quote: string): void {
    const meeting = this.activeMeeting;
    const quoted = findQuotedMessage(quote, chatMessages(meeting?.chat), this.i18n.quotedPhoto, this.shown);
    if (quoted) this.dispatchEvent(new RtkMessageSelectEvent({ message: quoted, meeting }));
  }

  private openImage(): void {
    this.viewerOpen = true;
    void this.updateComplete.then(() => this.dialog?.showModal());
  }

  /** The sender's name as shown; "(you)" beside it marks the local user, told by id, never by name. */
  private get sender(): string {
    const name = displayName(this.shown?.displayName);
    return name ?? (this.own ? this.i18n.you : this.i18n.unknownSender);
  }

  /** What the local user may do with this message. */
  private get actions(): Action[] {
    const message = this.shown;
    if (!message || this.hideActions || this.editing || this.confirming) return [];
    return messageActions({
      strings: this.i18n,
      abilities: chatAbilities(this.activeMeeting),
      own: this.own,
      pinned: this.pinned,
      // A legacy private message is not edited: the edit would go out as a public text.
      editable: EDITABLE.has(message.type) && !(this.isPrivate && !message.targetUserIds?.length),
      reply: () => this.dispatchEvent(new RtkMessageReplyEvent({ message })),
      edit: () => this.startEditing(),
      pin: () => this.togglePin(),
      remove: () => this.askToDelete(),
    });
  }

  protected override render() {
    const message = this.shown;
    if (!message || message.type === MALFORMED_TYPE) {
      return html`<div part="base" class="base"><div part="bubble" class="bubble">${fallback(this.i18n.malformedMessage)}</div></div>`;
    }
    const time = messageTimeMs(message);
    const timeText = time === undefined ? '' : formatTime(time, this.locale);
    const strings = this.i18n;
    const busy = this.calls.busy;
    const editingText = this.editing && message.type === 'text';
    const cancel = () => this.cancelEditing();
    const viewerSrc = this.viewerOpen && !this.imageFailed ? safeUrl(message.link, true) : undefined;
    return html`
      <article part="base" class="base" aria-label=${`${this.sender} ${timeText}`} @keydown=${this.onKeyDown}>
        ${this.renderAvatar(message)}
        ${this.grouped ? nothing : renderHeader({ sender: this.sender, you: this.own ? strings.youMarker : '', time, timeText, locale: this.locale })}
        <div class="row">
          ${editingText
            ? renderTextEditor(messageText(message), { strings, busy, cancel, onKey: (e) => this.onEditorKey(e), save: () => this.saveText() })
            : this.renderBubble(message, time, timeText)}
          ${renderActions(this.actions, { strings, busy, open: this.menuOpen, toggle: () => (this.menuOpen = !this.menuOpen) })}
        </div>
        ${this.editing && !editingText ? renderFileReplace(message.type === 'image', { strings, cancel, pick: (e) => this.replaceFile(e) }) : nothing}
        ${this.confirming ? renderDeleteConfirm({ strings, busy, cancel: () => this.cancelDelete(), confirm: () => this.deleteMessage() }) : nothing}
        ${renderMeta(message, { strings, private: this.isPrivate, privateTo: () => privateNames(message, this.activeMeeting, strings) })}
        ${this.calls.error ? html`<div class="error" role="alert">${this.calls.error}</div>` : nothing}
      </article>
      ${viewerSrc ? renderImageViewer(viewerSrc, { strings, sender: this.sender, closed: () => (this.viewerOpen = false) }) : nothing}
    `;
  }

  /** The sender's picture or initials, on the first message of a group; the others keep its place. */
  private renderAvatar(message: ChatMessage) {
    if (this.hideAvatars) return nothing;
    if (this.grouped) return html`<span class="avatar-space"></span>`;
    const picture = joinedParticipants(this.activeMeeting).find((person) => person.userId === message.userId)?.picture;
    const tag = (this.constructor as typeof RtkChatMessage).avatarTag;
    return staticHtml`<${tag} class="avatar" aria-hidden="true" .name=${this.sender} .userId=${message.userId} .src=${picture}></${tag}>`;
  }

  private renderBubble(message: ChatMessage, time: number | undefined, timeText: string) {
    const body = renderBody(message, {
      strings: this.i18n,
      locale: this.locale,
      sender: this.sender,
      text: this.text,
      renderCustom: this.renderCustom,
      openQuote: (quote) => this.openQuote(quote),
      imageFailed: this.imageFailed,
      media: { policy: mediaPolicy(this.mediaPolicy), origins: trustedOrigins(this.trustedMediaOrigins), loadAnyway: this.loadImageAnyway },
      onImageError: () => (this.imageFailed = true),
      onLoadImage: () => (this.loadImageAnyway = true),
      openImage: () => this.openImage(),
    });
    // A grouped message has no header: its time shows beside it on hover and focus.
    const sideTime =
      this.grouped && time !== undefined
        ? html`<time class="side-time" datetime=${new Date(time).toISOString()} title=${formatDateTime(time, this.locale)}>${timeText}</time>`
        : nothing;
    return html`<div part="bubble" class="bubble">${body}</div>${sideTime}`;
  }


}

declare global {
  interface HTMLElementTagNameMap {
    'rtk-chat-message': RtkChatMessage;
  }
}
