import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../src/index.js';
import type { RtkChat } from '../../src/chat/chat.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import { createLocalMeeting, type LocalMeeting } from '../../src/local-meeting/index.js';
import { countNodes, deepQueryAll, incoming, joinedMeeting, sdkError, shadow, waitFor } from '../helpers.js';

async function mount(meeting: LocalMeeting | undefined, attributes = ''): Promise<RtkChat> {
  const element = await fixture<RtkChat>(html`<div style="height: 600px; width: 420px"><rtk-chat .meeting=${meeting} locale="en-US"></rtk-chat></div>`);
  const chat = element.querySelector('rtk-chat')!;
  for (const pair of attributes.split(' ').filter(Boolean)) {
    const [name, value] = pair.split('=');
    chat.setAttribute(name, value);
  }
  await chat.updateComplete;
  return chat;
}

function shown(chat: RtkChat): string[] {
  return deepQueryAll(shadow(chat), 'rtk-chat-message').map((m) => m.getAttribute('message-id')!);
}

function input(chat: RtkChat): HTMLTextAreaElement {
  return shadow(chat).querySelector('textarea[part="input"]')!;
}

async function type(chat: RtkChat, text: string): Promise<void> {
  input(chat).focus();
  await sendKeys({ type: text });
}

function alertText(chat: RtkChat): string {
  return shadow(chat).querySelector('.composer [role="alert"]')?.textContent ?? '';
}

describe('rtk-chat', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    localStorage.clear();
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  describe('the list', () => {
    it('shows the messages and stays live through add, edit and delete', async () => {
      const first = incoming(meeting, 'hello');
      const chat = await mount(meeting);
      await waitFor(() => shown(chat).includes(first.id));
      const second = incoming(meeting, 'second');
      await waitFor(() => shown(chat).includes(second.id), 'the new message did not appear');

      await meeting.chat.sendTextMessage('typo');
      const own = await waitFor(() => meeting.chat.messages.find((m) => m.message === 'typo'));
      await meeting.chat.editTextMessage(own.id, 'fixed');
      await waitFor(() => deepQueryAll(shadow(chat), `rtk-chat-message[message-id="${own.id}"]`)[0]?.shadowRoot?.textContent?.includes('fixed'), 'edit not shown');
      await meeting.chat.deleteMessage(own.id);
      await waitFor(() => !shown(chat).includes(own.id), 'delete not shown');
      expect(shown(chat)).to.deep.equal([first.id, second.id]);
    });

    it('shows what the meeting holds once it has joined, though no chat event said so', async () => {
      const late = createLocalMeeting({ room: `late-${Date.now()}`, seed: 5, autoJoin: false, joinWaitMs: 5, logger: { warn() {}, error() {} } });
      const chat = await mount(late);
      expect(shown(chat)).to.have.length(0);
      await late.join();
      await waitFor(() => shown(chat).length === 5, 'the join-time history was not shown');
      await late.leave();
    });

    it('follows a change of meeting and leaves no listener on the old one', async () => {
      const before = meeting.chat.listenerCount('chatUpdate');
      const chat = await mount(meeting);
      expect(meeting.chat.listenerCount('chatUpdate')).to.equal(before + 1);
      const other = await joinedMeeting();
      const there = incoming(other, 'elsewhere');
      chat.meeting = other;
      await waitFor(() => shown(chat).includes(there.id));
      expect(meeting.chat.listenerCount('chatUpdate')).to.equal(before);
      chat.remove();
      expect(other.chat.listenerCount('chatUpdate')).to.equal(0);
      await other.leave();
    });

    it('opens at the newest message when given a meeting that already has a history', async () => {
      for (let i = 0; i < 100; i++) incoming(meeting, `history ${i}`);
      const chat = await mount(undefined);
      chat.meeting = meeting;
      const newest = meeting.chat.messages.at(-1)!.id;
      const list = shadow(chat).querySelector('[part="list"]')!;
      const visible = () => {
        const element = deepQueryAll(shadow(chat), `rtk-chat-message[message-id="${newest}"]`)[0];
        return element && element.getBoundingClientRect().bottom <= list.getBoundingClientRect().bottom + 1;
      };
      await waitFor(visible, 'the newest message is not in view');
      expect(shown(chat)).to.not.include(meeting.chat.messages[0].id);
    });

    it('keeps the DOM small with 10,000 messages, showing the newest', async () => {
      const many: ChatMessage[] = [];
      for (let i = 0; i < 10_000; i++) many.push({ ...incoming(meeting, `message ${i}`) });
      meeting.chat.messages = many;
      const chat = await mount(meeting);
      const newest = many.at(-1)!.id;
      await waitFor(() => shown(chat).includes(newest), 'the newest message is not rendered');
      expect(countNodes(chat)).to.be.below(1000);
    });

    it('keeps the DOM bounded while messages keep arriving', async () => {
      const chat = await mount(meeting);
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (let i = 0; i < 30; i++) {
        incoming(meeting, `warming ${i}`);
        await frame();
      }
      const settled = countNodes(chat);
      for (let i = 0; i < 150; i++) {
        incoming(meeting, `arriving ${i}`);
        await frame();
      }
      // The list shows a window of messages: after 150 more, the panel is about as large as before.
      expect(countNodes(chat)).to.be.below(settled * 1.2);
    });

    it('does not move what the user reads and offers to jump to new messages', async () => {
      for (let i = 0; i < 60; i++) incoming(meeting, `old ${i}`);
      const chat = await mount(meeting);
      const list = shadow(chat).querySelector<HTMLElement>('[part="list"]')!;
      await waitFor(() => list.scrollHeight > list.clientHeight);
      list.dispatchEvent(new WheelEvent('wheel', { deltaY: -5000 }));
      list.scrollTop = 0;
      await waitFor(() => shown(chat).some((id) => id === meeting.chat.messages[0].id));
      const top = list.scrollTop;
      incoming(meeting, 'new 1');
      incoming(meeting, 'new 2');
      const jump = await waitFor(() => shadow(chat).querySelector<HTMLButtonElement>('[part="new-messages"]'), 'no new-messages button');
      expect(jump.textContent).to.include('2 new messages');
      expect(list.scrollTop).to.equal(top);
      jump.click();
      const newest = meeting.chat.messages.at(-1)!.id;
      await waitFor(() => shown(chat).includes(newest), 'did not jump to the newest');
      await waitFor(() => !shadow(chat).querySelector('[part="new-messages"]'));
    });

    it('jumps to a message by id and highlights it', async () => {
      const target = incoming(meeting, 'the target');
      for (let i = 0; i < 80; i++) incoming(meeting, `later ${i}`);
      const chat = await mount(meeting);
      expect(await chat.scrollToMessage(target.id)).to.equal(true);
      const element = await waitFor(() => deepQueryAll(shadow(chat), `rtk-chat-message[message-id="${target.id}"]`)[0]);
      expect(element.hasAttribute('highlighted')).to.equal(true);
      expect(await chat.scrollToMessage('no-such-id')).to.equal(false);
    });

    it('filters by type and by participant, from attributes', async () => {
      const text = incoming(meeting, 'words');
      const file = meeting.receive({ type: 'file', link: 'https://f.example/a.txt', name: 'a.txt', size: 3, userId: 'user-eve', displayName: 'Eve' });
      const chat = await mount(meeting, 'filter-type=file');
      await waitFor(() => shown(chat).length === 1);
      expect(shown(chat)).to.deep.equal([file.id]);
      chat.removeAttribute('filter-type');
      chat.setAttribute('filter-user-id', 'user-dana');
      await waitFor(() => shown(chat).length === 1 && shown(chat)[0] === text.id, 'user filter not applied');
    });
  });

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
      expect(shadow(chat).activeElement).to.equal(input(chat));
    });

    it('does not send on Enter while an input method is composing', async () => {
      const chat = await mount(meeting);
      await type(chat, 'にほん');
      input(chat).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
      await chat.updateComplete;
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
      await chat.updateComplete;
      expect(input(chat).value).to.equal('important');
      expect(alertText(chat)).to.include("don't have permission");
      meeting.chat.sendTextMessage = send;
      [...shadow(chat).querySelectorAll('button')].find((b) => b.textContent === 'Retry')!.click();
      await waitFor(() => meeting.chat.messages.some((m) => m.message === 'important'), 'retry did not send');
      expect(input(chat).value).to.equal('');
    });

    it('says when a text is too long, keeping it', async () => {
      meeting.chat.setMaxTextLimit(20);
      const chat = await mount(meeting);
      await type(chat, 'x'.repeat(25));
      expect(shadow(chat).querySelector('.counter')!.textContent).to.include('5 characters too many');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => alertText(chat).includes('at most 20 characters'));
      expect(input(chat).value).to.have.length(25);
    });

    it('counts down at the rate limit, keeping the draft', async () => {
      meeting.chat.updateRateLimits(1, 60);
      const chat = await mount(meeting);
      await type(chat, 'one');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => input(chat).value === '');
      await type(chat, 'two');
      await sendKeys({ press: 'Enter' });
      const status = await waitFor(() => shadow(chat).querySelector('.composer-status .warning'), 'no rate-limit notice');
      expect(status.textContent).to.match(/send again in \d+ s/);
      expect(shadow(chat).querySelector<HTMLButtonElement>('[part="send"]')!.disabled).to.equal(true);
      expect(input(chat).value).to.equal('two');
    });

    it('disables writing, with a reason, for a user who may not send', async () => {
      const viewer = await joinedMeeting({
        permissions: { chatPublic: { canSend: false, text: false, files: false }, chatPrivate: { canSend: false, canReceive: true, text: false, files: false } },
      });
      const chat = await mount(viewer);
      expect(input(chat).disabled).to.equal(true);
      expect(shadow(chat).querySelector('#composer-status')!.textContent).to.include('may not send messages');
      expect(shadow(chat).querySelector('input[type="file"]')).to.equal(null);
      await viewer.leave();
    });

    it('sends an attached image as an image and any other file as a file', async () => {
      const chat = await mount(meeting);
      const picker = shadow(chat).querySelector<HTMLInputElement>('input[type="file"]')!;
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array([137, 80, 78, 71])], 'photo.png', { type: 'image/png' }));
      files.items.add(new File(['notes'], 'notes.txt', { type: 'text/plain' }));
      picker.files = files.files;
      picker.dispatchEvent(new Event('change'));
      await chat.updateComplete;
      expect([...shadow(chat).querySelectorAll('.attachment-name')].map((n) => n.textContent)).to.deep.equal(['photo.png', 'notes.txt']);
      shadow(chat).querySelector<HTMLButtonElement>('[part="send"]')!.click();
      await waitFor(() => meeting.chat.messages.length === 2, 'attachments not sent');
      expect(meeting.chat.messages.map((m) => [m.type, m.type === 'file' ? m.name : ''])).to.deep.equal([
        ['image', ''],
        ['file', 'notes.txt'],
      ]);
      expect(shadow(chat).querySelector('.attachments')).to.equal(null);
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
      await chat.updateComplete;
      expect([...shadow(chat).querySelectorAll('.attachment-name')].map((n) => n.textContent)).to.deep.equal(['pasted.txt', 'dropped.txt']);
    });

    it('keeps unsent attachments when a send fails', async () => {
      const chat = await mount(meeting);
      meeting.chat.sendFileMessage = () => Promise.reject(sdkError('0500'));
      const picker = shadow(chat).querySelector<HTMLInputElement>('input[type="file"]')!;
      const files = new DataTransfer();
      files.items.add(new File(['x'], 'keep.txt', { type: 'text/plain' }));
      picker.files = files.files;
      picker.dispatchEvent(new Event('change'));
      await type(chat, 'with a file');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => alertText(chat).includes('Something went wrong'));
      expect([...shadow(chat).querySelectorAll('.attachment-name')].map((n) => n.textContent)).to.deep.equal(['keep.txt']);
      expect(input(chat).value).to.equal('with a file');
      expect(shadow(chat).querySelector<HTMLButtonElement>('[part="send"]')!.disabled).to.equal(false);
    });

    it('sends privately to a participant chosen by name, using their peer id', async () => {
      meeting.addParticipant({ id: 'peer-bob', userId: 'user-bob', name: 'Bob' });
      const chat = await mount(meeting);
      const select = shadow(chat).querySelector<HTMLSelectElement>('.recipient select')!;
      select.focus();
      await chat.updateComplete;
      expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Everyone', 'Bob']);
      select.value = 'peer-bob';
      select.dispatchEvent(new Event('change'));
      await chat.updateComplete;
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
      const select = shadow(chat).querySelector<HTMLSelectElement>('.recipient select')!;
      expect(select.options).to.have.length(1);
      select.focus();
      await chat.updateComplete;
      expect(select.options).to.have.length(301);
      select.value = 'peer-7';
      select.dispatchEvent(new Event('change'));
      select.blur();
      await chat.updateComplete;
      expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Everyone', 'Person 7']);
      expect(select.value).to.equal('peer-7');
    });

    it('drops a recipient who left', async () => {
      meeting.addParticipant({ id: 'peer-bob', userId: 'user-bob', name: 'Bob' });
      const chat = await mount(meeting);
      const select = shadow(chat).querySelector<HTMLSelectElement>('.recipient select')!;
      select.focus();
      await chat.updateComplete;
      select.value = 'peer-bob';
      select.dispatchEvent(new Event('change'));
      meeting.removeParticipant('peer-bob');
      await waitFor(() => !shadow(chat).querySelector('.recipient select'), 'the selector should go with the only other participant');
    });
  });

  it('shares its meeting with elements inside it', async () => {
    const element = await fixture(html`<rtk-chat .meeting=${meeting}><rtk-chat-export-button slot="header-actions"></rtk-chat-export-button></rtk-chat>`);
    incoming(meeting, 'exportable');
    const button = element.querySelector('rtk-chat-export-button')!;
    await waitFor(() => shadow(button).querySelector('button')?.getAttribute('aria-disabled') === 'false', 'the button did not get the meeting');
  });

  it('is accessible, with a log region for the messages', async () => {
    incoming(meeting, 'hello there');
    meeting.addParticipant({ id: 'peer-bob', userId: 'user-bob', name: 'Bob' });
    const chat = await mount(meeting);
    expect(shadow(chat).querySelector('[role="log"]')).to.not.equal(null);
    await expect(chat).to.be.accessible();
  });
});
