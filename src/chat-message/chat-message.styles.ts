import { css } from 'lit';

export default css`
  :host {
    display: block;
    --rtk-chat-message-bubble-color: var(--_surface);
    --rtk-chat-message-text-color: var(--_text);
    --rtk-chat-message-own-bubble-color: var(--_own);
    --rtk-chat-message-own-text-color: var(--_on-own);
    padding: 0 calc(var(--_space) * 2);
    margin-top: calc(var(--_space) * 1.5);
  }
  :host([grouped]) {
    margin-top: 2px;
  }
  .base {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    max-width: 100%;
    min-width: 0;
  }
  :host([own]) .base {
    align-items: flex-end;
  }
  .header {
    display: flex;
    align-items: baseline;
    gap: var(--_space);
    max-width: 100%;
    margin: 0 4px 4px;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .sender {
    font-weight: 600;
    color: var(--_text);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 4px;
    max-width: min(85%, 38rem);
    min-width: 0;
  }
  :host([own]) .row {
    flex-direction: row-reverse;
  }
  .bubble {
    position: relative;
    min-width: 0;
    max-width: 100%;
    padding: calc(var(--_space) * 1) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--rtk-chat-message-bubble-color);
    color: var(--rtk-chat-message-text-color);
    border: 1px solid var(--_border);
    line-height: 1.45;
    overflow-wrap: anywhere;
    overflow: hidden;
  }
  .text {
    white-space: break-spaces;
    unicode-bidi: plaintext;
  }
  .bubble:has(> .image-button) {
    padding: 4px;
  }
  :host([own]) .bubble {
    background: var(--rtk-chat-message-own-bubble-color);
    color: var(--rtk-chat-message-own-text-color);
    border-color: transparent;
  }
  :host([own]) .bubble a {
    color: inherit;
  }
  :host([highlighted]) .bubble {
    box-shadow: 0 0 0 3px var(--_highlight);
  }
  .bubble a {
    color: var(--_accent);
    text-underline-offset: 2px;
  }
  .fallback {
    font-style: italic;
    opacity: 0.85;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 6px;
    max-width: 100%;
    min-width: 0;
    margin: 3px 6px 0;
    font-size: 0.75em;
    color: var(--_muted);
  }
  .marker-private {
    color: var(--_accent);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .image-button {
    display: block;
    padding: 0;
    border: 0;
    background: none;
    cursor: zoom-in;
    border-radius: calc(var(--_radius) - 6px);
    overflow: hidden;
  }
  .image {
    display: block;
    width: min(240px, 60vw);
    aspect-ratio: 4 / 3;
    object-fit: cover;
    background: var(--_background);
  }
  .file {
    display: flex;
    align-items: center;
    gap: var(--_space);
    white-space: normal;
  }
  .file-icon {
    flex: none;
    width: 2.25em;
    height: 2.25em;
    border-radius: 8px;
    display: grid;
    place-items: center;
    background: color-mix(in srgb, currentColor 12%, transparent);
    font-size: 0.8em;
    font-weight: 700;
  }
  .file-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .file-size {
    font-size: 0.85em;
    opacity: 0.8;
  }
  .actions {
    display: flex;
    gap: 2px;
    opacity: 0;
    transition: opacity 120ms;
  }
  :host(:hover) .actions,
  :host(:focus-within) .actions {
    opacity: 1;
  }
  .action {
    border: 0;
    background: none;
    color: var(--_muted);
    border-radius: 8px;
    padding: 4px 6px;
    font-size: 0.75em;
    cursor: pointer;
  }
  .action:hover {
    background: var(--_background);
    color: var(--_text);
  }
  .editor {
    display: flex;
    flex-direction: column;
    gap: 6px;
    width: min(38rem, 100%);
  }
  .editor textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) - 4px);
    padding: var(--_space);
    resize: vertical;
    min-height: 3em;
  }
  .editor-buttons {
    display: flex;
    gap: 6px;
    justify-content: flex-end;
  }
  .editor-buttons button,
  .replace {
    border: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: 999px;
    padding: 4px 12px;
    cursor: pointer;
  }
  .editor-buttons .primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: transparent;
  }
  .error {
    color: var(--_danger);
    font-size: 0.8em;
    margin: 2px 6px;
  }
  dialog {
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    max-width: 92vw;
    max-height: 92vh;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.7);
  }
  dialog img {
    display: block;
    max-width: 92vw;
    max-height: calc(92vh - 3rem);
    object-fit: contain;
  }
  .dialog-bar {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space);
    padding: 6px 6px 6px 12px;
    font-size: 0.875em;
  }
`;
