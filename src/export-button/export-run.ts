/**
 * What `<rtk-chat-export-button>` runs once an export starts: the whole session gathered and
 * written as the dump, or the dump fetched through the Chat Replay API. The button loads this
 * module then, so the CSV writer and the replay client stay out of the kit's first download.
 */
import { ChatReplayError } from '../chat-dump/replay-error.js';
import { fetchChatDumpBlob } from '../chat-dump/replay-stream.js';
import { buildChatDumpBlob } from '../chat-dump/write.js';
import type { ChatExportDetail } from '../events/chat-export.js';
import { formatCount, formatSize } from '../format/format.js';
import type { ChatMeeting } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';
import { wholeSession } from './whole-session.js';

/** How one export runs, as the button was set when it started. */
export interface ExportOptions {
  signal: AbortSignal;
  protectFormulas: boolean;
  /** The replay idle timeout, in ms. */
  idleTimeoutMs: number;
  /** The locale of the numbers in the progress. */
  locale: string | undefined;
  /** The button's strings, read at each step: the app may change them meanwhile. */
  strings(): ChatStrings;
  /** Shows how far the export got. */
  onProgress(text: string): void;
}

/** The dump made, and what the button reports of it (the file's name and size are the button's). */
export type MadeDump = Omit<ChatExportDetail, 'filename' | 'size'> & { blob: Blob };

/** The dump: fetched from `replayUrl` when there is one, else built from the meeting's whole session. */
export function makeDump(meeting: ChatMeeting | undefined, replayUrl: string | undefined, options: ExportOptions): Promise<MadeDump> {
  return replayUrl ? fetchDump(replayUrl, options) : buildDump(meeting, options);
}

/** `error` as the Chat Replay client's error, which the button words itself; undefined for any other. */
export function replayError(error: unknown): ChatReplayError | undefined {
  return error instanceof ChatReplayError ? error : undefined;
}

async function fetchDump(url: string, { signal, protectFormulas, idleTimeoutMs, locale, strings, onProgress }: ExportOptions): Promise<MadeDump> {
  const { blob, rows } = await fetchChatDumpBlob(url, {
    signal,
    idleTimeoutMs,
    protectFormulas,
    onProgress: (received, total) => {
      onProgress(strings().exportDownloading(formatSize(received, locale), total === undefined ? undefined : formatSize(total, locale)));
    },
  });
  return { blob, count: rows, source: 'replay', complete: true };
}

async function buildDump(meeting: ChatMeeting | undefined, { signal, protectFormulas, locale, strings, onProgress }: ExportOptions): Promise<MadeDump> {
  const session = await wholeSession(meeting?.chat, signal, (count) => {
    onProgress(strings().exportCollecting(formatCount(count, locale)));
  });
  const total = formatCount(session.messages.length, locale);
  const { blob, rows } = await buildChatDumpBlob(session.messages, {
    meetingId: meeting?.meta?.meetingId ?? '',
    sessionId: meeting?.meta?.sessionId ?? '',
    protectFormulas,
    signal,
    onProgress: (done) => {
      onProgress(strings().exportWriting(formatCount(done, locale), total));
    },
  });
  return { blob, count: rows, source: 'client', complete: session.complete, shortfall: session.shortfall };
}
