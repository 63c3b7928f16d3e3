/** What a message says about itself: its markers, who a private one is for, and error words. */
import { html, nothing, type TemplateResult } from 'lit';

import { privateParties } from '../conversations/conversations.js';
import type { MessageAction } from '../events/message-error.js';
import { displayName } from '../format/format.js';
import { joinedParticipants } from '../meeting/chat-queries.js';
import type { ChatMeeting, ChatMessage } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';

/** The markers under a message: private (to whom), edited, pinned. */
export function renderMeta(message: ChatMessage, options: { strings: ChatStrings; private: boolean; privateTo(): string }): TemplateResult | typeof nothing {
  const { strings } = options;
  const markers: TemplateResult[] = [];
  if (options.private) markers.push(html`<span class="marker-private">${options.privateTo()}</span>`);
  if (message.isEdited) markers.push(html`<span>${strings.edited}</span>`);
  if (message.pinned) markers.push(html`<span>${strings.pinned}</span>`);
  return markers.length ? html`<div part="meta" class="meta">${markers}</div>` : nothing;
}

/** "private to Bob, You": the people a private message is for besides its sender, the local user told by id. */
export function privateNames(message: ChatMessage, meeting: ChatMeeting | undefined, strings: ChatStrings): string {
  const selfId = meeting?.self?.userId;
  const others = [...(privateParties(message) ?? [])].filter((userId) => userId !== message.userId);
  if (others.length === 0) return strings.privateMessage;
  const people = joinedParticipants(meeting);
  const names = others.map((userId) => (userId === selfId ? strings.you : (displayName(people.find((p) => p.userId === userId)?.name) ?? strings.unknownSender)));
  return strings.privateTo(names.join(', '));
}

let mentionKey = '';
let mentionList: readonly string[] = [];

/** The names `@` may mention, the same array while they stay the same (the parser caches per array). */
export function mentionNames(meeting: ChatMeeting | undefined): readonly string[] {
  const names = joinedParticipants(meeting).map((person) => person.name);
  if (meeting?.self?.name) names.push(meeting.self.name);
  const key = names.join('\u0000');
  if (key !== mentionKey) {
    mentionKey = key;
    mentionList = names;
  }
  return mentionList;
}

/** What a refused action is called in its error. */
export function failedWords(action: MessageAction, strings: ChatStrings): string {
  if (action === 'edit') return strings.editFailed;
  if (action === 'delete') return strings.deleteFailed;
  return strings.pinFailed;
}
