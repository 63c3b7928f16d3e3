import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';

import { KitElement } from '../base/kit-element.js';
import type { ChatReplayErrorCode } from '../chat-dump/replay-error.js';
import { DEFAULT_IDLE_TIMEOUT_MS } from '../chat-dump/idle-timeout.js';
import { RtkChatExportErrorEvent, RtkChatExportEvent, type ChatExportDetail, type ExportShortfall } from '../events/chat-export.js';
import { formatCount } from '../format/format.js';
import { lazy } from '../format/lazy.js';
import type { ChatMeeting } from '../meeting/contract.js';
import { MeetingController } from '../meeting/meeting-controller.js';
import styles from './export-button.styles.js';

/** The export's work (the CSV writer, the replay client), loaded when an export starts: most pages never export. */
const exportRun = lazy(() => import('./export-run.js'));

/** The arguments of one export, taken when it starts. */
type ExportArgs = [meeting: ChatMeeting | undefined, replayUrl: string | undefined, allowFormulas: boolean, filename: string | undefined, idleTimeout: number];

/**
 * Downloads the meeting's chat as the documented CSV dump: built in the browser from the whole
 * session it can reach (the meeting's messages, and the older history paged back through
 * `fetchPublicMessages`), or, with `replay-url`, fetched through the app's backend from the Chat
 * Replay API (the API token stays on the server). While it exports, the button shows the progress
 * and cancels when clicked; afterwards it says what it wrote, and why not everything if so.
 *
 * @summary A button that downloads the chat as CSV.
 * @tagname rtk-chat-export-button
 *
 * @slot - The button's label; `Export chat` by default.
 *
 * @csspart base - The wrapper.
 * @csspart button - The button.
 * @csspart progress - The progress shown while exporting.
 * @csspart status - What the last export did (a polite live region).
 * @csspart error - The error text.
 *
 * @fires {RtkChatExportEvent} rtk-chat-export - When the download started; its `detail` says how many messages it wrote, and whether that is the whole session.
 * @fires {RtkChatExportErrorEvent} rtk-chat-export-error - When exporting failed (not when it was canceled).
 */
export class RtkChatExportButton extends KitElement {
  static override styles = [KitElement.styles, styles];

  private readonly exportTask = new Task<ExportArgs, ChatExportDetail>(this, {
    autoRun: false,
    args: () => [this.activeMeeting, this.replayUrl, this.allowFormulas, this.filename, this.idleTimeout],
    task: (args, { signal }) => this.runExport(args, signal),
  });

  /** How the current or last run ended early, if it did: canceled by the user, or by disconnecting. */
  private stopped: 'user' | 'disconnected' | undefined;
  @state() private progress = '';

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

  /**
   * In replay mode, give up when the backend or the download sends nothing (less than 1 KiB)
   * for this many milliseconds; 30,000 by default. `0` waits for ever (the button still cancels).
   */
  @property({ type: Number, attribute: 'idle-timeout' }) idleTimeout = DEFAULT_IDLE_TIMEOUT_MS;

  constructor() {
    super();
    // The button enables itself once there are messages.
    new MeetingController(this, () => this.activeMeeting);
  }

  /** Whether an export is running (also reflected as the `busy` attribute); a click then cancels it. */
  get busy(): boolean {
    return this.exportTask.status === TaskStatus.PENDING && this.stopped === undefined;
  }

  /** Why the user may not export now, or '' when they may. */
  private get reason(): string {
    if (this.canExport && !this.canExport(this.activeMeeting)) return this.i18n.exportNotAllowed;
    // The length of the array is enough: the guard makes one message of every entry, and checking
    // them all on each render is no small cost at 10,000 messages.
    const messages: unknown = this.activeMeeting?.chat?.messages;
    if (!this.replayUrl && !(Array.isArray(messages) && messages.length > 0)) return this.i18n.exportEmpty;
    return '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (!this.busy) return;
    this.stopped = 'disconnected';
    this.exportTask.abort(new DOMException('The export button was removed.', 'AbortError'));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.toggleAttribute('busy', this.busy);
  }

  private readonly onClick = (event: MouseEvent): void => {
    // The second click of a double click (`detail` 2) belongs to the first: it must not cancel.
    if (this.busy && event.detail <= 1) this.cancel();
    else if (!this.busy) void this.export();
  };

  private async runExport([meeting, replayUrl, allowFormulas, filename, idleTimeout]: ExportArgs, signal: AbortSignal): Promise<ChatExportDetail> {
    this.progress = '';
    try {
      const { makeDump } = await exportRun.load();
      // Canceled while the code loaded: nothing more to do.
      signal.throwIfAborted();
      const { blob, ...made } = await makeDump(meeting, replayUrl, {
        signal,
        protectFormulas: !allowFormulas,
        idleTimeoutMs: idleTimeout,
        locale: this.locale,
        strings: () => this.i18n,
        onProgress: (text) => {
          this.progress = text;
        },
      });
      signal.throwIfAborted();
      const detail: ChatExportDetail = { ...made, filename: filename || defaultFilename(meeting), size: blob.size };
      this.download(blob, detail.filename);
      const exported = new RtkChatExportEvent(detail);
      this.dispatchEvent(exported);
      return detail;
    } catch (error) {
      // Canceled, removed, or overtaken by a newer run: nobody is waiting for an error.
      if (!signal.aborted) this.dispatchEvent(new RtkChatExportErrorEvent({ text: this.errorText(error), error }));
      throw error;
    }
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

  /**
   * What went wrong, for people: the kit's words for a stall, a download that is not a dump or not
   * whole, else the API's. Only the loaded export throws replay errors; failing to load it is a failure.
   */
  private errorText(error: unknown): string {
    const strings = this.i18n;
    const replayError = exportRun.value?.replayError(error);
    if (!replayError) return strings.exportFailed;
    const words: Partial<Record<ChatReplayErrorCode, string>> = {
      timeout: strings.exportTimedOut,
      'not-a-dump': strings.exportNotADump,
      incomplete: strings.exportIncomplete,
    };
    return `${strings.exportFailed} ${words[replayError.code] ?? replayError.message}`;
  }

  /**
   * Exports the chat now, as a click does. Resolves when the download started, failed or was
   * canceled. `signal` cancels it, as a click on the button while it exports does.
   */
  async export(options: { signal?: AbortSignal } = {}): Promise<void> {
    if (this.busy || this.reason || options.signal?.aborted) return;
    this.stopped = undefined;
    const cancel = () => this.cancel();
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      await this.exportTask.run();
    } finally {
      options.signal?.removeEventListener('abort', cancel);
    }
  }

  /** Cancels the export that is running, if any; nothing is downloaded and the button says so. */
  cancel(): void {
    if (!this.busy) return;
    this.stopped = 'user';
    this.exportTask.abort(new DOMException('The export was canceled.', 'AbortError'));
    this.requestUpdate();
  }

  protected override render() {
    const strings = this.i18n;
    const busy = this.busy;
    const reason = busy ? '' : this.reason;
    const done = this.exportTask.render({
      complete: (detail) => [strings.exported(detail.count, formatCount(detail.count, this.locale)), this.shortfallText(detail.shortfall)].filter(Boolean).join(' '),
      error: () => (this.stopped === 'user' ? strings.exportCanceled : ''),
    });
    const error = this.exportTask.status === TaskStatus.ERROR && this.stopped === undefined ? this.errorText(this.exportTask.error) : '';
    return html`<div part="base" class="base">
      <button
        part="button"
        type="button"
        aria-disabled=${reason ? 'true' : 'false'}
        aria-describedby="status"
        title=${reason || nothing}
        @click=${this.onClick}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" d="M8 2v8m-3.5-3.5L8 10l3.5-3.5M3 13h10" /></svg>
        ${busy ? strings.exportCancel : html`<slot>${strings.exportChat}</slot>`}
      </button>
      ${busy ? html`<span part="progress" class="progress">${this.progress || strings.exporting}</span>` : nothing}
      <span id="status" part="status" role="status" class=${done && !busy ? 'status' : 'visually-hidden'}>${busy ? '' : done || reason}</span>
      ${error ? html`<span part="error" class="error" role="alert">${error}</span>` : nothing}
    </div>`;
  }

  private shortfallText(shortfall: ExportShortfall | undefined): string {
    if (shortfall === 'no-history') return this.i18n.exportNoHistory;
    if (shortfall === 'history-failed') return this.i18n.exportHistoryFailed;
    return '';
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
