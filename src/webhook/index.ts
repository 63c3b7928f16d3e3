/**
 * `rtk-chat-kit/webhook`: receive RealtimeKit's webhooks on any runtime with `fetch` and Web
 * Crypto (Node 20+, Cloudflare Workers, Deno, Bun): verify the signature, and archive each
 * session's chat dump on `meeting.chatSynced`. The Node adapters are in `rtk-chat-kit/webhook/node`.
 */
export { CHAT_SYNCED, ChatSyncedEventError, readChatSyncedEvent, type ChatSyncedEvent } from './chat-synced.js';
export {
  handleChatSynced,
  type ChatReplayCredentials,
  type ChatSyncedFailure,
  type ChatSyncedResult,
  type HandleChatSyncedOptions,
} from './handler.js';
export { importWebhookKey } from './keys.js';
export {
  chatDumpKey,
  chatDumpMetadata,
  chatDumpRecordFromMetadata,
  r2Store,
  writableStreamStore,
  type ChatDumpKey,
  type ChatDumpRecord,
  type ChatDumpStore,
  type R2BucketLike,
  type R2MultipartUploadLike,
  type R2ObjectLike,
  type R2PutOptionsLike,
  type R2StoreOptions,
  type R2UploadedPartLike,
  type StoredChatDump,
} from './store.js';
export {
  DEFAULT_MAX_BODY_BYTES,
  LEGACY_WEBHOOK_KEY_URL,
  verifyWebhook,
  WEBHOOK_KEY_URL,
  type RejectedWebhook,
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  type WebhookEvent,
  type WebhookRejection,
  type WebhookVerification,
} from './verify.js';
