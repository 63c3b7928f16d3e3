import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import type { RtkChat } from '../../src/chat/chat.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { joinedMeeting, sdkError, waitFor } from '../helpers.js';
import { attach, attachmentNames, composerNotice, input, mountChat, replaceChatMethod as replace, sendButton } from './support.js';
import { deferred, guarded } from './traps.js';

const png = (name: string) => new File([new Uint8Array([137, 80, 78, 71])], name, { type: 'image/png' });
const txt = (name: string) => new File([name], name, { type: 'text/plain' });

async function type(chat: RtkChat, text: string): Promise<void> {
  input(chat).focus();
  await sendKeys({ type: text });
}

const texts = (meeting: LocalMeeting) => meeting.chat.messages.filter((m) => m.type === 'text').map((m) => m.message);

describe('the composer when the SDK fails', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    localStorage.clear();
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  guarded('keeps the text and every attachment when an upload is refused, says so, and lets the user retry', async () => {
    const image = replace(meeting, 'sendImageMessage', () => Promise.reject(sdkError('0500')));
    const chat = await mountChat(meeting);
    await attach(chat, [png('photo.png'), txt('notes.txt')]);
    await type(chat, 'caption');
    sendButton(chat).click();
    await waitFor(() => composerNotice(chat).includes('Not sent'), 'no error shown');
    expect(attachmentNames(chat)).to.deep.equal(['photo.png', 'notes.txt']);
    expect(input(chat).value).to.equal('caption');
    expect(sendButton(chat).disabled).to.equal(false);
    expect(image.calls).to.have.length(1);
    expect(texts(meeting)).to.deep.equal([]);
  });

  guarded('sends once however often Enter and Send are pressed while a send is pending', async () => {
    const pending = deferred();
    const send = replace(meeting, 'sendTextMessage', () => pending.promise);
    const chat = await mountChat(meeting);
    await type(chat, 'once');
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Enter' });
    sendButton(chat).click();
    sendButton(chat).click();
    await chat.updateComplete;
    expect(sendButton(chat).disabled, 'Send while pending').to.equal(true);
    pending.resolve();
    await waitFor(() => !sendButton(chat).disabled, 'Send stayed disabled');
    expect(send.calls).to.deep.equal([['once', undefined]]);
    expect(input(chat).value).to.equal('');
  });

  guarded('keeps what the user typed while a send was pending', async () => {
    const pending = deferred();
    replace(meeting, 'sendTextMessage', () => pending.promise);
    const chat = await mountChat(meeting);
    await type(chat, 'first');
    await sendKeys({ press: 'Enter' });
    await type(chat, ' and more');
    pending.resolve();
    await waitFor(() => !sendButton(chat).disabled);
    await chat.updateComplete;
    expect(input(chat).value, 'the composer after the send').to.include('and more');
  });

  guarded('loses no attachment when the user removes the one that is uploading', async () => {
    const upload = deferred();
    const files = replace(meeting, 'sendFileMessage', (file) => ((file as File).name === 'a.txt' ? upload.promise : Promise.resolve()));
    const chat = await mountChat(meeting);
    await attach(chat, [txt('a.txt'), txt('b.txt'), txt('c.txt')]);
    sendButton(chat).click();
    await waitFor(() => files.calls.length === 1);
    // While a.txt uploads, the user takes it back out (too late: it is on its way).
    [...chat.shadowRoot!.querySelectorAll<HTMLButtonElement>('.attachment button')].find((b) => b.getAttribute('aria-label') === 'Remove a.txt')?.click();
    upload.resolve();
    await waitFor(() => !sendButton(chat).disabled);
    await chat.updateComplete;
    const sent = files.calls.map(([file]) => (file as File).name);
    expect([...sent, ...attachmentNames(chat)], 'sent or still waiting').to.include.members(['b.txt', 'c.txt']);
    expect(new Set(sent).size, 'files sent twice').to.equal(sent.length);
  });

  guarded('does not let a send pending on the old meeting block sending on the new one', async () => {
    const pending = deferred();
    replace(meeting, 'sendTextMessage', () => pending.promise);
    const chat = await mountChat(meeting);
    await type(chat, 'to the old meeting');
    await sendKeys({ press: 'Enter' });
    const next = await joinedMeeting();
    try {
      chat.meeting = next;
      await chat.updateComplete;
      await type(chat, 'to the new meeting');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => texts(next).includes('to the new meeting'), 'the new meeting got nothing');
    } finally {
      pending.resolve();
      await next.leave();
    }
  });

  guarded("leaves the new meeting's draft alone when a send to the old one is refused late", async () => {
    const pending = deferred();
    replace(meeting, 'sendTextMessage', () => pending.promise);
    const chat = await mountChat(meeting);
    await type(chat, 'to the old meeting');
    await sendKeys({ press: 'Enter' });
    const next = await joinedMeeting();
    try {
      chat.meeting = next;
      await chat.updateComplete;
      await type(chat, 'draft for the new meeting');
      pending.reject(sdkError('0501'));
      await waitFor(() => !sendButton(chat).disabled);
      expect(input(chat).value).to.equal('draft for the new meeting');
    } finally {
      await next.leave();
    }
  });

  guarded('shows the draft, the error and an enabled Send when a send is refused while the panel was away', async () => {
    const pending = deferred();
    replace(meeting, 'sendTextMessage', () => pending.promise);
    const chat = await mountChat(meeting);
    const parent = chat.parentElement!;
    await type(chat, 'sent from a hidden panel');
    await sendKeys({ press: 'Enter' });
    chat.remove();
    pending.reject(sdkError('0500'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    parent.append(chat);
    await chat.updateComplete;
    expect(input(chat).value).to.equal('sent from a hidden panel');
    expect(composerNotice(chat)).to.include('Not sent');
    expect(sendButton(chat).disabled).to.equal(false);
  });

  guarded('keeps the rest of a burst of attachments and the text at the file rate limit, sending none twice', async () => {
    const chat = await mountChat(meeting);
    const files = Array.from({ length: 22 }, (_, i) => txt(`file-${i}.txt`));
    await attach(chat, files);
    await type(chat, 'caption');
    sendButton(chat).click();
    await waitFor(() => composerNotice(chat).includes('too fast'), 'no rate-limit notice');
    expect(attachmentNames(chat)).to.deep.equal(['file-20.txt', 'file-21.txt']);
    expect(input(chat).value).to.equal('caption');
    expect(input(chat).disabled).to.equal(false);
    await waitFor(() => meeting.chat.messages.length === 20);
    expect(meeting.chat.messages.map((m) => m.name)).to.deep.equal(files.slice(0, 20).map((f) => f.name));
  });

  guarded('sends again once the text rate limit window reopens, each text once', async function () {
    meeting.chat.updateRateLimits(2, 1);
    const chat = await mountChat(meeting);
    for (const text of ['one', 'two', 'three']) {
      await type(chat, text);
      await sendKeys({ press: 'Enter' });
      await chat.updateComplete;
    }
    await waitFor(() => composerNotice(chat).includes('too fast'), 'no rate-limit notice');
    expect(input(chat).value).to.equal('three');
    await waitFor(() => !sendButton(chat).disabled, 'Send stayed disabled after the window');
    input(chat).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => texts(meeting).length === 3);
    expect(texts(meeting)).to.deep.equal(['one', 'two', 'three']);
  });

  guarded('resumes the rate-limit countdown when the panel is put back', async () => {
    meeting.chat.updateRateLimits(1, 2);
    const chat = await mountChat(meeting);
    const parent = chat.parentElement!;
    for (const text of ['one', 'two']) {
      await type(chat, text);
      await sendKeys({ press: 'Enter' });
      await chat.updateComplete;
    }
    await waitFor(() => composerNotice(chat).includes('too fast'), 'no rate-limit notice');
    chat.remove();
    parent.append(chat);
    await waitFor(() => !sendButton(chat).disabled && !composerNotice(chat).includes('too fast'), 'the countdown stopped: Send stays disabled');
  });
});
