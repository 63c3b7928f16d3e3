import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
  }
  .base {
    display: inline-flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 4px;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    padding: 5px 12px;
    font-size: 0.8125em;
    font-weight: 600;
    cursor: pointer;
  }
  button:hover:not([aria-disabled='true']) {
    background: var(--_background);
  }
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :host([busy]) button {
    cursor: progress;
  }
  .progress,
  .status {
    font-size: 0.75em;
    color: var(--_muted);
    max-width: 18rem;
    text-align: end;
  }
  .error {
    font-size: 0.75em;
    color: var(--_danger);
    max-width: 18rem;
    text-align: end;
  }
`;
