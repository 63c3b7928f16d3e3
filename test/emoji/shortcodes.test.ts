import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html, LitElement } from 'lit';
import { query } from 'lit/decorators.js';

import baseStyles from '../../src/base/base.styles.js';
import { shortcodeSource } from '../../src/emoji/shortcodes.js';
import { CompletionController } from '../../src/mentions/completion.js';
import completionStyles from '../../src/mentions/completion.styles.js';
import { mentionSource } from '../../src/mentions/mentions.js';
import { waitFor } from '../helpers.js';

class ShortcodeTestHost extends LitElement {
  static override styles = [baseStyles, completionStyles];

  @query('textarea') box!: HTMLTextAreaElement;

  readonly completion = new CompletionController(this, {
    input: () => this.box,
    sources: [
      mentionSource({ participants: () => [{ id: 'p1', userId: 'u1', name: 'Bo' }], label: () => 'People' }),
      shortcodeSource({ label: () => 'Emoji' }),
    ],
  });

  protected override render() {
    return html`<div>${this.completion.render()}<textarea aria-label="Message"></textarea></div>`;
  }
}
customElements.define('shortcode-test-host', ShortcodeTestHost);

async function mount(): Promise<ShortcodeTestHost> {
  const host = await fixture<ShortcodeTestHost>(testHtml`<shortcode-test-host></shortcode-test-host>`);
  host.box.focus();
  return host;
}

const options = (host: ShortcodeTestHost) => [...host.shadowRoot!.querySelectorAll('[role="option"]')].map((option) => option.textContent!.replace(/\s+/g, ' ').trim());

describe(':shortcode completion (shortcodeSource)', () => {
  beforeEach(() => localStorage.clear());

  it('suggests emoji by shortcode from two characters on, and inserts the emoji', async () => {
    const host = await mount();
    await sendKeys({ type: 'great :t' });
    await host.updateComplete;
    expect(host.box.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ type: 'hu' });
    await waitFor(() => options(host).length > 0, 'suggestions show');
    expect(options(host)[0]).to.equal('👍️ :thumbsup:');
    expect(host.shadowRoot!.querySelector('[role="listbox"]')!.getAttribute('aria-label')).to.equal('Emoji');
    await sendKeys({ press: 'Enter' });
    expect(host.box.value).to.equal('great 👍️ ');
  });

  it('uses the skin tone chosen in the picker', async () => {
    localStorage.setItem('rtk-chat-kit:emoji-tone', '2');
    const host = await mount();
    await sendKeys({ type: ':thumbsu' });
    await waitFor(() => options(host).length > 0, 'suggestions show');
    await sendKeys({ press: 'Tab' });
    expect(host.box.value).to.equal('👍🏼 ');
  });

  it('stays closed for times, smileys and colons inside words', async () => {
    const host = await mount();
    for (const text of ['at 10:30', 'ok :)', 'see:ta']) {
      host.box.value = '';
      await sendKeys({ type: text });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await host.updateComplete;
      expect(host.box.getAttribute('aria-expanded'), text).to.equal('false');
    }
  });

  it('follows the trigger nearest the caret', async () => {
    const host = await mount();
    await sendKeys({ type: '@Bo :tad' });
    await waitFor(() => options(host).length > 0, 'suggestions show');
    expect(options(host)[0]).to.equal('🎉 :tada:');
    await expect(host).to.be.accessible({ ignoredRules: ['aria-allowed-role'] });
  });
});
