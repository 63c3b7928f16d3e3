/**
 * Reads a chat dump (this kit's or the Chat Replay API's) back into messages of the SDK's shape.
 */
import type { ChatMessage } from '../meeting/contract.js';
import { ChatDumpError } from './chat-dump-error.js';
import { CHAT_DUMP_COLUMNS, missingColumns, type ChatDumpColumn as Column } from './columns.js';
import { readCsvRecords, unprotectFormula } from './csv.js';
import { PayloadError, fromDumpPayload } from './payload.js';
import { epochMs } from './time.js';

/** How to read a dump. */
export interface ParseChatDumpOptions {
  /**
   * The dump was written with formula protection (`toChatDumpCsv`'s default): remove the `'`
   * it put in front of formula cells. Default `false`, because the Chat Replay API's own dumps
   * are not protected and a text may really start with `'=`.
   */
  protectedFormulas?: boolean;
}

/**
 * The messages of a chat dump, in its order. Every row is kept, but a dump should not name one id
 * twice (the Chat Replay API never does): `duplicateIds` says which it did, so an app that keys
 * messages by id can decide what to do rather than silently lose or mix them.
 */
export interface ChatDumpMessages extends Array<ChatMessage> {
  /** The ids that more than one row has, each once, in the order their second row comes. */
  duplicateIds: string[];
}

const show = (value: string): string => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

function readBoolean(value: string, column: Column, line: number): boolean {
  const lower = value.trim().toLowerCase();
  if (lower === 'true' || lower === 't' || lower === '1') return true;
  if (lower === 'false' || lower === 'f' || lower === '0' || lower === '') return false;
  throw new ChatDumpError(line, `${column} is ${show(value)}, not true or false`);
}

/** Where each column is in the header, by name (trimmed, any case). */
function columnIndexes(header: string[], line: number): Record<Column, number> {
  const byName = new Map<string, number>();
  header.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (byName.has(key)) throw new ChatDumpError(line, `the header names the column ${show(name.trim())} twice`);
    byName.set(key, index);
  });
  const missing = missingColumns(header);
  if (missing.length > 0) {
    throw new ChatDumpError(line, `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  }
  return Object.fromEntries(CHAT_DUMP_COLUMNS.map((column) => [column, byName.get(column.toLowerCase())])) as Record<Column, number>;
}

/**
 * The messages of a chat dump, in its order, each with every field of the SDK's messages:
 * `type` from `payloadType`, the content unpacked from `payload` (a file's JSON into `link`,
 * `name` and `size`, an image's link into `link`, a custom message's JSON into its five
 * fields), empty defaults for the rest, `userId` from `participantId`, and `time`/`timeMs` from
 * `createdAt` (ISO 8601, a missing zone read as UTC, or epoch seconds or milliseconds; an
 * empty `createdAt`, which this kit writes for a message without a time, gives an invalid
 * `time` and a `NaN` `timeMs`). Columns are found by their header name, so their order and
 * extra columns do not matter; `sessionId` and `meetingId` are not part of a message and are
 * not returned. Accepts CRLF or LF, a BOM, a final line break or none. Throws a
 * `ChatDumpError` naming the line for anything else. The messages are objects without a
 * prototype, and no key of a payload's JSON that `Object.prototype` has (`__proto__`,
 * `toString`, `constructor`, …) lands on them. Rows that repeat an id are kept and named in
 * `duplicateIds`.
 */
export function parseChatDumpCsv(text: string, options: ParseChatDumpOptions = {}): ChatDumpMessages {
  const read = options.protectedFormulas ? unprotectFormula : (value: string) => value;
  const records = readCsvRecords(text);
  const first = records.next();
  if (first.done) throw new ChatDumpError(1, 'the dump is empty: it has no header row');
  const header = first.value;
  const at = columnIndexes(header.fields, header.line);
  const messages: ChatMessage[] = [];
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { fields, line } of records) {
    if (fields.length !== header.fields.length) {
      throw new ChatDumpError(line, `expected ${header.fields.length} fields like the header, found ${fields.length}`);
    }
    const cell = (column: Column): string => read(fields[at[column]]);
    const payloadType = cell('payloadType');
    if (payloadType.trim() === '') throw new ChatDumpError(line, 'payloadType is empty');
    let content;
    try {
      content = fromDumpPayload(payloadType, cell('payload'));
    } catch (error) {
      if (error instanceof PayloadError) throw new ChatDumpError(line, error.message);
      throw error;
    }
    const created = cell('createdAt');
    const timeMs = created.trim() === '' ? NaN : epochMs(created);
    if (timeMs === undefined) throw new ChatDumpError(line, `createdAt is ${show(created)}, not a date`);
    const id = cell('id');
    if (seen.has(id)) duplicates.add(id);
    seen.add(id);
    // `content` has no prototype: a key of the payload's JSON cannot reach one through it.
    messages.push(
      Object.assign(content, {
        id,
        userId: cell('participantId'),
        displayName: cell('displayName'),
        time: new Date(timeMs),
        timeMs,
        pinned: readBoolean(cell('pinned'), 'pinned', line),
        isEdited: readBoolean(cell('isEdited'), 'isEdited', line),
      }),
    );
  }
  return Object.assign(messages, { duplicateIds: [...duplicates] });
}
