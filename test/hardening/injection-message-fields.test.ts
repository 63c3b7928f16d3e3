import { expect } from '@open-wc/testing';

import { displayName } from '../../src/format/format.js';
import type { LocalMeeting } from '../../src/local-meeting/index.js';
import { joinedMeeting, shadow } from '../helpers.js';
import { CORPUS } from './corpus.js';
import { auditMessages, FIELDS, renderMessages, TEXT_FIELDS, text } from './message-fields.js';
import { buttonNamed } from './support.js';
import { guarded } from './traps.js';

describe('hostile names, links and ids in <rtk-chat-message>', () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  for (const [f, field] of FIELDS.entries()) {
    if (TEXT_FIELDS.has(field.name)) continue;
    guarded(`shows every hostile ${field.name} as text, runs nothing, links nothing unsafe, stays in the panel`, async () => {
      const messages = CORPUS.map((value, i) => meeting.receive({ id: `f${f}-${i}`, userId: 'user-dana', displayName: 'Dana', ...field.message(value) }));
      const { host, elements } = await renderMessages(meeting, messages);
      const wrong = elements.map((element, i) => [i, field.check(element, CORPUS[i])] as const).filter(([, why]) => why);
      expect(wrong.map(([i, why]) => `#${i} ${JSON.stringify(CORPUS[i].slice(0, 60))}: ${why}`), 'shown as text').to.deep.equal([]);
      expect(auditMessages(elements, host)).to.deep.equal([]);
    }, 60_000);
  }

  guarded('names hostile participants in the private marker as text, inside the panel', async () => {
    const messages = CORPUS.map((value, i) => {
      meeting.addParticipant({ id: `peer-${i}`, userId: `user-${i}`, name: value });
      return meeting.receive({ id: `private-${i}`, type: 'text', message: 'psst', userId: 'user-dana', displayName: 'Dana', targetUserIds: ['user-dana', `user-${i}`] });
    });
    const { host, elements } = await renderMessages(meeting, messages);
    // Names are shown without bidi controls; one that shows nothing is "Unknown".
    expect(elements.map((element) => text(element, '.marker-private'))).to.deep.equal(CORPUS.map((value) => `private to ${displayName(value) ?? 'Unknown'}`));
    expect(auditMessages(elements, host)).to.deep.equal([]);
  }, 60_000);

  guarded('opens own hostile messages in the editor as text', async () => {
    const picks = CORPUS.filter((value) => value.length < 1000);
    const messages = picks.map((value, i) => meeting.receive({ id: `own-${i}`, type: 'text', message: value, userId: 'user-me', displayName: 'Me' }));
    const { host, elements } = await renderMessages(meeting, messages);
    for (const element of elements) buttonNamed(element, 'Edit')!.click();
    await Promise.all(elements.map((element) => element.updateComplete));
    // A textarea's value always has LF line ends: the browser turns CR and CRLF into LF.
    expect(elements.map((element) => shadow(element).querySelector('textarea')?.value)).to.deep.equal(picks.map((value) => value.replace(/\r\n?/g, '\n')));
    expect(auditMessages(elements, host)).to.deep.equal([]);
  }, 60_000);
});
