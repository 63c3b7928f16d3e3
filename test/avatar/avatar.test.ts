import { expect, fixture, html } from '@open-wc/testing';

import { RtkAvatar } from '../../src/avatar/avatar.js';
import { avatarColor, initials } from '../../src/avatar/initials.js';
import { CORPUS } from '../hardening/corpus.js';
import { guarded } from '../hardening/traps.js';
import { waitFor } from '../helpers.js';
import { auditConversation } from '../format/rich-text-support.js';

if (!customElements.get('rtk-avatar')) customElements.define('rtk-avatar', RtkAvatar);

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function parts(avatar: RtkAvatar) {
  const root = avatar.shadowRoot!;
  return {
    base: root.querySelector<HTMLElement>('[part="base"]')!,
    img: root.querySelector<HTMLImageElement>('img'),
    initials: root.querySelector('[part="initials"]')?.textContent ?? undefined,
  };
}

/** The WCAG contrast ratio of two sRGB colours given as 0–255 channels. */
function contrast(a: readonly number[], b: readonly number[]): number {
  const luminance = (rgb: readonly number[]) => {
    const [r, g, b] = rgb.map((channel) => (channel / 255 <= 0.04045 ? channel / 255 / 12.92 : ((channel / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function rgb(value: string): number[] {
  return (value.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
}

describe('rtk-avatar', () => {
  it('shows the picture, lazily and without a referrer', async () => {
    const avatar = await fixture<RtkAvatar>(html`<rtk-avatar name="Ada" user-id="u1" src="https://example.invalid/ada.png"></rtk-avatar>`);
    const { img, base } = parts(avatar);
    expect(img!.getAttribute('src')).to.equal('https://example.invalid/ada.png');
    expect(img!.getAttribute('loading')).to.equal('lazy');
    expect(img!.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(img!.alt).to.equal('');
    expect(base.getAttribute('role')).to.equal('img');
    expect(base.getAttribute('aria-label')).to.equal('Ada');
  });

  it('loads a blob picture', async () => {
    const blob = URL.createObjectURL(new Blob([Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const avatar = await fixture<RtkAvatar>(html`<rtk-avatar name="Ada" .src=${blob}></rtk-avatar>`);
    const img = parts(avatar).img!;
    await waitFor(() => img.complete && img.naturalWidth === 1, 'the blob picture loads');
    expect(parts(avatar).initials).to.equal(undefined);
  });

  it('shows initials instead of a picture that is not http(s) or blob', async () => {
    for (const src of ['javascript:alert(1)', `data:image/png;base64,${PNG}`, '/relative.png', 'ftp://x.test/a.png', '']) {
      const avatar = await fixture<RtkAvatar>(html`<rtk-avatar name="Ada Lovelace" .src=${src}></rtk-avatar>`);
      expect(parts(avatar).img, src).to.equal(null);
      expect(parts(avatar).initials).to.equal('AL');
    }
  });

  it('falls back to initials when the picture fails, and tries a new picture again', async () => {
    const avatar = await fixture<RtkAvatar>(html`<rtk-avatar name="Ada Lovelace" src=${`${location.origin}/missing-avatar.png`}></rtk-avatar>`);
    await waitFor(() => parts(avatar).initials === 'AL', 'initials after the error');
    avatar.src = `${location.origin}/another-missing.png`;
    await avatar.updateComplete;
    expect(parts(avatar).img!.getAttribute('src')).to.equal(`${location.origin}/another-missing.png`);
  });

  it('takes initials by grapheme, from the first and last words', () => {
    expect(initials('Zoë Ångström')).to.equal('ZÅ');
    expect(initials('e\u0301mile van zola')).to.equal('E\u0301Z');
    expect(initials('山田太郎')).to.equal('山');
    expect(initials('🇺🇳 Unity')).to.equal('🇺🇳U');
    expect(initials('(bob) [the builder]')).to.equal('BB');
    expect(initials('ada')).to.equal('A');
    expect(initials('ß')).to.equal('SS');
  });

  it('shows ? for a name without anything to show, and "Unknown" as its name', async () => {
    for (const name of ['', '   ', '\u200b\u202e', '!!!']) expect(initials(name), JSON.stringify(name)).to.equal('');
    const avatar = await fixture<RtkAvatar>(html`<rtk-avatar name=" "></rtk-avatar>`);
    expect(parts(avatar).initials).to.equal('?');
    expect(parts(avatar).base.getAttribute('aria-label')).to.equal('Unknown');
  });

  it('keeps hostile names harmless: no bidi controls, no piles of marks', () => {
    expect(initials('\u202eevil name')).to.equal('EN');
    expect(initials(`Z${'\u0336\u0301\u0300'.repeat(40)} x`)).to.equal('Z\u0336\u0301X');
    expect(initials('\u0000\u0007bell')).to.equal('B');
  });

  it('derives the colour from the user id: the same everywhere, different for others', async () => {
    expect(avatarColor('user-1')).to.equal(avatarColor('user-1'));
    const colours = new Set(Array.from({ length: 200 }, (_, i) => avatarColor(`user-${i}`)));
    expect(colours.size).to.equal(16);
    const [a, b] = await Promise.all([
      fixture<RtkAvatar>(html`<rtk-avatar name="Ada" user-id="user-1"></rtk-avatar>`),
      fixture<RtkAvatar>(html`<rtk-avatar name="Someone else" user-id="user-1"></rtk-avatar>`),
    ]);
    expect(getComputedStyle(parts(a).base).backgroundColor).to.equal(getComputedStyle(parts(b).base).backgroundColor);
  });

  it('keeps the initials readable on every colour, in light and dark: contrast of 4.5:1 or more', async () => {
    const ids = Array.from({ length: 400 }, (_, i) => `${i}-${Math.random().toString(36).slice(2)}`);
    for (const theme of ['light', 'dark'] as const) {
      const box = await fixture<HTMLDivElement>(html`<div>${ids.map((id) => html`<rtk-avatar theme=${theme} name="A B" user-id=${id}></rtk-avatar>`)}</div>`);
      const avatars = [...box.querySelectorAll('rtk-avatar')];
      await Promise.all(avatars.map((avatar) => avatar.updateComplete));
      for (const avatar of avatars) {
        const style = getComputedStyle(parts(avatar).base);
        const ratio = contrast(rgb(style.backgroundColor), rgb(style.color));
        expect(ratio, `${theme} ${avatar.userId} ${style.backgroundColor}`).to.be.at.least(4.5);
      }
    }
  });

  it('is accessible, named or hidden beside a written name', async () => {
    const avatar = await fixture<RtkAvatar>(html`<rtk-avatar name="Ada Lovelace" user-id="u"></rtk-avatar>`);
    await expect(avatar).to.be.accessible();
    const hidden = await fixture<RtkAvatar>(html`<rtk-avatar aria-hidden="true" name="Ada Lovelace" user-id="u"></rtk-avatar>`);
    await expect(hidden).to.be.accessible();
  });

  guarded('renders the hostile corpus as names, user ids and pictures without markup or unsafe loads', async () => {
    const box = await fixture<HTMLDivElement>(html`<div>${CORPUS.map((value) => html`<rtk-avatar .name=${value} .userId=${value} .src=${value}></rtk-avatar>`)}</div>`);
    const avatars = [...box.querySelectorAll('rtk-avatar')];
    await Promise.all(avatars.map((avatar) => avatar.updateComplete));
    for (const avatar of avatars) {
      expect(auditConversation(avatar)).to.deep.equal([]);
      const label = parts(avatar).base.getAttribute('aria-label');
      expect(label === avatar.name.trim() || label === 'Unknown').to.equal(true);
      expect((parts(avatar).initials ?? '').length).to.be.below(24);
    }
  }, 60_000);
});
