/**
 * The emoji picker offline and under the kit's strict CSP with Trusted Types: its code and data
 * come on first use, from this page's origin only. The policy allows nothing but 'self', so a
 * request to any other host would be blocked and reported; this file's page keeps the policy.
 */
import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { query } from 'lit/decorators.js';

import { EmojiPickerController } from '../../src/emoji/emoji-picker-controller.js';
import { enforcePolicy } from '../format/rich-text-support.js';
import { waitFor } from '../helpers.js';

class OfflineEmojiHost extends LitElement {
  @query('textarea') box!: HTMLTextAreaElement;
  readonly emoji = new EmojiPickerController(this, { target: () => this.box, strings: () => ({}) });
  protected override render() {
    return html`<textarea aria-label="Message"></textarea><button type="button" @click=${() => this.emoji.show()}>Emoji</button>${this.emoji.render()}`;
  }
}
customElements.define('offline-emoji-host', OfflineEmojiHost);

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
  const violations = enforcePolicy(POLICY, (event) => `${event.violatedDirective} ${event.blockedURI}`);

  it('loads its code and data on first use only, from this origin only, and inserts an emoji', async () => {
    performance.setResourceTimingBufferSize(10_000);
    const host = await fixture<OfflineEmojiHost>(testHtml`<offline-emoji-host></offline-emoji-host>`);
    const box = host.box;
    expect(requested().filter((url) => /emoji-picker\.ts|emoji-data|emoji-picker-element-data/.test(url))).to.deep.equal([]);
    expect(customElements.get('offline-emoji-host-emoji-picker')).to.equal(undefined);

    host.shadowRoot!.querySelector('button')!.click();
    const picker = () => host.shadowRoot!.querySelector('offline-emoji-host-emoji-picker');
    const panel = await waitFor(() => picker()?.shadowRoot?.querySelector('.emoji') && picker()!);
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
