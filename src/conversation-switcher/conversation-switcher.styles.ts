import { css } from 'lit';

export default css`
  :host {
    display: block;
    --rtk-conversation-switcher-selected-color: var(--_accent);
  }
  .base {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 4px;
  }
  .list {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 6px;
    min-height: 32px;
    padding: 4px 10px;
    border-radius: calc(var(--_radius) - 4px);
    cursor: pointer;
    user-select: none;
  }
  @media (pointer: coarse) {
    .option {
      min-height: 44px;
    }
  }
  .option:hover {
    background: var(--_background);
  }
  .option[aria-selected='true'] {
    background: color-mix(in srgb, var(--rtk-conversation-switcher-selected-color) 12%, var(--_surface));
    box-shadow: inset 3px 0 0 var(--rtk-conversation-switcher-selected-color);
    font-weight: 650;
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
  .hint,
  .status {
    flex: none;
    font-size: 0.8em;
    color: var(--_muted);
    font-weight: 400;
  }
  .count {
    margin-inline-start: auto;
    flex: none;
    min-width: 1.5em;
    padding: 1px 6px;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.75em;
    font-weight: 700;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .count.mentioned {
    background: var(--_danger);
    color: light-dark(#ffffff, #2a0b08);
  }
`;
