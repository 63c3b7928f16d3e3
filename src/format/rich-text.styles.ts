import { css } from 'lit';

/** Styles for what `renderRichText` renders (mention chips, the code block), for the element that shows it. */
export default css`
  .mention {
    padding: 0 0.25em;
    border-radius: 0.35em;
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
    color: inherit;
    font-weight: 600;
    white-space: nowrap;
  }
  .mention-self {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .code {
    margin: 0;
    max-width: 100%;
    overflow-x: auto;
    padding: calc(var(--_space) * 0.75);
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, currentColor 8%, transparent);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
    white-space: pre;
    unicode-bidi: isolate;
  }
`;
