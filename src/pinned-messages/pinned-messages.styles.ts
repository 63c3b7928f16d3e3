import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  .base {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .toggle {
    display: flex;
    align-items: center;
    gap: var(--_space);
    width: 100%;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
    border: 0;
    background: none;
    text-align: start;
    cursor: pointer;
  }
  .title {
    font-weight: 650;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .count {
    margin-left: auto;
    min-width: 1.5rem;
    padding: 1px 7px;
    border-radius: 999px;
    background: var(--_background);
    border: 1px solid var(--_border);
    font-size: 0.75em;
    font-weight: 600;
    text-align: center;
    color: var(--_muted);
  }
  .chevron {
    transition: transform 120ms;
    color: var(--_muted);
  }
  :host([collapsed]) .chevron {
    transform: rotate(-90deg);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0 0 6px;
    max-height: var(--rtk-pinned-messages-max-height, 18rem);
    overflow-y: auto;
    border-top: 1px solid var(--_border);
  }
  li {
    display: flex;
    align-items: flex-start;
    gap: 4px;
    padding: 2px 6px;
  }
  .item {
    flex: 1;
    min-width: 0;
    display: block;
    padding: 6px 8px;
    border: 0;
    border-radius: calc(var(--_radius) - 6px);
    background: none;
    text-align: start;
    cursor: pointer;
  }
  .item:hover {
    background: var(--_background);
  }
  .meta {
    display: flex;
    gap: 6px;
    font-size: 0.75em;
    color: var(--_muted);
  }
  .sender {
    font-weight: 600;
    color: var(--_text);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .preview {
    display: block;
    margin-top: 2px;
    font-size: 0.875em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    unicode-bidi: plaintext;
  }
  .unpin {
    flex: none;
    margin-top: 6px;
    border: 0;
    border-radius: 8px;
    background: none;
    color: var(--_muted);
    font-size: 0.75em;
    padding: 4px 6px;
    cursor: pointer;
  }
  .unpin:hover {
    background: var(--_background);
    color: var(--_text);
  }
  .empty,
  .error {
    padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
    font-size: 0.875em;
    color: var(--_muted);
    border-top: 1px solid var(--_border);
    margin: 0;
  }
  .error {
    color: var(--_danger);
  }
  .edited {
    font-style: italic;
    color: var(--_muted);
  }
`;
