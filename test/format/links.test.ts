import { expect } from '@open-wc/testing';
import { html, render } from 'lit';

import { linkify, showLink, type TextPart } from '../../src/format/format.js';

const links = (text: string) => linkify(text).filter((part) => part.href !== undefined);

describe('links show where they really go', () => {
  it('shows an ordinary link as typed, with its whole URL as the title', () => {
    expect(linkify('See https://example.com/a?b=1.')).to.deep.equal([
      { text: 'See ' },
      { href: 'https://example.com/a?b=1', text: 'https://example.com/a?b=1', title: 'https://example.com/a?b=1', host: 'example.com' },
      { text: '.' },
    ]);
  });

  it('does not show userinfo as if it were the host, and drops it from the link', () => {
    const [link] = links('Log in at https://www.paypal.com@evil.example/login now');
    expect(link.host).to.equal('evil.example');
    expect(link.text).to.equal('https://evil.example/login');
    expect(link.title).to.equal('https://evil.example/login');
    expect(link.href).to.equal('https://evil.example/login');
    expect(link.text).not.to.include('paypal');
    const [withPassword] = links('https://user:secret@files.example/x');
    expect(withPassword.text).to.equal('https://files.example/x');
    expect(withPassword.href).not.to.include('secret');
  });

  it('shows a host that mixes scripts (a Cyrillic а in pаypal.com) in punycode', () => {
    const [link] = links('https://p\u0430ypal.com/signin');
    expect(link.host).to.equal('xn--pypal-4ve.com');
    expect(link.text).to.equal('https://xn--pypal-4ve.com/signin');
    expect(link.title).to.equal('https://xn--pypal-4ve.com/signin');
  });

  it('shows a host of Latin look-alikes in another script in punycode, but real IDNs in Unicode', () => {
    // All Cyrillic, and reads "apple".
    expect(showLink('https://\u0430\u0440\u0440\u04cf\u0435.com/')!.host).to.match(/^xn--/);
    expect(showLink('https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444/')!.host).to.equal('\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444');
    expect(showLink('https://b\u00fccher.example/')!.host).to.equal('b\u00fccher.example');
    expect(showLink('https://\u4f8b\u3048.jp/')!.host).to.equal('\u4f8b\u3048.jp');
    expect(showLink('https://\u0441\u043e\u0441.\u0440\u0444/')!.host, 'look-alikes under a TLD of their own script').to.equal('\u0441\u043e\u0441.\u0440\u0444');
  });

  it('does not let a look-alike slash (U+2044, U+2215) make another host appear first', () => {
    for (const slash of ['\u2044', '\u2215']) {
      const [link] = links(`https://www.paypal.com${slash}login.evil.example/x`);
      expect(link, slash).to.exist;
      expect(link.text, slash).not.to.include(slash);
      expect(link.host, slash).to.match(/^www\.paypal\.xn--[a-z0-9-]+\.evil\.example$/);
      expect(link.title.startsWith(`https://${link.host}/`), slash).to.equal(true);
    }
  });

  it('removes bidi controls from link text, so an RLO before or inside a URL cannot reverse it', () => {
    const parts = linkify('\u202ehttps://evil.example/\u202emoc.lapyap.www');
    const [link] = parts.filter((part) => part.href);
    expect(link.text).to.equal('https://evil.example/moc.lapyap.www');
    expect(link.title).to.equal('https://evil.example/moc.lapyap.www');
    expect(link.text).not.to.match(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    const [marked] = links('https://example.com/\u200f\u2066x\u2069');
    expect(marked.text).to.equal('https://example.com/x');
  });

  it('keeps the host in the text and the whole href when the text is cut', () => {
    const long = `https://files.example.com/${'a'.repeat(300)}`;
    const link = showLink(long, { maxLength: 40 })!;
    expect(link.text).to.equal(`https://files.example.com/${'a'.repeat(13)}…`);
    expect(link.text).to.have.length(40);
    expect(link.href).to.equal(long);
    const tiny = showLink(long, { maxLength: 5 })!;
    expect(tiny.text).to.equal('https://files.example.com…');
    expect(showLink(`https://files.example.com/${'b'.repeat(2000)}`)!.title).to.have.length(500);
  });

  it('cuts a long text at the limit, never inside a link’s host, and keeps the link’s whole href', () => {
    const url = 'https://docs.example.org/a/very/long/path';
    const parts = linkify(`${'x'.repeat(10)} ${url} and more text`, { limit: 20 });
    expect(parts.map((part) => part.text)).to.deep.equal(['x'.repeat(10) + ' ', 'https://docs.example.org…']);
    expect(parts[1].href).to.equal(url);
    expect(linkify('0123456789 and then', { limit: 10 })).to.deep.equal([{ text: '0123456789…' }]);
    expect(linkify('short', { limit: 10 })).to.deep.equal([{ text: 'short' }]);
  });

  it('keeps brackets a URL opened and leaves the sentence’s punctuation outside', () => {
    const texts = (text: string) => links(text).map((part) => part.text);
    expect(texts('(see https://en.wikipedia.org/wiki/Set_(mathematics)).')).to.deep.equal(['https://en.wikipedia.org/wiki/Set_(mathematics)']);
    expect(texts('"https://example.com/x",')).to.deep.equal(['https://example.com/x']);
    expect(texts('[https://example.com/]')).to.deep.equal(['https://example.com/']);
  });

  it('links only http(s) and leaves the rest text', () => {
    const parts: TextPart[] = linkify('javascript:alert(1) data:text/html,x https://ok.example');
    expect(parts.filter((part) => part.href).map((part) => part.href)).to.deep.equal(['https://ok.example/']);
    expect(parts.map((part) => part.text).join('')).to.equal('javascript:alert(1) data:text/html,x https://ok.example');
  });

  it('strips trailing punctuation in linear time: a 300,000-character run does not hang', () => {
    // A backtracking `[.,;…]+$` takes a quadratic number of steps here: minutes, not milliseconds.
    const run = `see http://a.example/${'.'.repeat(300_000)}b and ${'!'.repeat(300_000)}`;
    const parts = linkify(run);
    expect(parts.filter((part) => part.href)).to.have.length(1);
    expect(parts.map((part) => part.text).join('')).to.equal(run);
  });

  it('renders, with the link isolated, in the order it is written after an RLO', async () => {
    // How the message element renders a link: `dir="ltr"` and `unicode-bidi: isolate` keep an
    // override in the text before it from reversing the link.
    const host = document.createElement('div');
    host.style.cssText = 'font: 16px monospace; white-space: pre';
    document.body.append(host);
    try {
      const parts = linkify('\u202eclick https://evil.example/x');
      render(html`${parts.map((part) => (part.href ? html`<a dir="ltr" style="unicode-bidi: isolate" href=${part.href} title=${part.title}>${part.text}</a>` : part.text))}`, host);
      const anchor = host.querySelector('a')!;
      const text = [...anchor.childNodes].find((node): node is Text => node instanceof Text && node.data !== "")!;
      const box = (index: number) => {
        const range = document.createRange();
        range.setStart(text, index);
        range.setEnd(text, index + 1);
        return range.getBoundingClientRect().left;
      };
      const lefts = Array.from({ length: text.data.length }, (_, i) => box(i));
      expect(lefts.every((left, i) => i === 0 || left > lefts[i - 1]), `the link reads left to right: ${lefts.join(" ")}`).to.equal(true);
      expect(anchor.title).to.equal('https://evil.example/x');
    } finally {
      host.remove();
    }
  });
});
