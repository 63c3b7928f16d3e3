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
  .recipient {
    padding: var(--_space) calc(var(--_space) * 2) 0;
    border-top: 1px solid var(--_border);
    background: var(--_surface);
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .recipient label {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .composer {
    padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.25);
    background: var(--_surface);
    border-top: 1px solid var(--_border);
  }
  .recipient + .composer {
    border-top: 0;
  }
  .composer-row {
    display: flex;
    align-items: flex-end;
    gap: 6px;
  }
  textarea {
    flex: 1;
    min-width: 0;
    font: inherit;
    line-height: 1.45;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: 9px 12px;
    resize: none;
    field-sizing: content;
    min-height: 2.5rem;
    max-height: 9rem;
  }
  textarea:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 0;
    border-color: transparent;
  }
  textarea:disabled {
    opacity: 0.7;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    flex: none;
    border: 0;
    border-radius: 999px;
    background: none;
    color: var(--_muted);
    cursor: pointer;
  }
  .icon-button:hover {
    background: var(--_background);
    color: var(--_text);
  }
  .attach:focus-within {
    outline: 2px solid var(--_focus);
  }
  .send {
    flex: none;
    height: 2.5rem;
    padding: 0 18px;
    border: 0;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    cursor: pointer;
  }
  .send:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
  .composer-status {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
    font-size: 0.75em;
    color: var(--_muted);
    padding: 0 4px;
  }
  .composer-status:not(:empty) {
    margin-top: 6px;
  }
  .warning,
  .counter.over {
    color: var(--_danger);
  }
  .counter {
    margin-left: auto;
  }
  .composer-error {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-top: 6px;
    padding: 6px 10px;
    border-radius: calc(var(--_radius) - 6px);
    background: color-mix(in srgb, var(--_danger) 12%, transparent);
    color: var(--_danger);
    font-size: 0.8125em;
  }
  .composer-error span {
    margin-right: auto;
  }
  .text-button {
    border: 0;
    background: none;
    color: inherit;
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
    padding: 2px 4px;
  }
  .attachments {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    list-style: none;
    margin: 0 0 6px;
    padding: 0;
  }
  .attachment {
    display: flex;
    align-items: center;
    gap: 2px;
    padding: 2px 2px 2px 10px;
    border-radius: 999px;
    background: var(--_background);
    border: 1px solid var(--_border);
    font-size: 0.8125em;
    max-width: 100%;
  }
  .attachment-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .attachment .icon-button {
    width: 1.75rem;
    height: 1.75rem;
  }
`;
