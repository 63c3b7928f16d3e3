import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';

import { protectCsvFormulas } from '../chat-dump/csv.js';
import { fetchChatDumpResponse } from '../chat-dump/replay.js';
import { toChatDumpBlob } from '../chat-dump/write.js';
import { RtkChatExportErrorEvent, RtkChatExportEvent } from '../events/chat-export.js';
import { chatMessages } from '../meeting/chat-queries.js';
import type { ChatMeeting } from '../meeting/contract.js';
import { MeetingController } from '../meeting/meeting-controller.js';
import { KitElement } from '../base/kit-element.js';
import styles from './export-button.styles.js';

/**
 * Downloads the meeting's chat as the documented CSV dump: built in the browser from the
 * meeting's messages, or, with `replay-url`, fetched through the app's backend from the Chat
 * Replay API (the API token stays on the server).
 *
 * @summary A button that downloads the chat as CSV.
 * @tagname rtk-chat-export-button
 *
 * @slot - The button's label; `Export chat` by default.
 *
 * @csspart base - The wrapper.
 * @csspart button - The button.
 * @csspart error - The error text.
 *
 * @fires {RtkChatExportEvent} rtk-chat-export - When the download started.
 * @fires {RtkChatExportErrorEvent} rtk-chat-export-error - When exporting failed.
 */
export class RtkChatExportButton extends KitElement {
  static override styles = [KitElement.styles, styles];

  @state() private error = '';
  private exporting: AbortController | undefined;

  /**
   * The app's own endpoint that answers with the Chat Replay API's JSON
   * (`{ success, data: { chat_download_url, chat_download_url_expiry } }`). Without it, the
   * dump is built in the browser from the meeting's messages.
   */
  @property({ attribute: 'replay-url' }) replayUrl: string | undefined;

  /** The downloaded file's name; by default from the meeting and session ids and today's date. */
  @property() filename: string | undefined;

  /**
   * Leaves cells that start like a spreadsheet formula as they are. By default they are
   * neutralised with a leading `'` (in both modes), since people open dumps in spreadsheets.
   */
  @property({ type: Boolean, attribute: 'allow-formulas' }) allowFormulas = false;

  /** The app's rule for who may export: the button is disabled, with a reason, when it returns false. */
  @property({ attribute: false }) canExport: ((meeting: ChatMeeting | undefined) => boolean) | undefined;

  /** Reflected while exporting; clicks are ignored meanwhile. */
  @property({ type: Boolean, reflect: true }) busy = false;

  constructor() {
    super();
    // The button enables itself once there are messages.
    new MeetingController(this, () => this.activeMeeting);
  }

  /** Why the user may not export now, or '' when they may. */
  private get reason(): string {
    if (this.canExport && !this.canExport(this.activeMeeting)) return this.i18n.exportNotAllowed;
    if (!this.replayUrl && chatMessages(this.activeMeeting?.chat).length === 0) return this.i18n.exportEmpty;
    return '';
  }

  /** Exports the chat now, as a click does. Resolves when the download started or failed. */
  async export(): Promise<void> {
    if (this.busy || this.reason) return;
    const { signal } = (this.exporting = new AbortController());
    this.busy = true;
    this.error = '';
    const meeting = this.activeMeeting;
    try {
      const replay = Boolean(this.replayUrl);
      const blob = replay ? await this.fetchDump(this.replayUrl!, signal) : await this.buildDump(meeting, signal);
      const filename = this.filename || defaultFilename(meeting);
      this.download(blob, filename);
      this.dispatchEvent(new RtkChatExportEvent({ filename, size: blob.size, source: replay ? 'replay' : 'client' }));
    } catch (error) {
      // Stopped because the button was removed: nobody is waiting for an error.
      if (signal.aborted) return;
      const detail = error instanceof Error && error.name === 'ChatReplayError' ? error.message : '';
      this.error = detail ? `${this.i18n.exportFailed} ${detail}` : this.i18n.exportFailed;
      this.dispatchEvent(new RtkChatExportErrorEvent({ text: this.error, error }));
    } finally {
      if (this.exporting?.signal === signal) {
        this.exporting = undefined;
        this.busy = false;
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.exporting?.abort();
    this.exporting = undefined;
    this.busy = false;
  }

  private async fetchDump(url: string, signal: AbortSignal): Promise<Blob> {
    const response = await fetchChatDumpResponse(url, { signal });
    if (this.allowFormulas) return response.blob();
    // Decoded keeping a BOM, which spreadsheets need to read the file as UTF-8.
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    return new Blob([protectCsvFormulas(csv)], { type: 'text/csv;charset=utf-8' });
  }

  private buildDump(meeting: ChatMeeting | undefined, signal: AbortSignal): Promise<Blob> {
    return toChatDumpBlob(chatMessages(meeting?.chat), {
      meetingId: meeting?.meta?.meetingId ?? '',
      sessionId: meeting?.meta?.sessionId ?? '',
      protectFormulas: !this.allowFormulas,
      signal,
    });
  }

  private download(blob: Blob, filename: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    // Revoked after the click has been handled, so the download has its URL.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  protected override render() {
    const strings = this.i18n;
    const reason = this.reason;
    return html`<div part="base" class="base">
      <button
        part="button"
        type="button"
        aria-disabled=${reason || this.busy ? 'true' : 'false'}
        aria-busy=${this.busy ? 'true' : 'false'}
        aria-describedby="status"
        title=${reason || nothing}
        @click=${() => this.export()}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" d="M8 2v8m-3.5-3.5L8 10l3.5-3.5M3 13h10" /></svg>
        ${this.busy ? strings.exporting : html`<slot>${strings.exportChat}</slot>`}
      </button>
      <span id="status" class=${this.error ? 'error' : 'visually-hidden'} part=${this.error ? 'error' : nothing} role=${this.error ? 'alert' : nothing}>${this.error || reason}</span>
    </div>`;
  }
}

/** `chat-<meetingId>-<sessionId>-<YYYY-MM-DD>.csv`, with only safe characters. */
function defaultFilename(meeting: ChatMeeting | undefined): string {
  const parts = ['chat', meeting?.meta?.meetingId, meeting?.meta?.sessionId, new Date().toISOString().slice(0, 10)];
  return `${parts.filter(Boolean).join('-').replace(/[^\w.-]+/g, '_')}.csv`;
}

declare global {
  interface HTMLElementTagNameMap {
    'rtk-chat-export-button': RtkChatExportButton;
  }
}
