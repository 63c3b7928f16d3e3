import { expect } from '@open-wc/testing';

import { mayLoadMedia, mediaPolicy, trustedOrigins } from '../../src/format/format.js';

const STORAGE = 'https://uploads.realtime.example';

describe('media policy', () => {
  it('auto loads every http(s) image and nothing unsafe', () => {
    expect(mayLoadMedia('https://tracker.example/pixel.gif', 'auto')).to.equal(true);
    expect(mayLoadMedia('http://tracker.example/pixel.gif', 'auto')).to.equal(true);
    for (const unsafe of ['javascript:alert(1)', 'data:image/png;base64,AAAA', '/relative.png', '', undefined, 42]) {
      expect(mayLoadMedia(unsafe, 'auto'), String(unsafe)).to.equal(false);
    }
  });

  it('click loads nothing from the network until asked, but a file of this page at once', () => {
    expect(mayLoadMedia('https://tracker.example/pixel.gif', 'click')).to.equal(false);
    expect(mayLoadMedia(`${STORAGE}/a.png`, 'click', [STORAGE])).to.equal(false);
    const blob = URL.createObjectURL(new Blob(['x'], { type: 'image/png' }));
    try {
      expect(mayLoadMedia(blob, 'click')).to.equal(true);
    } finally {
      URL.revokeObjectURL(blob);
    }
  });

  it('trusted loads from the trusted origins only, matched by scheme, host and port', () => {
    const origins = [STORAGE, 'https://*.cdn.example'];
    expect(mayLoadMedia(`${STORAGE}/room/a.png?sig=1`, 'trusted', origins)).to.equal(true);
    expect(mayLoadMedia('https://img.cdn.example/a.png', 'trusted', origins)).to.equal(true);
    expect(mayLoadMedia('https://a.b.cdn.example/a.png', 'trusted', origins)).to.equal(true);
    expect(mayLoadMedia('https://cdn.example/a.png', 'trusted', origins), 'the apex of a wildcard').to.equal(false);
    expect(mayLoadMedia('http://uploads.realtime.example/a.png', 'trusted', origins), 'another scheme').to.equal(false);
    expect(mayLoadMedia('https://uploads.realtime.example:8443/a.png', 'trusted', origins), 'another port').to.equal(false);
    expect(mayLoadMedia('https://uploads.realtime.example.evil.example/a.png', 'trusted', origins)).to.equal(false);
    expect(mayLoadMedia('https://evilcdn.example/a.png', 'trusted', origins)).to.equal(false);
    expect(mayLoadMedia(`https://x@uploads.realtime.example.evil.example/a.png`, 'trusted', origins)).to.equal(false);
    expect(mayLoadMedia(`${STORAGE}/a.png`, 'trusted')).to.equal(false);
  });

  it('reads the policy and the origins from attributes, failing safe', () => {
    expect(mediaPolicy('auto')).to.equal('auto');
    expect(mediaPolicy('trusted')).to.equal('trusted');
    expect(mediaPolicy('Auto')).to.equal('click');
    expect(mediaPolicy(null)).to.equal('click');
    expect(trustedOrigins(`  ${STORAGE}/path  https://*.cdn.example javascript:x  not-a-url http://x.example:8080 `)).to.deep.equal([
      STORAGE,
      'https://*.cdn.example',
      'http://x.example:8080',
    ]);
    expect(trustedOrigins(undefined)).to.deep.equal([]);
  });
});
