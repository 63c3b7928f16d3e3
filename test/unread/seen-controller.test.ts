import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import { property } from 'lit/decorators.js';

import { EVERYONE, inConversation } from '../../src/conversations/conversations.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { chatMessages } from '../../src/meeting/chat-queries.js';
import type { ChatMeeting } from '../../src/meeting/contract.js';
import { MeetingController } from '../../src/meeting/meeting-controller.js';
import { SeenController } from '../../src/unread/seen-controller.js';
import { UnreadController } from '../../src/unread/unread-controller.js';
import type { UnreadStore } from '../../src/unread/unread-store.js';
import { incoming, joinedMeeting, waitFor } from '../helpers.js';

/** A small list as a panel would have one: a scrolling list that follows the newest message while at the bottom. */
class SeenTestList extends LitElement {
  static override styles = css`
    :host {
      display: block;
      width: 300px;
    }
    :host([hidden]) {
      display: none;
    }
    .list {
      height: 200px;
      overflow: auto;
    }
    .item {
      height: 40px;
      margin: 0;
    }
  `;

  @property({ attribute: false }) meeting: ChatMeeting | undefined;
  @property() conversation = EVERYONE;

  readonly unread = new UnreadController(this, () => this.meeting);
  readonly seen = new SeenController(this, {
    store: () => this.unread.store,
    conversation: () => this.conversation,
    root: () => this.renderRoot.querySelector('.list'),
    messageElements: () => this.renderRoot.querySelectorAll('[data-id]'),
    messageId: (element) => (element as HTMLElement).dataset.id,
  });
  /** Whether the list stays at its newest message. */
  follow = true;

  constructor() {
    super();
    new MeetingController(this, () => this.meeting);
  }

  get list(): HTMLElement {
    return this.renderRoot.querySelector('.list')!;
  }

  protected override updated(): void {
    if (this.follow) this.list.scrollTop = this.list.scrollHeight;
  }

  private onScroll = () => {
    this.follow = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 2;
  };

  protected override render() {
    const self = this.meeting?.self.userId;
    const shown = chatMessages(this.meeting?.chat).filter((message) => inConversation(message, this.conversation, self));
    return html`<div class="list" @scroll=${this.onScroll}>
      ${shown.map(
        (message) => html`${message.id === this.seen.divider ? html`<hr class="divider" />` : ''}
          <p class="item" data-id=${message.id}>${message.displayName}: ${message.message}</p>`,
      )}
    </div>`;
  }
}
customElements.define('seen-test-list', SeenTestList);

declare global {
  interface HTMLElementTagNameMap {
    'seen-test-list': SeenTestList;
  }
}

/** Lets the browser lay out and deliver its observers' reports. */
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) await nextFrame();
}

/** Makes the page look like a background tab (or a foreground one again). */
function setPageVisibility(state: DocumentVisibilityState | undefined): void {
  if (state === undefined) delete (document as { visibilityState?: unknown }).visibilityState;
  else Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('SeenController', () => {
  let meeting: LocalMeeting;
  let element: SeenTestList;
  let store: UnreadStore;

  beforeEach(async () => {
    meeting = await joinedMeeting({ seed: Array.from({ length: 12 }, (_, i) => ({ message: `history ${i}`, userId: 'user-dana', displayName: 'Dana' })) });
    element = await fixture<SeenTestList>(html`<seen-test-list .meeting=${meeting}></seen-test-list>`);
    store = element.unread.store!;
    await settle();
  });

  afterEach(async () => {
    setPageVisibility(undefined);
    await meeting.leave();
  });

  it('sees a message that arrives in view', async () => {
    let changes = 0;
    store.addEventListener('change', () => (changes += 1));
    incoming(meeting, 'in view');
    expect(store.unreadCount()).to.equal(1);
    await waitFor(() => store.unreadCount() === 0, 'the message in view was not seen');
    expect(changes).to.equal(2);
    expect(element.seen.viewing).to.equal(true);
  });

  it('keeps what arrives while the list is hidden unread, and sees it when shown, below a New divider', async () => {
    element.hidden = true;
    await settle();
    const first = incoming(meeting, 'while hidden 1');
    incoming(meeting, 'while hidden 2');
    await element.updateComplete;
    await settle();
    expect(element.seen.viewing).to.equal(false);
    expect(store.unreadCount()).to.equal(2);
    element.hidden = false;
    await waitFor(() => store.unreadCount() === 0, 'the messages were not seen once shown');
    expect(element.seen.divider).to.equal(first.id);
    await element.updateComplete;
    const divider = element.shadowRoot!.querySelector('.divider')!;
    expect((divider.nextElementSibling as HTMLElement).dataset.id).to.equal(first.id);
    // It stays while the user is there, and goes once they come back with nothing unread.
    incoming(meeting, 'while watching');
    await waitFor(() => store.unreadCount() === 0);
    expect(element.seen.divider).to.equal(first.id);
    element.hidden = true;
    await settle();
    element.hidden = false;
    await waitFor(() => element.seen.divider === undefined, 'the divider stayed after everything was read');
  });

  it('counts a list hidden by an ancestor, or of zero size, as hidden', async () => {
    const wrapper = document.createElement('div');
    element.replaceWith(wrapper);
    wrapper.append(element);
    const ways: Array<[string, () => void, () => void]> = [
      ['a hidden ancestor', () => (wrapper.style.display = 'none'), () => (wrapper.style.display = '')],
      ['zero height', () => Object.assign(element.style, { height: '0', overflow: 'hidden' }), () => (element.style.height = '')],
    ];
    for (const [way, hide, show] of ways) {
      hide();
      await settle();
      incoming(meeting, `under ${way}`);
      await settle();
      expect(store.unreadCount(), way).to.equal(1);
      show();
      await waitFor(() => store.unreadCount() === 0, `not seen once ${way} was undone`);
    }
  });

  it('keeps what arrives while the user reads older messages unread until they scroll to it', async () => {
    element.list.scrollTop = 0;
    await waitFor(() => !element.follow);
    const news = incoming(meeting, 'below the fold');
    await element.updateComplete;
    await settle();
    expect(store.isUnread(news.id)).to.equal(true);
    element.list.scrollTop = element.list.scrollHeight;
    await waitFor(() => !store.isUnread(news.id), 'the message scrolled into view was not seen');
  });

  it('keeps what arrives in a background tab unread until the tab is visible again', async () => {
    setPageVisibility('hidden');
    const news = incoming(meeting, 'while in another tab');
    await element.updateComplete;
    await settle();
    expect(element.seen.viewing).to.equal(false);
    expect(store.isUnread(news.id)).to.equal(true);
    setPageVisibility('visible');
    await waitFor(() => !store.isUnread(news.id), 'the message was not seen when the tab came back');
    expect(element.seen.divider).to.equal(news.id);
  });

  it('never counts own messages, even while hidden', async () => {
    element.hidden = true;
    await settle();
    await meeting.chat.sendTextMessage('from me');
    incoming(meeting, 'from Dana');
    await waitFor(() => meeting.chat.messages.some((m) => m.message === 'from me'));
    expect(store.unreadCount()).to.equal(1);
  });

  it('sees only the conversation it shows', async () => {
    const secret = meeting.receive({ userId: 'user-dana', displayName: 'Dana', message: 'psst', targetUserIds: ['user-dana', 'user-me'] });
    await element.updateComplete;
    await settle();
    expect(store.unreadCount('user-dana')).to.equal(1);
    element.conversation = 'user-dana';
    await waitFor(() => !store.isUnread(secret.id), 'the private message was not seen in its conversation');
    expect(element.seen.divider).to.equal(secret.id);
  });

  it('prints no Lit warnings while it tracks', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      element.hidden = true;
      incoming(meeting, 'one');
      await settle();
      element.hidden = false;
      await waitFor(() => store.unreadCount() === 0);
      element.conversation = 'user-dana';
      await settle();
      element.conversation = EVERYONE;
      incoming(meeting, 'two');
      await waitFor(() => store.unreadCount() === 0);
      await settle();
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.deep.equal([]);
  });

  it('stops tracking when the list is removed', async () => {
    const removed: string[] = [];
    const remove = document.removeEventListener;
    document.removeEventListener = function (this: Document, type: string, ...rest: [EventListenerOrEventListenerObject, (boolean | EventListenerOptions)?]) {
      removed.push(type);
      return remove.call(this, type, ...rest);
    } as typeof document.removeEventListener;
    try {
      element.remove();
    } finally {
      document.removeEventListener = remove;
    }
    expect(removed).to.include('visibilitychange');
    incoming(meeting, 'nobody is looking');
    await settle();
    expect(element.unread.store).to.equal(undefined);
    expect(store.unreadCount()).to.equal(0);
    expect(meeting.chat.listenerCount('chatUpdate')).to.equal(0);
  });
});
