import { expect, fixture, html, oneEvent } from '@open-wc/testing';

import '../../src/index.js';
import type { RtkChat } from '../../src/chat/chat.js';
import type { RtkPinnedMessages } from '../../src/pinned-messages/pinned-messages.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { deepQueryAll, incoming, joinedMeeting, shadow, waitFor } from '../helpers.js';

function previews(element: RtkPinnedMessages): string[] {
  return [...shadow(element).querySelectorAll('.preview')].map((p) => p.textContent ?? '');
}

describe('rtk-pinned-messages', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  it('says when nothing is pinned', async () => {
    const element = await fixture<RtkPinnedMessages>(html`<rtk-pinned-messages .meeting=${meeting}></rtk-pinned-messages>`);
    expect(shadow(element).querySelector('[part="empty"]')!.textContent).to.equal('Nothing is pinned yet.');
  });

  it('lists pins newest first and stays live through pin, edit, unpin and delete', async () => {
    const first = incoming(meeting, 'first pinned');
    const second = incoming(meeting, 'second pinned');
    const element = await fixture<RtkPinnedMessages>(html`<rtk-pinned-messages .meeting=${meeting}></rtk-pinned-messages>`);
    await meeting.chat.pin(second.id);
    await meeting.chat.pin(first.id);
    await waitFor(() => previews(element).length === 2);
    expect(previews(element)).to.deep.equal(['first pinned', 'second pinned']);
    expect(shadow(element).querySelector('.sender')!.textContent).to.equal('Dana');

    await meeting.chat.sendTextMessage('mine');
    const mine = await waitFor(() => meeting.chat.messages.find((m) => m.message === 'mine'));
    await meeting.chat.pin(mine.id);
    await meeting.chat.editTextMessage(mine.id, 'mine, edited');
    await waitFor(() => previews(element)[0] === 'mine, edited', 'the edit did not show');
    await meeting.chat.unpin(first.id);
    await waitFor(() => !previews(element).includes('first pinned'), 'the unpin did not show');
    await meeting.chat.deleteMessage(mine.id);
    await waitFor(() => previews(element).join() === 'second pinned', 'the deletion did not show');
  });

  it('marks a pinned message its author edited after it was pinned', async () => {
    await meeting.chat.sendTextMessage('the agenda');
    const sent = await waitFor(() => meeting.chat.messages.find((m) => m.message === 'the agenda'));
    await meeting.chat.pin(sent.id);
    const pinned = await fixture<RtkPinnedMessages>(html`<rtk-pinned-messages .meeting=${meeting}></rtk-pinned-messages>`);
    expect(shadow(pinned).querySelector('[part="edited"]')).to.equal(null);
    await meeting.chat.editTextMessage(sent.id, 'a different agenda');
    const marker = await waitFor(() => shadow(pinned).querySelector('[part="edited"]'), 'the edit is not marked');
    expect(marker.textContent).to.equal('edited');
    expect(shadow(pinned).querySelector('.preview')!.textContent).to.equal('a different agenda');
  });

  it('previews every kind of message in a line', async () => {
    const image = meeting.receive({ type: 'image', link: 'https://i.example/a.png', userId: 'u', displayName: 'Dana' });
    const file = meeting.receive({ type: 'file', link: 'https://f.example/a.pdf', name: 'plan.pdf', size: 10, userId: 'u', displayName: 'Dana' });
    const long = incoming(meeting, `${'word '.repeat(60)}\nsecond line`);
    const element = await fixture<RtkPinnedMessages>(html`<rtk-pinned-messages .meeting=${meeting}></rtk-pinned-messages>`);
    for (const message of [image, file, long]) await meeting.chat.pin(message.id);
    await waitFor(() => previews(element).length === 3);
    const [longPreview, filePreview, imagePreview] = previews(element);
    expect(longPreview.endsWith('…')).to.equal(true);
    expect(longPreview).to.not.include('\n');
    expect(filePreview).to.equal('Files: plan.pdf');
    expect(imagePreview).to.equal('Image');
  });

  it('unpins from the list where the user may pin, and not for a viewer', async () => {
    const message = incoming(meeting, 'pinned');
    await meeting.chat.pin(message.id);
    const element = await fixture<RtkPinnedMessages>(html`<rtk-pinned-messages .meeting=${meeting}></rtk-pinned-messages>`);
    const unpin = [...shadow(element).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Unpin')!;
    unpin.click();
    await waitFor(() => meeting.chat.messages.every((m) => !m.pinned), 'not unpinned');
    await waitFor(() => previews(element).length === 0);

    const viewer = await joinedMeeting({ permissions: { pinParticipant: false } });
    const seen = viewer.receive({ type: 'text', message: 'x', userId: 'u', displayName: 'D', pinned: true });
    const readOnly = await fixture<RtkPinnedMessages>(html`<rtk-pinned-messages .meeting=${viewer}></rtk-pinned-messages>`);
    expect(previews(readOnly)).to.deep.equal([seen.message]);
    expect(shadow(readOnly).querySelector('.unpin')).to.equal(null);
    await viewer.leave();
  });

  it('makes a chat on the same meeting jump to the chosen message', async () => {
    const target = incoming(meeting, 'look here');
    for (let i = 0; i < 60; i++) incoming(meeting, `filler ${i}`);
    await meeting.chat.pin(target.id);
    const page = await fixture(html`<rtk-meeting-provider .meeting=${meeting}>
      <div style="height: 500px"><rtk-chat></rtk-chat></div>
      <rtk-pinned-messages></rtk-pinned-messages>
    </rtk-meeting-provider>`);
    const pinned = page.querySelector('rtk-pinned-messages')!;
    const chat = page.querySelector<RtkChat>('rtk-chat')!;
    const item = await waitFor(() => shadow(pinned).querySelector<HTMLButtonElement>('[part="item"]'));
    const selected = oneEvent(pinned, 'rtk-message-select');
    item.click();
    expect((await selected).detail.message.id).to.equal(target.id);
    const shown = await waitFor(() => deepQueryAll(shadow(chat), `rtk-chat-message[message-id="${target.id}"][highlighted]`)[0], 'the chat did not jump');
    expect(shown).to.not.equal(undefined);
  });

  it('collapses to its header', async () => {
    incoming(meeting, 'x');
    const element = await fixture<RtkPinnedMessages>(html`<rtk-pinned-messages .meeting=${meeting}></rtk-pinned-messages>`);
    const toggle = shadow(element).querySelector<HTMLButtonElement>('[part="toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    toggle.click();
    await element.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(element).querySelector('[part="empty"], [part="list"]')).to.equal(null);
  });

  it('is accessible', async () => {
    const message = incoming(meeting, 'accessible');
    await meeting.chat.pin(message.id);
    const element = await fixture<RtkPinnedMessages>(html`<rtk-pinned-messages .meeting=${meeting}></rtk-pinned-messages>`);
    await expect(element).to.be.accessible();
  });
});
