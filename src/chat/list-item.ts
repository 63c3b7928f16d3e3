import { html, nothing } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';

import { messageTimeMs } from '../format/format.js';
import type { RtkChatMessage } from '../chat-message/chat-message.js';
import type { ChatMeeting, ChatMessage } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';
import { keyedItems } from './list-keyed.js';
import { continuesGroup, dayLabel, messageKey, startsDay } from './message-list.js';

const MESSAGE_PARTS = 'base:message-base,header:message-header,bubble:message-bubble,meta:message-meta,actions:message-actions,image:message-image,file:message-file';

/** What every item of the list shares. */
export interface ListItemContext {
  /** The tag of the message element. */
  tag: StaticValue;
  meeting: ChatMeeting | undefined;
  /** The replacements the message element gets; `i18n` is every string. */
  strings: Partial<ChatStrings>;
  i18n: ChatStrings;
  locale: string | undefined;
  /** The id of the message jumped to, shown highlighted. */
  highlightId: string;
  /** The id of the first unread message, above which the "New" divider goes; '' for none. */
  dividerId: string;
  /** What the chat passes on to each message element. */
  mediaPolicy: RtkChatMessage['mediaPolicy'];
  trustedMediaOrigins: string;
  hideAvatars: boolean;
  renderCustom: RtkChatMessage['renderCustom'];
}

/**
 * The rendered window of the list, `items` from index `start` of `all`: each item kept by key, and
 * rendered again only when something it shows changed (the message, the one before it, the context).
 */
export function renderItems(context: ListItemContext, items: readonly ChatMessage[], start: number, all: readonly ChatMessage[]) {
  const previous = (i: number) => all[start + i - 1];
  return keyedItems(
    items,
    messageKey,
    (message, i) => listItem(context, message, previous(i)),
    (message, i) => [message, previous(i), ...Object.values(context)],
  );
}

/** What one item of the list holds: a date separator where a day starts, and the message, grouped under the one before where it continues it. */
export function listItem(context: ListItemContext, message: ChatMessage, previous: ChatMessage | undefined) {
  const time = messageTimeMs(message);
  const day = time !== undefined && startsDay(previous, message);
  const separator = day ? html`<div part="day" class="day" role="separator"><span>${dayLabel(time, context.locale, context.i18n)}</span></div>` : nothing;
  const divider = context.dividerId === message.id ? html`<div part="new-divider" class="new-divider" role="separator"><span>${context.i18n.newDivider}</span></div>` : nothing;
  const { tag } = context;
  // No whitespace between tags: it would be DOM nodes in every rendered item.
  return staticHtml`${separator}${divider}<${tag} part="message" exportparts=${MESSAGE_PARTS} .message=${message} .meeting=${context.meeting} .strings=${context.strings} .locale=${context.locale} .mediaPolicy=${context.mediaPolicy} .trustedMediaOrigins=${context.trustedMediaOrigins} .hideAvatars=${context.hideAvatars} .renderCustom=${context.renderCustom} ?grouped=${!day && continuesGroup(previous, message)} ?highlighted=${context.highlightId !== '' && message.id === context.highlightId}></${tag}>`;
}
