import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
    flex: none;
    width: var(--rtk-avatar-size, 2rem);
    height: var(--rtk-avatar-size, 2rem);
  }
  .base {
    display: grid;
    place-items: center;
    width: 100%;
    height: 100%;
    overflow: hidden;
    border-radius: var(--rtk-avatar-radius, 50%);
    background: var(--rtk-avatar-background, var(--_avatar-color));
    color: var(--rtk-avatar-text-color, #ffffff);
    user-select: none;
  }
  .initials {
    max-width: 100%;
    overflow: hidden;
    font-size: calc(var(--rtk-avatar-size, 2rem) * 0.4);
    font-weight: 600;
    line-height: 1;
    white-space: nowrap;
    /* The initials read as one piece, whatever direction their letters have. */
    unicode-bidi: isolate;
  }
  .picture {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
`;
