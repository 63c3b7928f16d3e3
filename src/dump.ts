/**
 * The chat dump on its own (`<package>/dump`): write messages as the Chat Replay API's CSV
 * (`toChatDumpCsv`, `toChatDumpBlob`, `chatDumpChunks`), read one back (`parseChatDumpCsv`) and
 * fetch a session's dump through your backend (`fetchChatDump`, …). No elements, no Lit, nothing
 * registered: importing it costs only what is used. Runs in browsers and in Node.
 */
export * from './chat-dump/index.js';
export type { ChatMessage } from './meeting/contract.js';
