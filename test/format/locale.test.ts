import { expect } from '@open-wc/testing';

import { formatCount, formatDateTime, formatDay, formatSize, formatTime, usableLocale } from '../../src/format/format.js';

const AT = Date.UTC(2026, 10, 16, 14, 5);

describe('an invalid locale', () => {
  for (const bad of ['en_US', 'not a locale', '12', 'en-', '-', 'de-DE-u-ca-', 'x'.repeat(300)]) {
    it(`never throws and formats as the browser would, or as meant: ${JSON.stringify(bad).slice(0, 20)}`, () => {
      const locale = usableLocale(bad);
      expect(formatTime(AT, bad)).to.equal(formatTime(AT, locale));
      expect(formatDay(AT, bad)).to.equal(formatDay(AT, locale));
      expect(formatDateTime(AT, bad)).to.equal(formatDateTime(AT, locale));
      expect(formatSize(1_234_567, bad)).to.equal(formatSize(1_234_567, locale));
      expect(formatCount(1234, bad)).to.equal(formatCount(1234, locale));
    });
  }

  it('reads a POSIX locale as the BCP 47 one it means, and a broken one as the browser’s', () => {
    expect(usableLocale('en_US')).to.equal('en-US');
    expect(usableLocale('de_DE')).to.equal('de-DE');
    expect(formatCount(1234567, 'de_DE')).to.equal('1.234.567');
    expect(usableLocale('not a locale')).to.equal(undefined);
    expect(formatTime(AT, 'not a locale')).to.equal(formatTime(AT));
    expect(usableLocale(undefined)).to.equal(undefined);
    expect(usableLocale('')).to.equal(undefined);
  });
});
