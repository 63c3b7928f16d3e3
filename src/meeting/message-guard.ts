/**
 * The one boundary for messages: whatever a meeting, a history page, an event or an app hands the
 * kit passes through `trustMessage` once, and the elements trust the `ChatMessage` they get.
 */
import type { ChatAttachment, ChatMessage } from './contract.js';

/** The type of the stand-in for an entry that is no message at all; elements render a fallback. */
export const MALFORMED_TYPE = 'malformed';

/** Dates past this are invalid in JavaScript. */
const MAX_TIME_MS = 8.64e15;

/**
 * The optional fields `clean` keeps when their type is right. `isWellFormed` reads the same fields
 * by name, one by one (a loop over these lists is five times slower at 100,000): change both.
 */
const STRING_FIELDS = ['userId', 'displayName', 'message', 'link', 'name', 'html', 'pluginId'] as const;
const FLAG_FIELDS = ['isEdited', 'pinned', 'read'] as const;
const ATTACHMENT_FIELDS = ['files', 'images', 'videos'] as const;

/** The copies made of malformed messages, so each is cleaned once and keeps its identity. */
const cleaned = new WeakMap<object, ChatMessage>();

/**
 * The message as the elements may trust it. A well-formed message is returned as it is (the same
 * object, so identity checks keep working); one with fields of the wrong type gets a copy without
 * them (the same copy each time), and one without a type the type `malformed`; anything without
 * an id becomes a `malformed` stand-in.
 */
export function trustMessage(value: unknown, index = 0): ChatMessage {
  if (!isRecord(value) || typeof value.id !== 'string') return standIn(value, index);
  if (typeof value.type === 'string' && isWellFormed(value)) return value as unknown as ChatMessage;
  let copy = cleaned.get(value);
  if (!copy) {
    copy = clean(value, value.id, typeof value.type === 'string' ? value.type : MALFORMED_TYPE);
    cleaned.set(value, copy);
  }
  return copy;
}

/** Every entry of a list, trusted; the list itself when all were well-formed. */
export function trustMessages(values: unknown): ChatMessage[] {
  if (!Array.isArray(values)) return [];
  let trusted: ChatMessage[] | undefined;
  for (let index = 0; index < values.length; index += 1) {
    const message = trustMessage(values[index], index);
    if (message !== values[index]) trusted ??= values.slice(0, index);
    trusted?.push(message);
  }
  return trusted ?? (values as ChatMessage[]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validTimeMs(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_TIME_MS;
}

/**
 * Checked on every read rather than remembered: a cache of every message would hold megabytes at
 * 100,000 messages, and these direct reads cost about what a lookup in it would.
 */
function isWellFormed(value: Record<string, unknown>): boolean {
  const { userId, displayName, message, link, name, html, pluginId, isEdited, pinned, read, files, images, videos, size, timeMs, time, targetUserIds } = value;
  return (
    optional(userId, 'string') && optional(displayName, 'string') && optional(message, 'string') && optional(link, 'string') &&
    optional(name, 'string') && optional(html, 'string') && optional(pluginId, 'string') &&
    optional(isEdited, 'boolean') && optional(pinned, 'boolean') && optional(read, 'boolean') &&
    (files === undefined || isAttachmentList(files)) && (images === undefined || isAttachmentList(images)) && (videos === undefined || isAttachmentList(videos)) &&
    (size === undefined || (typeof size === 'number' && Number.isFinite(size))) &&
    (timeMs === undefined || validTimeMs(timeMs)) &&
    (time === undefined || (time instanceof Date && validTimeMs(time.getTime())) || validTimeMs(time)) &&
    (targetUserIds === undefined || (Array.isArray(targetUserIds) && targetUserIds.every((id) => typeof id === 'string')))
  );
}

function optional(value: unknown, type: 'string' | 'boolean'): boolean {
  return value === undefined || typeof value === type;
}

function isAttachmentList(value: unknown): boolean {
  return Array.isArray(value) && value.every(isAttachment);
}

function isAttachment(value: unknown): value is ChatAttachment {
  return isRecord(value) && typeof value.link === 'string';
}

function clean(value: Record<string, unknown>, id: string, type: string): ChatMessage {
  const message: Record<string, unknown> = Object.create(null);
  message.id = id;
  message.type = type;
  for (const field of STRING_FIELDS) if (typeof value[field] === 'string') message[field] = value[field];
  for (const field of FLAG_FIELDS) if (typeof value[field] === 'boolean') message[field] = value[field];
  for (const field of ATTACHMENT_FIELDS) if (Array.isArray(value[field])) message[field] = (value[field] as unknown[]).filter(isAttachment);
  if (typeof value.size === 'number' && Number.isFinite(value.size)) message.size = value.size;
  const time = value.time instanceof Date ? value.time.getTime() : typeof value.time === 'string' ? Date.parse(value.time) : value.time;
  const timeMs = validTimeMs(value.timeMs) ? value.timeMs : validTimeMs(time) ? time : undefined;
  if (timeMs !== undefined) message.timeMs = timeMs;
  message.time = new Date(timeMs ?? Number.NaN);
  if (Array.isArray(value.targetUserIds)) message.targetUserIds = value.targetUserIds.filter((target) => typeof target === 'string');
  message.userId ??= '';
  message.displayName ??= '';
  return message as unknown as ChatMessage;
}

function standIn(value: unknown, index: number): ChatMessage {
  const known = isRecord(value) ? cleaned.get(value) : undefined;
  if (known) return known;
  // A key no server id looks like, so a stand-in never takes a real message's place.
  const message = clean({}, `\u0000malformed-${index}`, MALFORMED_TYPE);
  if (isRecord(value)) cleaned.set(value, message);
  return message;
}
