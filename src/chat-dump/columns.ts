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
