import { css } from 'lit';

export default css`
  :host {
    display: block;
    height: 100%;
    min-height: 320px;
    contain: content;
  }
  .base {
    position: relative;
    display: flex;
    flex-direction: column;
    height: 100%;
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .header {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .header-row {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: 2rem;
  }
  .header-toggle {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-height: 28px;
    max-width: 9rem;
    padding: 2px 10px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_background);
    color: var(--_text);
    font: inherit;
    font-size: 0.8125em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    cursor: pointer;
  }
  .header-toggle[aria-expanded='true'],
  .header-toggle[active] {
    border-color: var(--_accent);
  }
  .dot {
    flex: none;
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: var(--_accent);
  }
  .new-divider {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin: var(--_space) calc(var(--_space) * 2) 0;
    font-size: 0.75em;
    font-weight: 700;
    color: var(--_danger);
  }
  .new-divider::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--_danger);
  }
  .title {
    margin: 0 auto 0 0;
    font-size: 1em;
    font-weight: 650;
  }
  .filters {
    display: flex;
    gap: 6px;
    min-width: 0;
  }
  select {
    font: inherit;
    font-size: 0.8125em;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 4px 10px;
    max-width: 10rem;
  }
  .list-wrap {
    position: relative;
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  .list {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overflow-x: hidden;
    padding-bottom: calc(var(--_space) * 2);
    overscroll-behavior: contain;
  }
  /* The items (the list's only <div>): a short chat sits at the bottom, by the composer, as it will once it fills the list. */
  .list > div {
    display: flex;
    flex-direction: column;
    justify-content: flex-end;
    min-height: 100%;
  }
  .list:focus-visible {
    outline-offset: -2px;
  }
  .item {
    width: 100%;
    /* Each item's layout and styles stay its own: a new message does not dirty the others. */
    contain: layout style;
  }
  .day {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin: calc(var(--_space) * 2.5) calc(var(--_space) * 2) var(--_space);
    font-size: 0.75em;
    font-weight: 600;
    color: var(--_muted);
  }
  .day::before,
  .day::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--_border);
  }
  .history-status:not(:empty) {
    position: absolute;
    inset: var(--_space) var(--_space) auto;
    margin: 0 auto;
    width: fit-content;
    padding: 4px 12px;
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .history-status,
  .empty {
    color: var(--_muted);
    font-size: 0.875em;
    text-align: center;
    padding: var(--_space);
  }
  .empty {
    position: absolute;
    inset: 40% 0 auto;
  }
  .new-messages {
    position: absolute;
    left: 50%;
    bottom: var(--_space);
    transform: translateX(-50%);
    border: 0;
    border-radius: 999px;
    padding: 6px 14px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.8125em;
    font-weight: 600;
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
    cursor: pointer;
  }
`;
