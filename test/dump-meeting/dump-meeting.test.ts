import { expect, fixture, html } from '@open-wc/testing';

import '../../src/index.js';
import type { RtkChat } from '../../src/chat/chat.js';
import { ChatDumpError, parseChatDumpCsv, toChatDumpCsv } from '../../src/chat-dump/index.js';
import { createDumpMeeting, type DumpMeeting } from '../../src/dump-meeting/index.js';
import type { RtkChatExportButton } from '../../src/export-button/export-button.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import type { RtkPinnedMessages } from '../../src/pinned-messages/pinned-messages.js';
import { DUMP, HOSTILE_TEXTS, sdkMessage, T0 } from '../chat-dump/messages.js';
import { captureDownloads, deepQueryAll, openFilters, shadow, waitFor } from '../helpers.js';

const MINUTE = 60_000;

/** A session's chat with every kind of message the dump holds: texts of every hostile sort, an image, a file, a custom message, pins and edits, three senders. */
function sessionMessages(): ChatMessage[] {
  const people = [
    { userId: 'user-ada', displayName: 'Ada Lovelace' },
    { userId: 'user-bo', displayName: 'Bo Ström' },
    { userId: 'user-chen', displayName: '陈 晨' },
  ];
  const messages = HOSTILE_TEXTS.map((message, i) =>
    sdkMessage({ id: `text-${i}`, ...people[i % 3], message, timeMs: T0 + i * MINUTE, pinned: i === 3 || i === 14, isEdited: i % 5 === 0 }),
  );
  messages.push(
    sdkMessage({ id: 'image-1', type: 'image', ...people[1], link: 'https://files.example/cat.png', timeMs: T0 + 40 * MINUTE, pinned: true }),
    sdkMessage({ id: 'file-1', type: 'file', ...people[2], link: 'https://files.example/plan.pdf', name: 'plan.pdf', size: 12_345, timeMs: T0 + 41 * MINUTE }),
    sdkMessage({
      id: 'custom-1',
      type: 'custom',
      ...people[0],
      message: 'see attached',
      html: '<b>bold</b>',
      images: [{ link: 'https://files.example/a.png', type: 'image/png' }],
      timeMs: T0 + 42 * MINUTE,
    }),
    sdkMessage({ id: 'last', ...people[0], message: 'the last word', timeMs: T0 + 43 * MINUTE, isEdited: true }),
  );
  return messages;
}

/** What a message keeps through a dump: every field but those the dump has no column for. */
function comparable(message: ChatMessage): Record<string, unknown> {
  const { read: _read, targetUserIds: _targets, pluginId: _plugin, ...kept } = message;
  return { ...kept, time: message.time.getTime() };
}

/** An `<rtk-chat>` on the dump meeting, with the list settled on its newest message. */
async function chatOn(meeting: DumpMeeting): Promise<RtkChat> {
  const wrapper = await fixture<HTMLElement>(html`<div style="height: 560px; width: 420px"><rtk-chat .meeting=${meeting} locale="en-US"></rtk-chat></div>`);
  const chat = wrapper.querySelector('rtk-chat')!;
  await waitFor(() => deepQueryAll(shadow(chat), 'rtk-chat-message').length > 0, 'no message rendered');
  return chat;
}

function renderedMessage(chat: RtkChat, id: string): HTMLElement | undefined {
  return deepQueryAll<HTMLElement>(shadow(chat), `rtk-chat-message[message-id="${CSS.escape(id)}"]`)[0];
}

/** The text under `node`, shadow roots included. */
function deepText(node: Node): string {
  let text = node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : '';
  if (node instanceof Element && node.shadowRoot) text += deepText(node.shadowRoot);
  for (const child of node.childNodes) text += deepText(child);
  return text;
}

function streamOf(text: string, chunkBytes = 1000): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) controller.close();
      else controller.enqueue(bytes.slice(offset, (offset += chunkBytes)));
    },
  });
}

describe('createDumpMeeting', () => {
  const messages = sessionMessages();
  const csv = toChatDumpCsv(messages, DUMP);

  it('opens an exported dump in <rtk-chat> with the same messages (round trip)', async () => {
    const meeting = await createDumpMeeting(csv);
    expect(meeting.meta).to.deep.equal(DUMP);
    const chat = await chatOn(meeting);
    expect(chat.messages.map(comparable)).to.deep.equal(messages.map(comparable));
    const last = renderedMessage(chat, 'last')!;
    expect(shadow(last).textContent).to.include('the last word');
    expect(last.hasAttribute('edited') || shadow(last).textContent!.toLowerCase().includes('edited')).to.equal(true);
    const file = renderedMessage(chat, 'file-1')!;
    expect(shadow(file).textContent).to.include('plan.pdf');
    expect(shadow(file).textContent).to.include('陈 晨');
    expect(shadow(renderedMessage(chat, 'custom-1')!).textContent).to.include('Ada Lovelace');
    const image = renderedMessage(chat, 'image-1')!;
    expect(shadow(image).querySelector('img')?.getAttribute('src')).to.equal('https://files.example/cat.png');
  });

  it('reads the same messages from a Blob, a byte stream, a Response and parsed rows', async () => {
    const expected = messages.map(comparable);
    const fromBlob = await createDumpMeeting(new Blob([csv], { type: 'text/csv' }));
    const fromStream = await createDumpMeeting(streamOf(csv, 777));
    const fromResponse = await createDumpMeeting(new Response(csv));
    const fromRows = await createDumpMeeting(parseChatDumpCsv(csv, { protectedFormulas: true }), DUMP);
    for (const meeting of [fromBlob, fromStream, fromResponse, fromRows]) {
      expect(meeting.chat.messages.map(comparable)).to.deep.equal(expected);
      expect(meeting.meta).to.deep.equal(DUMP);
    }
  });

  it('lists the pinned messages in <rtk-pinned-messages>, without an unpin button, and jumps to one', async () => {
    const meeting = await createDumpMeeting(csv);
    const chat = await chatOn(meeting);
    const pinned = await fixture<RtkPinnedMessages>(html`<rtk-pinned-messages .meeting=${meeting}></rtk-pinned-messages>`);
    expect(pinned.messages.map((m) => m.id).sort()).to.deep.equal(['image-1', 'text-14', 'text-3']);
    const items = [...shadow(pinned).querySelectorAll<HTMLButtonElement>('[part="item"]')];
    expect(items).to.have.length(3);
    expect(shadow(pinned).querySelectorAll('[part="unpin"]')).to.have.length(0);
    const third = items.find((item) => item.textContent!.includes(HOSTILE_TEXTS[3]))!;
    third.click();
    await waitFor(() => renderedMessage(chat, 'text-3')?.hasAttribute('highlighted'), 'the pinned message was not jumped to');
  });

  it('exports exactly the dump it was opened from', async () => {
    const meeting = await createDumpMeeting(csv);
    const button = await fixture<RtkChatExportButton>(html`<rtk-chat-export-button .meeting=${meeting}></rtk-chat-export-button>`);
    const [download] = await captureDownloads(() => button.export());
    // Byte for byte, the byte order mark included.
    expect([...download.bytes]).to.deep.equal([...new TextEncoder().encode(csv)]);
    expect(download.filename).to.match(/^chat-meeting-1-session-1-/);
  });

  it('is read-only: the composer is disabled with the reason, and no message offers an action', async () => {
    const meeting = await createDumpMeeting(csv);
    const chat = await chatOn(meeting);
    // Nothing to type into or send with, and the reason said (the composer's own markup aside).
    const composer = deepQueryAll<HTMLElement>(shadow(chat), '[part="composer"]')[0];
    expect(deepText(composer)).to.include('You may not send messages');
    for (const box of deepQueryAll<HTMLTextAreaElement>(shadow(chat), 'textarea')) expect(box.disabled).to.equal(true);
    for (const send of deepQueryAll<HTMLButtonElement>(shadow(chat), '[part="send"]')) expect(send.disabled).to.equal(true);
    const rendered = deepQueryAll<HTMLElement>(shadow(chat), 'rtk-chat-message');
    expect(rendered.length).to.be.greaterThan(0);
    for (const message of rendered) expect(shadow(message).querySelector('[part="actions"]')).to.equal(null);
    const refused = await meeting.chat.sendTextMessage('hello').catch((error: { code?: string }) => error);
    expect((refused as { code?: string }).code).to.equal('0501');
    const unpin = await meeting.chat.unpin('text-3').catch((error: { code?: string }) => error);
    expect((unpin as { code?: string }).code).to.equal('0501');
    await expect(chat).to.be.accessible();
  });

  it('filters by sender and type, and lists the dump senders in the sender filter', async () => {
    const meeting = await createDumpMeeting(csv);
    expect(meeting.participants.joined.toArray().map((p) => p.name)).to.deep.equal(['Ada Lovelace', 'Bo Ström', '陈 晨']);
    const chat = await chatOn(meeting);
    chat.filterUserId = 'user-bo';
    await chat.updateComplete;
    expect(chat.messages.length).to.be.greaterThan(0);
    expect(chat.messages.every((m) => m.userId === 'user-bo')).to.equal(true);
    chat.filterUserId = undefined;
    chat.filterType = 'image';
    await chat.updateComplete;
    expect(chat.messages.map((m) => m.id)).to.deep.equal(['image-1']);
    chat.filterType = undefined;
    await chat.updateComplete;
    await openFilters(chat);
    const picker = shadow(chat).querySelector<HTMLSelectElement>('.filters select')!;
    picker.focus();
    await chat.updateComplete;
    expect([...picker.options].map((o) => o.textContent!.trim())).to.deep.equal(['Anyone', 'Ada Lovelace', 'Bo Ström', '陈 晨']);
  });

  it('jumps to the oldest message and highlights it', async () => {
    const meeting = await createDumpMeeting(csv);
    const chat = await chatOn(meeting);
    expect(await chat.scrollToMessage('text-0')).to.equal(true);
    await waitFor(() => renderedMessage(chat, 'text-0')?.hasAttribute('highlighted'), 'the first message was not highlighted');
  });

  it('shows a dump of a given person as their own messages', async () => {
    const meeting = await createDumpMeeting(csv, { self: { userId: 'user-ada', name: 'Ada Lovelace' } });
    const chat = await chatOn(meeting);
    await waitFor(() => renderedMessage(chat, 'last'));
    expect(renderedMessage(chat, 'last')!.hasAttribute('own')).to.equal(true);
  });

  it('reads formula cells right whether the dump was protected or not', async () => {
    const texts = ['=1+1', '+1', '-1', "'=quoted", "'just an apostrophe", 'a;=b'];
    const rows = texts.map((message, i) => sdkMessage({ id: `f-${i}`, message, timeMs: T0 + i }));
    for (const protectFormulas of [true, false]) {
      const meeting = await createDumpMeeting(toChatDumpCsv(rows, { ...DUMP, protectFormulas }));
      expect(meeting.chat.messages.map((m) => m.message)).to.deep.equal(texts);
    }
    const unprotected = toChatDumpCsv(rows, { ...DUMP, protectFormulas: false });
    const forced = await createDumpMeeting(unprotected, { protectedFormulas: true });
    expect(forced.chat.messages[3].message).to.equal('=quoted');
  });

  it('reads a dump with only its header as a meeting without messages', async () => {
    const meeting = await createDumpMeeting(toChatDumpCsv([], DUMP));
    expect(meeting.chat.messages).to.deep.equal([]);
    const chat = await fixture<RtkChat>(html`<rtk-chat style="height: 400px" .meeting=${meeting}></rtk-chat>`);
    expect(shadow(chat).querySelector('.empty')!.textContent).to.include('No messages');
  });

  it('names the line of a malformed row, counted over the whole dump', async () => {
    const many = Array.from({ length: 6000 }, (_, i) => sdkMessage({ id: `m-${i}`, message: i % 7 === 0 ? 'two\nlines' : `message ${i}`, timeMs: T0 + i }));
    const rows = toChatDumpCsv(many, DUMP).split('\r\n');
    const before = rows.slice(0, 5000).join('\r\n');
    const broken = `${before}\r\nm-x,u,s,m,Name,maybe,false,TEXT_MESSAGE,hi,2025-01-01T00:00:00Z\r\n${rows.slice(5000).join('\r\n')}`;
    // As an editor counts: the line breaks inside every 7th message's text count too.
    const line = before.split(/\r\n|\n|\r/).length + 1;
    expect(line).to.be.greaterThan(5700);
    const error = await createDumpMeeting(broken).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ChatDumpError);
    expect((error as ChatDumpError).line).to.equal(line);
    expect((error as ChatDumpError).message).to.equal(`Line ${line}: pinned is "maybe", not true or false`);
    const missing = await createDumpMeeting('id,participantId\r\n').catch((e: unknown) => e);
    expect((missing as ChatDumpError).line).to.equal(1);
  });

  it('reads a large dump in slices, letting the page run between them', async () => {
    const many = Array.from({ length: 30_000 }, (_, i) => sdkMessage({ id: `m-${i}`, userId: `u-${i % 40}`, displayName: `Person ${i % 40}`, message: `message number ${i}, with some words`, timeMs: T0 + i * 1000 }));
    const big = toChatDumpCsv(many, DUMP);
    const progress: number[] = [];
    // A frame drawn while the dump is being read: the page was not blocked until the end.
    let ranBetween = false;
    const drawn = () => {
      if (progress.length > 0 && progress.at(-1)! < many.length) ranBetween = true;
      else if (progress.at(-1) !== many.length) requestAnimationFrame(drawn);
    };
    requestAnimationFrame(drawn);
    const meeting = await createDumpMeeting(big, { onProgress: (count) => progress.push(count) });
    expect(meeting.chat.messages).to.have.length(many.length);
    expect(meeting.chat.messages[29_999].message).to.equal('message number 29999, with some words');
    expect(progress.length).to.be.greaterThan(2);
    expect(progress.at(-1)).to.equal(many.length);
    expect(ranBetween).to.equal(true);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const many = Array.from({ length: 20_000 }, (_, i) => sdkMessage({ id: `m-${i}`, message: `message ${i}`, timeMs: T0 + i }));
    const reading = createDumpMeeting(toChatDumpCsv(many, DUMP), { signal: controller.signal, onProgress: () => controller.abort(new Error('stop')) });
    const error = await reading.catch((e: unknown) => e);
    expect((error as Error).message).to.equal('stop');
  });
});
