/** The dump's columns, in the order the Chat Replay API writes them. */
export const CHAT_DUMP_COLUMNS = [
  'id',
  'participantId',
  'sessionId',
  'meetingId',
  'displayName',
  'pinned',
  'isEdited',
  'payloadType',
  'payload',
  'createdAt',
] as const;

/** One of the dump's column names. */
export type ChatDumpColumn = (typeof CHAT_DUMP_COLUMNS)[number];

/** The dump's columns that `header` (names trimmed, any case) lacks. */
export function missingColumns(header: readonly string[]): ChatDumpColumn[] {
  const names = new Set(header.map((name) => name.trim().toLowerCase()));
  return CHAT_DUMP_COLUMNS.filter((column) => !names.has(column.toLowerCase()));
}
