import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';

import { keyedItems } from '../../src/chat/list-keyed.js';

const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `m${from + i}`);

describe('keyedItems', () => {
  let container: HTMLElement;
  const show = (items: string[]) => render(html`${keyedItems(items, (id) => id, (id) => html`<button>${id}</button>`)}`, container);
  const shown = () => [...container.querySelectorAll('.item')].map((item) => item.textContent);

  beforeEach(async () => {
    container = await fixture(html`<div></div>`);
  });

  it('renders each item in its own element, in order', () => {
    show(ids(0, 5));
    expect(shown()).to.deep.equal(ids(0, 5));
  });

  it('leaves no node behind as items leave and arrive, however long it runs', () => {
    show(ids(0, 20));
    const nodes = container.childNodes.length;
    for (let start = 1; start < 500; start++) show(ids(start, start + 20));
    expect(container.childNodes.length).to.equal(nodes);
    expect(shown()).to.deep.equal(ids(499, 519));
  });

  it('keeps the elements of the items that stay, and focus in them', () => {
    show(ids(0, 10));
    const kept = container.querySelectorAll('.item')[5];
    kept.querySelector('button')!.focus();
    show([...ids(-5, 0), ...ids(3, 12)]);
    expect(container.querySelectorAll('.item')[7]).to.equal(kept);
    expect(document.activeElement).to.equal(kept.querySelector('button'));
    expect(shown()).to.deep.equal([...ids(-5, 0), ...ids(3, 12)]);
  });

  it('follows a new order and updates what the items show', () => {
    show(['a', 'b', 'c']);
    render(html`${keyedItems(['c', 'a', 'b'], (id) => id, (id) => html`<button>${id}!</button>`)}`, container);
    expect(shown()).to.deep.equal(['c!', 'a!', 'b!']);
  });

  it('renders again only the items whose inputs changed', () => {
    const rendered: string[] = [];
    const showWith = (items: string[], mark: (id: string) => string) =>
      render(
        html`${keyedItems(
          items,
          (id) => id,
          (id) => {
            rendered.push(id);
            return html`<button>${id}${mark(id)}</button>`;
          },
          (id) => [id, mark(id)],
        )}`,
        container,
      );
    showWith(['a', 'b', 'c'], () => '');
    rendered.length = 0;
    showWith(['a', 'b', 'c', 'd'], () => '');
    expect(rendered).to.deep.equal(['d']);
    showWith(['a', 'b', 'c', 'd'], (id) => (id === 'b' ? '*' : ''));
    expect(rendered).to.deep.equal(['d', 'b']);
    expect(shown()).to.deep.equal(['a', 'b*', 'c', 'd']);
  });
});
