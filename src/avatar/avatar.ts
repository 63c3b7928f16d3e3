import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';

import { KitElement } from '../base/kit-element.js';
import { safeUrl } from '../format/format.js';
import styles from './avatar.styles.js';
import { avatarColor, initials } from './initials.js';

/**
 * A participant's avatar: their picture when there is one (http(s) or blob only, loaded lazily and
 * without a referrer), else their initials on a colour derived from their user id, the same in
 * every meeting and on every page. A picture that fails to load gives way to the initials.
 * Where the name is written beside it, hide it from assistive technology with `aria-hidden="true"`.
 *
 * @summary A participant's picture, or their initials on their colour.
 * @tagname rtk-avatar
 *
 * @csspart base - The circle.
 * @csspart image - The picture.
 * @csspart initials - The initials.
 *
 * @cssprop [--rtk-avatar-size=2rem] - Width and height.
 * @cssprop [--rtk-avatar-radius=50%] - Corner radius: 50% is a circle.
 * @cssprop [--rtk-avatar-background=a colour from the user id] - Background behind the initials; white text on the derived colours has a contrast of at least 4.5:1.
 * @cssprop [--rtk-avatar-text-color=#ffffff] - Colour of the initials.
 */
export class RtkAvatar extends KitElement {
  static override styles = [KitElement.styles, styles];

  /** Whether the picture failed to load; reset when `src` changes. */
  @state() private failed = false;

  /** The participant's name: the initials and the accessible name come from it. */
  @property() name = '';

  /** The participant's user id: the colour comes from it (the name when it is empty). */
  @property({ attribute: 'user-id' }) userId = '';

  /** The picture's URL; only http(s) and blob URLs are loaded. */
  @property() src: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) this.failed = false;
    // Through the CSSOM, which a strict CSP allows (an inline style attribute it would not).
    if (changed.has('userId') || changed.has('name')) this.style.setProperty('--_avatar-color', avatarColor(this.userId || this.name));
  }

  protected override render() {
    const picture = this.failed ? undefined : safeUrl(this.src, true);
    const label = this.name.trim() || this.i18n.unknownSender;
    return html`<span
      part="base"
      class="base"
      role="img"
      aria-label=${label}
      >${picture
        ? html`<img part="image" class="picture" src=${picture} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" @error=${() => (this.failed = true)} />`
        : html`<span part="initials" class="initials" aria-hidden="true">${initials(this.name) || '?'}</span>`}</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtk-avatar': RtkAvatar;
  }
}
