import { expect } from '@open-wc/testing';

import type { LocalMeeting } from '../../src/local-meeting/index.js';
import type { ChatMeeting } from '../../src/meeting/contract.js';
import { incoming, joinedMeeting } from '../helpers.js';
import { panel } from './support.js';
import { guarded } from './traps.js';

type Kit = HTMLElement & { meeting?: ChatMeeting; updateComplete: Promise<unknown> };

/** Every listener the meeting can hold, by emitter and event. */
function meetingListeners(meeting: LocalMeeting): Record<string, number> {
  return {
    'chat chatUpdate': meeting.chat.listenerCount('chatUpdate'),
    'chat pinMessage': meeting.chat.listenerCount('pinMessage'),
    'chat unpinMessage': meeting.chat.listenerCount('unpinMessage'),
    'chat *': meeting.chat.listenerCount('*'),
    'self roomJoined': meeting.self.listenerCount('roomJoined'),
    'self roomLeft': meeting.self.listenerCount('roomLeft'),
    'permissions chatUpdate': meeting.self.permissions.listenerCount('chatUpdate'),
    'participants participantJoined': meeting.participants.joined.listenerCount('participantJoined'),
    'participants participantLeft': meeting.participants.joined.listenerCount('participantLeft'),
  };
}

/** Counts the listeners the page's `document` and `window` hold, as added and removed from now on. */
function watchPageListeners(): { held(): Record<string, number>; stop(): void } {
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const held = new Map<string, Set<unknown>>();
  const key = (target: EventTarget, type: string, options?: boolean | EventListenerOptions) =>
    `${target === document ? 'document' : 'window'} ${type}${(typeof options === 'boolean' ? options : options?.capture) ? ' (capture)' : ''}`;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if ((this === document || this === window) && listener && !(typeof options === 'object' && options.once)) {
      const k = key(this, type, options);
      held.set(k, (held.get(k) ?? new Set()).add(listener));
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    if (this === document || this === window) held.get(key(this, type, options))?.delete(listener);
    return remove.call(this, type, listener, options);
  };
  return {
    held: () => Object.fromEntries([...held].filter(([, set]) => set.size > 0).map(([k, set]) => [k, set.size])),
    stop() {
      EventTarget.prototype.addEventListener = add;
      EventTarget.prototype.removeEventListener = remove;
    },
  };
}

const TAGS = ['rtk-chat', 'rtk-chat-message', 'rtk-chat-composer', 'rtk-pinned-messages', 'rtk-chat-export-button', 'rtk-chat-toggle', 'rtk-conversation-switcher'];

describe('mounting and removing each element 1,000 times against one meeting', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    meeting = await joinedMeeting();
    const message = incoming(meeting, 'something to show');
    await meeting.chat.pin(message.id);
  });

  afterEach(() => meeting.leave());

  for (const tag of TAGS) {
    guarded(`leaves no listener on the meeting or the page: <${tag}> by property`, async () => {
      const start = meetingListeners(meeting);
      const host = await panel();
      const page = watchPageListeners();
      let mounted: Record<string, number> = {};
      try {
        for (let i = 0; i < 1000; i++) {
          const element = document.createElement(tag) as Kit;
          element.meeting = meeting;
          Object.assign(element, { message: meeting.chat.messages[0] });
          host.append(element);
          await element.updateComplete;
          if (i === 0) mounted = { ...meetingListeners(meeting), ...page.held() };
          element.remove();
        }
        expect(page.held(), 'listeners on document and window').to.deep.equal({});
        // The watch sees what it should: a subscribing element was heard while it was mounted.
        if (tag === 'rtk-chat-composer') expect(mounted['participants participantJoined']).to.equal(start['participants participantJoined'] + 1);
        // These hear the chat twice: themselves, and through the meeting's shared unread store.
        else if (tag === 'rtk-chat' || tag === 'rtk-chat-toggle' || tag === 'rtk-conversation-switcher') expect(mounted['chat chatUpdate']).to.be.above(start['chat chatUpdate']);
        else if (tag !== 'rtk-chat-message') expect(mounted['chat chatUpdate']).to.equal(start['chat chatUpdate'] + 1);
        if (tag === 'rtk-chat') expect(mounted['document rtk-message-select']).to.equal(1);
      } finally {
        page.stop();
      }
      expect(meetingListeners(meeting)).to.deep.equal(start);
    }, 90_000);
  }

  guarded('leaves no listener when every element gets its meeting from a provider, provider included', async () => {
    const start = meetingListeners(meeting);
    const host = await panel();
    const page = watchPageListeners();
    try {
      for (let i = 0; i < 1000; i++) {
        const provider = document.createElement('rtk-meeting-provider') as Kit;
        provider.meeting = meeting;
        for (const tag of ['rtk-chat', 'rtk-pinned-messages', 'rtk-chat-export-button']) provider.append(document.createElement(tag));
        host.append(provider);
        await Promise.all([provider, ...provider.children].map((element) => (element as Kit).updateComplete));
        provider.remove();
      }
      expect(page.held(), 'listeners on document and window').to.deep.equal({});
    } finally {
      page.stop();
    }
    expect(meetingListeners(meeting)).to.deep.equal(start);
  }, 90_000);
});
