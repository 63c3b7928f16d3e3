/**
 * A message's type and content as the dump's `payloadType` and `payload` columns, both ways.
 *
 * The three documented types are written exactly as the SDK sends them over its socket: the
 * text; the image link; for a file the JSON `{"link":…,"name":…,"size":…}`.
 *
 * `custom` is the socket's fourth type (`CUSTOM`): `CUSTOM_MESSAGE` with the JSON
 * `{"message":…,"html":…,"files":…,"images":…,"videos":…}`, the fields the SDK unpacks from it.
 *
 * Any other type (`poll`, or one the kit does not know yet) is kept, not dropped: its name in
 * capitals plus `_MESSAGE` (`POLL_MESSAGE`) with the JSON of every field of the message that no
 * column holds, so reading it back gives the same message for JSON-serialisable fields. A type
 * that is not a lowercase name (`/^[a-z][a-z0-9_]*$/`) could not be read back as itself, so such
 * messages are left out of the dump, as are those whose fields JSON cannot hold (a cycle, a
 * BigInt).
 */
import type { ChatAttachment, ChatMessage } from '../meeting/contract.js';

/** The `payloadType` and `payload` cells of one message. */
export interface DumpPayload {
  payloadType: string;
  payload: string;
}

/** The message fields that the dump's other columns hold or that it does not carry at all. */
const ROW_FIELDS: ReadonlySet<string> = new Set([
  'type', 'id', 'userId', 'displayName', 'time', 'timeMs', 'pinned', 'isEdited', 'read', 'pluginId', 'targetUserIds',
]);

const DOCUMENTED_TYPES: Readonly<Record<string, string>> = {
  text: 'TEXT_MESSAGE',
  image: 'IMAGE_MESSAGE',
  file: 'FILE_MESSAGE',
  custom: 'CUSTOM_MESSAGE',
};

const NAMEABLE_TYPE = /^[a-z][a-z0-9_]*$/;

const list = (value: ChatAttachment[] | undefined): ChatAttachment[] => (Array.isArray(value) ? value : []);

/** The `payloadType` and `payload` of a message, or `undefined` for one the dump cannot hold. */
export function toDumpPayload(message: ChatMessage): DumpPayload | undefined {
  switch (message.type) {
    case 'text':
      return { payloadType: 'TEXT_MESSAGE', payload: String(message.message ?? '') };
    case 'image':
      return { payloadType: 'IMAGE_MESSAGE', payload: String(message.link ?? '') };
    case 'file':
      return {
        payloadType: 'FILE_MESSAGE',
        payload: JSON.stringify({ link: message.link ?? '', name: message.name ?? '', size: message.size ?? 0 }),
      };
    case 'custom':
      return {
        payloadType: 'CUSTOM_MESSAGE',
        payload: JSON.stringify({
          message: message.message ?? '',
          html: message.html ?? '',
          files: list(message.files),
          images: list(message.images),
          videos: list(message.videos),
        }),
      };
  }
  if (typeof message.type !== 'string' || !NAMEABLE_TYPE.test(message.type)) return undefined;
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message)) {
    if (!ROW_FIELDS.has(key)) rest[key] = value;
  }
  try {
    return { payloadType: `${message.type.toUpperCase()}_MESSAGE`, payload: JSON.stringify(rest) };
  } catch {
    return undefined;
  }
}

/** A message's type-specific fields, read from its dump cells. */
export type DumpContent = Omit<ChatMessage, 'id' | 'userId' | 'displayName' | 'time' | 'timeMs' | 'pinned' | 'isEdited'>;

/** Thrown by `fromDumpPayload`; the parser adds the line. */
export class PayloadError extends Error {}

/** The type a `payloadType` names: `TEXT_MESSAGE` → `text`, `POLL_MESSAGE` → `poll`. */
export function typeOfPayloadType(payloadType: string): string {
  const upper = payloadType.trim().toUpperCase();
  for (const [type, name] of Object.entries(DOCUMENTED_TYPES)) {
    if (name === upper) return type;
  }
  return upper.replace(/_MESSAGE$/, '').toLowerCase();
}

function parseObject(payload: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    throw new PayloadError(`the payload of a ${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PayloadError(`the payload of a ${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

// Keys a dump must not put on an object: `__proto__` would replace its prototype, and the others
// (`toString`, `constructor`, `hasOwnProperty`, …) would shadow what code expects every object to have.
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** A null-prototype copy of a JSON object without the prototype's keys. */
function cleanObject(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = Object.create(null);
  for (const [key, field] of Object.entries(value)) if (!PROTOTYPE_KEYS.has(key)) copy[key] = field;
  return copy;
}

/** A custom message's attachments: the objects of the list, as clean copies. */
function attachments(value: unknown): ChatAttachment[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? cleanObject(item as Record<string, unknown>) : item)) as ChatAttachment[];
}

/** Every content field with the SDK's empty default, on an object without a prototype. */
function emptyContent(type: string): DumpContent {
  return Object.assign(Object.create(null) as DumpContent, { type, message: '', link: '', name: '', size: 0, html: '', images: [], videos: [], files: [] });
}

/**
 * The type and content fields of a message from its `payloadType` and `payload` cells, with the
 * SDK's empty defaults for the rest. A payload of an unknown type that is not a JSON object (a
 * newer dump than this kit) is kept readable as the message text.
 */
export function fromDumpPayload(payloadType: string, payload: string): DumpContent {
  const type = typeOfPayloadType(payloadType);
  const content = emptyContent(type);
  switch (type) {
    case 'text':
      content.message = payload;
      return content;
    case 'image':
      content.link = payload;
      return content;
    case 'file': {
      const file = parseObject(payload, 'file message');
      const size = typeof file.size === 'string' && file.size.trim() !== '' ? Number(file.size) : file.size;
      content.link = text(file.link);
      content.name = text(file.name);
      content.size = typeof size === 'number' && Number.isFinite(size) ? size : 0;
      return content;
    }
    case 'custom': {
      const custom = parseObject(payload, 'custom message');
      content.message = text(custom.message);
      content.html = text(custom.html);
      content.files = attachments(custom.files);
      content.images = attachments(custom.images);
      content.videos = attachments(custom.videos);
      return content;
    }
  }
  let fields: Record<string, unknown>;
  try {
    fields = parseObject(payload, 'message');
  } catch {
    content.message = payload;
    return content;
  }
  const target = content as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (ROW_FIELDS.has(key) || PROTOTYPE_KEYS.has(key)) continue;
    // A content field keeps its default unless the value has the type the contract promises.
    const expected = Object.hasOwn(target, key) ? target[key] : undefined;
    if (expected !== undefined && (Array.isArray(expected) ? !Array.isArray(value) : typeof expected !== typeof value)) continue;
    target[key] = value;
  }
  return content;
}
