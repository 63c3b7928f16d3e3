import { expect } from '@open-wc/testing';

import { isSafeUrl } from './audit.js';
import { CORPUS, HUGE_WORD } from './corpus.js';
import { TRAP_LOAD } from './traps.js';

describe('the hostile corpus', () => {
  it('holds at least 200 different strings', () => {
    expect(CORPUS.length).to.be.at.least(200);
    expect(new Set(CORPUS).size).to.equal(CORPUS.length);
  });

  it('covers every family of attack it is meant to', () => {
    const has = (pattern: RegExp) => CORPUS.filter((s) => pattern.test(s)).length;
    expect(has(/<script/i), 'script tags').to.be.at.least(5);
    expect(has(/\son\w+=/i), 'event handlers').to.be.at.least(15);
    for (const scheme of ['javascript', 'data', 'vbscript']) {
      expect(has(new RegExp(`^${scheme}:`)), `${scheme}: lower case`).to.be.at.least(1);
      expect(has(new RegExp(`^${scheme.toUpperCase()}:`)), `${scheme}: upper case`).to.be.at.least(1);
      expect(has(new RegExp(`^${scheme.slice(0, 2)}[^:]*\\t`)), `${scheme}: tab inside the scheme`).to.be.at.least(1);
      expect(has(new RegExp(`^&#x${scheme.charCodeAt(0).toString(16)};`)), `${scheme}: entities`).to.be.at.least(1);
      expect(has(new RegExp(`^%${scheme.charCodeAt(0).toString(16)}`)), `${scheme}: percent-encoding`).to.be.at.least(1);
    }
    expect(has(/^java\tscript:/), 'java\\tscript:').to.equal(1);
    expect(has(/<svg|<math/i), 'SVG and MathML').to.be.at.least(8);
    expect(has(/\$\{/), 'template literals').to.be.at.least(3);
    expect(has(/lit\$\d+\$/), 'Lit markers').to.be.at.least(4);
    expect(has(/[\u202a-\u202e\u2066-\u2069]/), 'bidi overrides').to.be.at.least(4);
    expect(has(/[\u200b-\u200d\u2060\ufeff]/), 'zero-width').to.be.at.least(3);
    expect(has(/\p{M}{20}/u), 'combining marks').to.be.at.least(2);
    expect(CORPUS).to.include(HUGE_WORD);
    expect(HUGE_WORD).to.have.length(100_000);
  });

  it('never puts the trap word in a string the kit may legitimately load', () => {
    // Otherwise the page trap could not tell a payload that got through from an allowed image.
    expect(CORPUS.filter((s) => isSafeUrl(s) && s.includes(TRAP_LOAD))).to.deep.equal([]);
  });
});
