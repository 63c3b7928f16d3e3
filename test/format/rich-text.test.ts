import { expect } from '@open-wc/testing';
import { html } from 'lit';

import { mentionName, renderRichText, SHOWN_TEXT_LIMIT, type RichTextOptions } from '../../src/format/rich-text.js';
import { CORPUS, findLitMarker, litMarkerPayloads } from '../hardening/corpus.js';
import { guarded } from '../hardening/traps.js';
import { auditConversation, renderInHost, testLink } from './rich-text-support.js';

const options: RichTextOptions = { renderLink: testLink };

/** The rendered bubble of `text`, and whether it mentions the local user. */
async function show(text: string, extra: Partial<RichTextOptions> = {}) {
  const { template, mentionsSelf } = renderRichText(text, { ...options, ...extra });
  const host = await renderInHost(template);
  return { bubble: host.shadowRoot!.querySelector('.bubble')!, mentionsSelf, host };
}

/** The bubble's elements as `tag:text`, in order. */
function marks(bubble: Element): string[] {
  return [...bubble.querySelectorAll('*')].map((element) => `${element.localName}:${element.textContent}`);
}

describe('renderRichText', () => {
  it('shows *bold*, _italic_ and ~strike~ words as Cloudflare does, keeping the rest of the token', async () => {
    const { bubble } = await show('say *hello* to _you_, ~old~! *x*y');
    expect(marks(bubble)).to.deep.equal(['b:hello', 'i:you', 's:old', 'b:x']);
    expect(bubble.textContent).to.equal('say hello to you, old! xy');
  });

  it('leaves markers alone inside a token, across spaces, empty, or doubled', async () => {
    const text = 'a*b* *two words* ** __ 2*3*4 (*no*) *';
    const { bubble } = await show(text);
    expect(bubble.querySelector('b, i, s')).to.equal(null);
    expect(bubble.textContent).to.equal(text);
  });

  it('applies only the first emphasis of a token, and shows nested markers as text', async () => {
    const { bubble } = await show('*_both_* _*x*_');
    expect(marks(bubble)).to.deep.equal(['b:_both_', 'i:*x*']);
  });

  it('renders links through the given renderer, with no emphasis inside them', async () => {
    const seen: Array<[string, string]> = [];
    const renderLink = (href: string, text: string) => {
      seen.push([href, text]);
      return html`<a href=${href}>${text}</a>`;
    };
    const { bubble } = await show('go *https://example.com/a_b_c* (https://example.org/x) javascript:alert(1)', { renderLink });
    expect(seen).to.deep.equal([
      ['https://example.com/a_b_c*', 'https://example.com/a_b_c*'],
      ['https://example.org/x', 'https://example.org/x'],
    ]);
    expect(bubble.querySelectorAll('a')).to.have.length(2);
    expect(bubble.querySelector('b')).to.equal(null);
    expect(bubble.textContent).to.include('javascript:alert(1)');
  });

  it('shows a text fenced by three backticks as a code block, without formatting', async () => {
    const { bubble } = await show('```\nconst *a* = 1;\n  https://example.com\n```');
    const pre = bubble.querySelector('pre')!;
    expect(pre.textContent).to.equal('const *a* = 1;\n  https://example.com');
    expect(bubble.querySelector('a, b')).to.equal(null);
    expect(getComputedStyle(pre).whiteSpace).to.equal('pre');
  });

  it('needs both fences on lines of their own, exactly', async () => {
    for (const text of ['```', '```\ncode', 'code\n```', '```\ncode\n```\n', ' ```\ncode\n```', '```js\ncode\n```']) {
      const { bubble } = await show(text);
      expect(bubble.querySelector('pre'), JSON.stringify(text)).to.equal(null);
      expect(bubble.textContent).to.equal(text);
    }
  });

  it('keeps new lines and formats each line', async () => {
    const { bubble } = await show('*one*\n_two_');
    expect(marks(bubble)).to.deep.equal(['b:one', 'i:two']);
    expect(bubble.textContent).to.equal('one\ntwo');
  });

  it('renders plain text as one text node', async () => {
    const { bubble } = await show('just words, no marks\nand a second line');
    const texts = [...bubble.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent !== '');
    expect(texts).to.have.length(1);
  });

  it('cuts text past 10,000 characters for display', async () => {
    const { bubble } = await show('a'.repeat(SHOWN_TEXT_LIMIT + 50));
    expect(bubble.textContent).to.equal(`${'a'.repeat(SHOWN_TEXT_LIMIT)}…`);
  });

  describe('mentions', () => {
    const names = ['Amara', 'Amara Okafor', 'Bo', 'Zoë Ångström'];

    it('shows @Name of a participant as a chip, the longest name first', async () => {
      const { bubble, mentionsSelf } = await show('hi @Amara Okafor and @Amara, @Bo!', { mentionNames: names });
      expect(marks(bubble)).to.deep.equal(['span:@Amara Okafor', 'span:@Amara', 'span:@Bo']);
      expect([...bubble.querySelectorAll('span')].every((span) => span.className === 'mention')).to.equal(true);
      expect(mentionsSelf).to.equal(false);
      expect(bubble.textContent).to.equal('hi @Amara Okafor and @Amara, @Bo!');
    });

    it('leaves @ alone inside words, for unknown names and before more of a word', async () => {
      const text = 'mail bo@Bo.com, @Bob, @Nobody @Bo_ @Amarab';
      const { bubble } = await show(text, { mentionNames: names });
      expect(bubble.querySelector('.mention')).to.equal(null);
      expect(bubble.textContent).to.equal(text);
    });

    it('flags and marks a mention of the local user', async () => {
      const { bubble, mentionsSelf } = await show('@Zoë Ångström look', { mentionNames: names, selfName: 'Zoë Ångström' });
      expect(mentionsSelf).to.equal(true);
      expect(bubble.querySelector('.mention-self')!.textContent).to.equal('@Zoë Ångström');
      const other = await show('@Amara look', { mentionNames: names, selfName: 'Zoë Ångström' });
      expect(other.mentionsSelf).to.equal(false);
    });

    it('knows the local user even when the list leaves them out', async () => {
      const { mentionsSelf } = await show('@Me hi', { mentionNames: [], selfName: 'Me' });
      expect(mentionsSelf).to.equal(true);
    });

    it('formats the text around a mention, but starts no emphasis right after it', async () => {
      const { bubble } = await show('@Bo *yes* @Bo*no*', { mentionNames: names });
      expect(marks(bubble)).to.deep.equal(['span:@Bo', 'b:yes', 'span:@Bo']);
      expect(bubble.textContent).to.equal('@Bo yes @Bo*no*');
    });

    it('matches names written with new lines or bidi controls as they are inserted', async () => {
      expect(mentionName('  Ada\n\tLovelace\u202e ')).to.equal('Ada Lovelace');
      const { bubble } = await show('@Ada Lovelace', { mentionNames: ['Ada\nLovelace\u202e'] });
      expect(bubble.querySelector('.mention')!.textContent).to.equal('@Ada Lovelace');
    });

    it('does not mention in a code block', async () => {
      const { bubble, mentionsSelf } = await show('```\n@Me\n```', { mentionNames: ['Me'], selfName: 'Me' });
      expect(bubble.querySelector('.mention')).to.equal(null);
      expect(mentionsSelf).to.equal(false);
    });
  });

  guarded('renders the hostile corpus as text: only its own tags, only safe links, nothing runs', async () => {
    const marker = findLitMarker(document.body) ?? 'lit$1$';
    const strings = [...CORPUS, ...litMarkerPayloads(marker)];
    // The corpus as messages, as participant names, and both: every string in every place.
    const content = strings.map((value, index) => {
      const text = `@${mentionName(value)} *${value}* _x_ ${value}`;
      return renderRichText(index % 2 ? text : value, { renderLink: testLink, mentionNames: strings, selfName: strings[index] }).template;
    });
    const host = await renderInHost(content);
    expect(auditConversation(host)).to.deep.equal([]);
    const bubble = host.shadowRoot!.querySelector('.bubble')!;
    const tags = new Set([...bubble.querySelectorAll('*')].map((element) => element.localName));
    for (const tag of tags) expect(['a', 'b', 'i', 's', 'span', 'pre', 'code']).to.include(tag);
    // Markup in the corpus shows as the characters it is made of.
    expect(bubble.textContent).to.include('<script>').and.include('onerror=');
  }, 60_000);
});
