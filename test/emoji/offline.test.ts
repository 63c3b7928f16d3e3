/**
 * The emoji picker offline and under the kit's strict CSP with Trusted Types: its code and data
 * come on first use, from this page's origin only. The policy allows nothing but 'self', so a
 * request to any other host would be blocked and reported; this file's page keeps the policy.
 */
import { expect, fixture, html } from '@open-wc/testing';

import { RtkEmojiButton } from '../../src/emoji/emoji-button.js';
import { waitFor } from '../helpers.js';

if (!customElements.get('rtk-emoji-button')) customElements.define('rtk-emoji-button', RtkEmojiButton);

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

function requested(): string[] {
  return performance.getEntriesByType('resource').map((entry) => entry.name);
}

describe('the emoji picker, offline and under a strict CSP', () => {
  const violations: string[] = [];
  const note = (event: SecurityPolicyViolationEvent) => violations.push(`${event.violatedDirective} ${event.blockedURI}`);

  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = POLICY;
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', note);
  });

  after(() => document.removeEventListener('securitypolicyviolation', note));

  it('loads its code and data on first use only, from this origin only, and inserts an emoji', async () => {
    performance.setResourceTimingBufferSize(10_000);
    const wrap = await fixture<HTMLDivElement>(html`<div><textarea aria-label="Message"></textarea><rtk-emoji-button></rtk-emoji-button></div>`);
    const button = wrap.querySelector('rtk-emoji-button')!;
    const box = wrap.querySelector('textarea')!;
    button.target = box;
    await button.updateComplete;
    expect(requested().filter((url) => /emoji-picker|emoji-data|emoji-picker-element-data/.test(url))).to.deep.equal([]);
    expect(customElements.get('rtk-emoji-button-picker')).to.equal(undefined);

    button.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
    const panel = await waitFor(() => button.shadowRoot!.querySelector('rtk-emoji-button-picker')?.shadowRoot?.querySelector('.emoji') && button.shadowRoot!.querySelector('rtk-emoji-button-picker')!);
    const root = panel.shadowRoot!;
    const search = root.querySelector<HTMLInputElement>('.search')!;
    search.value = 'rocket';
    search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitFor(() => root.querySelector('.emoji')?.textContent?.trim() === '🚀');
    root.querySelector<HTMLElement>('.emoji')!.click();
    expect(box.value).to.equal('🚀');

    const urls = requested();
    expect(urls.filter((url) => /emoji-picker-element-data/.test(url))).to.have.length(1);
    expect(urls.filter((url) => new URL(url).origin !== location.origin)).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
  });

  it('would have caught a request to another host (the check works)', async () => {
    const outcome = await fetch('https://cdn.jsdelivr.net/npm/emoji-picker-element-data@^1/en/emojibase/data.json').then(
      () => 'fetched',
      () => 'blocked',
    );
    expect(outcome).to.equal('blocked');
    await waitFor(() => violations.some((line) => line.startsWith('connect-src https://cdn.jsdelivr.net')));
  });
});
