import { css } from 'lit';

/**
 * Styles for the list that `CompletionController.render()` renders, for the styles of its host.
 * The list opens above the text box: put it in the box's positioned container.
 */
export default css`
  .completion {
    position: absolute;
    inset-inline: 0;
    bottom: 100%;
    z-index: 2;
    max-height: min(16rem, 50vh);
    overflow-y: auto;
    margin: 0 0 4px;
    padding: 4px;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.16);
  }
  .completion-option {
    display: flex;
    align-items: baseline;
    gap: var(--_space);
    min-width: 0;
    padding: 6px var(--_space);
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  .completion-option[aria-selected='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .completion-label {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    unicode-bidi: isolate;
  }
  .completion-detail {
    flex: none;
    font-size: 0.8125em;
    opacity: 0.8;
  }
  .completion-icon {
    flex: none;
    font-size: 1.25em;
    line-height: 1;
  }
`;
