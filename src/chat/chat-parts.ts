import { html, nothing } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';

import { EVERYONE } from '../conversations/conversations.js';
import type { ChatMeeting } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';
import { listFilters, type ListFilterControls } from './list-filters.js';

/** The parts of the chat panel around its list: the header, the composer. */

/** The header panel open: the filters, the conversations, or none. */
export type HeaderPanel = 'filters' | 'conversations' | '';

/** What the chat's header shows and reports. */
export interface ChatHeader {
  strings: ChatStrings;
  /** The tag of the conversation switcher. */
  switcherTag: StaticValue;
  conversation: string;
  /** "Everyone", or the name of the person the conversation is with. */
  conversationName: string;
  panel: HeaderPanel;
  onPanel(panel: HeaderPanel): void;
  onConversation(event: Event): void;
  /** The filter controls, unless hidden. */
  filters: ListFilterControls | undefined;
}

/**
 * The title, then one control each for the conversation and the filters, which fold their panels
 * away so that a sidebar keeps its height for messages. A filter in use keeps its panel shown.
 */
export function renderChatHeader(header: ChatHeader) {
  const { strings, filters } = header;
  const filtering = Boolean(filters?.userId || filters?.type);
  const toggle = (panel: 'filters' | 'conversations', label: string, active: boolean) => html`
    <button
      type="button"
      class="header-toggle"
      aria-expanded=${header.panel === panel ? 'true' : 'false'}
      ?active=${active}
      @click=${() => header.onPanel(header.panel === panel ? '' : panel)}
    >
      ${label}${active ? html`<span class="dot" aria-hidden="true"></span>` : nothing}
    </button>
  `;
  const switcher = header.switcherTag;
  return html`
    <header part="header" class="header">
      <div class="header-row">
        <h2 class="title">${strings.chatLabel}</h2>
        ${toggle('conversations', header.conversationName, header.conversation !== EVERYONE)}
        ${filters ? toggle('filters', strings.filters, filtering) : nothing}
        <slot name="header-actions"></slot>
      </div>
      ${header.panel === 'conversations'
        ? staticHtml`<${switcher} part="conversations" .conversation=${header.conversation} @rtk-conversation-change=${header.onConversation}></${switcher}>`
        : nothing}
      ${filters && (header.panel === 'filters' || filtering) ? listFilters(filters) : nothing}
    </header>
  `;
}

/** The composer under the list, its parts passed on under the chat's part names. */
export function renderChatComposer(tag: StaticValue, options: { meeting: ChatMeeting | undefined; strings: Partial<ChatStrings>; locale: string | undefined; recipientId: string }) {
  return staticHtml`
    <${tag}
      part="composer"
      exportparts="base:composer-base,recipient,input,send,attachments,notice,replying,emoji-dialog"
      .meeting=${options.meeting}
      .strings=${options.strings}
      .locale=${options.locale}
      .recipientId=${options.recipientId}
    ></${tag}>
  `;
}
