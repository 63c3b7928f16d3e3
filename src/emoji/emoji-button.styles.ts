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
`;
