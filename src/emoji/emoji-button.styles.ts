import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
  }
  .button {
    display: inline-grid;
    place-items: center;
    width: var(--rtk-emoji-button-size, 2.25rem);
    height: var(--rtk-emoji-button-size, 2.25rem);
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .button:hover:not(:disabled) {
    background: color-mix(in srgb, currentColor 10%, transparent);
    color: var(--_text);
  }
  .button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  svg {
    width: 1.35rem;
    height: 1.35rem;
  }
  dialog {
    width: min(22rem, calc(100vw - 2rem));
    max-height: min(28rem, calc(100vh - 2rem));
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.2);
  }
  .retry {
    margin: 0 calc(var(--_space) * 2) calc(var(--_space) * 2);
  }
  .status {
    margin: 0;
    padding: calc(var(--_space) * 2);
    color: var(--_muted);
  }
`;
