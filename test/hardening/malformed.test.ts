import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';

import type { RtkChat } from '../../src/chat/chat.js';
import type { RtkChatExportButton } from '../../src/export-button/export-button.js';
import type { RtkPinnedMessages } from '../../src/pinned-messages/pinned-messages.js';
import { composerOf, shadow, waitFor } from '../helpers.js';
import { asMeeting, sdkAdd, sdkDelete, sdkEdit, sdkMessage, sdkPin, stubMeeting, type StubMeeting } from './stub-meeting.js';
import { captureDownloads, input, mount, mountChat, panel, renderedMessage, shownIds } from './support.js';
import { guarded } from './traps.js';

/** What a server, a bridge or another client might really put in `messages`. */
const MALFORMED: unknown[] = [
  null, undefined, 42, 'a string', true, [], {},
  { id: 5, type: 'text', message: 'numeric id' },
  { id: 'no-type', message: 'no type' },
  { id: 'type-number', type: 5 },
  { id: 'text-without-text', type: 'text' },
  { id: 'text-number', type: 'text', message: 42 },
  { id: 'text-object', type: 'text', message: { text: 'nested' } },
  { id: 'image-number', type: 'image', link: 5 },
  { id: 'file-wrong', type: 'file', name: {}, size: 'big', link: [] },
  { id: 'sender-wrong', type: 'text', message: 'x', displayName: 7, userId: null },
  { id: 'time-words', type: 'text', message: 'x', time: 'yesterday' },
  { id: 'time-object', type: 'text', message: 'x', time: {}, timeMs: 'soon' },
  { id: 'time-nan', type: 'text', message: 'x', time: new Date(Number.NaN) },
  { id: 'time-huge', type: 'text', message: 'x', timeMs: 1e20 },
  { id: 'time-edge', type: 'text', message: 'x', timeMs: -8.64e15 },
  { id: 'targets-string', type: 'text', message: 'x', targetUserIds: 'user-me' },
  { id: 'targets-junk', type: 'text', message: 'x', targetUserIds: [null, 5, {}] },
  { id: 'flags-strings', type: 'text', message: 'x', isEdited: 'yes', pinned: 'no' },
  { id: 'custom-junk', type: 'custom', html: 5, message: ['x'], images: 'x' },
  { id: 'poll', type: 'poll' },
  { id: 'proto-type', type: '__proto__', message: 'x' },
  { id: 'constructor', type: 'constructor' },
];

const good = (id: string, fields = {}) => sdkMessage({ id, message: `good ${id}`, timeMs: Date.now(), ...fields });

/** The rest of the chat still works: a later good message shows, and sending reaches the SDK. */
async function stillWorks(stub: StubMeeting, chat: RtkChat): Promise<void> {
  const later = good(`later-${Math.random()}`);
  sdkAdd(stub.chat!, later);
  await waitFor(() => renderedMessage(chat, later.id), 'a good message after the malformed ones did not show');
  input(chat).focus();
  await sendKeys({ type: 'still here' });
  await sendKeys({ press: 'Enter' });
  await waitFor(() => stub.chat!.calls.some(([method, text]) => method === 'sendTextMessage' && text === 'still here'), 'sending did not reach the SDK');
}

describe('malformed meetings and messages', () => {
  before(() => setViewport({ width: 800, height: 3400 }));
  after(() => setViewport({ width: 800, height: 600 }));
  beforeEach(() => localStorage.clear());

  guarded('renders a readable fallback for every malformed message and keeps the chat working', async () => {
    const stub = stubMeeting([...MALFORMED, good('good-1')]);
    const chat = await mountChat(asMeeting(stub), await panel(420, 3200));
    await waitFor(() => renderedMessage(chat, 'good-1'));
    const bubbles = [...shadow(chat).querySelectorAll('rtk-chat-message')].map((m) => m.shadowRoot?.querySelector('[part="bubble"]')?.textContent?.trim() ?? '');
    expect(bubbles).to.have.length(MALFORMED.length + 1);
    expect(bubbles.filter((text) => text === ''), 'messages that show nothing').to.deep.equal([]);
    await stillWorks(stub, chat);
  });

  guarded('shows the malformed messages in the pinned list and exports the good ones', async () => {
    const stub = stubMeeting([...MALFORMED, good('good-1', { pinned: true }), { id: 'pinned-junk', pinned: true, type: 7 }]);
    const pinned = await mount<RtkPinnedMessages>('rtk-pinned-messages', asMeeting(stub));
    expect(pinned.messages.map((m) => m.id)).to.have.members(['good-1', 'pinned-junk']);
    const button = await mount<RtkChatExportButton>('rtk-chat-export-button', asMeeting(stub));
    const downloads = await captureDownloads(() => button.export());
    expect(shadow(button).querySelector('[role="alert"]')?.textContent ?? '', 'an export error').to.equal('');
    expect(downloads).to.have.length(1);
    expect(downloads[0].text).to.include('good good-1');
  });

  for (const [what, messages] of [
    ['no messages member', undefined],
    ['null messages', null],
    ['a string', 'messages'],
    ['a number', 42],
    ['an object', { length: 2, 0: good('x') }],
  ] as const) {
    guarded(`works with a chat whose messages are ${what}`, async () => {
      const stub = stubMeeting(messages);
      const chat = await mountChat(asMeeting(stub));
      expect(shownIds(chat)).to.deep.equal([]);
      stub.chat!.messages = [];
      await stillWorks(stub, chat);
    });
  }

  guarded('works with a meeting without chat, self, participants or meta, and recovers when given a chat', async () => {
    const stub = stubMeeting([good('a')]);
    stub.chat = undefined;
    stub.self = undefined;
    stub.participants = undefined;
    stub.meta = undefined;
    const element = await mountChat(asMeeting(stub));
    await waitFor(() => composerOf(element).querySelector('[role="status"]')?.textContent?.includes('Connecting'), 'no "Connecting" in the composer');
    for (const tag of ['rtk-pinned-messages', 'rtk-chat-export-button']) await mount(tag, asMeeting(stub));
    const whole = stubMeeting([good('a')]);
    element.meeting = asMeeting(whole);
    await waitFor(() => renderedMessage(element, 'a'));
    await stillWorks(whole, element);
  });

  for (const [what, toArray] of [
    ['no toArray', undefined],
    ['toArray giving undefined', () => undefined],
    ['toArray giving null', () => null],
    ['toArray giving a string', () => 'x'],
    ['entries that are not participants', () => [null, 5, {}, { id: 7, name: {} }]],
  ] as const) {
    guarded(`works when participants are malformed: ${what}`, async () => {
      const stub = stubMeeting([good('a')]);
      stub.participants!.joined!.toArray = toArray;
      const chat = await mountChat(asMeeting(stub));
      await waitFor(() => renderedMessage(chat, 'a'));
      await stillWorks(stub, chat);
    });
  }

  guarded('shows each id once, keeping its first place, whatever duplicates arrive', async () => {
    const many = Array.from({ length: 60 }, (_, i) => good(`m${i}`));
    const stub = stubMeeting([many[0], many[1], { ...many[0], message: 'again' }, ...many.slice(2)]);
    const chat = await mountChat(asMeeting(stub));
    await waitFor(() => renderedMessage(chat, 'm59'));
    sdkAdd(stub.chat!, { ...many[58], message: 'recent again' });
    sdkAdd(stub.chat!, { ...many[0], message: 'old again' });
    const tail = good('tail');
    sdkAdd(stub.chat!, tail);
    await waitFor(() => renderedMessage(chat, 'tail'));
    const bottom = shownIds(chat);
    expect(bottom.slice(-3), 'the newest messages on screen').to.deep.equal(['m58', 'm59', 'tail']);
    expect(new Set(bottom).size, 'ids on screen').to.equal(bottom.length);
    expect(await chat.scrollToMessage('m0')).to.equal(true);
    await waitFor(() => shownIds(chat)[0] === 'm0', 'the first message did not keep its first place');
  });

  guarded('ignores events for unknown ids and strange payloads', async () => {
    const stub = stubMeeting([good('a'), good('b', { pinned: true })]);
    const host = await panel();
    const chat = await mountChat(asMeeting(stub), host);
    const pinned = await mount<RtkPinnedMessages>('rtk-pinned-messages', asMeeting(stub), host);
    const c = stub.chat!;
    sdkEdit(c, good('ghost', { message: 'edited ghost' }));
    sdkDelete(c, 'ghost');
    sdkPin(c, 'ghost', true);
    c.emit('unpinMessage', { message: { id: 'ghost2' }, messages: c.messages });
    for (const payload of [undefined, null, 42, {}, { action: 'weird' }, { action: 'add', message: null, messages: c.messages }, { action: 'add', messages: 'x' }, { action: 'delete' }]) c.emit('chatUpdate', payload);
    for (const payload of [undefined, null, {}, { message: null }]) {
      c.emit('pinMessage', payload);
      c.emit('unpinMessage', payload);
    }
    await chat.updateComplete;
    expect(shownIds(chat).filter((id) => id !== 'ghost')).to.deep.equal(['a', 'b']);
    expect(pinned.messages.map((m) => m.id)).to.include('b');
    await stillWorks(stub, chat);
  });

  guarded('does not bring back a deleted message when an edit of it arrives', async () => {
    const stub = stubMeeting([good('a'), good('b', { pinned: true })]);
    const chat = await mountChat(asMeeting(stub));
    const pinned = await mount<RtkPinnedMessages>('rtk-pinned-messages', asMeeting(stub));
    sdkDelete(stub.chat!, 'b');
    sdkEdit(stub.chat!, good('b', { message: 'late edit', isEdited: true, pinned: true }));
    stub.chat!.emit('pinMessage', { message: good('b', { pinned: true }), messages: stub.chat!.messages });
    await chat.updateComplete;
    await waitFor(() => !renderedMessage(chat, 'b'), 'the deleted message came back');
    expect(pinned.messages.map((m) => m.id)).to.deep.equal([]);
  });

  guarded('keeps arrival order for out-of-order times, and reads time as a Date, a string or a number', async () => {
    const t = Date.UTC(2026, 2, 10, 12, 0, 0);
    const stub = stubMeeting([
      good('third', { userId: 'u3', timeMs: undefined, time: new Date(t + 120_000) }),
      good('first', { userId: 'u1', timeMs: undefined, time: new Date(t).toISOString() }),
      good('second', { userId: 'u2', timeMs: undefined, time: t + 60_000 }),
      good('days-before', { userId: 'u4', timeMs: undefined, time: new Date(t - 3 * 86_400_000) }),
    ]);
    const chat = await mountChat(asMeeting(stub));
    await waitFor(() => shownIds(chat).length === 4);
    expect(shownIds(chat)).to.deep.equal(['third', 'first', 'second', 'days-before']);
    const time = (id: string) => renderedMessage(chat, id)?.shadowRoot?.querySelector('time')?.getAttribute('datetime');
    expect(['first', 'second', 'third'].map(time)).to.deep.equal([t, t + 60_000, t + 120_000].map((ms) => new Date(ms).toISOString()));
    await stillWorks(stub, chat);
  });
});
