import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import type { RtkChatMessage } from '../../src/chat-message/chat-message.js';
import type { RtkChatExportButton } from '../../src/export-button/export-button.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import type { RtkPinnedMessages } from '../../src/pinned-messages/pinned-messages.js';
import { sdkMessage } from '../chat-dump/messages.js';
import { incoming, joinedMeeting, sdkError, shadow, waitFor } from '../helpers.js';
import { buttonNamed, captureDownloads, mount, mountChat, panel, replaceChatMethod as replace, stubBackend } from './support.js';
import { deferred, guarded } from './traps.js';

const alertOf = (element: Element) => shadow(element).querySelector('[role="alert"]')?.textContent?.trim() ?? '';

/** Clicks as a user does: each click in a task of its own, so the page renders in between. */
async function clickRepeatedly(find: () => HTMLButtonElement | null | undefined, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    find()?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('message actions, history and export when the SDK fails', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  /** One of the user's own messages, on its own, with every action offered. */
  async function own(text: string): Promise<RtkChatMessage> {
    const element = await mount<RtkChatMessage>('rtk-chat-message', meeting);
    element.message = meeting.receive({ type: 'text', message: text, userId: 'user-me', displayName: 'Me' });
    await element.updateComplete;
    return element;
  }

  guarded('keeps the edited words when saving is refused, says so, and can save again', async () => {
    const edit = replace(meeting, 'editTextMessage', () => Promise.reject(sdkError('0500')));
    const element = await own('before');
    buttonNamed(element, 'Edit')!.click();
    await element.updateComplete;
    const editor = shadow(element).querySelector('textarea')!;
    editor.value = 'after';
    editor.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => alertOf(element) !== '', 'no error shown');
    expect(shadow(element).querySelector('textarea')?.value).to.equal('after');
    expect(buttonNamed(element, 'Save')!.disabled).to.equal(false);
    expect(edit.calls).to.deep.equal([[element.message!.id, 'after']]);
  });

  guarded('keeps the message when deleting is refused, says so, and Delete works again', async () => {
    const remove = replace(meeting, 'deleteMessage', () => Promise.reject(sdkError('0500')));
    const element = await own('stay');
    buttonNamed(element, 'Delete')!.click();
    await element.updateComplete;
    // The confirmation's own Delete.
    buttonNamed(element, 'Delete')!.click();
    await waitFor(() => alertOf(element) !== '', 'no error shown');
    expect(buttonNamed(element, 'Delete')!.disabled).to.equal(false);
    expect(remove.calls).to.have.length(1);
    expect(meeting.chat.messages.some((m) => m.id === element.message!.id)).to.equal(true);
  });

  for (const [action, method, button] of [
    ['pins', 'pin', 'Pin'],
    ['deletes', 'deleteMessage', 'Delete'],
    ['saves an edit', 'editTextMessage', 'Save'],
  ] as const) {
    guarded(`${action} once however often ${button} is pressed while the call hangs, then is ready again`, async () => {
      const pending = deferred();
      const calls = replace(meeting, method, () => pending.promise);
      const element = await own('act on me');
      if (button === 'Save') {
        buttonNamed(element, 'Edit')!.click();
        await element.updateComplete;
        shadow(element).querySelector('textarea')!.value = 'changed';
      }
      await clickRepeatedly(() => buttonNamed(element, button), 3);
      expect(buttonNamed(element, button)?.disabled, `${button} while pending`).to.equal(true);
      pending.resolve();
      await element.updateComplete;
      expect(calls.calls).to.have.length(1);
      await waitFor(() => !shadow(element).querySelector('button[disabled]'), 'a button stayed disabled');
    });
  }

  guarded('unpins once however often Unpin is pressed in the pinned list while unpinning hangs', async () => {
    const pending = deferred();
    const unpin = replace(meeting, 'unpin', () => pending.promise);
    meeting.receive({ type: 'text', message: 'pinned', pinned: true });
    const pinned = await mount<RtkPinnedMessages>('rtk-pinned-messages', meeting);
    await clickRepeatedly(() => shadow(pinned).querySelector<HTMLButtonElement>('.unpin'), 3);
    pending.resolve();
    await pinned.updateComplete;
    expect(unpin.calls).to.have.length(1);
  });

  guarded('keeps the pin, says why and offers Unpin again when unpinning is refused in the pinned list', async () => {
    replace(meeting, 'unpin', () => Promise.reject(sdkError('0504')));
    meeting.receive({ type: 'text', message: 'pinned', pinned: true });
    const pinned = await mount<RtkPinnedMessages>('rtk-pinned-messages', meeting);
    shadow(pinned).querySelector<HTMLButtonElement>('.unpin')!.click();
    await waitFor(() => alertOf(pinned).includes('no longer exists'));
    expect(pinned.messages).to.have.length(1);
    expect(shadow(pinned).querySelector<HTMLButtonElement>('.unpin')!.disabled).to.equal(false);
  });

  describe('older history', () => {
    guarded('stops loading, keeps the list and says so when the history call is refused', async () => {
      for (let i = 0; i < 5; i++) incoming(meeting, `now ${i}`);
      const fetches = replace(meeting, 'fetchPublicMessages', () => Promise.reject(sdkError('0500')));
      const chat = await mountChat(meeting);
      await chat.loadOlder();
      await chat.updateComplete;
      expect(fetches.calls).to.have.length(1);
      expect(shadow(chat).querySelector('.status')?.textContent ?? '').to.not.include('Loading');
      expect(await chat.scrollToMessage(meeting.chat.messages[0].id)).to.equal(true);
      const notice = [...shadow(chat).querySelectorAll('.list-wrap [role="status"], .list-wrap [role="alert"]')].map((n) => n.textContent).join('');
      expect(notice, 'a notice that earlier messages could not be loaded').to.match(/earlier|older|history/i);
    });

    guarded("loads the new meeting's history while the old meeting's call still hangs", async () => {
      incoming(meeting, 'old meeting');
      replace(meeting, 'fetchPublicMessages', () => new Promise(() => undefined));
      const chat = await mountChat(meeting);
      void chat.loadOlder();
      const next = await joinedMeeting();
      try {
        incoming(next, 'new meeting');
        const fetches = replace(next, 'fetchPublicMessages', async () => []);
        chat.meeting = next;
        await chat.updateComplete;
        await chat.loadOlder();
        expect(fetches.calls, "calls to the new meeting's history").to.have.length(1);
      } finally {
        await next.leave();
      }
    });

    guarded("never shows a late page of the old meeting's history in the new meeting", async () => {
      incoming(meeting, 'old meeting');
      const pending = deferred<ChatMessage[]>();
      replace(meeting, 'fetchPublicMessages', () => pending.promise);
      const chat = await mountChat(meeting);
      void chat.loadOlder();
      const next = await joinedMeeting();
      try {
        incoming(next, 'new meeting');
        chat.meeting = next;
        await chat.updateComplete;
        const page = Array.from({ length: 50 }, (_, i) => ({ ...meeting.chat.messages[0], id: `old-${i}`, timeMs: 1_000 + i, time: new Date(1_000 + i) }));
        pending.resolve(page);
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(await chat.scrollToMessage('old-0'), 'a message of the old meeting in the new one').to.equal(false);
      } finally {
        await next.leave();
      }
    });
  });

  describe('the export button', () => {
    /** A button whose replay export hangs, and the backend that never answers it. */
    async function hangingExport() {
      const backend = stubBackend(() => new Promise<Response>(() => undefined));
      incoming(meeting, 'to export');
      const host = await panel(300, 100);
      const button = await mount<RtkChatExportButton>('rtk-chat-export-button', meeting, host);
      button.replayUrl = '/hardening/hang';
      void button.export();
      await waitFor(() => backend.requests.length === 1);
      return { backend, button, host };
    }

    guarded('aborts a hanging replay request when it is removed', async () => {
      const { backend, button } = await hangingExport();
      try {
        button.remove();
        expect(backend.requests[0].init?.signal?.aborted, 'the request was aborted').to.equal(true);
      } finally {
        backend.restore();
      }
    });

    guarded('is usable again when put back after its replay request hung', async () => {
      const { backend, button, host } = await hangingExport();
      try {
        button.remove();
        host.append(button);
        await button.updateComplete;
        expect(button.busy, 'busy after being put back').to.equal(false);
      } finally {
        backend.restore();
      }
    });

    guarded('is not left busy, and downloads once, when the meeting changes during an export', async () => {
      meeting.chat.messages = Array.from({ length: 20_000 }, (_, i) => sdkMessage({ id: `bulk-${i}`, message: `bulk ${i}` }));
      const button = await mount<RtkChatExportButton>('rtk-chat-export-button', meeting);
      const next = await joinedMeeting();
      try {
        incoming(next, 'other meeting');
        const downloads = await captureDownloads(async () => {
          const done = button.export();
          await new Promise((resolve) => setTimeout(resolve, 0));
          button.meeting = next;
          await done;
        });
        expect(downloads.length).to.be.at.most(1);
        expect(button.busy).to.equal(false);
      } finally {
        await next.leave();
      }
    });
  });
});
