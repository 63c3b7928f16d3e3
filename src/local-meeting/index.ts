/**
 * The local meeting: the RealtimeKit chat API in the browser, for the demo, tests, benchmarks and
 * offline development.
 */
export { createLocalMeeting } from './local-meeting.js';
export type { LocalMeeting, LocalMeetingMeta, LocalMeetingOptions } from './local-meeting.js';
export { LocalMeetingError } from './errors.js';
export type { LocalMeetingErrorCode } from './errors.js';
export type { LocalChat } from './chat.js';
export type {
  CustomMessagePayload,
  LocalChatEvents,
  LocalFetchMessagesOptions,
  LocalFetchPrivateMessagesOptions,
  LocalMessagePayload,
} from './chat-types.js';
export type { LocalEventEmitter, WildcardListener } from './emitter.js';
export type { LocalMeetingLogger } from './logger.js';
export type { PartialMessage } from './messages.js';
export type { LocalParticipant, LocalSelf, LocalSelfEvents, ParticipantMap, ParticipantMapEvents } from './participants.js';
export type { LocalPermissionEvents, LocalPermissions } from './permissions.js';
export type { RateLimitedMethod, RateLimits, RateLimitScope } from './rate-limits.js';
export { SEED_AUTHORS } from './seed.js';
export type { SeedAuthor } from './seed.js';
