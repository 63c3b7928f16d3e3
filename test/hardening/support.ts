/** Mounting, reading and faulting the kit's elements in the hardening tests. */
import { fixture, html } from '@open-wc/testing';

import '../../src/index.js';
import type { RtkChat } from '../../src/chat/chat.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import type { ChatMeeting } from '../../src/meeting/contract.js';
import { composerOf, deepQueryAll, shadow, waitFor } from '../helpers.js';

export { captureDownloads, type Download } from '../helpers.js';

/**
 * A fixed-size panel on the page. Sizes go through the CSSOM, never a `style` attribute, so a
 * strict `style-src` policy (see `csp.test.ts`) has nothing of the tests' own to report.
 */
export async function panel(width = 420, height = 600): Promise<HTMLDivElement> {
  const element = await fixture<HTMLDivElement>(html`<div></div>`);
  element.style.width = `${width}px`;
  element.style.height = `${height}px`;
  return element;
}

/** Any kit element, given its meeting, placed in `parent` and rendered. */
export async function mount<T extends HTMLElement & { updateComplete: Promise<unknown> }>(tag: string, meeting: ChatMeeting | undefined, parent?: HTMLElement): Promise<T> {
  const host = parent ?? (await panel());
  const element = document.createElement(tag) as T & { meeting?: ChatMeeting; locale?: string };
  element.meeting = meeting;
  element.locale = 'en-US';
  host.append(element);
  await element.updateComplete;
  return element;
}

export function mountChat(meeting: ChatMeeting | undefined, parent?: HTMLElement): Promise<RtkChat> {
  return mount<RtkChat>('rtk-chat', meeting, parent);
}

/** The ids of the messages `<rtk-chat>` has rendered now, top to bottom on screen. */
export function shownIds(chat: Element): string[] {
  return deepQueryAll(shadow(chat), 'rtk-chat-message')
    .map((element) => ({ id: element.getAttribute('message-id') ?? '', top: element.getBoundingClientRect().top }))
    .sort((a, b) => a.top - b.top)
    .map((entry) => entry.id);
}

/** The rendered `<rtk-chat-message>` of a message id, found without building a selector from the id. */
export function renderedMessage(root: Element, id: string): HTMLElement | undefined {
  return deepQueryAll<HTMLElement>(shadow(root), 'rtk-chat-message').find((element) => element.getAttribute('message-id') === id);
}

export function input(chat: RtkChat): HTMLTextAreaElement {
  return composerOf(chat).querySelector('textarea[part="input"]')!;
}

export function sendButton(chat: RtkChat): HTMLButtonElement {
  return composerOf(chat).querySelector('[part="send"]')!;
}

/** The composer's error and rate-limit notices, as text. */
export function composerNotice(chat: RtkChat): string {
  return [...composerOf(chat).querySelectorAll('[role="alert"], .status .warning')].map((n) => n.textContent).join(' ');
}

export function attachmentNames(chat: RtkChat): string[] {
  return [...composerOf(chat).querySelectorAll('.attachment-name')].map((n) => n.textContent ?? '');
}

/** Puts files in the composer through its picker, as a user choosing them would. */
export async function attach(chat: RtkChat, files: File[]): Promise<void> {
  const picker = composerOf(chat).querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  picker.files = transfer.files;
  picker.dispatchEvent(new Event('change'));
  await chat.updateComplete;
}

/** The button of a kit element whose visible text is `name`. */
export function buttonNamed(element: Element, name: string): HTMLButtonElement | undefined {
  return [...shadow(element).querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
}

/**
 * Brings every message of `ids` on screen at least once, jumping with the public
 * `scrollToMessage` to each one not rendered yet, and calls `look` at every stop. Resolves to the
 * ids that were never rendered (empty when the walk saw them all).
 */
export async function walkChat(chat: RtkChat, ids: string[], look: () => void): Promise<string[]> {
  const seen = new Set<string>();
  const note = () => {
    for (const id of shownIds(chat)) seen.add(id);
    look();
  };
  for (const id of ids) {
    if (seen.has(id)) continue;
    if (!(await chat.scrollToMessage(id))) continue;
    await waitFor(() => renderedMessage(chat, id), `message ${id} was not rendered after scrollToMessage`);
    note();
  }
  return ids.filter((id) => !seen.has(id));
}

/** A request the stubbed backend received. */
export interface StubbedRequest {
  url: string;
  init: RequestInit | undefined;
}

/**
 * Answers `fetch` for URLs under `/hardening/` with `answer` (a backend the test controls, e.g.
 * one that hangs or says something hostile); every other URL goes to the network as usual.
 * Returns the requests it answered and a function that puts `fetch` back.
 */
export function stubBackend(answer: (url: string, init: RequestInit | undefined, count: number) => Promise<Response> | Response): { requests: StubbedRequest[]; restore(): void } {
  const original = window.fetch;
  const requests: StubbedRequest[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!url.pathname.startsWith('/hardening/')) return original(input, init);
    requests.push({ url: url.href, init });
    return Promise.resolve(answer(url.href, init, requests.length));
  };
  return {
    requests,
    restore: () => {
      window.fetch = original;
    },
  };
}

/** The Chat Replay API's JSON answer. */
export function replayJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * Jumps to `id` with the public `scrollToMessage` and checks what the list shows there: the
 * message itself, with exactly its neighbours of `order` around it, each once. Returns what is
 * wrong, or '' — a sample of the list's model read through what it renders.
 */
export async function checkAround(chat: RtkChat, order: string[], id: string): Promise<string> {
  if (!(await chat.scrollToMessage(id))) return `${id}: not found`;
  await waitFor(() => renderedMessage(chat, id), `${id} was not rendered`);
  const shown = shownIds(chat);
  const start = order.indexOf(shown[0]);
  const expected = order.slice(start, start + shown.length);
  if (start < 0 || shown.join() !== expected.join()) return `${id}: shows ${shown.join(' ')} where the list holds ${expected.join(' ')}`;
  return '';
}

/** `count` positions spread over `0 … length - 1`, the first and last included. */
export function spread(length: number, count: number): number[] {
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round((i * (length - 1)) / (count - 1))))];
}

/** Replaces one chat method of a local meeting with `impl` (a refusal, a hang), counting the calls. */
export function replaceChatMethod(meeting: LocalMeeting, method: string, impl: (...args: unknown[]) => Promise<unknown>): { calls: unknown[][] } {
  const calls: unknown[][] = [];
  (meeting.chat as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
    calls.push(args);
    return impl(...args);
  };
  return { calls };
}

/** Where the list stands, in words: for a failure message when the newest message is not on screen. */
export function bottomState(chat: RtkChat): string {
  const list = shadow(chat).querySelector<HTMLElement>('[part="list"]')!;
  const jump = shadow(chat).querySelector('[part="new-messages"]')?.textContent?.trim();
  const shown = shownIds(chat);
  return `on screen ${shown[0]} … ${shown.at(-1)}; ${list.scrollHeight - list.scrollTop - list.clientHeight}px below the view; ${jump ? `the button says "${jump}"` : 'no new-messages button'}`;
}
