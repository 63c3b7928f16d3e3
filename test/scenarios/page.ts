/**
 * The page the scenarios drive, and how they read it: what a user sees (texts, markers, buttons
 * by their accessible names) found through the elements' shadow roots, never the kit's state.
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../src/index.js';
import type { RtkChat } from '../../src/chat/chat.js';
import type { RtkChatMessage } from '../../src/chat-message/chat-message.js';
import type { RtkChatExportButton } from '../../src/export-button/export-button.js';
import type { ChatMeeting } from '../../src/meeting/contract.js';
import type { RtkPinnedMessages } from '../../src/pinned-messages/pinned-messages.js';
import { composerOf, deepQueryAll, shadow, waitFor } from '../helpers.js';

export interface ScenarioPage {
  chat: RtkChat;
  pinned: RtkPinnedMessages;
  exporter: RtkChatExportButton;
}

/**
 * An app's layout: one provider, the chat (with the export button in its header) in one column
 * and the pinned list in another, outside the chat, so it hears the meeting only through the provider.
 */
export async function mountPage(meeting: ChatMeeting): Promise<ScenarioPage> {
  const root = await fixture<HTMLElement>(html`<rtk-meeting-provider .meeting=${meeting}>
    <main style="display: flex; gap: 8px">
      <div style="height: 480px; width: 420px">
        <rtk-chat locale="en-US"><rtk-chat-export-button slot="header-actions"></rtk-chat-export-button></rtk-chat>
      </div>
      <aside style="width: 260px"><rtk-pinned-messages locale="en-US"></rtk-pinned-messages></aside>
    </main>
  </rtk-meeting-provider>`);
  const page = {
    chat: root.querySelector('rtk-chat')!,
    pinned: root.querySelector('rtk-pinned-messages')!,
    exporter: root.querySelector('rtk-chat-export-button')!,
  };
  await Promise.all([page.chat.updateComplete, page.pinned.updateComplete, page.exporter.updateComplete]);
  return page;
}

/** The messages the list renders now (the list is virtualized: the ones near the viewport). */
export function renderedMessages(chat: RtkChat): RtkChatMessage[] {
  return deepQueryAll<RtkChatMessage>(shadow(chat), 'rtk-chat-message');
}

export function renderedIds(chat: RtkChat): string[] {
  return renderedMessages(chat).map((element) => element.getAttribute('message-id') ?? '');
}

export function renderedById(chat: RtkChat, id: string): RtkChatMessage | undefined {
  return renderedMessages(chat).find((element) => element.getAttribute('message-id') === id);
}

/** The rendered messages whose body reads exactly `text`. */
export function renderedWithText(chat: RtkChat, text: string): RtkChatMessage[] {
  return renderedMessages(chat).filter((element) => bodyText(element) === text);
}

/** The first rendered message reading `text`, once one shows. */
export function shownWithText(chat: RtkChat, text: string, failure: string): Promise<RtkChatMessage> {
  return waitFor(() => renderedWithText(chat, text)[0], failure);
}

export function bodyText(message: RtkChatMessage): string {
  return shadow(message).querySelector('[part="bubble"]')?.textContent?.trim() ?? '';
}

export function senderText(message: RtkChatMessage): string {
  return shadow(message).querySelector('.sender')?.textContent?.trim() ?? '';
}

/** The markers under a message: `edited`, `pinned`, `private to …`. */
export function markers(message: RtkChatMessage): string[] {
  return [...shadow(message).querySelectorAll('[part="meta"] > span')].map((span) => span.textContent?.trim() ?? '');
}

/** The button a user would find by this accessible name, in `root` (not in nested shadow roots). */
export function buttonNamed(root: ParentNode, name: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((button) => (button.getAttribute('aria-label') ?? button.textContent ?? '').trim() === name);
}

/** Focuses a text box and types into it through the browser, as a user does. */
export async function typeInto(box: HTMLElement, text: string): Promise<void> {
  box.focus();
  await sendKeys({ type: text });
}

export async function pressEnter(): Promise<void> {
  await sendKeys({ press: 'Enter' });
}

export function composerInput(chat: RtkChat): HTMLTextAreaElement {
  return composerOf(chat).querySelector<HTMLTextAreaElement>('textarea[part="input"]')!;
}

/** The "Send to" selector, or undefined while there is no one to send privately to. */
export function recipientSelect(chat: RtkChat): HTMLSelectElement | undefined {
  return [...composerOf(chat).querySelectorAll('select')].find((select) => select.closest('label')?.querySelector('span')?.textContent?.trim() === 'Send to');
}

/**
 * Opens the "Send to" list as a user does, by focusing it, and returns the names it offers (a
 * closed picker need not hold every option).
 */
export async function recipientNames(chat: RtkChat): Promise<string[]> {
  const select = recipientSelect(chat);
  if (!select) return [];
  if (composerOf(chat).activeElement !== select) {
    select.focus();
    await chat.updateComplete;
  }
  return [...select.options].map((option) => option.textContent?.trim() ?? '');
}

/** Picks a recipient by the name shown, as opening the list and choosing in it does. */
export async function chooseRecipient(chat: RtkChat, name: string): Promise<void> {
  const names = await recipientNames(chat);
  const select = recipientSelect(chat);
  const option = [...(select?.options ?? [])].find((candidate) => candidate.textContent?.trim() === name);
  if (!select || !option) throw new Error(`no recipient named ${name}: ${names.join(', ')}`);
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await chat.updateComplete;
}

export function pinnedPreviews(pinned: RtkPinnedMessages): string[] {
  return [...shadow(pinned).querySelectorAll('.preview')].map((preview) => preview.textContent?.trim() ?? '');
}

export function pinnedEmptyText(pinned: RtkPinnedMessages): string {
  return shadow(pinned).querySelector('[part="empty"]')?.textContent?.trim() ?? '';
}

export interface Download {
  filename: string;
  text: string;
}

/**
 * Runs `action` and captures what it downloads: the `<a download>` it clicks (a click is
 * composed, so it reaches the document from a shadow root) is read through its object URL before
 * the kit revokes it, and the browser's own save is prevented.
 */
export async function captureDownloads(action: () => Promise<unknown>): Promise<Download[]> {
  const pending: Array<Promise<Download>> = [];
  const onClick = (event: MouseEvent) => {
    const link = event.composedPath()[0];
    if (!(link instanceof HTMLAnchorElement) || !link.download) return;
    event.preventDefault();
    const filename = link.download;
    pending.push(fetch(link.href).then(async (response) => ({ filename, text: await response.text() })));
  };
  document.addEventListener('click', onClick, true);
  try {
    await action();
    return await Promise.all(pending);
  } finally {
    document.removeEventListener('click', onClick, true);
  }
}
