/** Helpers shared by the element tests. */
import { waitUntil } from '@open-wc/testing';

import { createLocalMeeting, type LocalMeeting, type LocalMeetingOptions } from '../src/local-meeting/index.js';

// Chromium reports a ResizeObserver callback that caused another resize as an error event. The
// list measures its items that way; the browser delivers the rest next frame, nothing is lost.
window.addEventListener(
  'error',
  (event) => {
    if (event.message?.startsWith('ResizeObserver loop')) event.stopImmediatePropagation();
  },
  true,
);

let rooms = 0;

/** A joined local meeting in a room of its own, so tests never hear each other. */
export async function joinedMeeting(options: LocalMeetingOptions = {}): Promise<LocalMeeting> {
  rooms += 1;
  const meeting = createLocalMeeting({
    room: `test-${Date.now()}-${rooms}`,
    meetingId: `meeting-${rooms}`,
    sessionId: `session-${rooms}`,
    self: { id: 'peer-me', userId: 'user-me', name: 'Me' },
    joinWaitMs: 5,
    logger: { warn() {}, error() {} },
    ...options,
  });
  await meeting.join();
  return meeting;
}

/** Every element matching `selector` below `root`, looking inside shadow roots. */
export function deepQueryAll<T extends Element = Element>(root: ParentNode, selector: string): T[] {
  const found: T[] = [];
  const visit = (node: ParentNode) => {
    found.push(...node.querySelectorAll<T & Element>(selector));
    for (const element of node.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
  };
  visit(root);
  return found;
}

/** The number of nodes below `root`, counting through shadow roots. */
export function countNodes(root: Node): number {
  let count = 0;
  const walk = (node: Node) => {
    count += 1;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(root);
  return count;
}

/** The shadow root of an element, which the kit's elements always have. */
export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
}

/** Opens a chat header's filters, folded behind their button, as a user does. */
export async function openFilters(chat: Element & { updateComplete: Promise<unknown> }): Promise<void> {
  [...shadow(chat).querySelectorAll<HTMLButtonElement>('.header-toggle')].find((button) => button.textContent?.trim() === 'Filters')?.click();
  await chat.updateComplete;
}

/** The shadow root of the composer inside a chat. */
export function composerOf(chat: Element): ShadowRoot {
  return shadow(shadow(chat).querySelector('[part="composer"]')!);
}

/** Waits until `find` returns something, and returns it. */
export async function waitFor<T>(find: () => T | null | undefined | false, message = 'waited in vain'): Promise<T> {
  let value: T | null | undefined | false;
  await waitUntil(() => (value = find()), message, { timeout: 4000 });
  return value as T;
}

/** A message from another participant, as the server would push it. */
export function incoming(meeting: LocalMeeting, text: string, from = { userId: 'user-dana', displayName: 'Dana' }) {
  return meeting.receive({ type: 'text', message: text, ...from });
}

/** The error the SDK throws, with its code. */
export function sdkError(code: string, message = 'refused'): Error {
  return Object.assign(new Error(message), { code });
}

/** A download the kit started: the `<a download>` name and the bytes behind its object URL. */
export interface Download {
  filename: string;
  bytes: Uint8Array;
  text: string;
}

/**
 * Runs `action` and captures what it downloads: the name of the `<a download>` it clicks and the
 * bytes behind its object URL, read before the URL is revoked. The browser's own save is skipped.
 */
export async function captureDownloads(action: () => Promise<unknown>): Promise<Download[]> {
  const click = HTMLAnchorElement.prototype.click;
  const pending: Array<Promise<Download>> = [];
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const filename = this.download;
    pending.push(
      fetch(this.href).then(async (response) => {
        const bytes = new Uint8Array(await response.arrayBuffer());
        return { filename, bytes, text: new TextDecoder().decode(bytes) };
      }),
    );
  };
  try {
    await action();
    return await Promise.all(pending);
  } finally {
    HTMLAnchorElement.prototype.click = click;
  }
}
