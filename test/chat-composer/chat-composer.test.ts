import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../src/index.js';
import type { RtkChat } from '../../src/chat/chat.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { composerOf, deepQueryAll, joinedMeeting, sdkError, shadow, waitFor } from '../helpers.js';

async function mount(meeting: LocalMeeting | undefined): Promise<RtkChat> {
  const element = await fixture<RtkChat>(html`<div style="height: 600px; width: 420px"><rtk-chat .meeting=${meeting} locale="en-US"></rtk-chat></div>`);
  const chat = element.querySelector('rtk-chat')!;
  await chat.updateComplete;
  await settled(chat);
  return chat;
}

/** Waits for the chat and its composer to render. */
async function settled(chat: RtkChat): Promise<void> {
  await chat.updateComplete;
  await (shadow(chat).querySelector('[part="composer"]') as RtkChat | null)?.updateComplete;
}

function input(chat: RtkChat): HTMLTextAreaElement {
  return composerOf(chat).querySelector('textarea[part="input"]')!;
}

function sendButton(chat: RtkChat): HTMLButtonElement {
  return composerOf(chat).querySelector<HTMLButtonElement>('[part="send"]')!;
}

async function type(chat: RtkChat, text: string): Promise<void> {
  input(chat).focus();
  await sendKeys({ type: text });
}

function alertText(chat: RtkChat): string {
  return composerOf(chat).querySelector('[role="alert"]')?.textContent ?? '';
}

describe('rtk-chat-composer', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    localStorage.clear();
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  describe('the composer', () => {
    it('sends on Enter, makes a new line on Shift+Enter, and keeps focus in the box', async () => {
      const chat = await mount(meeting);
      await type(chat, 'line one');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Shift' });
      await type(chat, 'line two');
      expect(input(chat).value).to.equal('line one\nline two');
      const sent = oneEvent(chat, 'rtk-message-sent');
      await sendKeys({ press: 'Enter' });
      expect((await sent).detail.text).to.equal('line one\nline two');
      await waitFor(() => meeting.chat.messages.some((m) => m.message === 'line one\nline two'));
      expect(input(chat).value).to.equal('');
      expect(composerOf(chat).activeElement).to.equal(input(chat));
    });

    it('does not send on Enter while an input method is composing', async () => {
      const chat = await mount(meeting);
      await type(chat, 'にほん');
      input(chat).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
      await settled(chat);
      expect(input(chat).value).to.equal('にほん');
      expect(meeting.chat.messages).to.have.length(0);
    });

    it('keeps an unsent draft across a reload, per meeting', async () => {
      const chat = await mount(meeting);
      await type(chat, 'half a thought');
      chat.remove();
      const again = await mount(meeting);
      expect(input(again).value).to.equal('half a thought');
      const other = await joinedMeeting();
      const elsewhere = await mount(other);
      expect(input(elsewhere).value).to.equal('');
      await other.leave();
    });

    it('works when storage refuses drafts', async () => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const chat = await mount(meeting);
        await type(chat, 'still works');
        await sendKeys({ press: 'Enter' });
        await waitFor(() => meeting.chat.messages.some((m) => m.message === 'still works'));
      } finally {
        Storage.prototype.setItem = setItem;
      }
    });

    it('keeps the draft when sending fails, says why, and retries', async () => {
      const chat = await mount(meeting);
      const send = meeting.chat.sendTextMessage;
      meeting.chat.sendTextMessage = () => Promise.reject(sdkError('0501'));
      await type(chat, 'important');
      const failed = oneEvent(chat, 'rtk-message-error');
      await sendKeys({ press: 'Enter' });
      expect((await failed).detail.code).to.equal('0501');
      await settled(chat);
      expect(input(chat).value).to.equal('important');
      expect(alertText(chat)).to.include("don't have permission");
      meeting.chat.sendTextMessage = send;
      [...composerOf(chat).querySelectorAll('button')].find((b) => b.textContent === 'Retry')!.click();
      await waitFor(() => meeting.chat.messages.some((m) => m.message === 'important'), 'retry did not send');
      expect(input(chat).value).to.equal('');
    });

    it('disables Send over the length limit, saying why, and keeps the text', async () => {
      meeting.chat.setMaxTextLimit(20);
      const chat = await mount(meeting);
      await type(chat, 'x'.repeat(25));
      await settled(chat);
      expect(composerOf(chat).querySelector('.counter')!.textContent).to.include('5 characters too many');
      expect(sendButton(chat).disabled).to.equal(true);
      expect(sendButton(chat).title).to.include('5 characters too many');
      await sendKeys({ press: 'Enter' });
      await settled(chat);
      expect(alertText(chat)).to.equal('');
      expect(meeting.chat.messages).to.have.length(0);
      expect(input(chat).value).to.have.length(25);
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await settled(chat);
      expect(sendButton(chat).disabled).to.equal(false);
    });

    it('counts down at the rate limit, keeping the draft', async () => {
      meeting.chat.updateRateLimits(1, 60);
      const chat = await mount(meeting);
      await type(chat, 'one');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => input(chat).value === '');
      await type(chat, 'two');
      await sendKeys({ press: 'Enter' });
      const status = await waitFor(() => composerOf(chat).querySelector('.status .warning'), 'no rate-limit notice');
      expect(status.textContent).to.match(/send again in \d+ s/);
      expect(sendButton(chat).disabled).to.equal(true);
      expect(input(chat).value).to.equal('two');
    });

    it('shows one line saying why to a user who may not send', async () => {
      const viewer = await joinedMeeting({
        permissions: { chatPublic: { canSend: false, text: false, files: false }, chatPrivate: { canSend: false, canReceive: true, text: false, files: false } },
      });
      const chat = await mount(viewer);
      // One quiet line instead of a disabled box, a disabled button and the reason twice.
      expect(input(chat)).to.equal(null);
      expect(composerOf(chat).querySelector('[part="send"]')).to.equal(null);
      expect(composerOf(chat).querySelector('input[type="file"]')).to.equal(null);
      expect(composerOf(chat).querySelector('[part="notice"]')!.textContent).to.include('may not send messages');
      expect(composerOf(chat).textContent!.match(/may not send/g)).to.have.length(1);
      await viewer.leave();
    });

    it('sends an attached image as an image and any other file as a file', async () => {
      const chat = await mount(meeting);
      const picker = composerOf(chat).querySelector<HTMLInputElement>('input[type="file"]')!;
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array([137, 80, 78, 71])], 'photo.png', { type: 'image/png' }));
      files.items.add(new File(['notes'], 'notes.txt', { type: 'text/plain' }));
      picker.files = files.files;
      picker.dispatchEvent(new Event('change'));
      await settled(chat);
      expect([...composerOf(chat).querySelectorAll('.attachment-name')].map((n) => n.textContent)).to.deep.equal(['photo.png', 'notes.txt']);
      sendButton(chat).click();
      await waitFor(() => meeting.chat.messages.length === 2, 'attachments not sent');
      expect(meeting.chat.messages.map((m) => [m.type, m.type === 'file' ? m.name : ''])).to.deep.equal([
        ['image', ''],
        ['file', 'notes.txt'],
      ]);
      expect(composerOf(chat).querySelector('.attachments')).to.equal(null);
    });

    it('takes files pasted into the box or dropped on the panel', async () => {
      const chat = await mount(meeting);
      const pasted = new DataTransfer();
      pasted.items.add(new File(['a'], 'pasted.txt', { type: 'text/plain' }));
      input(chat).dispatchEvent(new ClipboardEvent('paste', { clipboardData: pasted, bubbles: true, cancelable: true }));
      const dropped = new DataTransfer();
      dropped.items.add(new File(['b'], 'dropped.txt', { type: 'text/plain' }));
      const panel = shadow(chat).querySelector('[part="base"]')!;
      const over = new DragEvent('dragover', { dataTransfer: dropped, bubbles: true, cancelable: true });
      panel.dispatchEvent(over);
      expect(over.defaultPrevented).to.equal(true);
      panel.dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
      await settled(chat);
      expect([...composerOf(chat).querySelectorAll('.attachment-name')].map((n) => n.textContent)).to.deep.equal(['pasted.txt', 'dropped.txt']);
    });

    it('keeps unsent attachments when a send fails', async () => {
      const chat = await mount(meeting);
      meeting.chat.sendFileMessage = () => Promise.reject(sdkError('0500'));
      const picker = composerOf(chat).querySelector<HTMLInputElement>('input[type="file"]')!;
      const files = new DataTransfer();
      files.items.add(new File(['x'], 'keep.txt', { type: 'text/plain' }));
      picker.files = files.files;
      picker.dispatchEvent(new Event('change'));
      await type(chat, 'with a file');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => alertText(chat).includes('Something went wrong'));
      expect([...composerOf(chat).querySelectorAll('.attachment-name')].map((n) => n.textContent)).to.deep.equal(['keep.txt']);
      expect(input(chat).value).to.equal('with a file');
      expect(sendButton(chat).disabled).to.equal(false);
    });

    it('sends privately to a participant chosen by name, using their peer id', async () => {
      meeting.addParticipant({ id: 'peer-bob', userId: 'user-bob', name: 'Bob' });
      const chat = await mount(meeting);
      const select = composerOf(chat).querySelector<HTMLSelectElement>('.recipient select')!;
      select.focus();
      await settled(chat);
      expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Everyone', 'Bob']);
      select.value = 'peer-bob';
      select.dispatchEvent(new Event('change'));
      await settled(chat);
      await type(chat, 'just for you');
      const sent = oneEvent(chat, 'rtk-message-sent');
      await sendKeys({ press: 'Enter' });
      expect((await sent).detail.peerIds).to.deep.equal(['peer-bob']);
      const message = await waitFor(() => meeting.chat.messages.find((m) => m.message === 'just for you'));
      expect(message.targetUserIds).to.include('user-bob');
    });

    it('holds only the chosen option in a participant picker that is not in use', async () => {
      for (let i = 0; i < 300; i++) meeting.addParticipant({ id: `peer-${i}`, userId: `user-${i}`, name: `Person ${i}` });
      const chat = await mount(meeting);
      const select = composerOf(chat).querySelector<HTMLSelectElement>('.recipient select')!;
      expect(select.options).to.have.length(1);
      select.focus();
      await settled(chat);
      expect(select.options).to.have.length(301);
      select.value = 'peer-7';
      select.dispatchEvent(new Event('change'));
      select.blur();
      await settled(chat);
      expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Everyone', 'Person 7']);
      expect(select.value).to.equal('peer-7');
    });

    it('drops a recipient who left', async () => {
      meeting.addParticipant({ id: 'peer-bob', userId: 'user-bob', name: 'Bob' });
      const chat = await mount(meeting);
      const select = composerOf(chat).querySelector<HTMLSelectElement>('.recipient select')!;
      select.focus();
      await settled(chat);
      select.value = 'peer-bob';
      select.dispatchEvent(new Event('change'));
      meeting.removeParticipant('peer-bob');
      await waitFor(() => !composerOf(chat).querySelector('.recipient select'), 'the selector should go with the only other participant');
    });
  });


  it('tells apart people who share a name in "Send to"', async () => {
    meeting.addParticipant({ id: 'peer-alex-1a2b', userId: 'user-alex-1', name: 'Alex' });
    meeting.addParticipant({ id: 'peer-alex-9f8e', userId: 'user-alex-2', name: 'Alex' });
    const element = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<rtk-chat-composer .meeting=${meeting}></rtk-chat-composer>`);
    await element.updateComplete;
    const select = element.shadowRoot!.querySelector('select')!;
    select.focus();
    await element.updateComplete;
    const names = [...select.options].map((o) => o.textContent);
    expect(names).to.deep.equal(['Everyone', 'Alex (#1a2b)', 'Alex (#9f8e)']);
  });

  describe('replies', () => {
    async function composer(): Promise<HTMLElement & { replyTo: unknown; updateComplete: Promise<unknown> }> {
      const element = await fixture<HTMLElement & { replyTo: unknown; updateComplete: Promise<unknown> }>(
        html`<rtk-chat-composer .meeting=${meeting}></rtk-chat-composer>`,
      );
      await element.updateComplete;
      return element;
    }

    it('sends the reply in the quote-reply convention Cloudflare\'s UI reads, and says what it replies to', async () => {
      const quoted = meeting.receive({ type: 'text', message: 'Are we on?', userId: 'user-dana', displayName: 'Dana' });
      const element = await composer();
      element.replyTo = quoted;
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[part="replying"]')!.textContent).to.include('Replying to Dana').and.include('Are we on?');
      element.shadowRoot!.querySelector('textarea')!.focus();
      await sendKeys({ type: 'Yes, in 5' });
      await sendKeys({ press: 'Enter' });
      const sent = await waitFor(() => meeting.chat.messages.find((m) => m.userId === 'user-me'), 'the reply was not sent');
      expect(sent.message).to.equal('<blockquote>Are we on?</blockquote>\n\nYes, in 5');
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[part="replying"]')).to.equal(null);
    });

    it('quotes a short description for an image, and Escape cancels the reply', async () => {
      const photo = meeting.receive({ type: 'image', link: 'https://example.com/p.png', userId: 'user-dana', displayName: 'Dana' });
      const element = await composer();
      element.replyTo = photo;
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('.replying-quote')!.textContent).to.equal('Photo');
      element.shadowRoot!.querySelector('textarea')!.focus();
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(element.replyTo).to.equal(undefined);
      expect(element.shadowRoot!.querySelector('[part="replying"]')).to.equal(null);
    });
  });

  it('opens the emoji picker from its button and puts the emoji into the box', async () => {
    const element = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<rtk-chat-composer .meeting=${meeting}></rtk-chat-composer>`);
    await element.updateComplete;
    const box = element.shadowRoot!.querySelector('textarea')!;
    box.focus();
    await sendKeys({ type: 'ab' });
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Emoji"]')!.click();
    const picker = await waitFor(() => deepQueryAll<HTMLElement>(element.shadowRoot!, '[role="dialog"], dialog').find((d) => (d as HTMLDialogElement).open !== false), 'no picker opened');
    const option = await waitFor(() => deepQueryAll<HTMLButtonElement>(picker, 'button.emoji')[0], 'no emoji listed');
    option.click();
    await waitFor(() => box.value.length > 2, 'the emoji did not go in');
    expect(box.value.replace(/\p{Extended_Pictographic}\p{M}*/gu, '')).to.equal('ab');
  });
});
