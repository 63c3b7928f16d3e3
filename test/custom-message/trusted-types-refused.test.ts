/**
 * Custom messages' html on a page that enforces Trusted Types without allowing the sanitiser's
 * policy (`trusted-types lit-html`): the html cannot be parsed, so the message says "Custom
 * message" instead, and nothing breaks. The refusal itself is reported once, by the browser.
 */
import { expect } from '@open-wc/testing';

import { renderCustomMessage } from '../../src/custom-message/custom-message.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import { defaultStrings } from '../../src/strings/strings.js';
import { waitFor } from '../helpers.js';
import { enforcePolicy, renderInHost } from '../format/rich-text-support.js';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const message = (id: string, html: string): ChatMessage => ({ id, type: 'custom', userId: 'u', displayName: 'Bot', time: new Date(), message: 'Text stays', html });
const options = { strings: defaultStrings, renderText: (text: string) => text, media: { policy: 'auto' as const, origins: [], loadAnyway: false }, onLoadMedia: () => {} };

describe('custom html under Trusted Types, the sanitiser not allowed', () => {
  const violations = enforcePolicy(POLICY, (event) => `${event.violatedDirective} ${event.sample}`);
  const errors: string[] = [];
  const onError = (event: ErrorEvent | PromiseRejectionEvent) => errors.push(String('message' in event ? event.message : event.reason));

  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
  });

  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  });

  it('shows the text and "Custom message" in place of the html, without errors', async () => {
    const host = await renderInHost([renderCustomMessage(message('a', '<b>bold</b>'), options), renderCustomMessage(message('b', '<i>second</i>'), options)]);
    const markups = [...host.shadowRoot!.querySelectorAll('.custom-html')];
    await waitFor(() => markups.every((markup) => markup.textContent === 'Custom message'), 'the fallback shows');
    expect(host.shadowRoot!.querySelector('b, i')).to.equal(null);
    expect(host.shadowRoot!.querySelector('.custom')!.textContent).to.include('Text stays');
    expect(errors).to.deep.equal([]);
    expect(violations).to.deep.equal(['trusted-types rtk-chat-kit']);
  });
});
