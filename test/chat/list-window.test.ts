import { expect } from '@open-wc/testing';

import { ListWindow } from '../../src/chat/list-window.js';

const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `m${from + i}`);

function windowOn(items: string[], start: number, end: number): ListWindow<string> {
  const window = new ListWindow<string>((item) => item);
  window.replace(items, true);
  window.start = start;
  window.end = end;
  return window;
}

describe('ListWindow', () => {
  it('stays on the items it shows when older items are put in front', () => {
    const window = windowOn(ids(100, 200), 40, 60);
    window.replace([...ids(50, 100), ...ids(100, 200)], false);
    expect(window.rendered).to.deep.equal(ids(140, 160));
  });

  it('stays on the items it shows when others are deleted or arrive', () => {
    const items = ids(0, 100);
    const window = windowOn(items, 40, 60);
    window.replace([...items.slice(0, 10), ...items.slice(20), 'new'], false);
    expect(window.rendered).to.deep.equal(ids(40, 60));
  });

  it('keeps its place when the first item it shows is deleted', () => {
    const items = ids(0, 100);
    const window = windowOn(items, 40, 60);
    window.replace(items.filter((id) => id !== 'm40'), false);
    expect(window.rendered[0]).to.equal('m41');
    expect(window.rendered).to.include('m59');
  });

  it('ends at the newest item when following, keeping its size', () => {
    const window = windowOn(ids(0, 100), 70, 100);
    window.replace(ids(0, 150), true);
    expect([window.start, window.end]).to.deep.equal([120, 150]);
    window.replace(ids(0, 5), true);
    expect([window.start, window.end]).to.deep.equal([0, 5]);
  });

  it('grows and trims within the list, never below one item', () => {
    const window = windowOn(ids(0, 30), 5, 25);
    expect(window.growStart(10)).to.equal(5);
    expect(window.growEnd(10)).to.equal(5);
    expect([window.start, window.end]).to.deep.equal([0, 30]);
    window.trimStart(100);
    expect(window.size).to.equal(1);
    window.showAround(15, 3, 3);
    expect(window.rendered).to.deep.equal(ids(12, 18));
    window.showAround(15, 2.5, 2.5);
    expect(window.rendered, 'whole items').to.deep.equal(ids(12, 18));
    window.trimEnd(100);
    expect(window.rendered).to.deep.equal(['m12']);
  });

  it('shows nothing of an empty list, then the newest of a filled one', () => {
    const window = new ListWindow<string>((item) => item);
    window.replace([], true, 24);
    expect(window.rendered).to.deep.equal([]);
    window.replace(ids(0, 100), true, 24);
    expect(window.rendered).to.deep.equal(ids(76, 100));
  });
});
