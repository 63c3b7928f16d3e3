import { expect } from '@open-wc/testing';

import { describeFileLink } from '../../src/format/format.js';

describe('what a file link really is', () => {
  it('tells that a "report.pdf" links to an .exe, and from which host', () => {
    const facts = describeFileLink('https://downloads.evil.example/get/setup.exe?x=1', 'report.pdf');
    expect(facts).to.deep.equal({
      href: 'https://downloads.evil.example/get/setup.exe?x=1',
      host: 'downloads.evil.example',
      nameExtension: 'pdf',
      linkExtension: 'exe',
      mismatch: true,
    });
  });

  it('agrees when the link names the same type, in any spelling or case', () => {
    expect(describeFileLink('https://files.example/a/photo.JPEG', 'photo.jpg').mismatch).to.equal(false);
    expect(describeFileLink('https://files.example/a/r%C3%A9sum%C3%A9.pdf', 'résumé.PDF').mismatch).to.equal(false);
  });

  it('says nothing is wrong when the link has no extension of its own, as storage links often do', () => {
    const facts = describeFileLink('https://uploads.example/files/8d2f0c', 'notes.txt');
    expect(facts.linkExtension).to.equal(undefined);
    expect(facts.mismatch).to.equal(false);
    expect(facts.host).to.equal('uploads.example');
  });

  it('reads the name as shown: a bidi override cannot hide the name’s real extension', () => {
    const facts = describeFileLink('https://files.example/invoicegpj.exe', 'invoice\u202egpj.exe');
    expect(facts.nameExtension).to.equal('exe');
    expect(facts.mismatch).to.equal(false);
  });

  it('shows a mixed-script host in punycode', () => {
    expect(describeFileLink('https://p\u0430ypal.com/r.pdf', 'r.pdf').host).to.equal('xn--pypal-4ve.com');
  });

  it('has no host for a file of this page and no link for an unsafe one', () => {
    const blob = URL.createObjectURL(new Blob(['x']));
    try {
      expect(describeFileLink(blob, 'a.txt')).to.include({ href: blob, host: undefined, mismatch: false });
    } finally {
      URL.revokeObjectURL(blob);
    }
    expect(describeFileLink('javascript:alert(1)//a.pdf', 'a.pdf')).to.deep.equal({ href: undefined, host: undefined, nameExtension: 'pdf', linkExtension: undefined, mismatch: false });
  });
});
