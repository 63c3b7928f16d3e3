import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';

import { KitElement } from '../base/kit-element.js';
import { RtkMessageErrorEvent } from '../events/message-error.js';
import { RtkMessageSentEvent } from '../events/message-sent.js';
import { chatAbilities, joinedParticipants, rateLimitRetryAt, type RateLimitKind } from '../meeting/chat-queries.js';
import type { ChatMeeting, ChatMessage, MeetingChat, MeetingParticipant } from '../meeting/contract.js';
import { emojiIcon, EmojiPickerController } from '../emoji/emoji-picker-controller.js';
import { composeQuoteReply, quotedText } from '../format/quote-reply.js';
import { MentionCompletion } from '../mentions/mention-completion.js';
import { describeError, errorCode } from '../meeting/errors.js';
import { MeetingController } from '../meeting/meeting-controller.js';
import styles from './chat-composer.styles.js';
import { draftKey, loadDraft, saveDraft } from './drafts.js';
import { renderAttachButton, renderAttachments, renderNotice, renderReplying, renderSendError } from './composer-parts.js';
import { participantPicker } from './participant-picker.js';
import { RateLimitCountdown } from './rate-limit-countdown.js';
import { echoedSince, isImageFile, SendTimeoutError, withinTime } from './sending.js';

/** What one send delivers: the text and files in the composer when Send was pressed. */
interface Delivery {
  chat: MeetingChat;
  text: string;
  files: File[];
  peerIds: string[] | undefined;
  key: string;
  /** The message the text replies to. */
  replyTo: ChatMessage | undefined;
}

/**
 * The composer of a meeting's chat: text with a draft kept per meeting, attachments by picker,
 * paste or drop, the private recipient, sending with errors and Retry, and the rate-limit
 * countdown. Nothing is lost on failure: the text and unsent files stay until the SDK accepts
 * them. `<rtk-chat>` includes one; it also works on its own with a meeting.
 *
 * @summary The message composer of a meeting's chat.
 * @tagname rtk-chat-composer
 *
 * @csspart base - The composer.
 * @csspart recipient - The "Send to" row, with the private recipient.
 * @csspart input - The text box.
 * @csspart send - The send button.
 * @csspart attachments - The files waiting to be sent.
 * @csspart notice - The line shown instead of the composer to someone who may not send.
 * @csspart replying - What the next message replies to, with its Cancel.
 * @csspart emoji-dialog - The emoji picker's dialog.
 *
 * @fires {RtkMessageSentEvent} rtk-message-sent - When the SDK accepted a message the user sent.
 * @fires {RtkMessageErrorEvent} rtk-message-error - When the SDK refused a send, or did not answer in time.
 */
export class RtkChatComposer extends KitElement {
  static override styles = [KitElement.styles, styles];
  static override shadowRootOptions = { ...KitElement.shadowRootOptions, delegatesFocus: true };

  @query('textarea') private input?: HTMLTextAreaElement;

  private readonly emoji = new EmojiPickerController(this, { target: () => this.input, strings: () => this.strings });
  private readonly completion = new MentionCompletion(this, { input: () => this.input, participants: () => this.others, strings: () => this.i18n });

  @state() private draft = '';
  @state() private attachments: File[] = [];
  @state() private pickerOpen = false;
  /** Why the last send failed, in words; '' when it did not or the user dismissed it. */
  @state() private error = '';

  private key = '';
  /** The meeting the composer last rendered for. */
  private shownMeeting: ChatMeeting | undefined;
  private readonly countdown = new RateLimitCountdown(this);

  /** The peer id of the private recipient; empty for everyone. */
  @property({ attribute: 'recipient-id' }) recipientId = '';

  /** The message being replied to: the next text goes out quoting it, as Cloudflare's UI writes replies. */
  @property({ attribute: false }) replyTo: ChatMessage | undefined;

  /** How long a send may go unanswered before it shows as failed with Retry, in ms. */
  @property({ type: Number, attribute: 'send-timeout' }) sendTimeout = 15_000;

  private readonly sending = new Task(this, {
    autoRun: false,
    task: ([delivery]: [Delivery], { signal }) => this.deliver(delivery, signal),
    onError: (error) => this.fail(error),
  });

  constructor() {
    super();
    // Participants for the recipient picker, the local user for permissions given at joining.
    new MeetingController(this, () => this.activeMeeting, {}, ['self', 'participants']);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.activeMeeting !== this.shownMeeting) {
      // A send still pending on the old meeting must not hold or report on the new one. (Leaving
      // and coming back to the page is no change: that send's outcome still shows.)
      this.shownMeeting = this.activeMeeting;
      this.sending.abort();
      this.error = '';
    }
    // One draft per meeting: choosing another recipient never changes what is in the box.
    const key = draftKey(this.activeMeeting?.meta?.meetingId);
    if (key !== this.key) {
      this.key = key;
      this.draft = loadDraft(key);
    }
    if (changed.has('recipientId') && this.recipientId && !this.recipient) this.recipientId = '';
  }

  /** The participants one may send privately to: everyone joined but the local user. */
  private get others(): MeetingParticipant[] {
    const selfId = this.activeMeeting?.self?.id;
    return joinedParticipants(this.activeMeeting).filter((person) => person.id !== selfId);
  }

  /** The private recipient, while they are in the meeting. */
  private get recipient(): MeetingParticipant | undefined {
    return this.recipientId ? this.others.find((person) => person.id === this.recipientId) : undefined;
  }

  private get abilities() {
    const abilities = chatAbilities(this.activeMeeting);
    const direct = this.recipient !== undefined;
    return {
      write: direct ? abilities.sendPrivateText : abilities.sendText,
      attach: direct ? abilities.sendPrivateFiles : abilities.sendFiles,
      private: abilities.sendPrivateText || abilities.sendPrivateFiles,
    };
  }

  private get busy(): boolean {
    return this.sending.status === TaskStatus.PENDING;
  }

  /** How far the text is over the SDK's limit, in characters; 0 when it fits. */
  private get overLimit(): number {
    return Math.max(0, this.draft.length - (this.activeMeeting?.chat?.maxTextLimit ?? 2000));
  }

  private setDraft(text: string): void {
    this.draft = text;
    saveDraft(this.key, text);
  }

  /** Adds files to send with the next message. Returns false when the local user may not send files here. */
  addFiles(files: Iterable<File>): boolean {
    if (!this.abilities.attach) return false;
    this.attachments = [...this.attachments, ...files];
    return true;
  }

  /** Sends the attachments, then the text. Resolves once sent or refused; never throws. */
  async send(): Promise<void> {
    const chat = this.activeMeeting?.chat;
    if (!chat || this.busy || this.countdown.seconds > 0 || this.overLimit > 0) return;
    if (!this.draft.trim() && this.attachments.length === 0) return;
    const peerIds = this.recipient ? [this.recipient.id] : undefined;
    this.error = '';
    // `run` settles with the task; its outcome is rendered from the task's status.
    await this.sending.run([{ chat, text: this.draft, files: [...this.attachments], peerIds, key: this.key, replyTo: this.replyTo }]).catch(() => undefined);
  }

  private async deliver(delivery: Delivery, signal: AbortSignal): Promise<void> {
    const { chat, peerIds } = delivery;
    for (const file of delivery.files) {
      // Removed by the user while an earlier one was uploading.
      if (!this.attachments.includes(file)) continue;
      const image = isImageFile(file);
      // The SDK adds the sender to the list it is given: it gets a copy.
      const send = () => (image ? chat.sendImageMessage(file, peerIds && [...peerIds]) : chat.sendFileMessage(file, peerIds && [...peerIds]));
      await this.settle(send, signal, 'file');
      this.attachments = this.attachments.filter((item) => item !== file);
      this.dispatchEvent(new RtkMessageSentEvent({ kind: image ? 'image' : 'file', file, peerIds }));
    }
    const text = delivery.text;
    if (!text.trim()) return;
    const sent = delivery.replyTo ? composeQuoteReply(quotedText(delivery.replyTo, this.i18n.quotedPhoto), text) : text;
    const unanswered = this.unanswered;
    if (unanswered?.text !== sent || !echoedSince(this.activeMeeting, sent, unanswered.startedAt - 1000)) {
      const startedAt = Date.now();
      await this.settle(() => chat.sendTextMessage(sent, peerIds && [...peerIds]), signal, 'text').catch((error) => {
        // A send that timed out may still have reached the meeting: Retry must not send it twice.
        if (error instanceof SendTimeoutError) this.unanswered = { text: sent, startedAt };
        throw error;
      });
    }
    this.unanswered = undefined;
    if (this.replyTo === delivery.replyTo) this.replyTo = undefined;
    if (this.key === delivery.key) {
      // What the user typed while the message was on its way stays in the box.
      this.setDraft(this.draft.startsWith(text) ? this.draft.slice(text.length) : this.draft);
    } else {
      saveDraft(delivery.key, '');
    }
    this.dispatchEvent(new RtkMessageSentEvent({ kind: 'text', text: sent, peerIds }));
  }

  /** The text of a send that timed out, and when it started: its echo means it did go. */
  private unanswered: { text: string; startedAt: number } | undefined;

  /** Waits for one SDK call, up to `sendTimeout`; the kind says which rate limit applies. */
  private async settle(call: () => Promise<void>, signal: AbortSignal, kind: RateLimitKind): Promise<void> {
    try {
      // A promise around the call: an SDK that throws at once is refused like one that rejects.
      await withinTime(new Promise<void>((resolve) => resolve(call())), this.sendTimeout, signal);
    } catch (error) {
      if (errorCode(error) === '0013') this.countdown.start(rateLimitRetryAt(this.activeMeeting?.chat, kind));
      throw error;
    }
  }

  private fail(error: unknown): void {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    this.error = this.describe(error);
    const text = this.error || this.i18n.rateLimited(this.countdown.seconds);
    this.dispatchEvent(new RtkMessageErrorEvent({ action: 'send', code: errorCode(error), text, error }));
  }

  /** The error to show under the box; '' for none (a rate limit shows as a countdown instead). */
  private describe(error: unknown): string {
    if (errorCode(error) === '0013') return '';
    if (error instanceof SendTimeoutError) return this.i18n.sendTimedOut;
    return describeError(error, this.i18n, this.activeMeeting?.chat?.maxTextLimit ?? 2000);
  }

  private onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.replyTo && !this.completion.open) {
      event.preventDefault();
      this.replyTo = undefined;
      return;
    }
    // Enter while an input method is composing confirms the composition; it must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    void this.send();
  };

  private onPaste = (event: ClipboardEvent): void => {
    const files = event.clipboardData?.files;
    if (files && files.length > 0 && this.addFiles(files)) event.preventDefault();
  };

  private onPick = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (input.files) this.addFiles(input.files);
    input.value = '';
  };

  private cancelReply(): void {
    this.replyTo = undefined;
    void this.updateComplete.then(() => this.input?.focus());
  }

  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  protected override render() {
    const strings = this.i18n;
    const meeting = this.activeMeeting;
    const abilities = this.abilities;
    if (!meeting?.chat) return renderNotice(strings.notConnected);
    if (!abilities.write && !abilities.attach && !abilities.private) return renderNotice(strings.cannotSend);
    const recipient = this.recipient;
    const name = recipient ? recipient.name || strings.unknownSender : '';
    const wait = this.countdown.seconds;
    const over = this.overLimit;
    const left = (meeting.chat.maxTextLimit ?? 2000) - this.draft.length;
    const blocked = recipient && !abilities.write && !abilities.attach ? strings.cannotSendPrivate : !abilities.write && !abilities.attach ? strings.cannotSend : '';
    const why = blocked || (wait > 0 ? strings.rateLimited(wait) : over > 0 ? strings.charactersLeft(left) : '');
    return html`
      <div part="base" class="base" ?private=${recipient !== undefined}>
        ${this.renderRecipient(name)}
        ${this.replyTo ? renderReplying(this.replyTo, strings, () => this.cancelReply()) : nothing}
        ${renderAttachments(this.attachments, strings, (file) => (this.attachments = this.attachments.filter((item) => item !== file)))}
        <div class="row">
          ${abilities.attach ? renderAttachButton(strings, this.onPick) : nothing}
          <div class="box">
          <textarea
            part="input"
            rows="1"
            aria-label=${recipient ? strings.privateMessageTo(name) : strings.messageLabel}
            aria-describedby="status"
            placeholder=${blocked || (recipient ? strings.privatePlaceholder(name) : strings.composerPlaceholder)}
            .value=${this.draft}
            ?disabled=${!abilities.write}
            @input=${(event: Event) => this.setDraft((event.target as HTMLTextAreaElement).value)}
            @keydown=${this.onKeyDown}
            @paste=${this.onPaste}
          ></textarea>
          ${this.completion.render()}
          </div>
          ${abilities.write
            ? html`<button type="button" class="icon-button" aria-haspopup="dialog" aria-label=${strings.emoji} title=${strings.emoji} @click=${() => this.emoji.show()}>${emojiIcon}</button>`
            : nothing}
          <button
            part="send"
            type="button"
            class="send"
            ?disabled=${this.busy || why !== ''}
            title=${why || nothing}
            aria-label=${recipient ? strings.sendPrivatelyTo(name) : nothing}
            @click=${() => this.send()}
          >
            ${strings.send}
          </button>
        </div>
        <div id="status" class="status" role="status">
          ${wait > 0 ? html`<span class="warning">${strings.rateLimited(wait)}</span>` : nothing}
          ${left <= Math.min(100, meeting.chat.maxTextLimit * 0.1)
            ? html`<span class=${over > 0 ? 'counter over' : 'counter'}>${strings.charactersLeft(left)}</span>`
            : nothing}
        </div>
        ${this.error ? renderSendError(this.error, strings, { retry: () => this.send(), dismiss: () => (this.error = '') }) : nothing}
      </div>
      ${this.emoji.render()}
    `;
  }

  private renderRecipient(name: string) {
    const strings = this.i18n;
    const others = this.others;
    if (!this.abilities.private || others.length === 0) return nothing;
    return html`
      <div part="recipient" class="recipient">
        <label>
          <span>${name ? strings.privateRecipient : strings.recipient}</span>
          ${participantPicker({
            people: others,
            value: (person) => person.id,
            chosen: this.recipientId,
            noneLabel: strings.everyone,
            unknownName: strings.unknownSender,
            open: this.pickerOpen,
            onOpen: (open) => (this.pickerOpen = open),
            onChange: (value) => (this.recipientId = value),
          })}
        </label>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtk-chat-composer': RtkChatComposer;
  }
}
