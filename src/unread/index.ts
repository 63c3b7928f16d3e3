/** Unread messages: the store shared per meeting, and the controllers elements use it through. */
export { formatUnreadCount } from './format-count.js';
export { SeenController, type SeenTrackerOptions } from './seen-controller.js';
export { UnreadController, type UnreadCounts } from './unread-controller.js';
export { UnreadStore, mentionsByName, unreadFor, type MentionDetector } from './unread-store.js';
