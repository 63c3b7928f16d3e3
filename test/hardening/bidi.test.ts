import { expect } from '@open-wc/testing';

import type { LocalMeeting } from '../../src/local-meeting/index.js';
import type { RtkPinnedMessages } from '../../src/pinned-messages/pinned-messages.js';
import { joinedMeeting, shadow } from '../helpers.js';
import { visualText } from './audit.js';
import { renderMessages } from './message-fields.js';
import { mount, panel } from './support.js';
import { guarded } from './traps.js';

/** Right-to-left overrides and embeddings a name may end with, none of them closed. */
const OVERRIDES = ['Alice\u202e', 'Alice\u202b', 'Alice\u2067', 'Alice\u202e\u2066'];

function textNode(element: Element | null | undefined): Text {
  const node = [...(element?.childNodes ?? [])].find((child): child is Text => child instanceof Text && child.data.trim() !== '');
  if (!node) throw new Error(`no text in <${element?.localName}>`);
  return node;
}

describe("bidi controls in hostile names cannot reorder the kit's own text", () => {
  let meeting: LocalMeeting;

  beforeEach(async () => {
    meeting = await joinedMeeting();
  });

  afterEach(() => meeting.leave());

  guarded("keeps the time after a sender's name reading as a time", async () => {
    const messages = OVERRIDES.map((displayName) => meeting.receive({ type: 'text', message: 'hi', displayName }));
    const { elements } = await renderMessages(meeting, messages);
    for (const element of elements) {
      const time = textNode(shadow(element).querySelector('time'));
      expect(visualText(time), JSON.stringify(element.message?.displayName)).to.equal(time.data);
    }
  });

  guarded('keeps the time and the preview of a pinned message reading as written', async () => {
    for (const displayName of OVERRIDES) meeting.receive({ type: 'text', message: 'plain words', displayName, pinned: true });
    const host = await panel(300, 600);
    const pinned = await mount<RtkPinnedMessages>('rtk-pinned-messages', meeting, host);
    for (const item of shadow(pinned).querySelectorAll('li')) {
      const time = textNode(item.querySelector('time'));
      expect(visualText(time)).to.equal(time.data);
      expect(visualText(textNode(item.querySelector('.preview')))).to.equal('plain words');
    }
  });

  guarded('keeps the markers under a message with an override in its text reading as written', async () => {
    const { elements } = await renderMessages(meeting, [meeting.receive({ type: 'text', message: 'hi\u202e', isEdited: true, pinned: true })]);
    for (const marker of shadow(elements[0]).querySelectorAll('[part="meta"] span')) {
      const node = textNode(marker);
      expect(visualText(node)).to.equal(node.data);
    }
  });

  guarded("does not let a file name's override disguise its extension", async () => {
    // "invoice‮gpj.exe" reads "invoiceexe.jpg" on screen if the override is honoured: an .exe
    // offered as a picture. The kit drops bidi controls from file names, shown and saved alike
    // (a file manager would honour the override too): what the user reads ends in .exe.
    const name = 'invoice\u202egpj.exe';
    const { elements } = await renderMessages(meeting, [meeting.receive({ type: 'file', name, link: 'https://ok.invalid/f', size: 1 })]);
    const link = shadow(elements[0]).querySelector('a.file-name')!;
    expect(link.getAttribute('download')).to.equal('invoicegpj.exe');
    expect(visualText(textNode(link))).to.match(/\.exe$/);
  });
});
