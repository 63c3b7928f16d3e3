/**
 * What the conversation tests share: a host element that renders a template in a shadow root with
 * the kit's base styles and the rich-text styles (as a message element would), and the hardening audit widened by exactly what
 * this templates add (to be added to `test/hardening/audit.ts` when they are wired in).
 */
import { fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html, type CSSResultGroup, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';

import baseStyles from '../../src/base/base.styles.js';
import richTextStyles from '../../src/format/rich-text.styles.js';
import { auditMarkup } from '../hardening/audit.js';

/** Renders `content` in its shadow root, with the styles a message element would have. */
export class ConversationTestHost extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, richTextStyles];

  /** What to render, given as a function: a directive in it then resolves where children go. */
  @property({ attribute: false }) view: () => unknown = () => '';

  protected override render() {
    return html`<div class="bubble">${this.view()}</div>`;
  }
}
if (!customElements.get('conversation-test-host')) customElements.define('conversation-test-host', ConversationTestHost);

/** A host showing `content`, rendered. */
export async function renderInHost(content: unknown): Promise<ConversationTestHost> {
  const host = await fixture<ConversationTestHost>(testHtml`<conversation-test-host .view=${() => content}></conversation-test-host>`);
  await host.updateComplete;
  return host;
}

/** The link renderer the tests give: what the message element does today. */
export function testLink(href: string, text: string): TemplateResult {
  return html`<a href=${href} target="_blank" rel="noopener noreferrer">${text}</a>`;
}

/** Tags, attributes and classes this templates add to what `audit.ts` knows. */
/** What the tests render beyond the kit's own templates (which `auditMarkup` knows): the emoji test host. */
export const ADDED = {
  tags: ['emoji-test-host-emoji-picker'],
  attributes: [] as string[],
  classes: [] as string[],
};

/** `auditMarkup`, less the complaints about exactly what `ADDED` lists. */
export function auditConversation(root: Element): string[] {
  return auditMarkup(root).filter((problem) => {
    const tag = /^unexpected element <([\w-]+)>/.exec(problem)?.[1];
    if (tag) return !ADDED.tags.includes(tag);
    const attribute = /^unexpected attribute ([\w-]+) on/.exec(problem)?.[1];
    if (attribute) return !ADDED.attributes.includes(attribute);
    const className = /^unexpected class "([\w-]+)"/.exec(problem)?.[1];
    if (className) return !ADDED.classes.includes(className);
    return true;
  });
}

/**
 * Puts a Content-Security-Policy in force from `before` on (a policy set by a meta element stays
 * for the page's life: one per test file) and keeps what it reports, as `describe` words it.
 */
export function enforcePolicy(policy: string, describe: (event: SecurityPolicyViolationEvent) => string): string[] {
  const violations: string[] = [];
  const note = (event: SecurityPolicyViolationEvent) => violations.push(describe(event));
  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = policy;
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', note);
  });
  after(() => document.removeEventListener('securitypolicyviolation', note));
  return violations;
}
