import { css } from 'lit';

/**
 * Styles for what `renderCustomMessage` renders, for the styles of the element that shows it.
 * The sanitised `html` has no style or class of its own: these keep it inside the bubble.
 */
export default css`
  .custom {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
    max-width: 100%;
  }
  .custom-html {
    min-width: 0;
    max-width: 100%;
    overflow: hidden;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  .custom-html > :first-child {
    margin-top: 0;
  }
  .custom-html > :last-child {
    margin-bottom: 0;
  }
  .custom-html :is(h1, h2, h3, h4, h5, h6) {
    margin: 0.4em 0 0.2em;
    font-size: 1em;
    font-weight: 700;
  }
  .custom-html :is(p, ul, ol, blockquote, pre, table) {
    margin: 0.4em 0;
  }
  .custom-html :is(ul, ol) {
    padding-inline-start: 1.4em;
  }
  .custom-html blockquote {
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid color-mix(in srgb, currentColor 45%, transparent);
  }
  .custom-html pre {
    overflow-x: auto;
    white-space: pre;
  }
  .custom-html table {
    display: block;
    max-width: 100%;
    overflow-x: auto;
    border-collapse: collapse;
  }
  .custom-html :is(th, td) {
    padding: 2px 6px;
    border: 1px solid var(--_border);
  }
  .custom-html a {
    color: inherit;
  }
  .custom-html img,
  .custom-media {
    display: block;
    max-width: 100%;
    height: auto;
    max-height: 20rem;
    border-radius: calc(var(--_radius) / 2);
  }
  .custom-html img {
    display: inline-block;
  }
  .custom-video {
    width: 100%;
    background: #000;
  }
`;
