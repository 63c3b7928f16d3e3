import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';

import { ListArrivals } from '../../src/chat/list-arrivals.js';

class ArrivalsHost extends LitElement {
  batches: number[][] = [];
  readonly arrivals = new ListArrivals<number>(this, (arrived) => this.batches.push([...arrived]));
}
customElements.define('test-arrivals-host', ArrivalsHost);

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const task = () => new Promise((resolve) => setTimeout(resolve));

describe('ListArrivals', () => {
  let host: ArrivalsHost;

  beforeEach(() => {
    host = document.createElement('test-arrivals-host') as ArrivalsHost;
    document.body.append(host);
  });

  afterEach(() => host.remove());

  it('lets a lone arrival through at once', () => {
    host.arrivals.add(1);
    expect(host.batches).to.deep.equal([[1]]);
  });

  it('takes the rest of a frame in one batch at the next frame, in order, across tasks', async () => {
    await frame();
    for (let i = 0; i < 50; i++) host.arrivals.add(i);
    await task();
    for (let i = 50; i < 100; i++) host.arrivals.add(i);
    expect(host.batches).to.have.length(1);
    expect(host.arrivals.queued).to.have.length.above(0);
    await frame();
    expect(host.batches.length).to.equal(2);
    expect(host.batches.flat()).to.deep.equal(Array.from({ length: 100 }, (_, i) => i));
  });

  it('lets the first arrival of a quiet frame through at once again', async () => {
    host.arrivals.add(1);
    host.arrivals.add(2);
    await frame();
    await frame();
    host.arrivals.add(3);
    expect(host.batches).to.deep.equal([[1], [2], [3]]);
  });

  it('forgets what waits when the list was rebuilt, and hands over the rest on removal', async () => {
    host.arrivals.add(1);
    host.arrivals.add(2);
    host.arrivals.drop();
    await frame();
    host.arrivals.add(3);
    host.arrivals.add(4);
    host.remove();
    expect(host.batches).to.deep.equal([[1], [3], [4]]);
  });
});
