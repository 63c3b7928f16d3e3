import type { ReactiveControllerHost } from 'lit';

import { RtkMentionEvent } from '../events/message-reply.js';
import { RtkUnreadChangeEvent } from '../events/unread-change.js';
import { displayName } from '../format/format.js';
import type { ChatMeeting, ChatMessage } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';
import { SeenController } from '../unread/seen-controller.js';
import { UnreadController } from '../unread/unread-controller.js';
import { mentionsByName } from '../unread/unread-store.js';

/** What the chat's attention needs from the panel. */
export interface ChatAttentionSource {
  meeting(): ChatMeeting | undefined;
  /** The conversation the list shows. */
  conversation(): string;
  /** The scrolling list. */
  list(): HTMLElement | null | undefined;
  strings(): ChatStrings;
}

/**
 * What the user has not seen yet, and what calls for them: the meeting's unread count (shared with
 * any `<rtk-chat-toggle>`), the messages seen while on screen, where the "New" divider goes, and a
 * polite announcement and an `rtk-mention` event when a message mentions the local user.
 */
export class ChatAttention {
  readonly unread: UnreadController;
  readonly seen: SeenController;
  /** What the panel says politely: who mentioned the local user last. */
  notice = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: ChatAttentionSource,
  ) {
    // The panel shows no counts (the "New" divider is the seen controller's): it tells the app of them.
    const showsCounts = false;
    this.unread = new UnreadController(
      host,
      source.meeting,
      (now, before) => {
        if (before) host.dispatchEvent(new RtkUnreadChangeEvent({ unreadCount: now.unread, mentionCount: now.mentions }));
      },
      showsCounts,
    );
    this.seen = new SeenController(host, {
      store: () => this.unread.store,
      conversation: source.conversation,
      root: source.list,
      messageElements: () => host.shadowRoot?.querySelectorAll('[part="message"]') ?? [],
      messageId: (element) => element.getAttribute('message-id') ?? undefined,
    });
  }

  /** A message from someone else arrived: if it mentions the local user, say so and tell the app. */
  arrived(message: ChatMessage): void {
    const self = this.source.meeting()?.self;
    const mentions = this.unread.store?.isMention ?? mentionsByName;
    if (!self?.userId || !mentions(message, { userId: self.userId, name: self.name ?? '' })) return;
    const strings = this.source.strings();
    const sender = displayName(message.displayName) ?? strings.unknownSender;
    this.notice = strings.mentionedYou(sender);
    this.host.requestUpdate();
    this.host.dispatchEvent(new RtkMentionEvent({ message, sender }));
  }
}
