// The dump viewer page (demo/dump.html) as a user drives it, in an iframe of the test page, on the
// kit's sources as the demo server serves them.
import { expect, fixture, html } from '@open-wc/testing';

import type { DumpMeeting } from '../../src/dump-meeting/index.js';
import { deepQueryAll, waitFor } from '../helpers.js';

async function viewer(search = '?sample'): Promise<Document> {
  const frame = await fixture<HTMLIFrameElement>(html`<iframe style="width: 400px; height: 800px; border: 0" src=${`/demo/dump.html${search}`}></iframe>`);
  await waitFor(() => frame.contentDocument?.querySelector('#status')?.textContent?.includes('2,000 messages'), 'the sample did not open');
  return frame.contentDocument!;
}

function press(target: Element, key: string, shiftKey = false): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, composed: true, cancelable: true }));
}

/** The message the chat highlights now, if one is rendered. */
function highlighted(page: Document): HTMLElement | undefined {
  const chat = page.querySelector('rtk-chat')!;
  return deepQueryAll<HTMLElement>(chat.shadowRoot!, 'rtk-chat-message[highlighted]')[0];
}

describe('the dump viewer page', () => {
  it('opens a dump and shows it with its pinned messages and without a composer', async () => {
    const page = await viewer();
    expect(page.querySelector('#status')!.textContent).to.include('5 pinned');
    const chat = page.querySelector('rtk-chat')!;
    await waitFor(() => deepQueryAll(chat.shadowRoot!, 'rtk-chat-message').length > 0, 'no message rendered');
    const composer = chat.shadowRoot!.querySelector<HTMLElement>('[part="composer"]')!;
    expect(page.defaultView!.getComputedStyle(composer).display).to.equal('none');
    const pinned = page.querySelector('rtk-pinned-messages')!;
    await waitFor(() => pinned.shadowRoot!.querySelectorAll('[part="item"]').length === 5, 'the pinned list is not complete');
  });

  it('counts the matches and steps through them by keyboard and buttons, jumping to each', async () => {
    const page = await viewer();
    const query = page.querySelector<HTMLInputElement>('#query')!;
    const count = page.querySelector('#count')!;
    // "/" from anywhere goes to the search box.
    press(page.body, '/');
    expect(page.activeElement).to.equal(query);
    query.value = 'budget';
    query.dispatchEvent(new Event('input', { bubbles: true }));
    // What should match: the sample's messages that say "budget", oldest first.
    const meeting = (page.querySelector('rtk-meeting-provider') as HTMLElement & { meeting: DumpMeeting }).meeting;
    const ids = meeting.chat.messages.filter((m) => m.message?.includes('budget')).map((m) => m.id);
    const total = ids.length;
    expect(total).to.be.greaterThan(10);
    const at = (position: number) => `${position.toLocaleString()} of ${total.toLocaleString()}`;
    const shows = (position: number) =>
      waitFor(() => count.textContent === at(position) && highlighted(page)?.getAttribute('message-id') === ids[position - 1], `match ${position} was not shown`);
    // The newest match first; Enter goes back in time, Shift+Enter forward, and the buttons too.
    await shows(total);
    press(query, 'Enter');
    await shows(total - 1);
    press(query, 'Enter', true);
    await shows(total);
    page.querySelector<HTMLButtonElement>('#previous')!.click();
    page.querySelector<HTMLButtonElement>('#previous')!.click();
    await shows(total - 2);
    page.querySelector<HTMLButtonElement>('#next')!.click();
    await shows(total - 1);
    press(query, 'ArrowDown');
    await shows(total);
    // Past the newest, it wraps around to the oldest.
    press(query, 'ArrowDown');
    await shows(1);
    press(query, 'Escape');
    expect(query.value).to.equal('');
    expect(count.textContent).to.equal('');
  });

  it('says when nothing matches', async () => {
    const page = await viewer();
    const query = page.querySelector<HTMLInputElement>('#query')!;
    query.value = 'no such words anywhere';
    query.dispatchEvent(new Event('input', { bubbles: true }));
    press(query, 'Enter');
    await waitFor(() => page.querySelector('#count')!.textContent === 'No matches');
    expect(page.querySelector<HTMLButtonElement>('#next')!.disabled).to.equal(true);
  });
});
