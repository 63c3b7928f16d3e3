import { expect, fixture, html, oneEvent } from '@open-wc/testing';

import '../../src/index.js';
import { RtkChatToggle } from '../../src/chat-toggle/chat-toggle.js';
import type { RtkChatToggleEvent } from '../../src/events/chat-toggle.js';
import type { RtkUnreadChangeEvent } from '../../src/events/unread-change.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { unreadFor } from '../../src/unread/unread-store.js';
import { incoming, joinedMeeting, shadow, waitFor } from '../helpers.js';

// Registered here until the kit's entry registers it.
if (!customElements.get('rtk-chat-toggle')) customElements.define('rtk-chat-toggle', RtkChatToggle);

function button(element: RtkChatToggle): HTMLButtonElement {
  return shadow(element).querySelector('button')!;
}

function badge(element: RtkChatToggle): string | undefined {
  return shadow(element).querySelector('[part="badge"]')?.textContent?.trim();
}

function announced(element: RtkChatToggle): string {
  return shadow(element).querySelector('[role="status"]')!.textContent!.trim();
}

/** The button's name as a screen reader reads it: the visible label and the hidden status. */
function spokenName(element: RtkChatToggle): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return;
    if (node instanceof HTMLSlotElement) {
      const assigned = node.assignedNodes();
      (assigned.length ? assigned : [...node.childNodes]).forEach(walk);
      return;
    }
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    node.childNodes.forEach(walk);
  };
  walk(button(element));
  return parts.join('').replace(/\s+/g, ' ').trim();
}

describe('rtk-chat-toggle', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    meeting = await joinedMeeting({ seed: [{ message: 'history', userId: 'user-dana', displayName: 'Dana' }] });
  });

  afterEach(() => meeting.leave());

  it('shows the number of unread messages, none when all are seen, and never counts the history', async () => {
    const element = await fixture<RtkChatToggle>(html`<rtk-chat-toggle .meeting=${meeting}></rtk-chat-toggle>`);
    expect(badge(element)).to.equal(undefined);
    expect(element.unreadCount).to.equal(0);
    expect(spokenName(element)).to.equal('Chat');
    incoming(meeting, 'one');
    incoming(meeting, 'two');
    await element.updateComplete;
    expect(badge(element)).to.equal('2');
    expect(element.unreadCount).to.equal(2);
    expect(spokenName(element)).to.equal('Chat , 2 unread messages');
    unreadFor(meeting).markAllSeen();
    await element.updateComplete;
    expect(badge(element)).to.equal(undefined);
  });

  it('counts exactly up to 99, then shows 99+', async () => {
    const element = await fixture<RtkChatToggle>(html`<rtk-chat-toggle .meeting=${meeting}></rtk-chat-toggle>`);
    for (let i = 0; i < 99; i++) incoming(meeting, `message ${i}`);
    await element.updateComplete;
    expect(badge(element)).to.equal('99');
    incoming(meeting, 'the hundredth');
    await element.updateComplete;
    expect(badge(element)).to.equal('99+');
    expect(element.unreadCount).to.equal(100);
    expect(spokenName(element)).to.include('100 unread messages');
  });

  it('marks mentions of the local user distinctly, in what is seen and what is heard', async () => {
    const element = await fixture<RtkChatToggle>(html`<rtk-chat-toggle .meeting=${meeting}></rtk-chat-toggle>`);
    incoming(meeting, 'plain');
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="mention"]')).to.equal(null);
    const plainColour = getComputedStyle(shadow(element).querySelector('[part="badge"]')!).backgroundColor;
    incoming(meeting, 'over to you, @Me');
    await element.updateComplete;
    expect(element.mentionCount).to.equal(1);
    expect(badge(element)).to.equal('@2');
    expect(getComputedStyle(shadow(element).querySelector('[part="badge"]')!).backgroundColor).not.to.equal(plainColour);
    expect(spokenName(element)).to.equal('Chat , 2 unread messages, 1 mention');
  });

  it('announces new unread messages politely, once a burst has settled, and not what was there before', async () => {
    const release = unreadFor(meeting).use();
    incoming(meeting, 'before the toggle');
    const element = await fixture<RtkChatToggle>(html`<rtk-chat-toggle .meeting=${meeting}></rtk-chat-toggle>`);
    release();
    expect(badge(element)).to.equal('1');
    expect(announced(element)).to.equal('');
    incoming(meeting, 'a');
    incoming(meeting, 'b, @Me');
    await waitFor(() => announced(element) !== '', 'nothing was announced');
    expect(announced(element)).to.equal('3 unread messages, 1 mention');
    unreadFor(meeting).markAllSeen();
    await element.updateComplete;
    expect(announced(element)).to.equal('');
  });

  it('fires rtk-unread-change with the counts when they change', async () => {
    const element = await fixture<RtkChatToggle>(html`<rtk-chat-toggle .meeting=${meeting}></rtk-chat-toggle>`);
    const heard: Array<RtkUnreadChangeEvent['detail']> = [];
    document.addEventListener('rtk-unread-change', (event) => heard.push(event.detail));
    const changed = oneEvent(element, 'rtk-unread-change');
    incoming(meeting, 'hi @me');
    const event = await changed;
    expect(event.bubbles && event.composed).to.equal(true);
    unreadFor(meeting).markAllSeen();
    expect(heard).to.deep.equal([
      { unreadCount: 1, mentionCount: 1 },
      { unreadCount: 0, mentionCount: 0 },
    ]);
  });

  it('shows and hides the element named by for, with aria-expanded and aria-controls', async () => {
    const page = await fixture(html`<div>
      <rtk-chat-toggle for="panel" .meeting=${meeting}></rtk-chat-toggle>
      <section id="panel" hidden>the chat</section>
    </div>`);
    const element = page.querySelector('rtk-chat-toggle')!;
    const panel = page.querySelector<HTMLElement>('#panel')!;
    await element.updateComplete;
    expect(button(element).getAttribute('aria-expanded')).to.equal('false');
    expect(button(element).ariaControlsElements).to.deep.equal([panel]);
    await expect(element).to.be.accessible();
    const toggled = oneEvent(element, 'rtk-chat-toggle');
    button(element).click();
    expect((await toggled).detail).to.deep.equal({ open: true, target: panel });
    expect(panel.hidden).to.equal(false);
    await element.updateComplete;
    expect(button(element).getAttribute('aria-expanded')).to.equal('true');
    button(element).click();
    expect(panel.hidden).to.equal(true);
    // The app hides or shows it its own way: the button still tells the truth.
    panel.hidden = false;
    await waitFor(() => button(element).getAttribute('aria-expanded') === 'true');
    // A listener may keep the panel as it is.
    page.addEventListener('rtk-chat-toggle', (event) => event.preventDefault(), { once: true });
    button(element).click();
    expect(panel.hidden).to.equal(false);
    expect(element.expanded).to.equal(true);
  });

  it('without for, only says what to do and keeps expanded in step', async () => {
    const element = await fixture<RtkChatToggle>(html`<rtk-chat-toggle .meeting=${meeting}></rtk-chat-toggle>`);
    const opened = oneEvent(element, 'rtk-chat-toggle');
    button(element).click();
    expect((await opened).detail).to.deep.equal({ open: true, target: undefined });
    expect(element.expanded).to.equal(true);
    await element.updateComplete;
    expect(button(element).getAttribute('aria-expanded')).to.equal('true');
    expect(button(element).ariaControlsElements).to.equal(null);
    const closed = oneEvent(element, 'rtk-chat-toggle') as Promise<RtkChatToggleEvent>;
    button(element).click();
    expect((await closed).detail.open).to.equal(false);
  });

  it('keeps the count when it is rendered again, and starts afresh with another meeting', async () => {
    const host = await fixture(html`<div></div>`);
    const first = document.createElement('rtk-chat-toggle');
    first.meeting = meeting;
    host.append(first);
    incoming(meeting, 'while shown');
    await first.updateComplete;
    first.remove();
    incoming(meeting, 'while not rendered');
    const second = document.createElement('rtk-chat-toggle');
    second.meeting = meeting;
    host.append(second);
    await second.updateComplete;
    expect(badge(second)).to.equal('2');
    const other = await joinedMeeting();
    second.meeting = other;
    await second.updateComplete;
    expect(badge(second)).to.equal(undefined);
    incoming(other, 'in the other meeting');
    await second.updateComplete;
    expect(badge(second)).to.equal('1');
    await other.leave();
  });

  it('takes its meeting from a provider', async () => {
    const page = await fixture(html`<rtk-meeting-provider .meeting=${meeting}><rtk-chat-toggle></rtk-chat-toggle></rtk-meeting-provider>`);
    const element = page.querySelector('rtk-chat-toggle')!;
    incoming(meeting, 'through the provider');
    await waitFor(() => badge(element) === '1');
  });

  describe('document title', () => {
    let title: string;

    beforeEach(() => {
      title = document.title;
      document.title = 'Standup';
    });

    afterEach(() => {
      document.title = title;
    });

    it('is left alone by default', async () => {
      await fixture<RtkChatToggle>(html`<rtk-chat-toggle .meeting=${meeting}></rtk-chat-toggle>`);
      incoming(meeting, 'hi');
      expect(document.title).to.equal('Standup');
    });

    it('gets the unread count in front with title-count, and back when read or removed', async () => {
      const element = await fixture<RtkChatToggle>(html`<rtk-chat-toggle title-count .meeting=${meeting}></rtk-chat-toggle>`);
      expect(document.title).to.equal('Standup');
      incoming(meeting, 'a');
      incoming(meeting, 'b');
      expect(document.title).to.equal('(2) Standup');
      // The page renames itself: its new title is kept.
      document.title = 'Standup, day 2';
      incoming(meeting, 'c');
      expect(document.title).to.equal('(3) Standup, day 2');
      unreadFor(meeting).markAllSeen();
      expect(document.title).to.equal('Standup, day 2');
      incoming(meeting, 'd');
      expect(document.title).to.equal('(1) Standup, day 2');
      element.remove();
      expect(document.title).to.equal('Standup, day 2');
    });
  });

  describe('audible cue', () => {
    const RealContext = window.AudioContext;
    let notes: number[];

    beforeEach(() => {
      notes = [];
      const record = (frequency: number) => notes.push(frequency);
      window.AudioContext = class extends RealContext {
        override createOscillator(): OscillatorNode {
          const oscillator = super.createOscillator();
          const start = oscillator.start.bind(oscillator);
          oscillator.start = (when?: number) => {
            record(oscillator.frequency.value);
            start(when);
          };
          return oscillator;
        }
      };
    });

    afterEach(() => {
      window.AudioContext = RealContext;
    });

    it('is silent by default', async () => {
      const element = await fixture<RtkChatToggle>(html`<rtk-chat-toggle .meeting=${meeting}></rtk-chat-toggle>`);
      incoming(meeting, 'hi');
      await element.updateComplete;
      expect(notes).to.deep.equal([]);
    });

    it('plays a tone made in the browser when a message arrives while the chat is closed, and none while open', async () => {
      const element = await fixture<RtkChatToggle>(html`<rtk-chat-toggle sound expanded .meeting=${meeting}></rtk-chat-toggle>`);
      incoming(meeting, 'seen in the open chat');
      expect(notes).to.deep.equal([]);
      element.expanded = false;
      incoming(meeting, 'hi @me');
      expect(notes).to.have.length(2);
      expect(notes[1]).to.be.greaterThan(notes[0]);
    });
  });

  it('is accessible: empty, with unread messages and a mention, open, dark', async () => {
    const element = await fixture<RtkChatToggle>(html`<rtk-chat-toggle .meeting=${meeting}></rtk-chat-toggle>`);
    await expect(element).to.be.accessible();
    incoming(meeting, 'hi @Me');
    incoming(meeting, 'and more');
    element.expanded = true;
    await element.updateComplete;
    await expect(element).to.be.accessible();
    element.theme = 'dark';
    element.compact = true;
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });

  it('is at least 24 px tall and wide', async () => {
    const element = await fixture<RtkChatToggle>(html`<rtk-chat-toggle compact .meeting=${meeting}></rtk-chat-toggle>`);
    const box = button(element).getBoundingClientRect();
    expect(box.height).to.be.at.least(24);
    expect(box.width).to.be.at.least(24);
  });

  it('leaves no listener on the meeting after being mounted and removed 200 times', async () => {
    const start = [meeting.chat.listenerCount('chatUpdate'), meeting.self.listenerCount('roomJoined')];
    const host = await fixture(html`<div></div>`);
    for (let i = 0; i < 200; i++) {
      const element = document.createElement('rtk-chat-toggle');
      element.meeting = meeting;
      host.append(element);
      await element.updateComplete;
      if (i === 0) expect(meeting.chat.listenerCount('chatUpdate')).to.equal(start[0] + 1);
      element.remove();
    }
    expect([meeting.chat.listenerCount('chatUpdate'), meeting.self.listenerCount('roomJoined')]).to.deep.equal(start);
  });

  it('prints no Lit warnings', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const page = await fixture(html`<div><rtk-chat-toggle for="p" title-count .meeting=${meeting}></rtk-chat-toggle><div id="p" hidden></div></div>`);
      const element = page.querySelector('rtk-chat-toggle')!;
      incoming(meeting, 'hi @Me');
      button(element).click();
      await element.updateComplete;
      unreadFor(meeting).markAllSeen();
      await element.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.deep.equal([]);
  });
});
