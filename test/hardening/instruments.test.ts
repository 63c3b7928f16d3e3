/** The instruments of this suite catch what they are meant to: a trap that never trips proves nothing. */
import { expect } from '@open-wc/testing';

import { auditLayout, auditMarkup, visualText } from './audit.js';
import { panel } from './support.js';
import { setTrap, watchErrors } from './traps.js';

describe('the hardening instruments', () => {
  it('the page trap notices a payload that runs, loads or inserts what it should not', async () => {
    const trap = setTrap();
    try {
      const host = await panel();
      host.innerHTML = '<img src="/trap-load.png?canary" onerror="window.__pwned = 1; alert(1)">';
      host.append(document.createElement('script'));
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      trap.release();
    }
    expect(trap.tripped.join('\n')).to.include('window.__pwned was set').and.include('alert(1)').and.include('<script> added to the page').and.include('loaded');
  });

  it('the error watch notices an uncaught error and an unhandled rejection', () => {
    const watch = watchErrors();
    // The events the browser fires for them, made by hand so the runner's own log stays clean.
    const quiet = (event: Event) => event.stopImmediatePropagation();
    const onerror = window.onerror;
    window.onerror = null;
    try {
      window.addEventListener('error', quiet);
      window.addEventListener('unhandledrejection', quiet);
      window.dispatchEvent(new ErrorEvent('error', { message: 'canary error', error: new Error('canary error') }));
      window.dispatchEvent(new PromiseRejectionEvent('unhandledrejection', { promise: Promise.resolve(), reason: new Error('canary rejection') }));
    } finally {
      window.onerror = onerror;
      window.removeEventListener('error', quiet);
      window.removeEventListener('unhandledrejection', quiet);
      watch.stop();
    }
    expect(watch.errors.join('\n')).to.include('canary error').and.include('canary rejection');
  });

  it('the audits notice foreign markup, unsafe URLs, overflow and reordered text', async () => {
    const host = await panel(200, 100);
    const element = document.createElement('div');
    host.append(element);
    element.attachShadow({ mode: 'open' }).innerHTML = '<img src="javascript:x" onerror="x"><a href="data:,x" target="_blank">x</a><iframe></iframe><marquee class="evil">x</marquee><div style="width: 500px">wide</div>';
    const markup = auditMarkup(element).join('\n');
    for (const expected of ['event handler attribute onerror', 'unsafe src', 'unsafe href', 'without noopener', 'unexpected element <iframe>', 'unexpected element <marquee>', 'unexpected class "evil"']) expect(markup).to.include(expected);
    expect(auditLayout(element, host).join('\n')).to.include('spans');
    const text = document.createElement('span');
    text.textContent = 'abc\u202edef';
    host.append(text);
    expect(visualText(text.firstChild as Text)).to.equal('abcfed');
  });
});
