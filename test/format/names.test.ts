import { expect } from '@open-wc/testing';

import { displayFileName, displayName } from '../../src/format/format.js';

// Names that draw nothing: zero-width space, joiners, word joiner, BOM, bidi controls, the soft
// hyphen, tags, the Hangul fillers, the Braille blank, a lone combining mark and variation
// selector, the Mongolian vowel separator, ideographic and other spaces.
const BLANK_NAMES = [
  '',
  '   ',
  '\u200b',
  '\u200c\u200d\u2060',
  '\ufeff',
  '\u202e\u202c',
  '\u2066\u2069\u200e\u200f',
  '\u00ad',
  '\u{e0041}\u{e007f}',
  '\u3164',
  '\u115f\u1160',
  '\uffa0',
  '\u2800\u2800',
  '\u034f',
  '\ufe0f',
  '\u180e',
  '\u3000\u2003\u00a0',
];

describe('names that look empty', () => {
  it('has no display name for a name of only invisible characters, so "Unknown" is shown', () => {
    for (const name of BLANK_NAMES) {
      expect(displayName(name), JSON.stringify(name)).to.equal(undefined);
    }
    expect(displayName(undefined)).to.equal(undefined);
    expect(displayName(42)).to.equal(undefined);
  });

  it('keeps real names, accents and scripts, without bidi controls or invisible ends', () => {
    expect(displayName('Dana')).to.equal('Dana');
    expect(displayName('Jose\u0301')).to.equal('Jose\u0301');
    expect(displayName('\u05d3\u05e0\u05d4')).to.equal('\u05d3\u05e0\u05d4');
    expect(displayName('\u200bAlice\u202e')).to.equal('Alice');
    expect(displayName(' Bob\u3164')).to.equal('Bob');
    expect(displayName('\ud83d\ude00')).to.equal('\ud83d\ude00');
  });

  it('drops the overrides that could disguise a file name’s extension', () => {
    expect(displayFileName('invoice\u202egpj.exe')).to.equal('invoicegpj.exe');
    expect(displayFileName('  ')).to.equal('file');
  });
});
