import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

import { RtkMessageErrorEvent } from '../events/message-error.js';
import { RtkMessageSentEvent } from '../events/message-sent.js';
import { chatAbilities, rateLimitRetryAt, type RateLimitKind } from '../meeting/chat-queries.js';
import type { ChatMeeting, MeetingParticipant } from '../meeting/contract.js';
import { describeError, errorCode } from '../meeting/errors.js';
import type { ChatStrings } from '../strings/strings.js';
import { draftKey, loadDraft, saveDraft } from './drafts.js';

/** The image types the SDK sends as image messages; any other file goes as a file message. */
const IMAGE_TYPES = new Set(['image/gif', 'image/jpeg', 'image/png']);

/** What the composer needs from `<rtk-chat>`. */
export interface ComposerSource {
  meeting(): ChatMeeting | undefined;
  strings(): ChatStrings;
  /** The private recipient, or none for everyone. */
  recipient(): MeetingParticipant | undefined;
}

/**
 * The composer of `<rtk-chat>`: draft, attachments, sending, errors and the rate-limit countdown.
 * Nothing is lost on failure: the draft and unsent attachments stay until the SDK accepts them.
 */
export class Composer implements ReactiveController {
  text = '';
  attachments: File[] = [];
  sending = false;
  error = '';
  /** When sending is possible again after the SDK's rate limit (epoch ms), or 0. */
  retryAt = 0;
  private key = '';
  private meeting: ChatMeeting | undefined;
  /** Counts sends and meeting changes: a send acts on its outcome only while it is the current run. */
  private run = 0;
  private countdown: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: ComposerSource,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const meeting = this.source.meeting();
    if (meeting !== this.meeting) {
      // A send still pending on the old meeting must not hold or report on the new one.
      this.meeting = meeting;
      this.run += 1;
      this.sending = false;
      this.error = '';
    }
    const key = draftKey(meeting?.meta?.meetingId, this.source.recipient()?.userId);
    if (key !== this.key) {
      this.key = key;
      this.text = loadDraft(key);
    }
  }

  hostConnected(): void {
    if (this.retryAt) this.startCountdown();
  }

  hostDisconnected(): void {
    this.stopCountdown();
  }

  /** Seconds until the rate limit lets the user send again; 0 when they may. */
  get waitSeconds(): number {
    return this.retryAt ? Math.max(0, Math.ceil((this.retryAt - Date.now()) / 1000)) : 0;
  }

  setText(text: string): void {
    this.text = text;
    saveDraft(this.key, text);
    this.host.requestUpdate();
  }

  addFiles(files: Iterable<File>): void {
    this.attachments = [...this.attachments, ...files];
    this.host.requestUpdate();
  }

  removeAttachment(file: File): void {
    this.attachments = this.attachments.filter((item) => item !== file);
    this.host.requestUpdate();
  }

  dismissError(): void {
    this.error = '';
    this.host.requestUpdate();
  }

  /** Sends the attachments, then the text. Resolves once done or refused; never throws. */
  async send(): Promise<void> {
    const chat = this.source.meeting()?.chat;
    if (!chat || this.sending || this.waitSeconds > 0) return;
    if (!this.text.trim() && this.attachments.length === 0) return;
    const recipient = this.source.recipient();
    const peerIds = recipient ? [recipient.id] : undefined;
    const key = this.key;
    const run = ++this.run;
    let kind: RateLimitKind = 'text';
    this.sending = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      for (const file of [...this.attachments]) {
        // Removed by the user while an earlier one was uploading.
        if (!this.attachments.includes(file)) continue;
        const image = IMAGE_TYPES.has(file.type);
        kind = 'file';
        // The SDK adds the sender to the list it is given: it gets a copy.
        await (image ? chat.sendImageMessage(file, peerIds && [...peerIds]) : chat.sendFileMessage(file, peerIds && [...peerIds]));
        this.attachments = this.attachments.filter((item) => item !== file);
        this.host.dispatchEvent(new RtkMessageSentEvent({ kind: image ? 'image' : 'file', file, peerIds }));
      }
      const text = this.text;
      if (text.trim()) {
        kind = 'text';
        await chat.sendTextMessage(text, peerIds && [...peerIds]);
        if (this.key === key) {
          // What the user typed while the message was on its way stays in the box.
          if (this.text.startsWith(text)) this.text = this.text.slice(text.length);
          saveDraft(key, this.text);
        } else {
          saveDraft(key, '');
        }
        this.host.dispatchEvent(new RtkMessageSentEvent({ kind: 'text', text, peerIds }));
      }
    } catch (error) {
      if (run === this.run) this.fail(error, kind);
    } finally {
      if (run === this.run) this.sending = false;
      this.host.requestUpdate();
    }
  }

  private fail(error: unknown, kind: RateLimitKind): void {
    const strings = this.source.strings();
    const chat = this.source.meeting()?.chat;
    if (errorCode(error) === '0013') {
      this.retryAt = rateLimitRetryAt(chat, kind);
      this.startCountdown();
      this.error = '';
    } else {
      this.error = describeError(error, strings, chat?.maxTextLimit ?? 2000);
    }
    const text = this.error || strings.rateLimited(this.waitSeconds);
    this.host.dispatchEvent(new RtkMessageErrorEvent({ action: 'send', code: errorCode(error), text, error }));
  }

  private startCountdown(): void {
    this.stopCountdown();
    this.countdown = setInterval(() => {
      if (this.waitSeconds === 0) {
        this.retryAt = 0;
        this.stopCountdown();
      }
      this.host.requestUpdate();
    }, 1000);
  }

  private stopCountdown(): void {
    clearInterval(this.countdown);
    this.countdown = undefined;
  }

  private onKeyDown = (event: KeyboardEvent): void => {
    // Enter while an input method is composing confirms the composition; it must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    void this.send();
  };

  private onPaste = (event: ClipboardEvent): void => {
    const files = event.clipboardData?.files;
    if (files && files.length > 0 && this.canAttach()) {
      event.preventDefault();
      this.addFiles(files);
    }
  };

  /** Whether the local user may send files to the current recipient. */
  canAttach(): boolean {
    const abilities = chatAbilities(this.source.meeting());
    return this.source.recipient() ? abilities.sendPrivateFiles : abilities.sendFiles;
  }

  /** Whether the local user may send text to the current recipient. */
  canWrite(): boolean {
    const abilities = chatAbilities(this.source.meeting());
    return this.source.recipient() ? abilities.sendPrivateText : abilities.sendText;
  }

  render(): TemplateResult {
    const strings = this.source.strings();
    const meeting = this.source.meeting();
    const limit = meeting?.chat?.maxTextLimit ?? 2000;
    const left = limit - this.text.length;
    const canWrite = this.canWrite();
    const canAttach = this.canAttach();
    const wait = this.waitSeconds;
    const reason = !meeting?.chat ? strings.notConnected : !canWrite && !canAttach ? (this.source.recipient() ? strings.cannotSendPrivate : strings.cannotSend) : '';
    return html`<div part="composer" class="composer">
      ${this.attachments.length
        ? html`<ul class="attachments" part="attachments">
            ${this.attachments.map(
              (file) => html`<li class="attachment">
                <span class="attachment-name">${file.name}</span>
                <button type="button" class="icon-button" aria-label=${strings.attachmentRemove(file.name)} @click=${() => this.removeAttachment(file)}>×</button>
              </li>`,
            )}
          </ul>`
        : nothing}
      <div class="composer-row">
        ${canAttach
          ? html`<label class="icon-button attach" title=${strings.attach}>
              <span class="visually-hidden">${strings.attach}</span>
              <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" d="M20 11.5 12.6 19a5 5 0 0 1-7.1-7.1L13 4.4a3.3 3.3 0 0 1 4.7 4.7l-7.5 7.5a1.7 1.7 0 0 1-2.4-2.4l6.9-6.9" /></svg>
              <input class="visually-hidden" type="file" multiple @change=${this.onPick} />
            </label>`
          : nothing}
        <textarea
          part="input"
          rows="1"
          aria-label=${strings.messageLabel}
          aria-describedby="composer-status"
          placeholder=${reason || strings.composerPlaceholder}
          .value=${this.text}
          ?disabled=${!canWrite}
          @input=${(event: Event) => this.setText((event.target as HTMLTextAreaElement).value)}
          @keydown=${this.onKeyDown}
          @paste=${this.onPaste}
        ></textarea>
        <button part="send" type="button" class="send" ?disabled=${this.sending || wait > 0 || (!canWrite && !canAttach)} @click=${() => this.send()}>${strings.send}</button>
      </div>
      <div id="composer-status" class="composer-status" role="status">
        ${reason ? html`<span>${reason}</span>` : nothing}
        ${wait > 0 ? html`<span class="warning">${strings.rateLimited(wait)}</span>` : nothing}
        ${left <= Math.min(100, limit * 0.1) ? html`<span class=${left < 0 ? 'counter over' : 'counter'}>${strings.charactersLeft(left)}</span>` : nothing}
      </div>
      ${this.error
        ? html`<div class="composer-error" role="alert">
            <span><strong>${strings.sendFailed}</strong> ${this.error}</span>
            <button type="button" class="text-button" @click=${() => this.send()}>${strings.retry}</button>
            <button type="button" class="text-button" @click=${() => this.dismissError()}>${strings.dismiss}</button>
          </div>`
        : nothing}
    </div>`;
  }

  private onPick = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (input.files) this.addFiles(input.files);
    input.value = '';
  };
}
