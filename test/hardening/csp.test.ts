/**
 * The kit under a strict Content Security Policy with Trusted Types, as SECURITY.md suggests: no
 * inline script, no eval, no inline styles, no string-to-HTML sinks outside Lit's own policy. A
 * hostile payload that got through would be blocked and reported; so would the kit itself
 * needing anything the policy forbids. This file's page keeps the policy once set.
 */
import { expect } from '@open-wc/testing';

import type { RtkChat } from '../../src/chat/chat.js';
import type { RtkChatExportButton } from '../../src/export-button/export-button.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { joinedMeeting, waitFor } from '../helpers.js';
import { auditMarkup } from './audit.js';
import { CORPUS } from './corpus.js';
import { buttonNamed, captureDownloads, mountChat, panel, renderedMessage, walkChat } from './support.js';
import { guarded } from './traps.js';

// What the tests need beyond the kit: the test runner's socket ('self'), reading captured downloads (blob:).
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: http: blob:",
  "connect-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html rtk-chat-kit',
].join('; ');

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('the kit under a strict CSP with Trusted Types', () => {
  let meeting: LocalMeeting;

  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = POLICY;
    document.head.append(meta);
  });

  beforeEach(async () => {
    localStorage.clear();
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  it('is in force: eval and string HTML are refused', () => {
    const violations: string[] = [];
    const note = (event: SecurityPolicyViolationEvent) => violations.push(event.violatedDirective);
    document.addEventListener('securitypolicyviolation', note);
    try {
      expect(() => window.eval('1')).to.throw();
      expect(() => {
        document.createElement('div').innerHTML = '<b>x</b>';
      }).to.throw(TypeError);
    } finally {
      document.removeEventListener('securitypolicyviolation', note);
    }
  });

  guarded('renders, scrolls, edits, exports and opens images with the hostile corpus, and nothing is reported', async () => {
    const blob = URL.createObjectURL(new Blob([Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const ids: string[] = [];
    CORPUS.forEach((value, i) => {
      meeting.addParticipant({ id: `peer-${i}`, userId: `user-${i}`, name: value });
      const from = { userId: `user-${i}`, displayName: value };
      ids.push(
        meeting.receive({ ...from, id: `text-${i}`, type: 'text', message: value, pinned: i % 10 === 0 }).id,
        meeting.receive({ ...from, id: `file-${i}`, type: 'file', name: value, link: value }).id,
        meeting.receive({ ...from, id: `image-${i}`, type: 'image', link: i % 2 ? value : blob }).id,
        meeting.receive({ ...from, id: `custom-${i}`, type: 'custom', html: value, message: '' }).id,
      );
    });
    const own = meeting.receive({ id: 'own', type: 'text', message: CORPUS[0], userId: 'user-me', displayName: 'Me' });
    const page = await panel(420, 600);
    const provider = document.createElement('rtk-meeting-provider');
    provider.meeting = meeting;
    page.append(provider);
    const chat = await mountChat(undefined, provider as unknown as HTMLElement);
    const exporter = document.createElement('rtk-chat-export-button');
    exporter.slot = 'header-actions';
    chat.append(exporter);
    const pinned = document.createElement('rtk-pinned-messages');
    provider.append(pinned);
    await Promise.all([chat.updateComplete, exporter.updateComplete, pinned.updateComplete]);

    const problems = new Set<string>();
    const unseen = await walkChat(chat as RtkChat, [...ids, own.id], () => auditMarkup(chat).forEach((p) => problems.add(p)));
    expect(unseen).to.deep.equal([]);
    expect([...problems]).to.deep.equal([]);

    await chat.scrollToMessage(own.id);
    buttonNamed(await waitFor(() => renderedMessage(chat, own.id)), 'Edit')!.click();
    await chat.scrollToMessage('image-0');
    const image = await waitFor(() => renderedMessage(chat, 'image-0')?.shadowRoot?.querySelector<HTMLButtonElement>('.image-button'));
    image.click();
    const [download] = await captureDownloads(() => (exporter as RtkChatExportButton).export());
    expect(download.text.length).to.be.above(1000);
    expect(auditMarkup(pinned)).to.deep.equal([]);
  }, 110_000);
});
