import { expect } from '@open-wc/testing';

import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { joinedMeeting, shadow } from '../helpers.js';
import { CORPUS, findLitMarker, HUGE_WORD, litMarkerPayloads } from './corpus.js';
import { auditMessages, FIELDS, renderMessages, TEXT_FIELDS, text } from './message-fields.js';
import { guarded } from './traps.js';

describe('hostile message text in <rtk-chat-message>', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  for (const [f, field] of FIELDS.entries()) {
    if (!TEXT_FIELDS.has(field.name)) continue;
    guarded(`shows every hostile ${field.name} as text, runs nothing, links nothing unsafe, stays in the panel`, async () => {
      const messages = CORPUS.map((value, i) => meeting.receive({ id: `f${f}-${i}`, userId: 'user-dana', displayName: 'Dana', ...field.message(value) }));
      const { host, elements } = await renderMessages(meeting, messages);
      const wrong = elements.map((element, i) => [i, field.check(element, CORPUS[i])] as const).filter(([, why]) => why);
      expect(wrong.map(([i, why]) => `#${i} ${JSON.stringify(CORPUS[i].slice(0, 60))}: ${why}`), 'shown as text').to.deep.equal([]);
      expect(auditMessages(elements, host)).to.deep.equal([]);
    }, 90_000);
  }

  guarded('wraps the 100 kB word inside the panel', async () => {
    const { host, elements: [element] } = await renderMessages(meeting, [meeting.receive({ type: 'text', message: HUGE_WORD })]);
    const bubble = shadow(element).querySelector('[part="bubble"]')!.getBoundingClientRect();
    const line = parseFloat(getComputedStyle(shadow(element).querySelector('.text')!).lineHeight);
    expect(bubble.right).to.be.at.most(host.getBoundingClientRect().right);
    expect(bubble.height / line, 'lines').to.be.above(100);
    expect(auditMessages([element], host)).to.deep.equal([]);
  }, 90_000);

  guarded("keeps the page's own Lit marker inert in text and names", async () => {
    const { elements: [probe] } = await renderMessages(meeting, [meeting.receive({ type: 'text', message: 'probe' })]);
    const marker = findLitMarker(probe);
    expect(marker, 'a Lit marker in the rendered tree').to.match(/^lit\$\d+\$$/);
    const payloads = litMarkerPayloads(marker!);
    const messages = payloads.map((value, i) => meeting.receive({ id: `marker-${i}`, type: 'text', message: value, displayName: value }));
    const { host, elements } = await renderMessages(meeting, messages);
    expect(elements.map((element) => text(element, '.text'))).to.deep.equal(payloads);
    expect(elements.map((element) => text(element, '.sender'))).to.deep.equal(payloads);
    expect(auditMessages(elements, host)).to.deep.equal([]);
  });
});
