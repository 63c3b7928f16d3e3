import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { css, html, LitElement } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

import { ListFollowController } from '../../src/chat/list-follow-controller.js';

interface Row {
  id: string;
  height: number;
}

let serial = 0;
const rows = (count: number, height = (i: number) => 30 + ((i * 37) % 50)): Row[] =>
  Array.from({ length: count }, (_, i) => ({ id: `r${(serial += 1)}`, height: height(i) }));

/** A list as `<rtk-chat>` renders one: a scroller around the window's items. */
class FollowHost extends LitElement {
  static override styles = css`
    :host {
      display: block;
      height: 400px;
      width: 300px;
    }
    .list {
      height: 100%;
      overflow-y: auto;
    }
  `;

  static override properties = { items: { attribute: false } };
  items: Row[] = [];
  reachedStart = 0;
  followingChanges: boolean[] = [];

  readonly follow = new ListFollowController<Row>(this, {
    items: () => this.items,
    key: (row) => row.id,
    scroller: () => this.list,
    content: () => this.renderRoot.querySelector<HTMLElement>('.items'),
    onReachStart: () => (this.reachedStart += 1),
    onFollowingChange: (following) => this.followingChanges.push(following),
  });

  get list(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.list');
  }

  override render() {
    const { items } = this.follow.view();
    return html`<div class="list" tabindex="0">
      <div class="items">${repeat(items, (row) => row.id, (row) => html`<div class="item" data-id=${row.id} style="height: ${row.height}px">${row.id}</div>`)}</div>
    </div>`;
  }
}
customElements.define('test-follow-host', FollowHost);

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await frame();
}

async function mount(items: Row[]): Promise<FollowHost> {
  const host = await fixture<FollowHost>(testHtml`<test-follow-host .items=${items}></test-follow-host>`);
  await frames(6);
  return host;
}

function rendered(host: FollowHost): string[] {
  return [...host.renderRoot.querySelectorAll<HTMLElement>('.item')].map((item) => item.dataset.id!);
}

/** The item's top and bottom relative to the visible box of the list. */
function placeOf(host: FollowHost, id: string): { top: number; bottom: number } | undefined {
  const item = host.renderRoot.querySelector(`[data-id="${id}"]`);
  if (!item) return undefined;
  const view = host.list!.getBoundingClientRect();
  const box = item.getBoundingClientRect();
  return { top: box.top - view.top, bottom: box.bottom - view.top };
}

function wholeInView(host: FollowHost, id: string): boolean {
  const place = placeOf(host, id);
  return place !== undefined && place.top >= -1 && place.bottom <= host.list!.clientHeight + 1;
}

/** The first item reaching into the view: what a reader sees at the top. */
function firstVisible(host: FollowHost): string {
  return rendered(host).find((id) => placeOf(host, id)!.bottom > 0)!;
}

/** A user turning the wheel up by `px`. */
async function userScrollUp(host: FollowHost, px: number): Promise<void> {
  host.list!.dispatchEvent(new WheelEvent('wheel', { deltaY: -px }));
  host.list!.scrollTop -= px;
  await frames(3);
}

describe('ListFollowController', () => {
  it('opens at the newest item, rendering a bounded window of a long list', async () => {
    const items = rows(10_000);
    const host = await mount(items);
    expect(wholeInView(host, items.at(-1)!.id)).to.equal(true);
    expect(host.follow.following).to.equal(true);
    const shown = rendered(host);
    expect(shown.length).to.be.within(5, 60);
    expect(shown).to.deep.equal(items.slice(-shown.length).map((row) => row.id));
  });

  it('follows arriving items, keeping the newest in view and the DOM bounded', async () => {
    const host = await mount(rows(50));
    let items = host.items;
    for (let i = 0; i < 200; i++) {
      items = [...items, ...rows(1)];
      host.items = items;
      await frame();
    }
    await frames(3);
    expect(wholeInView(host, items.at(-1)!.id)).to.equal(true);
    expect(rendered(host).length).to.be.below(60);
  });

  it('keeps the newest item wholly in view when it grows', async () => {
    const items = rows(100);
    const host = await mount(items);
    const last = items.at(-1)!;
    host.items = [...items.slice(0, -1), { ...last, height: last.height + 120 }];
    await frames(3);
    expect(wholeInView(host, last.id)).to.equal(true);
  });

  it('stops following when the user scrolls up, and what the user reads stays in place as items arrive', async () => {
    const host = await mount(rows(300));
    await userScrollUp(host, 500);
    expect(host.follow.following).to.equal(false);
    expect(host.followingChanges).to.deep.equal([false]);
    const reading = firstVisible(host);
    const before = placeOf(host, reading)!.top;
    const newest = rows(20);
    host.items = [...host.items, ...newest];
    await frames(3);
    expect(placeOf(host, reading)?.top).to.be.closeTo(before, 1);
    expect(rendered(host)).to.not.include(newest.at(-1)!.id);
  });

  it('keeps the reading position when older items are put in front', async () => {
    const host = await mount(rows(40));
    // The user keeps scrolling up: the window pages the rest in, then the start is reported.
    for (let i = 0; i < 20 && host.reachedStart === 0; i++) await userScrollUp(host, 10_000);
    expect(host.reachedStart, 'the start of the list was not reported').to.be.above(0);
    expect(rendered(host)[0]).to.equal(host.items[0].id);
    const reading = firstVisible(host);
    const before = placeOf(host, reading)!.top;
    host.items = [...rows(50), ...host.items];
    await frames(4);
    expect(placeOf(host, reading)?.top).to.be.closeTo(before, 1);
  });

  it('pages older items in as the user scrolls up, and later ones out, reading position kept', async () => {
    const items = rows(2000);
    const host = await mount(items);
    for (let i = 0; i < 30; i++) {
      const reading = firstVisible(host);
      await userScrollUp(host, 200);
      const shown = rendered(host);
      expect(shown, 'the window is contiguous').to.deep.equal(items.slice(items.findIndex((row) => row.id === shown[0]), items.findIndex((row) => row.id === shown[0]) + shown.length).map((row) => row.id));
      expect(shown.length).to.be.below(60);
      expect(shown).to.include(reading);
    }
    expect(rendered(host)).to.not.include(items.at(-1)!.id);
  });

  it('reveals any item, holds it while items arrive, and lets go when the user scrolls', async () => {
    const items = rows(5000);
    const host = await mount(items);
    await host.follow.reveal(1234);
    const target = items[1234].id;
    expect(wholeInView(host, target)).to.equal(true);
    expect(host.follow.anchor).to.equal(target);
    const before = placeOf(host, target)!.top;
    for (let i = 0; i < 20; i++) {
      host.items = [...host.items, ...rows(1)];
      await frame();
    }
    await frames(6);
    expect(placeOf(host, target)?.top).to.be.closeTo(before, 1);
    await userScrollUp(host, 50);
    expect(host.follow.anchor).to.equal(undefined);
    expect(host.follow.following).to.equal(false);
  });

  it('holds a jump to the newest item too, until the user scrolls', async () => {
    const items = rows(100);
    const host = await mount(items);
    await userScrollUp(host, 300);
    await host.follow.reveal(99);
    await frames(3);
    expect(host.follow.following).to.equal(false);
    host.items = [...items, ...rows(1)];
    await frames(3);
    expect(wholeInView(host, items[99].id)).to.equal(true);
  });

  it('returns to the newest item and follows again', async () => {
    const items = rows(3000);
    const host = await mount(items);
    await host.follow.reveal(10);
    host.follow.followNewest();
    await host.updateComplete;
    await frames(3);
    expect(host.follow.following).to.equal(true);
    expect(wholeInView(host, items.at(-1)!.id)).to.equal(true);
    const next = rows(1);
    host.items = [...items, ...next];
    await frames(3);
    expect(wholeInView(host, next[0].id)).to.equal(true);
  });

  it('follows again when the user scrolls back down to the newest item', async () => {
    const host = await mount(rows(300));
    await userScrollUp(host, 400);
    expect(host.follow.following).to.equal(false);
    host.list!.scrollTop = host.list!.scrollHeight;
    await frames(3);
    expect(host.follow.following).to.equal(true);
    expect(host.followingChanges).to.deep.equal([false, true]);
  });

  it('leaves the scroller alone once disconnected', async () => {
    const host = await mount(rows(300));
    const list = host.list!;
    host.remove();
    list.dispatchEvent(new WheelEvent('wheel', { deltaY: -100 }));
    list.dispatchEvent(new Event('scroll'));
    await frames(2);
    expect(host.follow.following).to.equal(true);
    expect(host.followingChanges).to.deep.equal([]);
  });
});
