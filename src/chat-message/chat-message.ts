import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';

import { RtkMessageDeleteEvent, RtkMessageDeletedEvent } from '../events/message-delete.js';
import { RtkMessageEditedEvent } from '../events/message-edited.js';
import { RtkMessageErrorEvent, type MessageAction } from '../events/message-error.js';
import { RtkMessagePinEvent } from '../events/message-pin.js';
import { displayFileName, formatDateTime, formatSize, formatTime, linkify, messageTimeMs, nonEmpty, safeUrl } from '../format/format.js';
import { chatAbilities, isOwnMessage } from '../meeting/chat-queries.js';
import type { ChatMessage } from '../meeting/contract.js';
import { MALFORMED_TYPE, trustMessage } from '../meeting/message-guard.js';
import { describeError, errorCode } from '../meeting/errors.js';
import { KitElement } from '../base/kit-element.js';
import type { ChatStrings } from '../strings/strings.js';
import styles from './chat-message.styles.js';

const EDITABLE = new Set(['text', 'image', 'file']);

/**
 * One chat message: text with safe links, an image with a larger view, a file to download, or a
 * readable fallback for custom, poll, unknown and malformed messages. Own messages are set apart;
 * edit, delete, pin and unpin are offered where the local user may do them.
 *
 * @summary One chat message, with its actions.
 * @tagname rtk-chat-message
 *
 * @csspart base - The message's wrapper.
 * @csspart header - The sender's name and the time.
 * @csspart bubble - The message body.
 * @csspart meta - The markers under the body: edited, pinned, private.
 * @csspart actions - The action buttons.
 * @csspart image - The image preview.
 * @csspart file - The file card.
 *
 * @cssprop [--rtk-chat-message-bubble-color=var(--rtk-color-surface)] - Background of others' messages.
 * @cssprop [--rtk-chat-message-text-color=var(--rtk-color-text)] - Text of others' messages.
 * @cssprop [--rtk-chat-message-own-bubble-color=var(--rtk-color-own-message)] - Background of the user's own messages.
 * @cssprop [--rtk-chat-message-own-text-color=var(--rtk-color-on-own-message)] - Text of the user's own messages.
 *
 * @fires {RtkMessageDeleteEvent} rtk-message-delete - Before a message is deleted; cancel it to keep the message.
 * @fires {RtkMessageDeletedEvent} rtk-message-deleted - When the SDK accepted a deletion.
 * @fires {RtkMessageEditedEvent} rtk-message-edited - When the SDK accepted an edit.
 * @fires {RtkMessagePinEvent} rtk-message-pin - Before a message is pinned or unpinned; cancel it to stop that.
 * @fires {RtkMessageErrorEvent} rtk-message-error - When the SDK refused an edit, a deletion, a pin or an unpin.
 */
export class RtkChatMessage extends KitElement {
  static override styles = [KitElement.styles, styles];

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('.editor textarea') private editorText?: HTMLTextAreaElement;

  @state() private editing = false;
  @state() private busy = false;
  @state() private error = '';
  @state() private imageFailed = false;

  /** The message to show, as the SDK delivers it. */
  @property({ attribute: false }) message: ChatMessage | undefined;

  /** Set by the list when the previous message is from the same sender, a moment earlier: the header is left out. */
  @property({ type: Boolean, reflect: true }) grouped = false;

  /** Draws attention to the message, e.g. after jumping to it from the pinned list. */
  @property({ type: Boolean, reflect: true }) highlighted = false;

  /** Hides the action buttons, e.g. in a read-only preview. */
  @property({ type: Boolean, attribute: 'hide-actions' }) hideActions = false;

  /** The message's id, reflected for styling and lookups. */
  @property({ attribute: 'message-id', reflect: true }) messageId: string | undefined;

  /** Reflected when the local user sent the message. */
  @property({ type: Boolean, reflect: true }) own = false;

  /** Reflected when the message is pinned. */
  @property({ type: Boolean, reflect: true }) pinned = false;

  /** The message as shown: `message` past the boundary check, or none. */
  private shown: ChatMessage | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const message = this.message === undefined ? undefined : trustMessage(this.message);
    this.shown = message;
    this.messageId = message && message.type !== MALFORMED_TYPE ? message.id : undefined;
    this.own = message !== undefined && isOwnMessage(this.activeMeeting, message);
    this.pinned = message?.pinned === true;
    if (changed.has('message')) {
      this.imageFailed = false;
      if (changed.get('message')?.id !== message?.id) this.editing = false;
    }
  }

  /** Opens the inline editor (text) or the file picker (image, file) for this message. */
  startEditing(): void {
    this.error = '';
    this.editing = true;
    void this.updateComplete.then(() => this.editorText?.focus());
  }

  private async run(action: MessageAction, call: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    this.error = '';
    try {
      await call();
      return true;
    } catch (error) {
      const strings = this.i18n;
      const words = describeError(error, strings, this.activeMeeting?.chat?.maxTextLimit ?? 2000, failedWords(action, strings));
      this.error = words;
      this.dispatchEvent(new RtkMessageErrorEvent({ action, code: errorCode(error), text: words, error }));
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async saveText(): Promise<void> {
    const chat = this.activeMeeting?.chat;
    const message = this.shown;
    const value = this.editorText?.value ?? '';
    if (!chat || !message || this.busy) return;
    if (value === message.message) {
      this.cancelEditing();
      return;
    }
    if (await this.run('edit', () => chat.editTextMessage(message.id, value))) {
      this.editing = false;
      this.dispatchEvent(new RtkMessageEditedEvent({ message }));
      await this.updateComplete;
      this.focusAction('edit');
    }
  }

  private cancelEditing(): void {
    this.editing = false;
    this.error = '';
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
    if (await this.run('edit', edit)) {
      this.editing = false;
      this.dispatchEvent(new RtkMessageEditedEvent({ message }));
    }
  }

  private async deleteMessage(): Promise<void> {
    const chat = this.activeMeeting?.chat;
    const message = this.shown;
    if (!chat || !message) return;
    if (!this.dispatchEvent(new RtkMessageDeleteEvent({ message }))) return;
    if (await this.run('delete', () => chat.deleteMessage(message.id))) {
      this.dispatchEvent(new RtkMessageDeletedEvent({ message }));
    }
  }

  private async togglePin(): Promise<void> {
    const chat = this.activeMeeting?.chat;
    const message = this.shown;
    if (!chat || !message) return;
    const pin = !this.pinned;
    if (!this.dispatchEvent(new RtkMessagePinEvent({ message, pinned: pin }))) return;
    await this.run(pin ? 'pin' : 'unpin', () => (pin ? chat.pin(message.id) : chat.unpin(message.id)));
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

  protected override render() {
    const message = this.shown;
    if (!message || message.type === MALFORMED_TYPE) {
      return html`<div part="base" class="base"><div part="bubble" class="bubble fallback">${this.i18n.malformedMessage}</div></div>`;
    }
    const strings = this.i18n;
    const time = messageTimeMs(message);
    const sender = this.own ? strings.you : nonEmpty(message.displayName) ?? strings.unknownSender;
    const timeText = time === undefined ? '' : formatTime(time, this.locale);
    // Written without whitespace between tags: a list renders many messages, and every
    // indentation would be one more DOM node in each.
    const header = this.grouped
      ? nothing
      : html`<div part="header" class="header"><span class="sender">${sender}</span>${time === undefined ? nothing : html`<time datetime=${new Date(time).toISOString()} title=${formatDateTime(time, this.locale)}>${timeText}</time>`}</div>`;
    const body = this.editing && message.type === 'text' ? this.renderEditor(message) : html`<div part="bubble" class="bubble">${this.renderBody(message)}</div>`;
    const error = this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing;
    return html`<article part="base" class="base" aria-label=${`${sender} ${timeText}`}>${header}<div class="row">${body}${this.renderActions(message)}</div>${this.editing && message.type !== 'text' ? this.renderReplace(message) : nothing}${this.renderMeta(message)}${error}</article>${message.type === 'image' ? this.renderDialog(message) : nothing}`;
  }

  private renderBody(message: ChatMessage): TemplateResult {
    const strings = this.i18n;
    switch (message.type) {
      case 'text':
        return typeof message.message === 'string' ? renderText(message.message) : html`<span class="fallback">${strings.malformedMessage}</span>`;
      case 'image':
        return this.renderImage(message);
      case 'file':
        return this.renderFile(message);
      case 'custom':
        return html`<span class="fallback">${strings.customMessage}</span>${nonEmpty(message.message) ? html`<br />${renderText(message.message as string)}` : nothing}`;
      case 'poll':
        return html`<span class="fallback">${strings.pollMessage}</span>`;
      default:
        return html`<span class="fallback">${strings.unsupportedMessage}</span>`;
    }
  }

  private renderImage(message: ChatMessage): TemplateResult {
    const strings = this.i18n;
    const src = safeUrl(message.link, true);
    if (!src || this.imageFailed) return html`<span class="fallback">${strings.imageUnavailable}</span>`;
    const label = strings.imageFrom(this.own ? strings.you : nonEmpty(message.displayName) ?? strings.unknownSender);
    return html`<button class="image-button" type="button" aria-haspopup="dialog" @click=${() => this.dialog?.showModal()}>
      <img part="image" class="image" src=${src} alt=${label} loading="lazy" decoding="async" @error=${() => (this.imageFailed = true)} />
    </button>`;
  }

  private renderDialog(message: ChatMessage): TemplateResult | typeof nothing {
    const src = safeUrl(message.link, true);
    if (!src || this.imageFailed) return nothing;
    const strings = this.i18n;
    return html`<dialog aria-label=${strings.image} @click=${(event: Event) => event.target === this.dialog && this.dialog?.close()}>
      <div class="dialog-bar">
        <span>${nonEmpty(message.displayName) ?? strings.unknownSender}</span>
        <button type="button" class="action" @click=${() => this.dialog?.close()}>${strings.closeImage}</button>
      </div>
      <img src=${src} alt=${strings.image} />
    </dialog>`;
  }

  private renderFile(message: ChatMessage): TemplateResult {
    const strings = this.i18n;
    const name = displayFileName(message.name);
    const href = safeUrl(message.link, true);
    const extension = name.includes('.') ? name.split('.').pop()!.slice(0, 4).toUpperCase() : 'FILE';
    return html`<div part="file" class="file">
      <span class="file-icon" aria-hidden="true">${extension}</span>
      <span>
        ${href
          ? html`<a class="file-name" href=${href} download=${name} target="_blank" rel="noopener noreferrer" aria-label=${strings.download(name)}>${name}</a>`
          : html`<span class="file-name">${name}</span>`}
        <br /><span class="file-size">${formatSize(message.size, this.locale)}</span>
      </span>
    </div>`;
  }

  private renderEditor(message: ChatMessage): TemplateResult {
    const strings = this.i18n;
    return html`<div class="editor">
      <textarea aria-label=${strings.editing} .value=${message.message ?? ''} ?disabled=${this.busy} @keydown=${this.onEditorKey}></textarea>
      <div class="editor-buttons">
        <button type="button" @click=${this.cancelEditing}>${strings.cancel}</button>
        <button type="button" class="primary" ?disabled=${this.busy} @click=${this.saveText}>${strings.save}</button>
      </div>
    </div>`;
  }

  private renderReplace(message: ChatMessage): TemplateResult {
    const strings = this.i18n;
    const accept = message.type === 'image' ? 'image/gif,image/jpeg,image/png' : '';
    return html`<div class="editor-buttons">
      <label class="replace">${strings.replace}<input class="visually-hidden" type="file" accept=${accept} @change=${this.replaceFile} /></label>
      <button type="button" @click=${this.cancelEditing}>${strings.cancel}</button>
    </div>`;
  }

  private renderActions(message: ChatMessage): TemplateResult | typeof nothing {
    if (this.hideActions || this.editing) return nothing;
    const strings = this.i18n;
    const abilities = chatAbilities(this.activeMeeting);
    const canEdit = this.own && abilities.editOwn && EDITABLE.has(message.type);
    const canDelete = this.own && abilities.deleteOwn;
    if (!canEdit && !canDelete && !abilities.pin) return nothing;
    const action = (name: string, label: string, handler: () => void) =>
      html`<button type="button" class="action" data-action=${name} ?disabled=${this.busy} @click=${handler}>${label}</button>`;
    return html`<div part="actions" class="actions">${canEdit ? action('edit', strings.edit, this.startEditing) : nothing}${abilities.pin ? (this.pinned ? action('unpin', strings.unpin, this.togglePin) : action('pin', strings.pin, this.togglePin)) : nothing}${canDelete ? action('delete', strings.delete, this.deleteMessage) : nothing}</div>`;
  }

  private renderMeta(message: ChatMessage): TemplateResult | typeof nothing {
    const strings = this.i18n;
    const markers: TemplateResult[] = [];
    if (message.isEdited) markers.push(html`<span>${strings.edited}</span>`);
    if (message.pinned) markers.push(html`<span>${strings.pinned}</span>`);
    if (message.targetUserIds?.length) {
      markers.push(html`<span class="marker-private">${this.privateMarker(message)}</span>`);
    }
    return markers.length ? html`<div part="meta" class="meta">${markers}</div>` : nothing;
  }

  private privateMarker(message: ChatMessage): string {
    const strings = this.i18n;
    const meeting = this.activeMeeting;
    const selfId = meeting?.self?.userId;
    const others = (message.targetUserIds ?? []).filter((userId) => userId !== message.userId);
    if (others.length === 0) return strings.privateMessage;
    const people = typeof meeting?.participants?.joined?.toArray === 'function' ? meeting.participants.joined.toArray() : [];
    const names = others.map((userId) => (userId === selfId ? strings.you : people.find((p) => p.userId === userId)?.name ?? strings.unknownSender));
    return strings.privateTo(names.join(', '));
  }
}

function failedWords(action: MessageAction, strings: ChatStrings): string {
  if (action === 'edit') return strings.editFailed;
  if (action === 'delete') return strings.deleteFailed;
  return strings.pinFailed;
}

/**
 * Past this many characters a text is cut for display: no honest message is that long (the SDK's
 * limit is 2,000), and laying out one huge unbroken word takes the browser seconds.
 */
const SHOWN_TEXT_LIMIT = 10_000;

/** Message text as text nodes, with http(s) links; nothing in it is ever markup. */
function renderText(text: string): TemplateResult {
  const shown = text.length > SHOWN_TEXT_LIMIT ? `${text.slice(0, SHOWN_TEXT_LIMIT)}…` : text;
  const parts = linkify(shown).map((part) => (part.href ? html`<a href=${part.href} target="_blank" rel="noopener noreferrer">${part.text}</a>` : part.text));
  return html`<span class="text">${parts}</span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'rtk-chat-message': RtkChatMessage;
  }
}
