import { css } from 'lit';

export default css`
  :host {
    display: contents;
    --_emoji-font: 'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji', 'Twemoji Mozilla', 'EmojiOne Color', 'Android Emoji', sans-serif;
  }
  dialog {
    flex-direction: column;
    width: min(22rem, calc(100vw - 2rem));
    max-height: min(28rem, calc(100vh - 2rem));
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
  }
  dialog[open] {
    display: flex;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.2);
  }
  .top {
    display: flex;
    gap: var(--_space);
    padding: var(--_space);
  }
  .search {
    flex: 1;
    min-width: 0;
    padding: 6px 10px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_background);
    color: inherit;
    font: inherit;
  }
  select {
    max-width: 7.5rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_background);
    color: inherit;
    font: inherit;
  }
  .tabs {
    display: flex;
    justify-content: space-between;
    padding: 0 var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .tab {
    flex: 1;
    padding: 6px 0;
    border: 0;
    border-bottom: 2px solid transparent;
    background: transparent;
    font-family: var(--_emoji-font);
    font-size: 1.1rem;
    line-height: 1.2;
    cursor: pointer;
    filter: grayscale(0.6);
  }
  .tab[aria-selected='true'] {
    border-bottom-color: var(--_accent);
    filter: none;
  }
  .panel {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(8, 1fr);
    align-content: start;
    overflow-y: auto;
    min-height: 8rem;
    padding: var(--_space);
  }
  .emoji {
    aspect-ratio: 1;
    padding: 0;
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    background: transparent;
    font-family: var(--_emoji-font);
    font-size: 1.5rem;
    line-height: 1;
    cursor: pointer;
  }
  .emoji:hover,
  .emoji:focus-visible {
    background: color-mix(in srgb, var(--_accent) 16%, transparent);
  }
  .empty {
    grid-column: 1 / -1;
    margin: calc(var(--_space) * 2) 0;
    text-align: center;
    color: var(--_muted);
  }
`;
