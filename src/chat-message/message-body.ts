/** What a message says, by type: text with links, an image, a file, or a readable fallback. */
import { html, nothing, type TemplateResult } from 'lit';

import { displayFileName, formatSize, linkify, nonEmpty, safeUrl } from '../format/format.js';
import { messageText } from '../conversations/conversations.js';
import type { ChatMessage } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';

/** What the body needs from its message element. */
export interface BodyContext {
  strings: ChatStrings;
  locale: string | undefined;
  /** The sender as shown: "You" for the local user. */
  sender: string;
  imageFailed: boolean;
  onImageError(): void;
  openImage(): void;
}

/**
 * Past this many characters a text is cut for display: no honest message is that long (the SDK's
 * limit is 2,000), and laying out one huge unbroken word takes the browser seconds.
 */
const SHOWN_TEXT_LIMIT = 10_000;

/** The body of a message of any type. */
export function renderBody(message: ChatMessage, context: BodyContext): TemplateResult {
  const { strings } = context;
  switch (message.type) {
    case 'text':
      // A legacy private message shows its inner text.
      return message.message === undefined ? fallback(strings.malformedMessage) : renderText(messageText(message));
    case 'image':
      return renderImage(message, context);
    case 'file':
      return renderFile(message, context);
    case 'custom':
      return html`${fallback(strings.customMessage)}${nonEmpty(message.message) ? html`<br />${renderText(message.message!)}` : nothing}`;
    case 'poll':
      return fallback(strings.pollMessage);
    default:
      return fallback(strings.unsupportedMessage);
  }
}

/** Words in place of content the kit cannot show. */
export function fallback(words: string): TemplateResult {
  return html`<span class="fallback">${words}</span>`;
}

/** Message text as text nodes, with http(s) links; nothing in it is ever markup. */
function renderText(text: string): TemplateResult {
  const shown = text.length > SHOWN_TEXT_LIMIT ? `${text.slice(0, SHOWN_TEXT_LIMIT)}…` : text;
  const parts = linkify(shown).map((part) =>
    part.href ? html`<a href=${part.href} target="_blank" rel="noopener noreferrer">${part.text}</a>` : part.text,
  );
  return html`<span class="text">${parts}</span>`;
}

function renderImage(message: ChatMessage, context: BodyContext): TemplateResult {
  const { strings } = context;
  const src = safeUrl(message.link, true);
  if (!src || context.imageFailed) return fallback(strings.imageUnavailable);
  return html`
    <button class="image-button" type="button" aria-haspopup="dialog" @click=${context.openImage}>
      <img
        part="image"
        class="image"
        src=${src}
        alt=${strings.imageFrom(context.sender)}
        loading="lazy"
        decoding="async"
        referrerpolicy="no-referrer"
        @error=${context.onImageError}
      />
    </button>
  `;
}

function renderFile(message: ChatMessage, context: BodyContext): TemplateResult {
  const { strings } = context;
  const name = displayFileName(message.name);
  const href = safeUrl(message.link, true);
  const extension = name.includes('.') ? name.split('.').pop()!.slice(0, 4).toUpperCase() : 'FILE';
  return html`
    <div part="file" class="file">
      <span class="file-icon" aria-hidden="true">${extension}</span>
      <span>
        ${href
          ? html`<a class="file-name" href=${href} download=${name} target="_blank" rel="noopener noreferrer" aria-label=${strings.download(name)}>${name}</a>`
          : html`<span class="file-name">${name}</span>`}
        <br />
        <span class="file-size">${formatSize(message.size, context.locale)}</span>
      </span>
    </div>
  `;
}
