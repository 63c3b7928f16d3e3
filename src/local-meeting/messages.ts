/**
 * Building messages in the SDK's shape. The SDK formats every message it receives the same way
 * (`formatSocketPeerMessage`): every field of every type, empty defaults, `time` from the server's
 * whole seconds, `timeMs` in milliseconds, `isEdited`/`pinned` as booleans and `targetUserIds` as an
 * array, empty for a public message (protobuf's default for a repeated field).
 */
import type { ChatAttachment, ChatMessage } from '../meeting/contract.js';

/** What a send sets and an edit replaces: the type and the fields that depend on it. */
export interface MessageContent {
  /** `text`, `image`, `file`, `custom`, … */
  type: string;
  /** Text of a text or custom message. */
  message?: string;
  /** Link of an image or file. */
  link?: string;
  /** Name of a file. */
  name?: string;
  /** Size of a file, bytes. */
  size?: number;
  /** Markup of a custom message. */
  html?: string;
  /** Images of a custom message. */
  images?: ChatAttachment[];
  /** Videos of a custom message. */
  videos?: ChatAttachment[];
  /** Files of a custom message. */
  files?: ChatAttachment[];
}

/** A message for `seed` and `receive`: any field may be left out and gets the SDK's default. */
export type PartialMessage = Partial<ChatMessage>;

/** The sender and time a partial message falls back to. */
export interface MessageDefaults {
  /** The sender's user id. */
  userId: string;
  /** The sender's name. */
  displayName: string;
  /** The creation time, epoch ms. */
  timeMs: number;
}

/** A random v4 uuid; `crypto.randomUUID` only exists in secure contexts, so fall back. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The server stores seconds; the SDK builds `time` from them. */
export function timeFromMs(timeMs: number): Date {
  return new Date(Math.floor(timeMs / 1000) * 1000);
}

/**
 * The content fields with the SDK's defaults, overridden by `content`. A custom message keeps what
 * its payload had: the SDK copies `message` and `html` from the parsed payload, so they may be
 * `undefined` there.
 */
export function fullContent(content: MessageContent): Required<Omit<MessageContent, 'message' | 'html'>> &
  Pick<MessageContent, 'message' | 'html'> {
  return {
    message: '',
    link: '',
    name: '',
    html: '',
    images: [],
    videos: [],
    files: [],
    size: 0,
    ...content,
  };
}

/** A message in the SDK's field order, from its parts. */
export function buildMessage(parts: {
  id: string;
  userId: string;
  displayName: string;
  timeMs: number;
  content: MessageContent;
  targetUserIds?: string[];
  isEdited?: boolean;
  pinned?: boolean;
}): ChatMessage {
  const content = fullContent(parts.content);
  return {
    displayName: parts.displayName,
    id: parts.id,
    time: timeFromMs(parts.timeMs),
    timeMs: parts.timeMs,
    type: content.type,
    isEdited: parts.isEdited ?? false,
    userId: parts.userId,
    targetUserIds: parts.targetUserIds ?? [],
    message: content.message,
    link: content.link,
    name: content.name,
    html: content.html,
    images: content.images,
    videos: content.videos,
    files: content.files,
    size: content.size,
    pinned: parts.pinned ?? false,
  };
}

/**
 * A message as a meeting sends it to another in a history: the fields that hold the SDK's default
 * (an empty text, link or list, `false`, `0`, the `time` its `timeMs` gives) left out, as protobuf
 * leaves them out on the SDK's socket. Histories are the bulk of what crosses between meetings.
 */
export type PackedMessage = Partial<ChatMessage>;

/** A message with every field at its default, in the SDK's field order (`buildMessage`). */
function defaultMessage(timeMs: number): ChatMessage {
  return buildMessage({ id: '', userId: '', displayName: '', timeMs, content: { type: '' } });
}

const DEFAULTS = defaultMessage(0) as unknown as Readonly<Record<string, unknown>>;

/** The wire form of a message that `buildMessage` made (so it has every field): see `PackedMessage`. */
export function packMessage(message: ChatMessage): PackedMessage {
  const packed: Record<string, unknown> = {};
  const fields = message as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    const fallback = DEFAULTS[key];
    const isDefault =
      key === 'time'
        ? message.time.getTime() === timeFromMs(message.timeMs ?? 0).getTime()
        : Array.isArray(fallback)
          ? Array.isArray(value) && value.length === 0
          : key in DEFAULTS && value === fallback;
    if (!isDefault) packed[key] = value;
  }
  return packed;
}

/** The message `packMessage` packed, field for field and in the same field order. */
export function unpackMessage(packed: PackedMessage): ChatMessage {
  return Object.assign(defaultMessage(packed.timeMs ?? 0), packed);
}

/** A full message from a partial one; missing fields get the SDK's defaults or `defaults`. */
export function messageFromPartial(partial: PartialMessage, defaults: MessageDefaults): ChatMessage {
  const timeMs = partial.timeMs ?? partial.time?.getTime() ?? defaults.timeMs;
  const message = buildMessage({
    id: partial.id ?? uuid(),
    userId: partial.userId ?? defaults.userId,
    displayName: partial.displayName ?? defaults.displayName,
    timeMs,
    targetUserIds: partial.targetUserIds ? [...partial.targetUserIds] : [],
    isEdited: partial.isEdited,
    pinned: partial.pinned,
    content: {
      type: partial.type ?? 'text',
      ...definedOnly({
        message: partial.message,
        link: partial.link,
        name: partial.name,
        size: partial.size,
        html: partial.html,
        images: partial.images,
        videos: partial.videos,
        files: partial.files,
      }),
    },
  });
  if (partial.read !== undefined) message.read = partial.read;
  if (partial.pluginId !== undefined) message.pluginId = partial.pluginId;
  return message;
}

/** A copy that shares nothing mutable with the original, as every SDK event carries a new object. */
export function cloneMessage(message: ChatMessage): ChatMessage {
  const copy: ChatMessage = { ...message, time: new Date(message.time.getTime()) };
  if (message.targetUserIds) copy.targetUserIds = [...message.targetUserIds];
  if (message.images) copy.images = message.images.map((item) => ({ ...item }));
  if (message.videos) copy.videos = message.videos.map((item) => ({ ...item }));
  if (message.files) copy.files = message.files.map((item) => ({ ...item }));
  return copy;
}

/** Whether a message is private: the SDK marks it with a non-empty `targetUserIds`. */
export function isPrivate(message: ChatMessage): boolean {
  return (message.targetUserIds?.length ?? 0) > 0;
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  const result: Partial<T> = {};
  for (const key of Object.keys(fields) as Array<keyof T>) {
    if (fields[key] !== undefined) result[key] = fields[key];
  }
  return result;
}
