/**
 * The kit without side effects: element classes and everything else, nothing registered.
 * Register with `defineChatElements(prefix)` or `customElements.define(name, Class)`.
 */
export { RtkAvatar } from './avatar/avatar.js';
export { RtkChat } from './chat/chat.js';
export { RtkChatComposer } from './chat-composer/chat-composer.js';
export { RtkChatToggle } from './chat-toggle/chat-toggle.js';
export { RtkConversationSwitcher } from './conversation-switcher/conversation-switcher.js';
export * from './conversations/index.js';
export * from './unread/index.js';
export * from './chat-dump/index.js';
export { RtkChatMessage } from './chat-message/chat-message.js';
export { defineChatElements } from './define.js';
export { RtkChatExportButton } from './export-button/export-button.js';
export { describeFileLink, displayName, mayLoadMedia, mediaPolicy, showLink, trustedOrigins, type FileLinkFacts, type MediaPolicy, type ShownLink } from './format/format.js';
export * from './local-meeting/index.js';
export { composeQuoteReply, parseQuoteReply } from './format/quote-reply.js';
export type { RenderCustom } from './custom-message/custom-message-part.js';
export * from './events/index.js';
export { chatAbilities, messagesOfType, messagesOfUser, pinnedMessages, type ChatAbilities } from './meeting/chat-queries.js';
export { meetingContext } from './meeting/context.js';
export type * from './meeting/contract.js';
export { RtkMeetingProvider } from './meeting-provider/meeting-provider.js';
export { RtkPinnedMessages } from './pinned-messages/pinned-messages.js';
export { defaultStrings, type ChatStrings } from './strings/strings.js';
