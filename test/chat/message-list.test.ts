import { expect } from '@open-wc/testing';

import { dayLabel } from '../../src/chat/message-list.js';

const words = { today: 'Today', yesterday: 'Yesterday' };

describe('date separators', () => {
  // Local times: the separators follow the user's calendar days.
  const now = new Date(2026, 10, 30, 0, 30).getTime();

  it('say "Today" for the current local day, from its first minute', () => {
    expect(dayLabel(new Date(2026, 10, 30, 0, 0).getTime(), 'en-US', words, now)).to.equal('Today');
  });

  it('say "Yesterday" for the day before, up to its last minute', () => {
    expect(dayLabel(new Date(2026, 10, 29, 23, 59).getTime(), 'en-US', words, now)).to.equal('Yesterday');
    expect(dayLabel(new Date(2026, 10, 29, 0, 0).getTime(), 'en-US', words, now)).to.equal('Yesterday');
  });

  it('give the date, in the locale, further back', () => {
    expect(dayLabel(new Date(2026, 10, 28, 23, 59).getTime(), 'en-US', words, now)).to.equal('Saturday, November 28, 2026');
    expect(dayLabel(new Date(2026, 10, 28, 12, 0).getTime(), 'de-DE', words, now)).to.equal('Samstag, 28. November 2026');
  });

  it('say "Yesterday" across a month and a year', () => {
    const newYear = new Date(2027, 0, 1, 9, 0).getTime();
    expect(dayLabel(new Date(2026, 11, 31, 22, 0).getTime(), 'en-US', words, newYear)).to.equal('Yesterday');
  });

  it('use the words it is given', () => {
    expect(dayLabel(now, 'de-DE', { today: 'Heute', yesterday: 'Gestern' }, now)).to.equal('Heute');
  });
});
