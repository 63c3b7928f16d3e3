'use client';
// Generated from custom-elements.json by `npm run generate` (custom-elements-manifest.config.mjs);
// edit the elements' JSDoc, not this file.
/**
 * The kit's elements as React components, made with `@lit/react`: every prop that is one of the
 * element's properties is set as that property (also after server rendering and hydration, which
 * React 19 does not do for custom elements), and its events are `onRtk…` props. Importing this
 * registers the elements.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';

import '../index.js';
import {
  RtkAvatar as RtkAvatarElement,
  RtkChat as RtkChatElement,
  RtkChatComposer as RtkChatComposerElement,
  RtkChatExportButton as RtkChatExportButtonElement,
  RtkChatMessage as RtkChatMessageElement,
  RtkChatToggle as RtkChatToggleElement,
  RtkConversationSwitcher as RtkConversationSwitcherElement,
  RtkMeetingProvider as RtkMeetingProviderElement,
  RtkPinnedMessages as RtkPinnedMessagesElement,
  type RtkChatExportErrorEvent,
  type RtkChatExportEvent,
  type RtkChatToggleEvent,
  type RtkConversationChangeEvent,
  type RtkMentionEvent,
  type RtkMessageDeleteEvent,
  type RtkMessageDeletedEvent,
  type RtkMessageEditedEvent,
  type RtkMessageErrorEvent,
  type RtkMessagePinEvent,
  type RtkMessageReplyEvent,
  type RtkMessageSelectEvent,
  type RtkMessageSentEvent,
  type RtkUnreadChangeEvent,
} from '../elements.js';

/** A participant's picture, or their initials on their colour. `<rtk-avatar>` for React. */
export const RtkAvatar = createComponent({
  tagName: 'rtk-avatar',
  elementClass: RtkAvatarElement,
  react: React,
  events: {},
  displayName: 'RtkAvatar',
});

/** The chat panel of a meeting. `<rtk-chat>` for React. */
export const RtkChat = createComponent({
  tagName: 'rtk-chat',
  elementClass: RtkChatElement,
  react: React,
  events: {
    onRtkMessageSent: 'rtk-message-sent' as EventName<RtkMessageSentEvent>,
    onRtkMessageError: 'rtk-message-error' as EventName<RtkMessageErrorEvent>,
    onRtkMessageEdited: 'rtk-message-edited' as EventName<RtkMessageEditedEvent>,
    onRtkMessageDelete: 'rtk-message-delete' as EventName<RtkMessageDeleteEvent>,
    onRtkMessageDeleted: 'rtk-message-deleted' as EventName<RtkMessageDeletedEvent>,
    onRtkMessagePin: 'rtk-message-pin' as EventName<RtkMessagePinEvent>,
    onRtkUnreadChange: 'rtk-unread-change' as EventName<RtkUnreadChangeEvent>,
    onRtkMention: 'rtk-mention' as EventName<RtkMentionEvent>,
    onRtkMessageReply: 'rtk-message-reply' as EventName<RtkMessageReplyEvent>,
  },
  displayName: 'RtkChat',
});

/** The message composer of a meeting's chat. `<rtk-chat-composer>` for React. */
export const RtkChatComposer = createComponent({
  tagName: 'rtk-chat-composer',
  elementClass: RtkChatComposerElement,
  react: React,
  events: {
    onRtkMessageSent: 'rtk-message-sent' as EventName<RtkMessageSentEvent>,
    onRtkMessageError: 'rtk-message-error' as EventName<RtkMessageErrorEvent>,
  },
  displayName: 'RtkChatComposer',
});

/** A button that downloads the chat as CSV. `<rtk-chat-export-button>` for React. */
export const RtkChatExportButton = createComponent({
  tagName: 'rtk-chat-export-button',
  elementClass: RtkChatExportButtonElement,
  react: React,
  events: {
    onRtkChatExport: 'rtk-chat-export' as EventName<RtkChatExportEvent>,
    onRtkChatExportError: 'rtk-chat-export-error' as EventName<RtkChatExportErrorEvent>,
  },
  displayName: 'RtkChatExportButton',
});

/** One chat message, with its actions. `<rtk-chat-message>` for React. */
export const RtkChatMessage = createComponent({
  tagName: 'rtk-chat-message',
  elementClass: RtkChatMessageElement,
  react: React,
  events: {
    onRtkMessageDelete: 'rtk-message-delete' as EventName<RtkMessageDeleteEvent>,
    onRtkMessageDeleted: 'rtk-message-deleted' as EventName<RtkMessageDeletedEvent>,
    onRtkMessageEdited: 'rtk-message-edited' as EventName<RtkMessageEditedEvent>,
    onRtkMessagePin: 'rtk-message-pin' as EventName<RtkMessagePinEvent>,
    onRtkMessageError: 'rtk-message-error' as EventName<RtkMessageErrorEvent>,
  },
  displayName: 'RtkChatMessage',
});

/** A chat button with the unread count. `<rtk-chat-toggle>` for React. */
export const RtkChatToggle = createComponent({
  tagName: 'rtk-chat-toggle',
  elementClass: RtkChatToggleElement,
  react: React,
  events: {
    onRtkChatToggle: 'rtk-chat-toggle' as EventName<RtkChatToggleEvent>,
    onRtkUnreadChange: 'rtk-unread-change' as EventName<RtkUnreadChangeEvent>,
  },
  displayName: 'RtkChatToggle',
});

/** A list of conversations to switch between, with unread counts. `<rtk-conversation-switcher>` for React. */
export const RtkConversationSwitcher = createComponent({
  tagName: 'rtk-conversation-switcher',
  elementClass: RtkConversationSwitcherElement,
  react: React,
  events: {
    onRtkConversationChange: 'rtk-conversation-change' as EventName<RtkConversationChangeEvent>,
  },
  displayName: 'RtkConversationSwitcher',
});

/** Provides a meeting to the kit's elements inside it. `<rtk-meeting-provider>` for React. */
export const RtkMeetingProvider = createComponent({
  tagName: 'rtk-meeting-provider',
  elementClass: RtkMeetingProviderElement,
  react: React,
  events: {},
  displayName: 'RtkMeetingProvider',
});

/** The pinned messages of a meeting. `<rtk-pinned-messages>` for React. */
export const RtkPinnedMessages = createComponent({
  tagName: 'rtk-pinned-messages',
  elementClass: RtkPinnedMessagesElement,
  react: React,
  events: {
    onRtkMessageSelect: 'rtk-message-select' as EventName<RtkMessageSelectEvent>,
    onRtkMessagePin: 'rtk-message-pin' as EventName<RtkMessagePinEvent>,
    onRtkMessageError: 'rtk-message-error' as EventName<RtkMessageErrorEvent>,
  },
  displayName: 'RtkPinnedMessages',
});
