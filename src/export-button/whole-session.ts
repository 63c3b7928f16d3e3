/**
 * The whole session a browser can reach, for the export: the meeting's messages (the SDK keeps
 * the newest 1,000 from before joining, plus what arrived since) and the older history paged
 * back through `fetchPublicMessages`.
 */
import { raceSignal } from '../chat-dump/watchdog.js';
import { messageTimeMs } from '../format/format.js';
import { chatMessages } from '../meeting/chat-queries.js';
import type { ChatMessage, MeetingChat } from '../meeting/contract.js';
import { MALFORMED_TYPE, trustMessages } from '../meeting/message-guard.js';

/**
 * Why an export may lack older messages: `no-history`, the meeting cannot page back (it has no
 * `fetchPublicMessages`); `history-failed`, paging back failed or stopped making progress.
 */
import type { ExportShortfall } from '../events/chat-export.js';

/** The messages of the session, oldest first, and whether they reach back to its start. */
export interface WholeSession {
  messages: ChatMessage[];
  /** Whether the history was paged back until the server had nothing older. */
  complete: boolean;
  /** Why not, when `complete` is false. */
  shortfall?: ExportShortfall;
}

/** Messages asked for per page of history. */
const PAGE_SIZE = 100;

const timeOf = (message: ChatMessage): number => messageTimeMs(message) ?? Number.NaN;

/** The earliest valid time of `messages`, `NaN` when none has one (a loop: a spread of 100,000 arguments overflows). */
function earliest(messages: ChatMessage[]): number {
  let min = Number.NaN;
  for (const message of messages) {
    const time = timeOf(message);
    if (Number.isFinite(time) && !(time >= min)) min = time;
  }
  return min;
}

/**
 * The messages of the session: a copy of the meeting's messages taken at once (the SDK deletes
 * from its array in place, and an export that read it while it changed would skip messages that
 * were never deleted), preceded by every older page `fetchPublicMessages` gives, without repeats.
 * Rejects with the signal's reason when `signal` aborts; a page that fails ends the paging with
 * `history-failed` rather than losing what was gathered.
 */
export async function wholeSession(
  chat: MeetingChat | undefined,
  signal: AbortSignal,
  onProgress: (count: number) => void = () => undefined,
): Promise<WholeSession> {
  const recent = chatMessages(chat).slice();
  if (typeof chat?.fetchPublicMessages !== 'function') return { messages: recent, complete: false, shortfall: 'no-history' };
  const known = new Set(recent.map((message) => message.id));
  // Newest first, as the pages come.
  const older: ChatMessage[] = [];
  const start = earliest(recent);
  let cursor = Number.isFinite(start) ? start : Date.now();
  for (;;) {
    let page: unknown;
    try {
      page = await raceSignal(chat.fetchPublicMessages({ timestamp: cursor, limit: PAGE_SIZE, direction: 'before' }), signal);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      return ordered(older, recent, 'history-failed');
    }
    const messages = trustMessages(page).filter((message) => message.type !== MALFORMED_TYPE);
    let fresh = 0;
    for (const message of messages) {
      if (known.has(message.id)) continue;
      known.add(message.id);
      older.push(message);
      fresh += 1;
    }
    onProgress(recent.length + older.length);
    if (!Array.isArray(page) || page.length < PAGE_SIZE) return ordered(older, recent);
    const next = earliest(messages);
    // A full page that brings nothing new and does not go further back would repeat for ever.
    if (!Number.isFinite(next) || (fresh === 0 && next >= cursor)) return ordered(older, recent, 'history-failed');
    cursor = next;
  }
}

function ordered(older: ChatMessage[], recent: ChatMessage[], shortfall?: ExportShortfall): WholeSession {
  // Oldest first; `sort` is stable, so messages of one millisecond keep the server's order.
  const earlier = older.reverse().sort((a, b) => (timeOf(a) || 0) - (timeOf(b) || 0));
  return { messages: [...earlier, ...recent], complete: shortfall === undefined, shortfall };
}
