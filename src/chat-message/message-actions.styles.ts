import { css } from 'lit';

/** The actions of a message: the floating toolbar, the menu on touch screens, the delete confirmation. */
export default css`
  /*
   * The actions float over the message: they take no space beside it. While hidden they cannot
   * be hit (pointer-events), and they show on hover and when a key brings focus into them.
   */
  /* Anchored at the side the message sits on, growing inwards: it never leaves the panel. */
  .tools {
    position: absolute;
    inset-block-start: -20px;
    inset-inline-start: 4px;
    z-index: 1;
    display: flex;
  }
  :host([own]) .tools {
    inset-inline-start: auto;
    inset-inline-end: 4px;
  }
  .actions {
    display: flex;
    gap: 2px;
    padding: 2px;
    border-radius: 10px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    box-shadow: 0 2px 10px rgb(0 0 0 / 0.12);
    opacity: 0;
    pointer-events: none;
    transition: opacity 120ms;
  }
  :host(:hover) .actions,
  .actions:focus-within {
    opacity: 1;
    pointer-events: auto;
  }
  .more {
    display: none;
  }
  .action,
  .more,
  .confirm button,
  .close {
    min-width: 24px;
    min-height: 24px;
    border: 0;
    border-radius: 8px;
    background: none;
    color: var(--_text);
    font: inherit;
    font-size: 0.8125em;
    padding: 4px 8px;
    cursor: pointer;
  }
  .action:hover,
  .more:hover {
    background: var(--_background);
  }
  /* No hover on touch screens: a visible "More actions" button opens the actions as a menu. */
  @media (pointer: coarse) {
    .tools {
      position: static;
      align-self: center;
      flex-direction: column;
      align-items: flex-end;
    }
    .more {
      display: inline-grid;
      place-items: center;
      width: 44px;
      height: 44px;
      fill: var(--_muted);
    }
    .actions,
    :host(:hover) .actions {
      display: none;
    }
    .tools[open] .actions {
      position: absolute;
      inset-block-start: 44px;
      display: flex;
      flex-direction: column;
      opacity: 1;
      pointer-events: auto;
    }
    .action,
    .confirm button,
    .close {
      min-height: 44px;
      min-width: 44px;
      text-align: start;
    }
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    margin: 6px 4px 0;
    padding: 6px 8px;
    border-radius: 10px;
    border: 1px solid var(--_danger);
    background: var(--_surface);
    font-size: 0.875em;
  }
  .confirm span {
    margin-inline-end: auto;
  }
  .confirm button {
    border: 1px solid var(--_border);
  }
  .confirm .danger {
    background: var(--_danger);
    border-color: transparent;
    color: var(--_on-accent);
    font-weight: 600;
  }
`;
