/**
 * The chat dump: write messages as the Chat Replay API's CSV, read such a CSV back, and fetch a
 * session's dump through the Chat Replay API. Runs in browsers and in Node.
 */
export { ChatDumpError } from './chat-dump-error.js';
export { CHAT_DUMP_COLUMNS, type ChatDumpColumn } from './columns.js';
export { CsvFormulaGuard, protectCsvFormulas } from './csv.js';
export { parseChatDumpCsv, type ChatDumpMessages, type ParseChatDumpOptions } from './parse.js';
export {
  ChatReplayError,
  fetchChatDumpResponse,
  fetchChatDumpUrl,
  type ChatDumpLink,
  type ChatReplayApiBody,
  type ChatReplayErrorCode,
  type ChatReplayOptions,
  type ChatReplaySource,
} from './replay.js';
export { fetchChatDump, fetchChatDumpBlob, streamChatDump, type ChatDumpStreamOptions, type ChatDumpStreamResult } from './replay-stream.js';
export {
  buildChatDumpBlob,
  chatDumpChunks,
  toChatDumpBlob,
  toChatDumpCsv,
  type BuildChatDumpOptions,
  type ChatDumpBlobOptions,
  type ChatDumpChunkOptions,
  type ChatDumpOptions,
} from './write.js';
