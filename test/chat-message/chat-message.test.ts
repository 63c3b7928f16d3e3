import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';

import '../../src/index.js';
import type { RtkChatMessage } from '../../src/chat-message/chat-message.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { deepQueryAll, incoming, joinedMeeting, shadow, waitFor } from '../helpers.js';

async function show(meeting: LocalMeeting | undefined, message: unknown): Promise<RtkChatMessage> {
  return fixture<RtkChatMessage>(html`<rtk-chat-message .meeting=${meeting} .message=${message as ChatMessage} locale="en-US"></rtk-chat-message>`);
}

function button(element: Element, name: string): HTMLButtonElement | undefined {
  return [...shadow(element).querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
}

describe('rtk-chat-message', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  it('renders text as text: markup stays visible, newlines are kept, nothing runs', async () => {
    const hostile = '<img src=x onerror="window.__hacked = 1">\n<b>bold</b>';
    const element = await show(meeting, incoming(meeting, hostile));
    const bubble = shadow(element).querySelector('[part="bubble"]')!;
    expect(bubble.textContent).to.include('<img src=x');
    expect(bubble.querySelector('img, b')).to.equal(null);
    expect(getComputedStyle(bubble.querySelector('.text')!).whiteSpace).to.equal('break-spaces');
    expect((window as { __hacked?: number }).__hacked).to.equal(undefined);
  });

  it('links http(s) URLs in a new tab and leaves other schemes as plain text', async () => {
    const element = await show(meeting, incoming(meeting, 'See https://example.com/a?b=1. Not javascript:alert(1) nor data:text/html,hi'));
    const links = shadow(element).querySelectorAll('a');
    expect(links.length).to.equal(1);
    expect(links[0].getAttribute('href')).to.equal('https://example.com/a?b=1');
    expect(links[0].getAttribute('rel')).to.equal('noopener noreferrer');
    expect(links[0].getAttribute('target')).to.equal('_blank');
    expect(shadow(element).textContent).to.include('javascript:alert(1)');
  });

  it('shows an image from a blob URL and opens it in a dialog', async () => {
    const png = await (await fetch('data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')).blob();
    const link = URL.createObjectURL(png);
    const element = await show(meeting, meeting.receive({ type: 'image', link, userId: 'user-dana', displayName: 'Dana' }));
    const img = shadow(element).querySelector<HTMLImageElement>('img[part="image"]')!;
    expect(img.getAttribute('src')).to.equal(link);
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.alt).to.equal('Image from Dana');
    // The larger copy is not in the page, so not loaded, until the user asks for it.
    expect(shadow(element).querySelector('dialog')).to.equal(null);
    shadow(element).querySelector<HTMLButtonElement>('.image-button')!.click();
    await element.updateComplete;
    expect(shadow(element).querySelector('dialog')!.open).to.equal(true);
    expect(shadow(element).querySelector('dialog img')!.getAttribute('referrerpolicy')).to.equal('no-referrer');
  });

  it('does not load images from unsafe URLs and shows a fallback for broken ones', async () => {
    const unsafe = await show(meeting, meeting.receive({ type: 'image', link: 'javascript:alert(1)', userId: 'u', displayName: 'Dana' }));
    expect(shadow(unsafe).querySelector('img')).to.equal(null);
    expect(shadow(unsafe).textContent).to.include('Image unavailable');
    const broken = await show(meeting, meeting.receive({ type: 'image', link: 'http://127.0.0.1:9/missing.png', userId: 'u', displayName: 'Dana' }));
    await waitFor(() => !shadow(broken).querySelector('img'), 'the broken image was not replaced');
    expect(shadow(broken).textContent).to.include('Image unavailable');
  });

  it('shows a file with its name, readable size and a download link', async () => {
    const element = await show(meeting, meeting.receive({ type: 'file', link: 'https://files.example/r.pdf', name: 'report.pdf', size: 1_234_567, userId: 'u', displayName: 'Dana' }));
    const link = shadow(element).querySelector('a')!;
    expect(link.textContent).to.equal('report.pdf');
    expect(link.getAttribute('download')).to.equal('report.pdf');
    expect(link.getAttribute('href')).to.equal('https://files.example/r.pdf');
    expect(shadow(element).querySelector('.file-size')!.textContent).to.equal('1.2 MB');
  });

  const fallbacks: Array<[string, unknown, string]> = [
    ['a poll', { type: 'poll', id: 'p', userId: 'u', displayName: 'D', time: new Date() }, 'Poll'],
    ['an unknown type', { type: 'sticker', id: 's', userId: 'u', displayName: 'D', time: new Date() }, 'not supported'],
    ['a text message without text', { type: 'text', id: 't', userId: 'u', time: 'not a date' }, 'could not be displayed'],
    ['something that is not a message', 42, 'could not be displayed'],
    ['nothing', null, 'could not be displayed'],
  ];
  for (const [what, message, words] of fallbacks) {
    it(`renders a readable fallback for ${what}`, async () => {
      const element = await show(meeting, message);
      const bubble = shadow(element).querySelector('[part="bubble"]')!;
      expect(bubble.textContent).to.include(words);
      expect(bubble.querySelector('b')).to.equal(null);
    });
  }

  it('reflects the id, and sets own messages apart', async () => {
    const mine = meeting.receive({ type: 'text', message: 'mine', userId: 'user-me', displayName: 'Me' });
    const element = await show(meeting, mine);
    expect(element.getAttribute('message-id')).to.equal(mine.id);
    expect(element.hasAttribute('own')).to.equal(true);
    // The local user's own name, marked "(you)" by id: a participant called "You" cannot pass for them.
    expect(shadow(element).querySelector('.sender')!.textContent).to.equal('Me');
    expect(shadow(element).querySelector('.you')!.textContent).to.equal('(you)');
    const theirs = await show(meeting, incoming(meeting, 'theirs'));
    expect(theirs.hasAttribute('own')).to.equal(false);
  });

  it('offers edit and delete on own messages, pin where permitted, nothing to a viewer', async () => {
    const mine = await show(meeting, meeting.receive({ type: 'text', message: 'mine', userId: 'user-me', displayName: 'Me' }));
    expect(['Edit', 'Pin', 'Delete'].map((name) => Boolean(button(mine, name)))).to.deep.equal([true, true, true]);
    const theirs = await show(meeting, incoming(meeting, 'theirs'));
    expect(['Edit', 'Pin', 'Delete'].map((name) => Boolean(button(theirs, name)))).to.deep.equal([false, true, false]);
    const viewer = await joinedMeeting({
      permissions: { chatPublic: { canSend: false, text: false, files: false }, chatPrivate: { canSend: false, canReceive: true, text: false, files: false }, pinParticipant: false },
    });
    const seen = await show(viewer, viewer.receive({ type: 'text', message: 'x', userId: 'user-me', displayName: 'Me' }));
    expect(shadow(seen).querySelector('[part="actions"]')).to.equal(null);
    await viewer.leave();
  });

  it('edits inline: Enter saves through editTextMessage, Escape cancels', async () => {
    await meeting.chat.sendTextMessage('first words');
    const sent = await waitFor(() => meeting.chat.messages.find((m) => m.message === 'first words'));
    const element = await show(meeting, sent);
    button(element, 'Edit')!.click();
    await element.updateComplete;
    const editor = shadow(element).querySelector('textarea')!;
    expect(editor.value).to.equal('first words');
    expect(shadow(element).activeElement).to.equal(editor);
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(shadow(element).querySelector('textarea')).to.equal(null);

    button(element, 'Edit')!.click();
    await element.updateComplete;
    shadow(element).querySelector('textarea')!.value = 'better words';
    shadow(element).querySelector('textarea')!.focus();
    const edited = new Promise<ChatMessage>((resolve) => meeting.chat.on('chatUpdate', (e) => e.action === 'edit' && resolve(e.message)));
    await sendKeys({ press: 'Enter' });
    expect((await edited).message).to.equal('better words');
  });

  it('replaces an image through Edit, sending the new file with editImageMessage', async () => {
    const png = new File([new Uint8Array([137, 80, 78, 71])], 'first.png', { type: 'image/png' });
    await meeting.chat.sendImageMessage(png);
    const sent = await waitFor(() => meeting.chat.messages.find((m) => m.type === 'image'));
    const element = await show(meeting, sent);
    button(element, 'Edit')!.click();
    await element.updateComplete;
    const picker = shadow(element).querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(picker.accept).to.equal('image/gif,image/jpeg,image/png');
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array([137, 80, 78, 71, 1])], 'second.png', { type: 'image/png' }));
    picker.files = files.files;
    const edited = new Promise<ChatMessage>((resolve) => meeting.chat.on('chatUpdate', (e) => e.action === 'edit' && resolve(e.message)));
    picker.dispatchEvent(new Event('change'));
    const message = await edited;
    expect(message.link).to.not.equal(sent.link);
    expect(message.isEdited).to.equal(true);
  });

  it('asks before deleting and keeps the message when the app cancels', async () => {
    await meeting.chat.sendTextMessage('delete me');
    const sent = await waitFor(() => meeting.chat.messages.find((m) => m.message === 'delete me'));
    const element = await show(meeting, sent);
    element.addEventListener('rtk-message-delete', (e) => e.preventDefault(), { once: true });
    button(element, 'Delete')!.click();
    await element.updateComplete;
    expect(meeting.chat.messages.some((m) => m.id === sent.id)).to.equal(true);
    button(element, 'Delete')!.click();
    await element.updateComplete;
    const deleted = oneEvent(element, 'rtk-message-deleted');
    shadow(element).querySelector<HTMLButtonElement>('[data-action="confirm-delete"]')!.click();
    await deleted;
    await waitFor(() => !meeting.chat.messages.some((m) => m.id === sent.id), 'not deleted');
  });

  it('shows the error in words when the SDK refuses, and fires rtk-message-error', async () => {
    const element = await show(meeting, incoming(meeting, 'pin me'));
    meeting.chat.pin = () => Promise.reject(Object.assign(new Error('nope'), { code: '0501' }));
    setTimeout(() => button(element, 'Pin')!.click());
    const event = await oneEvent(element, 'rtk-message-error');
    expect(event.detail.code).to.equal('0501');
    await element.updateComplete;
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.include("don't have permission");
  });

  it('marks private messages with their recipients', async () => {
    meeting.addParticipant({ id: 'peer-bob', userId: 'user-bob', name: 'Bob' });
    const element = await show(meeting, meeting.receive({ type: 'text', message: 'psst', userId: 'user-me', displayName: 'Me', targetUserIds: ['user-me', 'user-bob'] }));
    expect(shadow(element).querySelector('[part="meta"]')!.textContent).to.include('private to Bob');
  });

  it('is accessible', async () => {
    const element = await show(meeting, meeting.receive({ type: 'text', message: 'mine https://example.com', userId: 'user-me', displayName: 'Me', isEdited: true, pinned: true }));
    await expect(element).to.be.accessible();
  });

  describe('actions', () => {
    /** The centre of an element, in page coordinates. */
    function centre(element: Element): [number, number] {
      const box = element.getBoundingClientRect();
      return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
    }

    /** Lets the browser apply a new hover or focus state, and finishes the fade it starts. */
    async function settle(element: RtkChatMessage): Promise<void> {
      await new Promise(requestAnimationFrame);
      for (const animation of shadow(element).getAnimations()) animation.finish();
    }

    async function own(text = 'mine'): Promise<RtkChatMessage> {
      const wrap = await fixture(html`<div style="width: 400px; padding-top: 40px"></div>`);
      const element = document.createElement('rtk-chat-message') as RtkChatMessage;
      Object.assign(element, { meeting, message: meeting.receive({ type: 'text', message: text, userId: 'user-me', displayName: 'Me' }), locale: 'en-US' });
      wrap.append(element);
      await element.updateComplete;
      return element;
    }

    beforeEach(async () => {
      await setViewport({ width: 400, height: 640 });
      await sendMouse({ type: 'move', position: [399, 639] });
    });

    it('cannot be hit while hidden: a tap beside a message reaches no action', async () => {
      const element = await own();
      for (const name of ['Edit', 'Pin', 'Delete']) {
        const [x, y] = centre(button(element, name)!);
        expect(shadow(element).elementFromPoint(x, y) === button(element, name), `${name} took a hit while hidden`).to.equal(false);
      }
      await sendMouse({ type: 'move', position: centre(shadow(element).querySelector('.bubble')!) });
      await settle(element);
      const [x, y] = centre(button(element, 'Delete')!);
      expect(shadow(element).elementFromPoint(x, y) === button(element, 'Delete'), 'Delete cannot be hit on hover').to.equal(true);
    });

    it('take no room beside the message', async () => {
      const long = 'a fairly long message that fills the bubble from one side of the panel to the other';
      const element = await own(long);
      const withActions = shadow(element).querySelector('.bubble')!.getBoundingClientRect().width;
      element.hideActions = true;
      await element.updateComplete;
      expect(shadow(element).querySelector('.bubble')!.getBoundingClientRect().width).to.equal(withActions);
    });

    it('show when a key brings focus to them, each at least 24 px square', async () => {
      const element = await own();
      button(element, 'Edit')!.focus();
      await settle(element);
      for (const name of ['Edit', 'Pin', 'Delete']) {
        const target = button(element, name)!;
        expect(getComputedStyle(shadow(element).querySelector('.actions')!).opacity).to.equal('1');
        const box = target.getBoundingClientRect();
        expect(Math.min(box.width, box.height), name).to.be.at.least(24);
        const [x, y] = centre(target);
        expect(shadow(element).elementFromPoint(x, y) === target, `${name} cannot be hit with focus`).to.equal(true);
      }
    });

    it('open as a menu from "More actions", and Escape closes it', async () => {
      const element = await own();
      const more = shadow(element).querySelector<HTMLButtonElement>('[part="more"]')!;
      expect(more.getAttribute('aria-label')).to.equal('More actions');
      more.click();
      await element.updateComplete;
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      button(element, 'Edit')!.focus();
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(more.getAttribute('aria-expanded')).to.equal('false');
    });

    it('asks before deleting: Cancel or Escape keep the message, and focus goes back to Delete', async () => {
      const element = await own();
      let asked = 0;
      element.addEventListener('rtk-message-delete', () => (asked += 1));
      button(element, 'Delete')!.click();
      await element.updateComplete;
      expect(asked, 'the cancelable event comes first').to.equal(1);
      const confirm = shadow(element).querySelector('[part="confirm"]')!;
      expect(confirm.textContent).to.include('Delete this message for everyone?');
      expect(shadow(element).activeElement?.getAttribute('data-action')).to.equal('cancel-delete');
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(shadow(element).querySelector('[part="confirm"]')).to.equal(null);
      expect(shadow(element).activeElement === button(element, 'Delete'), 'focus is not back on Delete').to.equal(true);
      const id = element.message!.id;
      expect(meeting.chat.messages.some((m) => m.id === id)).to.equal(true);
      button(element, 'Delete')!.click();
      await element.updateComplete;
      shadow(element).querySelector<HTMLButtonElement>('[data-action="confirm-delete"]')!.click();
      await waitFor(() => !meeting.chat.messages.some((m) => m.id === id), 'not deleted after confirming');
    });
  });

  it('sets a private message apart: its own surface and a label naming who it is for', async () => {
    meeting.addParticipant({ id: 'peer-bob', userId: 'user-bob', name: 'Bob' });
    const open = await show(meeting, incoming(meeting, 'for everyone'));
    const secret = await show(meeting, meeting.receive({ type: 'text', message: 'psst', userId: 'user-bob', displayName: 'Bob', targetUserIds: ['user-me', 'user-bob'] }));
    expect(secret.hasAttribute('private')).to.equal(true);
    const surface = (element: Element) => getComputedStyle(shadow(element).querySelector('.bubble')!).backgroundColor;
    expect(surface(secret)).to.not.equal(surface(open));
    expect(shadow(secret).querySelector('.marker-private')!.textContent).to.equal('private to You');
  });

  it("reads an older client's private message out of its JSON, and leaves text that merely holds JSON as text", async () => {
    meeting.addParticipant({ id: 'peer-bob', userId: 'user-bob', name: 'Bob' });
    const legacy = await show(meeting, meeting.receive({ type: 'text', message: '{"target":["user-me","user-bob"],"message":"just us"}', userId: 'user-bob', displayName: 'Bob' }));
    expect(legacy.hasAttribute('private')).to.equal(true);
    expect(shadow(legacy).querySelector('.text')!.textContent).to.equal('just us');
    expect(shadow(legacy).querySelector('.marker-private')!.textContent).to.equal('private to You');
    const text = 'config: {"target":["x"],"message":"y"}';
    const plain = await show(meeting, meeting.receive({ type: 'text', message: text, userId: 'user-bob', displayName: 'Bob' }));
    expect(plain.hasAttribute('private')).to.equal(false);
    expect(shadow(plain).querySelector('.text')!.textContent).to.equal(text);
  });

  it('renders a custom message\'s html sanitised: the markup it allows, without ids or handlers', async () => {
    const element = await show(meeting, { type: 'custom', id: 'c', userId: 'u', displayName: 'D', time: new Date(), html: '<b id="x" onclick="__pwned=1">hi</b><script>__pwned=1</script>' });
    const bold = await waitFor(() => deepQueryAll(shadow(element), 'b')[0], 'the sanitised html did not render');
    expect(bold.textContent).to.equal('hi');
    expect(bold.hasAttribute('id') || bold.hasAttribute('onclick')).to.equal(false);
    expect(deepQueryAll(shadow(element), 'script')).to.have.length(0);
  });

  it('shows where a link really goes: the host, not a userinfo that looks like one', async () => {
    const element = await show(meeting, incoming(meeting, 'pay here https://www.paypal.com@evil.example/login now'));
    const link = shadow(element).querySelector('.text a')!;
    expect(link.getAttribute('href')).to.equal('https://evil.example/login');
    expect(link.textContent).to.equal('https://evil.example/login');
    expect(link.getAttribute('title')).to.include('evil.example');
    expect(link.getAttribute('dir')).to.equal('ltr');
  });

  it('says where a file link goes, and when its type is not what the name claims', async () => {
    const element = await show(meeting, meeting.receive({ type: 'file', name: 'report.pdf', size: 16, link: 'https://files.example.com/setup.exe', userId: 'user-dana', displayName: 'Dana' }));
    const card = shadow(element).querySelector('[part="file"]')!;
    expect(card.textContent).to.include('16 bytes');
    expect(card.textContent).to.include('from files.example.com');
    expect(card.querySelector('.file-warning')!.textContent).to.equal('The link is a .exe file');
    expect(card.querySelector('.file-icon')!.textContent).to.equal('EXE');
  });

  it('loads no image until asked under media-policy="click", and trusted origins by themselves', async () => {
    const message = meeting.receive({ type: 'image', link: 'https://tracker.example/pixel.png', userId: 'user-dana', displayName: 'Dana' });
    const element = await fixture<RtkChatMessage>(html`<rtk-chat-message .meeting=${meeting} .message=${message} media-policy="click"></rtk-chat-message>`);
    expect(shadow(element).querySelector('img')).to.equal(null);
    const ask = shadow(element).querySelector<HTMLButtonElement>('.load-media')!;
    expect(ask.textContent).to.include('tracker.example');
    ask.click();
    await element.updateComplete;
    expect(shadow(element).querySelector('img')!.getAttribute('referrerpolicy')).to.equal('no-referrer');
    const trusted = await fixture<RtkChatMessage>(
      html`<rtk-chat-message .meeting=${meeting} .message=${message} media-policy="trusted" trusted-media-origins="https://tracker.example"></rtk-chat-message>`,
    );
    expect(shadow(trusted).querySelector('img')).to.not.equal(null);
  });

  it('holds back the images of a custom message under media-policy="click" until asked, inline ones as links', async () => {
    const message = meeting.receive({
      type: 'custom',
      html: '<p>Chart: <img src="https://tracker.example/inline.png" alt="Sales"></p>',
      images: [{ link: 'https://tracker.example/attached.png', name: 'attached.png' }],
      userId: 'user-dana',
      displayName: 'Dana',
    });
    const element = await fixture<RtkChatMessage>(html`<rtk-chat-message .meeting=${meeting} .message=${message} media-policy="click"></rtk-chat-message>`);
    const root = shadow(element);
    await waitFor(() => root.querySelector('.custom-html a'), 'the sanitised html');
    expect(root.querySelector('img')).to.equal(null);
    const inline = root.querySelector<HTMLAnchorElement>('.custom-html a')!;
    expect(inline.href).to.equal('https://tracker.example/inline.png');
    expect(inline.textContent).to.equal('Sales (tracker.example)');
    expect(inline.rel).to.equal('noopener noreferrer');
    const ask = root.querySelector<HTMLButtonElement>('.load-media')!;
    expect(ask.textContent).to.include('tracker.example');
    // This test's images only: the test above loads one from the same host.
    const images = ['https://tracker.example/inline.png', 'https://tracker.example/attached.png'];
    expect(performance.getEntriesByType('resource').filter((entry) => images.includes(entry.name))).to.deep.equal([]);
    ask.click();
    await waitFor(() => root.querySelectorAll('img').length === 2, 'both images once asked');
    expect([...root.querySelectorAll('img')].map((image) => image.getAttribute('src'))).to.deep.equal(images);
    expect(root.querySelector('.load-media')).to.equal(null);
  });

  it('shows the time of a grouped message when focus or the pointer is on it', async () => {
    const element = await show(meeting, incoming(meeting, 'second of a group'));
    element.grouped = true;
    await element.updateComplete;
    const time = shadow(element).querySelector<HTMLElement>('.side-time')!;
    expect(getComputedStyle(time).visibility).to.equal('hidden');
    await sendMouse({ type: 'move', position: [Math.round(element.getBoundingClientRect().left + 30), Math.round(element.getBoundingClientRect().top + 10)] });
    expect(getComputedStyle(time).visibility).to.equal('visible');
    await sendMouse({ type: 'move', position: [0, 0] });
  });
});
