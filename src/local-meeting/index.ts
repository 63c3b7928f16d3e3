/**
 * The local meeting: the RealtimeKit chat API in the browser, for the demo, tests, benchmarks and
 * offline development.
 */
export { createLocalMeeting } from './local-meeting.js';
export type { LocalMeeting, LocalMeetingMeta, LocalMeetingOptions } from './local-meeting.js';
export { LocalMeetingError } from './errors.js';
export type { LocalMeetingErrorCode } from './errors.js';
export type {
  CustomMessagePayload,
  LocalChat,
  LocalChatEvents,
  LocalFetchMessagesOptions,
  LocalFetchPrivateMessagesOptions,
  LocalMessagePayload,
  RateLimitedMethod,
  RateLimitKind,
} from './chat.js';
export type { LocalEventEmitter, WildcardListener } from './emitter.js';
export type { LocalMeetingLogger } from './logger.js';
export type { PartialMessage } from './messages.js';
export type {
  LocalParticipant,
  LocalPermissionEvents,
  LocalPermissions,
  LocalSelf,
  LocalSelfEvents,
  ParticipantMap,
  ParticipantMapEvents,
} from './participants.js';
export type { RateLimits } from './rate-limiter.js';
export { SEED_AUTHORS } from './seed.js';
export type { SeedAuthor } from './seed.js';
