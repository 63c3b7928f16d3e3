/**
 * Custom messages' html under the kit's strict CSP with Trusted Types, the page allowing the
 * sanitiser's policy (`trusted-types lit-html rtk-chat-kit`): it renders, sanitised, and only what
 * the browser blocked while parsing is reported. DOMPurify loads with the first html, not before. This file's page keeps the policy.
 */
import { expect } from '@open-wc/testing';

import { renderCustomMessage } from '../../src/custom-message/custom-message.js';
import type { ChatMessage } from '../../src/meeting/contract.js';
import { defaultStrings } from '../../src/strings/strings.js';
import { waitFor } from '../helpers.js';
import { enforcePolicy, renderInHost } from '../format/rich-text-support.js';

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html rtk-chat-kit',
].join('; ');

const message = (html: string): ChatMessage => ({ id: 'c1', type: 'custom', userId: 'u', displayName: 'Bot', time: new Date(), html });
const options = { strings: defaultStrings, renderText: (text: string) => text, media: { policy: 'auto' as const, origins: [], loadAnyway: false }, onLoadMedia: () => {} };

describe('custom html under Trusted Types, the sanitiser allowed', () => {
  const violations = enforcePolicy(POLICY, (event) => `${event.violatedDirective} ${event.sourceFile.includes('purify') ? 'while sanitising' : event.sourceFile}`);

  it('loads DOMPurify on the first html only, and renders it sanitised', async () => {
    const loaded = () => performance.getEntriesByType('resource').filter((entry) => /dompurify|purify/.test(entry.name)).map((entry) => entry.name);
    expect(loaded()).to.deep.equal([]);
    const host = await renderInHost(renderCustomMessage(message('<p>Hi <b>there</b><img src=x onerror="window.__pwned=1"><a href="https://example.com/">link</a></p>'), options));
    const markup = host.shadowRoot!.querySelector('.custom-html')!;
    await waitFor(() => markup.querySelector('b'), 'the html shows');
    expect(markup.textContent).to.equal('Hi therelink');
    expect(markup.querySelector('[onerror]')).to.equal(null);
    expect(loaded().length).to.be.above(0);
    expect(loaded().every((url) => new URL(url).origin === location.origin)).to.equal(true);
    // Chrome reports the handler it blocked while DOMPurify parsed the markup: nothing else.
    expect(violations).to.deep.equal(['script-src-attr while sanitising']);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('renders harmless html without any report', async () => {
    violations.length = 0;
    const host = await renderInHost(renderCustomMessage(message('<ul><li><a href="https://example.com/">one</a></li><li><em>two</em></li></ul>'), options));
    await waitFor(() => host.shadowRoot!.querySelector('.custom-html em'), 'the html shows');
    expect(violations).to.deep.equal([]);
  });
});
