import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';

import '../../src/index.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { deepQueryAll, incoming, joinedMeeting, shadow, waitFor } from '../helpers.js';

type Rgba = [number, number, number, number];

/** A computed colour as sRGB with alpha: `rgb()`, `rgba()` or `color(srgb …)`. */
function parseColor(value: string): Rgba {
  const numbers = (value.match(/[\d.]+/g) ?? []).map(Number);
  if (value.startsWith('color(srgb')) return [numbers[0] * 255, numbers[1] * 255, numbers[2] * 255, numbers[3] ?? 1];
  if (value.startsWith('rgb')) return [numbers[0], numbers[1], numbers[2], numbers[3] ?? 1];
  throw new Error(`unexpected colour ${value}`);
}

/** The next box up in the flat tree: the slot an element is shown in, its parent, or its shadow host. */
function flatParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The colour behind an element: its own and its ancestors' backgrounds, composited. */
function backgroundOf(element: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = element; node; node = flatParent(node)) {
    const layer = parseColor(getComputedStyle(node).backgroundColor);
    if (layer[3] > 0) layers.push(layer);
    if (layer[3] >= 1) break;
  }
  return layers.reduceRight<Rgba>((under, [r, g, b, a]) => [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a), 1], [255, 255, 255, 1]);
}

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The WCAG contrast ratio of an element's text against what is behind it. */
function contrast(element: Element): number {
  const text = parseColor(getComputedStyle(element).color);
  const back = backgroundOf(element);
  const blended: Rgba = [text[0] * text[3] + back[0] * (1 - text[3]), text[1] * text[3] + back[1] * (1 - text[3]), text[2] * text[3] + back[2] * (1 - text[3]), 1];
  const [light, dark] = [luminance(blended), luminance(back)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

/** Every text-bearing part of every element on the page, with its contrast. */
function readings(root: Element): Array<{ what: string; ratio: number }> {
  const selectors = ['.text', '.sender', 'time', '.preview', '[part="button"]', 'textarea', '[part="send"]', '.title'];
  const found: Array<{ what: string; ratio: number }> = [];
  for (const element of deepQueryAll(root, selectors.join(','))) {
    if (!(element as HTMLElement).offsetParent) continue;
    const host = (element.getRootNode() as ShadowRoot).host?.localName ?? 'page';
    found.push({ what: `${host} ${element.localName}`, ratio: contrast(element) });
  }
  return found;
}

describe('themes', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    localStorage.clear();
    meeting = await joinedMeeting({ self: { name: 'Ada' } });
    const message = incoming(meeting, 'from someone else');
    await meeting.chat.pin(message.id);
    await meeting.chat.sendTextMessage('my own words');
    await waitFor(() => meeting.chat.messages.length === 2);
  });

  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await meeting.leave();
  });

  for (const [system, theme] of [
    ['light', 'dark'],
    ['dark', 'light'],
  ] as const) {
    it(`keeps every text readable with a ${system} system and theme="${theme}", messages included`, async () => {
      await emulateMedia({ colorScheme: system });
      const page = await fixture(html`
        <div style="width: 420px">
          <rtk-meeting-provider .meeting=${meeting}>
            <div style="height: 520px">
              <rtk-chat theme=${theme} locale="en-US">
                <rtk-chat-export-button slot="header-actions"></rtk-chat-export-button>
              </rtk-chat>
            </div>
            <rtk-pinned-messages theme=${theme}></rtk-pinned-messages>
          </rtk-meeting-provider>
        </div>
      `);
      await waitFor(() => deepQueryAll(page, 'rtk-chat-message').length === 2, 'the messages did not render');
      await waitFor(() => deepQueryAll(page, '.text').length === 2 && deepQueryAll(page, '.preview').length === 1);
      const chat = page.querySelector('rtk-chat')!;
      const message = deepQueryAll(shadow(chat), 'rtk-chat-message')[0];
      // The message says nothing about a theme: it takes the chat's, not the system's.
      expect(message.hasAttribute('theme')).to.equal(false);
      expect(getComputedStyle(message).colorScheme).to.equal(theme);
      const found = readings(page);
      expect(found.map((r) => r.what)).to.include.members([
        'rtk-chat-message span',
        'rtk-chat-message time',
        'rtk-pinned-messages span',
        'rtk-pinned-messages time',
        'rtk-chat-composer textarea',
        'rtk-chat-export-button button',
      ]);
      const poor = found.filter((reading) => reading.ratio < 4.5).map((r) => `${r.what}: ${r.ratio.toFixed(2)}:1`);
      expect(poor).to.deep.equal([]);
      expect(shadow(chat).querySelector('[part="composer"]')).to.exist;
    });
  }
});
