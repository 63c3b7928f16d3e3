/** The fields of a message a stranger controls, and how each must show a hostile value. */
import type { RtkChatMessage } from '../../src/chat-message/chat-message.js';
import { displayName, linkify } from '../../src/format/format.js';
import type { LocalMeeting, PartialMessage } from '../../src/local-meeting/index.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import { shadow, waitFor } from '../helpers.js';
import { auditLayout, auditMarkup, isSafeUrl } from './audit.js';
import { panel } from './support.js';

/** How one hostile string goes into a message, and what must show for it. */
export interface Field {
  name: string;
  message(value: string): PartialMessage;
  /** Why the rendering is wrong, or '' when it shows the value as text, as it should. */
  check(element: RtkChatMessage, value: string): string;
}

export const text = (element: Element, selector: string) => shadow(element).querySelector(selector)?.textContent ?? null;
const orElse = (value: string, fallback: string) => (value.trim() === '' ? fallback : value);
/** Past 10,000 characters the kit shows the start and an ellipsis (no honest message is that long). */
// Text as shown: cut past 10,000 characters, and each link's text saying where it really goes
// (src/format/links.ts has the tests of that rule).
const shownText = (value: string) => linkify(value.length > 10_000 ? `${value.slice(0, 10_000)}…` : value).map((part) => part.text).join('');
/** File names show without bidi controls, which could disguise the extension. */
const shownFileName = (value: string) => orElse(value.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').trim(), 'file');
const same = (what: string, shown: string | null, wanted: string) => (shown === wanted ? '' : `${what} shows ${JSON.stringify(shown?.slice(0, 80))}`);

export const FIELDS: Field[] = [
  {
    name: 'message text',
    message: (value) => ({ type: 'text', message: value }),
    check: (element, value) => same('the text', text(element, '.text'), shownText(value)),
  },
  {
    name: 'display name',
    message: (value) => ({ type: 'text', message: 'hi', displayName: value }),
    // A name is shown without bidi controls, and one of only invisible characters is no name.
    check: (element, value) => same('the sender', text(element, '.sender'), displayName(value) ?? 'Unknown'),
  },
  {
    name: 'file name',
    message: (value) => ({ type: 'file', name: value, size: 10, link: 'https://ok.invalid/file' }),
    check: (element, value) => {
      const link = shadow(element).querySelector('a.file-name');
      return same('the file name', text(element, '.file-name'), shownFileName(value)) || same('the download name', link?.getAttribute('download') ?? null, shownFileName(value));
    },
  },
  {
    name: 'image link',
    message: (value) => ({ type: 'image', link: value }),
    check: (element, value) => {
      const img = shadow(element).querySelector('img[part="image"]');
      if (isSafeUrl(value)) return img || text(element, '.fallback') === 'Image unavailable' ? '' : 'an http(s) image neither shows nor falls back';
      return img ? `loads ${img.getAttribute('src')}` : same('the fallback', text(element, '.fallback'), 'Image unavailable');
    },
  },
  {
    name: 'file link',
    message: (value) => ({ type: 'file', name: 'notes.txt', size: 10, link: value }),
    check: (element, value) => {
      const link = shadow(element).querySelector('a');
      if (!isSafeUrl(value)) return link ? `links ${link.getAttribute('href')}` : same('the file name', text(element, '.file-name'), 'notes.txt');
      return link?.getAttribute('href') === new URL(value).href ? '' : 'a safe link is not offered';
    },
  },
  {
    name: 'custom message html',
    message: (value) => ({ type: 'custom', html: value, message: '' }),
    // Rendered through the sanitiser now (test/custom-message runs this corpus through it and
    // audits what comes out); here the audits below check that nothing unsafe reached the page.
    check: () => '',
  },
  {
    name: 'custom message text',
    message: (value) => ({ type: 'custom', html: value, message: value }),
    check: (element, value) => (value.trim() === '' ? '' : same('the text', text(element, '.text'), shownText(value))),
  },
  {
    name: 'message id',
    message: (value) => ({ type: 'text', message: 'id test', id: value, userId: 'user-me', displayName: 'Me' }),
    check: (element, value) => same('message-id', element.getAttribute('message-id'), value),
  },
];

/**
 * The fields shown in a text bubble. They get a file of their own: with the kit's default font
 * stack, laying out the 100 kB word there takes seconds on Linux (DejaVu Sans).
 */
export const TEXT_FIELDS = new Set(['message text', 'custom message text']);

/** Renders each message in its own `<rtk-chat-message>`, one under the other in a panel `width` wide. */
export async function renderMessages(meeting: LocalMeeting, messages: ChatMessage[], width = 360): Promise<{ host: HTMLDivElement; elements: RtkChatMessage[] }> {
  const host = await panel(width, 600);
  host.style.height = 'auto';
  const elements = messages.map((message) => {
    const element = document.createElement('rtk-chat-message');
    Object.assign(element, { meeting, message, locale: 'en-US' });
    host.append(element);
    return element;
  });
  await Promise.all(elements.map((element) => element.updateComplete));
  // Custom messages render once their renderer has loaded (it is not in the base bundle): all
  // at once, when it has.
  const custom = elements.filter((element) => element.message?.type === 'custom');
  if (custom.length > 0) {
    await waitFor(() => custom.some((element) => element.shadowRoot?.querySelector('.custom')), 'the custom message renderer did not load');
    await new Promise(requestAnimationFrame);
  }
  return { host, elements };
}

/** Every markup and layout problem of the rendered messages, named by message. */
export function auditMessages(elements: RtkChatMessage[], host: HTMLElement): string[] {
  return elements.flatMap((element) => [...auditMarkup(element), ...auditLayout(element, host)]);
}
