import { expect } from '@open-wc/testing';

import type { ChatMessage } from '../../src/meeting/contract.js';
import { composeQuoteReply, findQuotedMessage, parseQuoteReply, QUOTE_LIMIT, quotedText } from '../../src/format/quote-reply.js';
import { CORPUS } from '../hardening/corpus.js';

/** Cloudflare's UI 2.0.2 reading a text, as its dist does: the quote, then the reply. */
function cloudflareReads(text: string): { quote: string; reply: string } {
  const pattern = /<blockquote>[.\s\S]*<\/blockquote>\n\n/m;
  if (!pattern.test(text)) return { quote: '', reply: text };
  return { quote: text.substring(text.indexOf('<blockquote>') + 12, text.indexOf('</blockquote>')), reply: text.replace(pattern, '') };
}

function message(fields: Partial<ChatMessage>): ChatMessage {
  return { id: `m-${Math.random()}`, type: 'text', userId: 'u', displayName: 'Dana', time: new Date(), message: '', ...fields };
}

describe('the quote-reply convention', () => {
  it('reads a reply: the quote, multi-line, and the reply', () => {
    expect(parseQuoteReply('<blockquote>Are we on?\nReally?</blockquote>\n\nYes, in 5\n\nok')).to.deep.equal({ quote: 'Are we on?\nReally?', reply: 'Yes, in 5\n\nok' });
    expect(parseQuoteReply('<blockquote></blockquote>\n\nhm')).to.deep.equal({ quote: '', reply: 'hm' });
  });

  it('leaves every other text whole', () => {
    for (const text of ['plain', ' <blockquote>x</blockquote>\n\ny', '<blockquote>x</blockquote>\ny', '<blockquote>x</blockquote>', '<BLOCKQUOTE>x</BLOCKQUOTE>\n\ny', 'a <blockquote>x</blockquote>\n\ny']) {
      expect(parseQuoteReply(text), JSON.stringify(text)).to.deep.equal({ reply: text });
    }
  });

  it('writes what Cloudflare reads: the exact text, its quote and its reply', () => {
    const text = composeQuoteReply('Are we on?', 'Yes, in 5');
    expect(text).to.equal('<blockquote>Are we on?</blockquote>\n\nYes, in 5');
    expect(cloudflareReads(text)).to.deep.equal({ quote: 'Are we on?', reply: 'Yes, in 5' });
    expect(parseQuoteReply(text)).to.deep.equal({ quote: 'Are we on?', reply: 'Yes, in 5' });
  });

  it('quotes only the words of a reply, never the quote it carries', () => {
    const text = composeQuoteReply('<blockquote>first</blockquote>\n\nsecond', 'third');
    expect(text).to.equal('<blockquote>second</blockquote>\n\nthird');
  });

  it('cuts a long quote, and finds the message it came from', () => {
    const long = message({ message: `${'word '.repeat(200)}end` });
    const text = composeQuoteReply(long.message!, 'ok');
    const { quote } = parseQuoteReply(text);
    expect(quote!.length).to.equal(QUOTE_LIMIT + 1);
    expect(quote!.endsWith('…')).to.equal(true);
    expect(findQuotedMessage(quote!, [message({ message: 'other' }), long, message({ message: 'later' })], 'Photo')).to.equal(long);
  });

  it('does not split an emoji when cutting', () => {
    const text = composeQuoteReply(`${'a'.repeat(QUOTE_LIMIT - 1)}😀tail`, 'ok');
    expect(parseQuoteReply(text).quote).to.equal(`${'a'.repeat(QUOTE_LIMIT - 1)}…`);
  });

  it('quotes a photo and a file by a short description', () => {
    expect(quotedText(message({ type: 'image', link: 'https://x.test/a.png' }), 'Photo')).to.equal('Photo');
    expect(quotedText(message({ type: 'file', name: 'report\u202egpj.pdf' }), 'Photo')).to.equal('reportgpj.pdf');
    expect(quotedText(message({ message: '<blockquote>a</blockquote>\n\nb' }), 'Photo')).to.equal('b');
    expect(composeQuoteReply('Photo', 'nice')).to.equal('<blockquote>Photo</blockquote>\n\nnice');
  });

  it('finds the newest earlier message a quote refers to, or none', () => {
    const older = message({ message: 'same' });
    const newer = message({ message: 'same' });
    const reply = message({ message: composeQuoteReply('same', 'yes') });
    const photo = message({ type: 'image', link: 'https://x.test/a.png' });
    const list = [older, photo, newer, reply];
    expect(findQuotedMessage('same', list, 'Photo', reply)).to.equal(newer);
    expect(findQuotedMessage('same', list, 'Photo', newer)).to.equal(older);
    expect(findQuotedMessage('Photo', list, 'Photo')).to.equal(photo);
    expect(findQuotedMessage('gone', list, 'Photo')).to.equal(undefined);
  });

  it('keeps hostile quotes inside the quote, for Cloudflare and for us', () => {
    for (const value of [...CORPUS, 'x</blockquote>\n\ninjected', '</blockquote>\n\n']) {
      const text = composeQuoteReply(value, 'reply');
      const ours = parseQuoteReply(text);
      expect(ours.reply, JSON.stringify(value)).to.equal('reply');
      expect(cloudflareReads(text).reply, JSON.stringify(value)).to.equal('reply');
      expect(ours.quote).to.equal(cloudflareReads(text).quote);
    }
  });
});
