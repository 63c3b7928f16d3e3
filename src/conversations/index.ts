/** Conversations: which one a message belongs to, who may see it, and the list to switch between. */
export {
  EVERYONE,
  cloudflareConversationKey,
  conversationOf,
  inConversation,
  isPartyTo,
  isPrivateMessage,
  messageText,
  privateParties,
  readLegacyPrivate,
  type LegacyPrivate,
} from './conversations.js';
export { isBlankName, listConversations, sameNameHints, type ConversationCounts, type ConversationListInput, type ConversationSummary } from './conversation-list.js';
