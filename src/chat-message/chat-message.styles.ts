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
  /* The avatar in its own column, beside everything else; own messages mirror it. */
  .base {
    display: grid;
    grid-template-columns: var(--_avatar-size) minmax(0, 1fr);
    column-gap: var(--_space);
    justify-items: start;
    max-width: 100%;
    min-width: 0;
    --_avatar-size: 1.75rem;
    --rtk-avatar-size: var(--_avatar-size);
  }
  .base > * {
    grid-column: 2;
    max-width: 100%;
  }
  .base > .avatar,
  .base > .avatar-space {
    grid-column: 1;
    grid-row: 1 / span 6;
    align-self: start;
  }
  :host([own]) .base {
    grid-template-columns: minmax(0, 1fr) var(--_avatar-size);
    justify-items: end;
  }
  :host([own]) .base > * {
    grid-column: 1;
  }
  :host([own]) .base > .avatar,
  :host([own]) .base > .avatar-space {
    grid-column: 2;
  }
  :host([hide-avatars]) .base {
    grid-template-columns: minmax(0, 1fr);
  }
  :host([hide-avatars]) .base > * {
    grid-column: 1;
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
  .you {
    margin-inline-start: -4px;
    color: var(--_muted);
  }
  .quote {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
    width: 100%;
    margin: 0 0 6px;
    padding: 4px 8px;
    border: 0;
    border-inline-start: 3px solid currentColor;
    border-radius: 4px;
    background: color-mix(in srgb, currentColor 10%, transparent);
    color: inherit;
    font: inherit;
    font-size: 0.875em;
    text-align: start;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    opacity: 0.9;
    cursor: pointer;
  }
  :host([mentioned]) .bubble {
    box-shadow: inset 3px 0 0 var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, var(--rtk-chat-message-bubble-color));
  }
  .sender {
    font-weight: 600;
    color: var(--_text);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .row {
    position: relative;
    display: flex;
    align-items: flex-end;
    gap: 6px;
    max-width: min(88%, 38rem);
    min-width: 0;
  }
  :host([own]) .row {
    flex-direction: row-reverse;
  }
  .side-time {
    flex: none;
    align-self: center;
    font-size: 0.6875em;
    color: var(--_muted);
    visibility: hidden;
  }
  :host(:hover) .side-time,
  :host(:focus-within) .side-time {
    visibility: visible;
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
  /* Isolated: no bidi control in the text around a link or a name can reorder it. */
  .text a,
  .sender {
    unicode-bidi: isolate;
  }
  .load-media {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 2px;
    min-height: 44px;
    padding: 6px 10px;
    border: 1px dashed var(--_border);
    border-radius: calc(var(--_radius) - 6px);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  .load-media-label {
    font-weight: 600;
  }
  .load-media-host {
    font-size: 0.8125em;
    color: var(--_muted);
    overflow-wrap: anywhere;
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
  :host([private]) .bubble {
    background: var(--_private-surface);
    color: var(--_text);
    border: 1px dashed var(--_private);
  }
  :host([private]) .bubble a {
    color: var(--_accent);
  }
  :host([highlighted]) .bubble {
    outline: 3px solid var(--_highlight);
    outline-offset: 2px;
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
    padding: 0 8px;
    border-radius: 999px;
    background: var(--_private);
    color: var(--_on-private);
    font-weight: 600;
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
  .file-facts {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .file-size,
  .file-host {
    font-size: 0.85em;
    opacity: 0.8;
    overflow-wrap: anywhere;
  }
  .file-warning {
    font-size: 0.85em;
    font-weight: 600;
    color: var(--_danger);
  }
  :host([own]) .file-warning {
    color: inherit;
    text-decoration: underline wavy;
  }
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
    min-height: 28px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
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
