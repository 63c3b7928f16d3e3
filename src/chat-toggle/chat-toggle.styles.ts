import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
    --rtk-chat-toggle-badge-color: var(--_accent);
    --rtk-chat-toggle-on-badge-color: var(--_on-accent);
    --rtk-chat-toggle-mention-color: var(--_danger);
    --rtk-chat-toggle-on-mention-color: light-dark(#ffffff, #2a0b08);
  }
  .base {
    display: inline-flex;
  }
  button {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    /* At least the 24 px target of WCAG 2.2; 44 px where the pointer is a finger (below). */
    min-width: 24px;
    min-height: 24px;
    padding: 4px 12px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    font-size: 0.875em;
    font-weight: 600;
    cursor: pointer;
  }
  :host([compact]) button {
    padding: 4px 8px;
  }
  button:hover {
    background: var(--_background);
  }
  button[aria-expanded='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  @media (pointer: coarse) {
    button {
      min-width: 44px;
      min-height: 44px;
    }
  }
  svg {
    flex: none;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 1px;
    min-width: 1.5em;
    padding: 1px 6px;
    border-radius: 999px;
    background: var(--rtk-chat-toggle-badge-color);
    color: var(--rtk-chat-toggle-on-badge-color);
    font-size: 0.8em;
    font-weight: 700;
    line-height: 1.35;
    justify-content: center;
    font-variant-numeric: tabular-nums;
  }
  .mentioned .badge {
    background: var(--rtk-chat-toggle-mention-color);
    color: var(--rtk-chat-toggle-on-mention-color);
    /* Not by colour alone: the @ and a ring mark a mention too. */
    outline: 2px solid var(--rtk-chat-toggle-mention-color);
    outline-offset: 1px;
  }
  .mention {
    font-weight: 800;
  }
  @media (forced-colors: active) {
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
