import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  .base {
    padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.25);
    background: var(--_surface);
    border-top: 1px solid var(--_border);
  }
  /* A private message is being written: the whole composer says so, not only the picker. */
  .base[private] {
    background: var(--_private-surface);
    border-top: 2px solid var(--_private);
  }
  .recipient {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 6px var(--_space);
    margin-bottom: 6px;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .recipient label {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: 999px;
    min-height: 24px;
    padding: 2px 10px;
    max-width: 12rem;
  }
  .base[private] .recipient {
    color: var(--_private);
    font-weight: 600;
  }
  .base[private] select {
    background: var(--_private);
    color: var(--_on-private);
    border-color: transparent;
    font-weight: 600;
  }
  .notice {
    margin: 0;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 2);
    background: var(--_surface);
    border-top: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.8125em;
    text-align: center;
  }
  .row {
    display: flex;
    align-items: flex-end;
    gap: 6px;
  }
  .box {
    position: relative;
    flex: 1;
    display: flex;
    min-width: 0;
  }
  .replying {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin-bottom: 6px;
    padding: 4px 4px 4px 10px;
    border-inline-start: 3px solid var(--_accent);
    border-radius: 6px;
    background: var(--_background);
    font-size: 0.8125em;
  }
  .replying-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
    flex: 1;
  }
  .replying-quote {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_muted);
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
  .base[private] .send {
    background: var(--_private);
    color: var(--_on-private);
  }
  .send:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
    font-size: 0.75em;
    color: var(--_muted);
    padding: 0 4px;
  }
  .status:not(:empty) {
    margin-top: 6px;
  }
  .warning,
  .counter.over {
    color: var(--_danger);
  }
  .counter {
    margin-left: auto;
  }
  .error {
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
  .error span {
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
