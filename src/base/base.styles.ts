import { css } from 'lit';

/**
 * First in every element's styles: sane boxes, `[hidden]` that means it, and the design tokens.
 * Each token reads the page's global `--rtk-*` property first, so one declaration on `:root`
 * themes every element; the fallbacks are the kit's light and dark palettes. The scheme comes
 * from `theme`, else from `--rtk-color-scheme` (set by a themed kit element above, or by the page).
 */
export default css`
  :host {
    box-sizing: border-box;
    /* Inherited: an element without a theme takes the one of the kit element it is in. */
    color-scheme: var(--rtk-color-scheme, light dark);
    --_font: var(--rtk-font-family, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--rtk-font-size, 0.9375rem);
    --_text: var(--rtk-color-text, light-dark(#15171c, #eceef2));
    --_muted: var(--rtk-color-text-muted, light-dark(#5d6471, #9ca3af));
    --_surface: var(--rtk-color-surface, light-dark(#ffffff, #1b1e24));
    --_background: var(--rtk-color-background, light-dark(#f5f6f8, #121418));
    --_border: var(--rtk-color-border, light-dark(#e1e4e9, #2c313a));
    --_accent: var(--rtk-color-accent, light-dark(#3553d4, #8ea2ff));
    --_on-accent: var(--rtk-color-on-accent, light-dark(#ffffff, #0e1330));
    --_own: var(--rtk-color-own-message, light-dark(#3553d4, #3b4fb8));
    --_on-own: var(--rtk-color-on-own-message, #ffffff);
    --_danger: var(--rtk-color-danger, light-dark(#c4302b, #ff8a80));
    --_highlight: var(--rtk-color-highlight, light-dark(#b45309, #fbbf24));
    --_private: var(--rtk-color-private, light-dark(#7a3fb0, #c9a2f2));
    --_on-private: var(--rtk-color-on-private, light-dark(#ffffff, #1c0d2b));
    --_private-surface: color-mix(in srgb, var(--_private) 9%, var(--_surface));
    --_radius: var(--rtk-radius, 14px);
    --_space: var(--rtk-spacing, 8px);
    --_focus: var(--rtk-color-focus, var(--_accent));
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }
  :host([theme='light']) {
    --rtk-color-scheme: light;
  }
  :host([theme='dark']) {
    --rtk-color-scheme: dark;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
