import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { css, html, LitElement } from 'lit';
import { query } from 'lit/decorators.js';

import baseStyles from '../../src/base/base.styles.js';
import { MentionCompletion } from '../../src/mentions/mention-completion.js';
import { defaultStrings } from '../../src/strings/strings.js';
import { waitFor } from '../helpers.js';

/** A composer in miniature with the completion as the composer would add it. */
class LazyMentionHost extends LitElement {
  static override styles = [baseStyles, css`.row { position: relative; margin-top: 20rem; }`];

  @query('textarea') box!: HTMLTextAreaElement;

  draft = '';
  picked: string[] = [];

  readonly completion = new MentionCompletion(this, {
    input: () => this.box,
    participants: () => [{ id: 'p1', userId: 'u1', name: 'Amara Okafor' }],
    strings: () => ({ ...defaultStrings, mentionSuggestions: 'Personnes' }),
    shortcodes: false,
    onPick: (text) => this.picked.push(text),
  });

  protected override render() {
    return html`<div class="row">${this.completion.render()}<textarea aria-label="Message" @input=${() => (this.draft = this.box.value)}></textarea></div>`;
  }
}
customElements.define('lazy-mention-host', LazyMentionHost);

const loaded = () => performance.getEntriesByType('resource').filter((entry) => /mentions\/completion|mentions\/mentions/.test(entry.name));

describe('MentionCompletion (the composer-facing facade)', () => {
  it('loads the completion when the box first takes the focus, then suggests and inserts', async () => {
    const host = await fixture<LazyMentionHost>(testHtml`<lazy-mention-host></lazy-mention-host>`);
    expect(loaded()).to.deep.equal([]);
    expect(host.box.hasAttribute('role')).to.equal(false);
    host.box.focus();
    // Typed at once, before the chunk is there: the list still opens once it is.
    await sendKeys({ type: 'hi @am' });
    await waitFor(() => host.shadowRoot!.querySelector('[role="option"]'), 'the suggestions show');
    expect(loaded().length).to.be.above(0);
    expect(host.box.getAttribute('role')).to.equal('combobox');
    expect(host.completion.open).to.equal(true);
    const list = host.shadowRoot!.querySelector('[role="listbox"]')!;
    expect(list.getAttribute('aria-label')).to.equal('Personnes');
    // The list's styles came with it: it floats above the box.
    expect(getComputedStyle(list).position).to.equal('absolute');
    await sendKeys({ press: 'Enter' });
    expect(host.box.value).to.equal('hi @Amara Okafor ');
    expect(host.draft).to.equal('hi @Amara Okafor ');
    expect(host.picked).to.deep.equal(['@Amara Okafor']);
    expect(host.completion.open).to.equal(false);
    await expect(host).to.be.accessible({ ignoredRules: ['aria-allowed-role'] });
  });

  it('does not suggest emoji when shortcodes are off', async () => {
    const host = await fixture<LazyMentionHost>(testHtml`<lazy-mention-host></lazy-mention-host>`);
    host.box.focus();
    await sendKeys({ type: 'ok :thu' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await host.updateComplete;
    expect(host.completion.open).to.equal(false);
  });
});
