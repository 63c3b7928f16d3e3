import type { DefineComponent } from "vue";
import type {
  RtkAvatar,
  RtkChatComposer,
  RtkMessageSentEvent,
  RtkMessageErrorEvent,
  RtkChatMessage,
  RtkMessageDeleteEvent,
  RtkMessageDeletedEvent,
  RtkMessageEditedEvent,
  RtkMessagePinEvent,
  RtkChatToggle,
  RtkChatToggleEvent,
  RtkUnreadChangeEvent,
  RtkChat,
  RtkMentionEvent,
  RtkMessageReplyEvent,
  RtkConversationSwitcher,
  RtkConversationChangeEvent,
  RtkChatExportButton,
  RtkChatExportEvent,
  RtkChatExportErrorEvent,
  RtkMeetingProvider,
  RtkPinnedMessages,
  RtkMessageSelectEvent,
} from "../dist/index.js";

type RtkAvatarProps = {
  /** The participant's name: the initials and the accessible name come from it. */
  name?: RtkAvatar["name"];
  /** The participant's user id: the colour comes from it (the name when it is empty). */
  userId?: RtkAvatar["userId"];
  /** The picture's URL; only http(s) and blob URLs are loaded. */
  src?: RtkAvatar["src"];
  /** The locale for times, dates and sizes; the browser's by default. */
  locale?: RtkAvatar["locale"];
  /** `light` or `dark`; unset follows the kit element it is in, else the system. */
  theme?: RtkAvatar["theme"];
  /** The RealtimeKit meeting (`RealtimeKitClient` or `createLocalMeeting()`). Without it, the element uses the meeting of the nearest provider. */
  meeting?: RtkAvatar["meeting"];
  /** Replacements for any of the English strings. Set a new object to change them: each object is read once. */
  strings?: RtkAvatar["strings"];
};

type RtkChatComposerProps = {
  /** The peer id of the private recipient; empty for everyone. */
  recipientId?: RtkChatComposer["recipientId"];
  /** How long a send may go unanswered before it shows as failed with Retry, in ms. */
  sendTimeout?: RtkChatComposer["sendTimeout"];
  /** The locale for times, dates and sizes; the browser's by default. */
  locale?: RtkChatComposer["locale"];
  /** `light` or `dark`; unset follows the kit element it is in, else the system. */
  theme?: RtkChatComposer["theme"];
  /** The message being replied to: the next text goes out quoting it, as Cloudflare's UI writes replies. */
  replyTo?: RtkChatComposer["replyTo"];
  /** The RealtimeKit meeting (`RealtimeKitClient` or `createLocalMeeting()`). Without it, the element uses the meeting of the nearest provider. */
  meeting?: RtkChatComposer["meeting"];
  /** Replacements for any of the English strings. Set a new object to change them: each object is read once. */
  strings?: RtkChatComposer["strings"];
  /** When the SDK accepted a message the user sent. */
  onRtkMessageSent?: (e: RtkMessageSentEvent) => void;
  /** When the SDK refused a send, or did not answer in time. */
  onRtkMessageError?: (e: RtkMessageErrorEvent) => void;
};

type RtkChatMessageProps = {
  /** Set by the list when the previous message is from the same sender, a moment earlier: the header is left out. */
  grouped?: RtkChatMessage["grouped"];
  /** Draws attention to the message, e.g. after jumping to it from the pinned list. */
  highlighted?: RtkChatMessage["highlighted"];
  /** Hides the sender's avatar. */
  hideAvatars?: RtkChatMessage["hideAvatars"];
  /** Reflected when the message mentions the local user. */
  mentioned?: RtkChatMessage["mentioned"];
  /** Hides the action buttons, e.g. in a read-only preview. */
  hideActions?: RtkChatMessage["hideActions"];
  /** The message's id, reflected for styling and lookups. */
  messageId?: RtkChatMessage["messageId"];
  /** Reflected when the local user sent the message. */
  own?: RtkChatMessage["own"];
  /** Reflected when the message is pinned. */
  pinned?: RtkChatMessage["pinned"];
  /** Which images load by themselves: `auto`, `click` (each on request, so no host learns who is in the meeting), or `trusted` (see SECURITY.md). */
  mediaPolicy?: RtkChatMessage["mediaPolicy"];
  /** Origins whose images load by themselves under `media-policy="trusted"`, space-separated (`https://*.example.com` for subdomains). */
  trustedMediaOrigins?: RtkChatMessage["trustedMediaOrigins"];
  /** Reflected when the message is private: to or from the local user and named people only. */
  private?: RtkChatMessage["isPrivate"];
  /** The locale for times, dates and sizes; the browser's by default. */
  locale?: RtkChatMessage["locale"];
  /** `light` or `dark`; unset follows the kit element it is in, else the system. */
  theme?: RtkChatMessage["theme"];
  /** The message to show, as the SDK delivers it. */
  message?: RtkChatMessage["message"];
  /** Renders custom messages the app's way: return a template, or `undefined` for the kit's rendering. */
  renderCustom?: RtkChatMessage["renderCustom"];
  /** The RealtimeKit meeting (`RealtimeKitClient` or `createLocalMeeting()`). Without it, the element uses the meeting of the nearest provider. */
  meeting?: RtkChatMessage["meeting"];
  /** Replacements for any of the English strings. Set a new object to change them: each object is read once. */
  strings?: RtkChatMessage["strings"];
  /** Before a message is deleted, before the confirmation; cancel it to keep the message. */
  onRtkMessageDelete?: (e: RtkMessageDeleteEvent) => void;
  /** When the SDK accepted a deletion. */
  onRtkMessageDeleted?: (e: RtkMessageDeletedEvent) => void;
  /** When the SDK accepted an edit. */
  onRtkMessageEdited?: (e: RtkMessageEditedEvent) => void;
  /** Before a message is pinned or unpinned; cancel it to stop that. */
  onRtkMessagePin?: (e: RtkMessagePinEvent) => void;
  /** When the SDK refused an edit, a deletion, a pin or an unpin. */
  onRtkMessageError?: (e: RtkMessageErrorEvent) => void;
};

type RtkChatToggleProps = {
  /** The id of the element to show and hide (e.g. an `<rtk-chat>`), in the same document or shadow root; the button controls it (`aria-controls`). */
  for?: RtkChatToggle["htmlFor"];
  /** Whether the chat is open; with `for`, it follows that element's `hidden`. Reflected as `aria-expanded`. */
  expanded?: RtkChatToggle["expanded"];
  /** Shows only the icon and the count; the label stays for screen readers. */
  compact?: RtkChatToggle["compact"];
  /** Puts the unread count in front of the page title, as "(3) Title". Off by default. */
  titleCount?: RtkChatToggle["titleCount"];
  /** Plays a short tone (made in the browser, no sound file) when a message arrives while the chat is closed or the page hidden. Off by default. */
  sound?: RtkChatToggle["sound"];
  /** The locale for times, dates and sizes; the browser's by default. */
  locale?: RtkChatToggle["locale"];
  /** `light` or `dark`; unset follows the kit element it is in, else the system. */
  theme?: RtkChatToggle["theme"];
  /** Unread messages of the meeting, in every conversation. */
  unreadCount?: RtkChatToggle["unreadCount"];
  /** Unread messages that mention the local user. */
  mentionCount?: RtkChatToggle["mentionCount"];
  /** The RealtimeKit meeting (`RealtimeKitClient` or `createLocalMeeting()`). Without it, the element uses the meeting of the nearest provider. */
  meeting?: RtkChatToggle["meeting"];
  /** Replacements for any of the English strings. Set a new object to change them: each object is read once. */
  strings?: RtkChatToggle["strings"];
  /** When the user activates the button; cancelable, before the `for` element is shown or hidden. */
  onRtkChatToggle?: (e: RtkChatToggleEvent) => void;
  /** When `unreadCount` or `mentionCount` changed. */
  onRtkUnreadChange?: (e: RtkUnreadChangeEvent) => void;
};

type RtkChatProps = {
  /** Shows only the messages of this user id. */
  filterUserId?: RtkChat["filterUserId"];
  /** Shows only messages of this type. */
  filterType?: RtkChat["filterType"];
  /** The conversation shown: `everyone`, or the user id of the person the private messages are with. */
  conversation?: RtkChat["conversation"];
  /** Which images load by themselves: `auto`, `click` or `trusted` (see `<rtk-chat-message>` and SECURITY.md). */
  mediaPolicy?: RtkChat["mediaPolicy"];
  /** Origins whose images load by themselves under `media-policy="trusted"`, space-separated. */
  trustedMediaOrigins?: RtkChat["trustedMediaOrigins"];
  /** Hides the senders' avatars. */
  hideAvatars?: RtkChat["hideAvatars"];
  /** Hides the filter controls (the attributes still apply). */
  hideFilters?: RtkChat["hideFilters"];
  /** The locale for times, dates and sizes; the browser's by default. */
  locale?: RtkChat["locale"];
  /** `light` or `dark`; unset follows the kit element it is in, else the system. */
  theme?: RtkChat["theme"];
  /** Renders custom messages the app's way: return a template, or `undefined` for the kit's rendering. */
  renderCustom?: RtkChat["renderCustom"];
  /** Unread messages of the meeting: arrived while the panel was hidden, scrolled away or in a background tab. */
  unreadCount?: RtkChat["unreadCount"];
  /** Unread messages that mention the local user. */
  mentionCount?: RtkChat["mentionCount"];
  /** The messages the list shows, in order: after the filters, older pages included. */
  messages?: RtkChat["messages"];
  /** The RealtimeKit meeting (`RealtimeKitClient` or `createLocalMeeting()`). Without it, the element uses the meeting of the nearest provider. */
  meeting?: RtkChat["meeting"];
  /** Replacements for any of the English strings. Set a new object to change them: each object is read once. */
  strings?: RtkChat["strings"];
  /** When the SDK accepted a message the user sent. */
  onRtkMessageSent?: (e: RtkMessageSentEvent) => void;
  /** When the SDK refused a send, edit, deletion or pin. */
  onRtkMessageError?: (e: RtkMessageErrorEvent) => void;
  /** When the SDK accepted an edit. */
  onRtkMessageEdited?: (e: RtkMessageEditedEvent) => void;
  /** Before a message is deleted; cancelable. */
  onRtkMessageDelete?: (e: RtkMessageDeleteEvent) => void;
  /** When the SDK accepted a deletion. */
  onRtkMessageDeleted?: (e: RtkMessageDeletedEvent) => void;
  /** Before a message is pinned or unpinned; cancelable. */
  onRtkMessagePin?: (e: RtkMessagePinEvent) => void;
  /** When `unreadCount` or `mentionCount` changed. */
  onRtkUnreadChange?: (e: RtkUnreadChangeEvent) => void;
  /** When a message that mentions the local user arrives. */
  onRtkMention?: (e: RtkMentionEvent) => void;
  /** When the user chose Reply on a message. */
  onRtkMessageReply?: (e: RtkMessageReplyEvent) => void;
};

type RtkConversationSwitcherProps = {
  /** The chosen conversation: `everyone`, or the user id of the other person. */
  conversation?: RtkConversationSwitcher["conversation"];
  /** The locale for times, dates and sizes; the browser's by default. */
  locale?: RtkConversationSwitcher["locale"];
  /** `light` or `dark`; unset follows the kit element it is in, else the system. */
  theme?: RtkConversationSwitcher["theme"];
  /** The conversations listed now, in order, with their unread counts. */
  conversations?: RtkConversationSwitcher["conversations"];
  /** The RealtimeKit meeting (`RealtimeKitClient` or `createLocalMeeting()`). Without it, the element uses the meeting of the nearest provider. */
  meeting?: RtkConversationSwitcher["meeting"];
  /** Replacements for any of the English strings. Set a new object to change them: each object is read once. */
  strings?: RtkConversationSwitcher["strings"];
  /** When the user chooses another conversation; cancelable. */
  onRtkConversationChange?: (e: RtkConversationChangeEvent) => void;
};

type RtkChatExportButtonProps = {
  /** The app's own endpoint that answers with the Chat Replay API's JSON
(`{ success, data: { chat_download_url, chat_download_url_expiry } }`). Without it, the
dump is built in the browser from the meeting's messages. */
  replayUrl?: RtkChatExportButton["replayUrl"];
  /** The downloaded file's name; by default from the meeting and session ids and today's date. */
  filename?: RtkChatExportButton["filename"];
  /** Leaves cells that start like a spreadsheet formula as they are. By default they are
neutralised with a leading `'` (in both modes), since people open dumps in spreadsheets. */
  allowFormulas?: RtkChatExportButton["allowFormulas"];
  /** In replay mode, give up when the backend or the download sends nothing (less than 1 KiB)
for this many milliseconds; 30,000 by default. `0` waits for ever (the button still cancels). */
  idleTimeout?: RtkChatExportButton["idleTimeout"];
  /** The locale for times, dates and sizes; the browser's by default. */
  locale?: RtkChatExportButton["locale"];
  /** `light` or `dark`; unset follows the kit element it is in, else the system. */
  theme?: RtkChatExportButton["theme"];
  /** The app's rule for who may export: the button is disabled, with a reason, when it returns false. */
  canExport?: RtkChatExportButton["canExport"];
  /** Whether an export is running (also reflected as the `busy` attribute); a click then cancels it. */
  busy?: RtkChatExportButton["busy"];
  /** The RealtimeKit meeting (`RealtimeKitClient` or `createLocalMeeting()`). Without it, the element uses the meeting of the nearest provider. */
  meeting?: RtkChatExportButton["meeting"];
  /** Replacements for any of the English strings. Set a new object to change them: each object is read once. */
  strings?: RtkChatExportButton["strings"];
  /** When the download started; its `detail` says how many messages it wrote, and whether that is the whole session. */
  onRtkChatExport?: (e: RtkChatExportEvent) => void;
  /** When exporting failed (not when it was canceled). */
  onRtkChatExportError?: (e: RtkChatExportErrorEvent) => void;
};

type RtkMeetingProviderProps = {
  /** The meeting to share. */
  meeting?: RtkMeetingProvider["meeting"];
};

type RtkPinnedMessagesProps = {
  /** Collapses the list to its header. */
  collapsed?: RtkPinnedMessages["collapsed"];
  /** The locale for times, dates and sizes; the browser's by default. */
  locale?: RtkPinnedMessages["locale"];
  /** `light` or `dark`; unset follows the kit element it is in, else the system. */
  theme?: RtkPinnedMessages["theme"];
  /** The pinned messages in the order shown: latest pin first, then newest message first. */
  messages?: RtkPinnedMessages["messages"];
  /** The RealtimeKit meeting (`RealtimeKitClient` or `createLocalMeeting()`). Without it, the element uses the meeting of the nearest provider. */
  meeting?: RtkPinnedMessages["meeting"];
  /** Replacements for any of the English strings. Set a new object to change them: each object is read once. */
  strings?: RtkPinnedMessages["strings"];
  /** When the user chooses a pinned message; an `<rtk-chat>` on the same meeting jumps to it unless canceled. */
  onRtkMessageSelect?: (e: RtkMessageSelectEvent) => void;
  /** Before a message is unpinned; cancel it to keep the pin. */
  onRtkMessagePin?: (e: RtkMessagePinEvent) => void;
  /** When the SDK refused to unpin. */
  onRtkMessageError?: (e: RtkMessageErrorEvent) => void;
};

export type CustomElements = {
  /**
   * A participant's picture, or their initials on their colour.
   * ---
   *
   *
   * ### **CSS Properties:**
   *  - **--rtk-avatar-size** - Width and height. _(default: 2rem)_
   * - **--rtk-avatar-radius** - Corner radius: 50% is a circle. _(default: 50%)_
   * - **--rtk-avatar-background** - Background behind the initials; white text on the derived colours has a contrast of at least 4.5:1. _(default: a colour from the user id)_
   * - **--rtk-avatar-text-color** - Colour of the initials. _(default: #ffffff)_
   *
   * ### **CSS Parts:**
   *  - **base** - The circle.
   * - **image** - The picture.
   * - **initials** - The initials.
   */
  "rtk-avatar": DefineComponent<RtkAvatarProps>;

  /**
   * The message composer of a meeting's chat.
   * ---
   *
   *
   * ### **Events:**
   *  - **rtk-message-sent** - When the SDK accepted a message the user sent.
   * - **rtk-message-error** - When the SDK refused a send, or did not answer in time.
   *
   * ### **Methods:**
   *  - **addFiles(files: _Iterable<File>_): _boolean_** - Adds files to send with the next message. Returns false when the local user may not send files here.
   * - **send(): _Promise<void>_** - Sends the attachments, then the text. Resolves once sent or refused; never throws.
   *
   * ### **CSS Parts:**
   *  - **base** - The composer.
   * - **recipient** - The "Send to" row, with the private recipient.
   * - **input** - The text box.
   * - **send** - The send button.
   * - **attachments** - The files waiting to be sent.
   * - **notice** - The line shown instead of the composer to someone who may not send.
   * - **replying** - What the next message replies to, with its Cancel.
   * - **emoji-dialog** - The emoji picker's dialog.
   */
  "rtk-chat-composer": DefineComponent<RtkChatComposerProps>;

  /**
   * One chat message, with its actions.
   * ---
   *
   *
   * ### **Events:**
   *  - **rtk-message-delete** - Before a message is deleted, before the confirmation; cancel it to keep the message.
   * - **rtk-message-deleted** - When the SDK accepted a deletion.
   * - **rtk-message-edited** - When the SDK accepted an edit.
   * - **rtk-message-pin** - Before a message is pinned or unpinned; cancel it to stop that.
   * - **rtk-message-error** - When the SDK refused an edit, a deletion, a pin or an unpin.
   *
   * ### **Methods:**
   *  - **startEditing(): _void_** - Opens the inline editor (text) or the file picker (image, file) for this message.
   *
   * ### **CSS Properties:**
   *  - **--rtk-chat-message-bubble-color** - Background of others' messages. _(default: var(--rtk-color-surface))_
   * - **--rtk-chat-message-text-color** - Text of others' messages. _(default: var(--rtk-color-text))_
   * - **--rtk-chat-message-own-bubble-color** - Background of the user's own messages. _(default: var(--rtk-color-own-message))_
   * - **--rtk-chat-message-own-text-color** - Text of the user's own messages. _(default: var(--rtk-color-on-own-message))_
   *
   * ### **CSS Parts:**
   *  - **base** - The message's wrapper.
   * - **header** - The sender's name and the time.
   * - **bubble** - The message body.
   * - **meta** - The markers under the body: edited, pinned, private.
   * - **actions** - The action buttons.
   * - **more** - The "More actions" button shown on touch screens.
   * - **confirm** - The confirmation asked before deleting.
   * - **image** - The image preview.
   * - **file** - The file card.
   */
  "rtk-chat-message": DefineComponent<RtkChatMessageProps>;

  /**
   * A chat button with the unread count.
   * ---
   *
   *
   * ### **Events:**
   *  - **rtk-chat-toggle** - When the user activates the button; cancelable, before the `for` element is shown or hidden.
   * - **rtk-unread-change** - When `unreadCount` or `mentionCount` changed.
   *
   * ### **Slots:**
   *  - _default_ - The button's label; `Chat` by default.
   *
   * ### **CSS Properties:**
   *  - **--rtk-chat-toggle-badge-color** - Background of the unread count. _(default: var(--rtk-color-accent))_
   * - **--rtk-chat-toggle-on-badge-color** - Text of the unread count. _(default: var(--rtk-color-on-accent))_
   * - **--rtk-chat-toggle-mention-color** - Background of the count when the local user is mentioned. _(default: var(--rtk-color-danger))_
   * - **--rtk-chat-toggle-on-mention-color** - Text of the count when the local user is mentioned. _(default: light-dark(#ffffff, #2a0b08))_
   *
   * ### **CSS Parts:**
   *  - **base** - The wrapper.
   * - **button** - The button.
   * - **icon** - The chat icon.
   * - **label** - The label.
   * - **badge** - The unread count; absent when nothing is unread.
   * - **mention** - The `@` mark in the badge when an unread message mentions the local user.
   */
  "rtk-chat-toggle": DefineComponent<RtkChatToggleProps>;

  /**
   * The chat panel of a meeting.
   * ---
   *
   *
   * ### **Events:**
   *  - **rtk-message-sent** - When the SDK accepted a message the user sent.
   * - **rtk-message-error** - When the SDK refused a send, edit, deletion or pin.
   * - **rtk-message-edited** - When the SDK accepted an edit.
   * - **rtk-message-delete** - Before a message is deleted; cancelable.
   * - **rtk-message-deleted** - When the SDK accepted a deletion.
   * - **rtk-message-pin** - Before a message is pinned or unpinned; cancelable.
   * - **rtk-unread-change** - When `unreadCount` or `mentionCount` changed.
   * - **rtk-mention** - When a message that mentions the local user arrives.
   * - **rtk-message-reply** - When the user chose Reply on a message.
   *
   * ### **Methods:**
   *  - **loadOlder(): _Promise<number>_** - Loads a page of older messages of the conversation shown (a private one's through `fetchPrivateMessages`), keeping what the user reads in place. Resolves to how many it brought.
   * - **scrollToBottom(): _void_** - Scrolls to the newest message and follows new ones again.
   * - **scrollToMessage(id: _string_): _Promise<boolean>_** - Scrolls to a message and highlights it, clearing filters that hide it and loading older
   * pages where needed. Resolves to whether the message was found.
   *
   * ### **Slots:**
   *  - **header-actions** - Controls placed in the header, e.g. an `<rtk-chat-export-button>`.
   * - **empty** - What shows when there are no messages.
   *
   * ### **CSS Properties:**
   *  - **--rtk-font-family** - The font of the kit. _(default: ui-sans-serif, system-ui, sans-serif)_
   * - **--rtk-font-size** - The base font size. _(default: 0.9375rem)_
   * - **--rtk-color-text** - Text colour. _(default: light-dark(#15171c, #eceef2))_
   * - **--rtk-color-text-muted** - Colour of quiet text: times, markers. _(default: light-dark(#5d6471, #9ca3af))_
   * - **--rtk-color-background** - The panel's background. _(default: light-dark(#f5f6f8, #121418))_
   * - **--rtk-color-surface** - Background of messages, inputs and menus. _(default: light-dark(#ffffff, #1b1e24))_
   * - **--rtk-color-border** - Lines and outlines. _(default: light-dark(#e1e4e9, #2c313a))_
   * - **--rtk-color-accent** - Buttons, links and focus. _(default: light-dark(#3553d4, #8ea2ff))_
   * - **--rtk-color-on-accent** - Text on the accent colour. _(default: light-dark(#ffffff, #0e1330))_
   * - **--rtk-color-own-message** - Background of the user's own messages. _(default: light-dark(#3553d4, #3b4fb8))_
   * - **--rtk-color-on-own-message** - Text of the user's own messages. _(default: #ffffff)_
   * - **--rtk-color-danger** - Errors. _(default: light-dark(#c4302b, #ff8a80))_
   * - **--rtk-color-highlight** - The ring around a message jumped to. _(default: light-dark(#b45309, #fbbf24))_
   * - **--rtk-color-focus** - The focus ring. _(default: var(--rtk-color-accent))_
   * - **--rtk-color-private** - Marks private messages and the composer while writing one. _(default: light-dark(#7a3fb0, #c9a2f2))_
   * - **--rtk-color-on-private** - Text on the private colour. _(default: light-dark(#ffffff, #1c0d2b))_
   * - **--rtk-color-scheme** - The colour scheme of elements without a `theme`: `light`, `dark`, or `light dark` to follow the system. _(default: light dark)_
   * - **--rtk-radius** - Corner radius of messages and controls. _(default: 14px)_
   * - **--rtk-spacing** - The spacing unit. _(default: 8px)_
   *
   * ### **CSS Parts:**
   *  - **base** - The panel.
   * - **header** - The header with the title and filters.
   * - **list** - The scrolling list of messages.
   * - **message** - Each `<rtk-chat-message>`; its own parts are exported as `message-base`, `message-bubble`, …
   * - **day** - The date separator between days.
   * - **new-messages** - The "N new messages" button. Tab from the list reaches it first; End in the list does what it does.
   * - **composer** - The `<rtk-chat-composer>` under the list; its parts are exported as `composer-base`, `recipient`, `input`, `send`, `attachments`, `notice`.
   * - **composer-base** - The composer's wrapper.
   * - **recipient** - The composer's "Send to" row.
   * - **input** - The text box.
   * - **send** - The send button.
   * - **attachments** - The files waiting to be sent.
   * - **notice** - The line shown instead of the composer to someone who may not send.
   * - **replying** - What the next message replies to.
   * - **emoji-dialog** - The emoji picker's dialog.
   * - **new-divider** - The "New" line above the first unread message.
   * - **conversations** - The conversation switcher.
   */
  "rtk-chat": DefineComponent<RtkChatProps>;

  /**
   * A list of conversations to switch between, with unread counts.
   * ---
   *
   *
   * ### **Events:**
   *  - **rtk-conversation-change** - When the user chooses another conversation; cancelable.
   *
   * ### **CSS Properties:**
   *  - **--rtk-conversation-switcher-selected-color** - Marks the chosen conversation. _(default: var(--rtk-color-accent))_
   *
   * ### **CSS Parts:**
   *  - **base** - The wrapper.
   * - **list** - The list of conversations.
   * - **option** - One conversation.
   * - **name** - A conversation's name.
   * - **hint** - What tells two people of the same name apart.
   * - **status** - "not in the meeting", for someone who left.
   * - **count** - The unread count of a conversation.
   * - **mention** - The `@` mark on a count when a message there mentions the local user.
   */
  "rtk-conversation-switcher": DefineComponent<RtkConversationSwitcherProps>;

  /**
   * A button that downloads the chat as CSV.
   * ---
   *
   *
   * ### **Events:**
   *  - **rtk-chat-export** - When the download started; its `detail` says how many messages it wrote, and whether that is the whole session.
   * - **rtk-chat-export-error** - When exporting failed (not when it was canceled).
   *
   * ### **Methods:**
   *  - **export(options: _{ signal?: AbortSignal }_): _Promise<void>_** - Exports the chat now, as a click does. Resolves when the download started, failed or was
   * canceled. `signal` cancels it, as a click on the button while it exports does.
   * - **cancel(): _void_** - Cancels the export that is running, if any; nothing is downloaded and the button says so.
   *
   * ### **Slots:**
   *  - _default_ - The button's label; `Export chat` by default.
   *
   * ### **CSS Parts:**
   *  - **base** - The wrapper.
   * - **button** - The button.
   * - **progress** - The progress shown while exporting.
   * - **status** - What the last export did (a polite live region).
   * - **error** - The error text.
   */
  "rtk-chat-export-button": DefineComponent<RtkChatExportButtonProps>;

  /**
   * Provides a meeting to the kit's elements inside it.
   * ---
   *
   *
   * ### **Slots:**
   *  - _default_ - The elements that use the meeting.
   */
  "rtk-meeting-provider": DefineComponent<RtkMeetingProviderProps>;

  /**
   * The pinned messages of a meeting.
   * ---
   *
   *
   * ### **Events:**
   *  - **rtk-message-select** - When the user chooses a pinned message; an `<rtk-chat>` on the same meeting jumps to it unless canceled.
   * - **rtk-message-pin** - Before a message is unpinned; cancel it to keep the pin.
   * - **rtk-message-error** - When the SDK refused to unpin.
   *
   * ### **CSS Properties:**
   *  - **--rtk-pinned-messages-max-height** - How tall the list grows before it scrolls. _(default: 18rem)_
   *
   * ### **CSS Parts:**
   *  - **base** - The wrapper.
   * - **toggle** - The header button that collapses and expands the list.
   * - **list** - The list of pinned messages.
   * - **item** - Each pinned message.
   * - **unpin** - Each unpin button.
   * - **empty** - The text shown when nothing is pinned.
   * - **edited** - The "edited" marker of a message changed since it was sent (its author may edit it after it was pinned).
   */
  "rtk-pinned-messages": DefineComponent<RtkPinnedMessagesProps>;
};

declare module "vue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface GlobalComponents extends CustomElements {}
}

declare global {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-interface
    interface IntrinsicElements extends CustomElements {}
  }
}
