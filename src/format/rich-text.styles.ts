import { css } from 'lit';

/**
 * Styles for what `renderRichText` renders (mention chips, the code block) and for a quote block
 * (`.quote`, clipped to three lines), for the styles of an element that shows message text.
 */
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
  .quote {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
    margin: 0 0 4px;
    padding: 2px calc(var(--_space) * 1);
    border-inline-start: 3px solid color-mix(in srgb, currentColor 45%, transparent);
    opacity: 0.85;
    white-space: break-spaces;
    unicode-bidi: plaintext;
  }
`;
