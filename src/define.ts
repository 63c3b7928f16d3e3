import { unsafeStatic } from 'lit/static-html.js';

import { RtkAvatar } from './avatar/avatar.js';
import { RtkChat } from './chat/chat.js';
import { RtkChatComposer } from './chat-composer/chat-composer.js';
import { RtkChatToggle } from './chat-toggle/chat-toggle.js';
import { RtkConversationSwitcher } from './conversation-switcher/conversation-switcher.js';
import { RtkChatMessage } from './chat-message/chat-message.js';
import { RtkChatExportButton } from './export-button/export-button.js';
import { RtkMeetingProvider } from './meeting-provider/meeting-provider.js';
import { RtkPinnedMessages } from './pinned-messages/pinned-messages.js';

/**
 * Registers the kit's elements as `<prefix>-chat`, `<prefix>-chat-message`, … A name that is
 * already registered is left alone, so loading the kit twice does not throw. Use another prefix
 * where the `rtk-` names are taken, e.g. by Cloudflare's own UI kit: `defineChatElements('kit')`.
 */
export function defineChatElements(prefix = 'rtk'): void {
  const messageTag = `${prefix}-chat-message`;
  const composerTag = `${prefix}-chat-composer`;
  const chat = prefix === 'rtk' ? RtkChat : class extends RtkChat {
    static override messageTag = unsafeStatic(messageTag);
    static override composerTag = unsafeStatic(composerTag);
    static override switcherTag = unsafeStatic(`${prefix}-conversation-switcher`);
  };
  const message = prefix === 'rtk' ? RtkChatMessage : class extends RtkChatMessage {
    static override avatarTag = unsafeStatic(`${prefix}-avatar`);
  };
  // The provider first: tags already in the page upgrade as their names are registered and ask
  // for their meeting at once; a provider registered after them would never hear the request.
  const elements: Array<[string, CustomElementConstructor]> = [
    [`${prefix}-meeting-provider`, RtkMeetingProvider],
    [`${prefix}-chat`, chat],
    [messageTag, message],
    [`${prefix}-avatar`, RtkAvatar],
    [composerTag, RtkChatComposer],
    [`${prefix}-chat-toggle`, RtkChatToggle],
    [`${prefix}-conversation-switcher`, RtkConversationSwitcher],
    [`${prefix}-pinned-messages`, RtkPinnedMessages],
    [`${prefix}-chat-export-button`, RtkChatExportButton],
  ];
  for (const [name, element] of elements) {
    if (customElements.get(name)) continue;
    // A class can back one name only: under another prefix, each element gets a subclass.
    customElements.define(name, prefix === 'rtk' || element === chat || element === message ? element : class extends (element as typeof HTMLElement) {});
  }
}
