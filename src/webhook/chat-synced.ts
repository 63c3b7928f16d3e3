/**
 * The `meeting.chatSynced` event: RealtimeKit saved a session's chat, and says where to download
 * it. Its fields are flat (`meetingId`, `sessionId`, `chatDownloadUrl`, …); other events nest the
 * meeting's fields under `meeting`, read here too in case this one ever does.
 */
import { epochMs } from '../chat-dump/time.js';
import type { WebhookEvent } from './verify.js';

/** The name of the event. */
export const CHAT_SYNCED = 'meeting.chatSynced';

/** A `meeting.chatSynced` event, checked and with its times read. */
export interface ChatSyncedEvent {
  event: typeof CHAT_SYNCED;
  meetingId: string;
  sessionId: string;
  /** The presigned URL of the session's CSV dump. A credential: never log it. */
  chatDownloadUrl: string;
  /** When `chatDownloadUrl` stops working, if the event says. */
  chatDownloadUrlExpiry: Date | undefined;
  /** Who organised the meeting, if the event says. */
  organizedBy: { id: string; name: string } | undefined;
  /** The meeting's title, when the event carries one (flat or under `meeting`). */
  title: string | undefined;
  /** When the session started, when the event carries it. */
  startedAt: Date | undefined;
  /** When the session ended, when the event carries it. */
  endedAt: Date | undefined;
}

/** Thrown by `readChatSyncedEvent` for an event that lacks what it needs. */
export class ChatSyncedEventError extends Error {
  override readonly name = 'ChatSyncedEventError';
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

// Ids become storage keys and file names: RealtimeKit's are UUIDs, so nothing wider is let through.
const SAFE_ID = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}$/;

function id(event: Json, nested: Json, name: string): string {
  const value = event[name] ?? nested[name === 'meetingId' ? 'id' : name];
  if (typeof value !== 'string' || !SAFE_ID.test(value) || value.includes('..')) {
    throw new ChatSyncedEventError(`The ${CHAT_SYNCED} event has no usable ${name}.`);
  }
  return value;
}

function date(value: unknown): Date | undefined {
  const ms = epochMs(value);
  return ms === undefined ? undefined : new Date(ms);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/**
 * Reads a `meeting.chatSynced` event: `meetingId`, `sessionId` (letters, digits, `_`, `-`, `.`)
 * and an http(s) `chatDownloadUrl` are required; the rest is optional. Throws a
 * `ChatSyncedEventError` for an event without them.
 */
export function readChatSyncedEvent(event: WebhookEvent): ChatSyncedEvent {
  if (event.event !== CHAT_SYNCED) throw new ChatSyncedEventError(`Not a ${CHAT_SYNCED} event.`);
  const nested = isRecord(event.meeting) ? event.meeting : {};
  const url = event.chatDownloadUrl;
  let protocol = '';
  try {
    protocol = typeof url === 'string' ? new URL(url).protocol : '';
  } catch {
    // Not a URL: refused below.
  }
  if (typeof url !== 'string' || (protocol !== 'https:' && protocol !== 'http:')) {
    throw new ChatSyncedEventError(`The ${CHAT_SYNCED} event has no usable chatDownloadUrl.`);
  }
  const organizer = event.organizedBy ?? nested.organizedBy;
  return {
    event: CHAT_SYNCED,
    meetingId: id(event, nested, 'meetingId'),
    sessionId: id(event, nested, 'sessionId'),
    chatDownloadUrl: url,
    chatDownloadUrlExpiry: date(event.chatDownloadUrlExpiry),
    organizedBy: isRecord(organizer) ? { id: String(organizer.id ?? ''), name: String(organizer.name ?? '') } : undefined,
    title: text(event.title) ?? text(nested.title),
    startedAt: date(event.startedAt ?? nested.startedAt),
    endedAt: date(event.endedAt ?? nested.endedAt),
  };
}
