/** What a message says, by type: text with links, an image, a file, or a readable fallback. */
import { html, nothing, type TemplateResult } from 'lit';

import { messageText } from '../conversations/conversations.js';
import { describeFileLink, displayFileName, formatSize, linkify, mayLoadMedia, safeUrl, showLink, type MediaPolicy } from '../format/format.js';
import type { ChatMessage } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';

/** What the body needs from its message element. */
export interface BodyContext {
  strings: ChatStrings;
  locale: string | undefined;
  /** The sender as shown: "You" for the local user. */
  sender: string;
  imageFailed: boolean;
  /** Which images load by themselves; `loadAnyway` is set once the user asked for this one. */
  media: { policy: MediaPolicy; origins: readonly string[]; loadAnyway: boolean };
  onImageError(): void;
  onLoadImage(): void;
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
      return html`${fallback(strings.customMessage)}${message.message ? html`<br />${renderText(message.message)}` : nothing}`;
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

/**
 * A link as the kit shows every link: its text says where it really goes (see `showLink`), the
 * tooltip gives the whole destination, and it is isolated so no bidi control around it can
 * reorder it.
 */
export function renderLink(href: string, text: string, title = showLink(href)?.title ?? href): TemplateResult {
  return html`<a href=${href} title=${title} dir="ltr" target="_blank" rel="noopener noreferrer">${text}</a>`;
}

/** Message text as text nodes, with http(s) links; nothing in it is ever markup. */
function renderText(text: string): TemplateResult {
  const parts = linkify(text, { limit: SHOWN_TEXT_LIMIT }).map((part) => (part.href ? renderLink(part.href, part.text, part.title) : part.text));
  return html`<span class="text">${parts}</span>`;
}

function renderImage(message: ChatMessage, context: BodyContext): TemplateResult {
  const { strings, media } = context;
  const src = safeUrl(message.link, true);
  if (!src || context.imageFailed) return fallback(strings.imageUnavailable);
  if (!media.loadAnyway && !mayLoadMedia(src, media.policy, media.origins)) {
    // Not fetched until asked: the host would learn who is in the meeting.
    const host = showLink(src)?.host ?? '';
    return html`
      <button class="load-media" type="button" @click=${context.onLoadImage}>
        <span class="load-media-label">${strings.loadMedia}</span>
        <span class="load-media-host">${strings.mediaNotLoaded(host)}</span>
      </button>
    `;
  }
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

/** A file card that shows what the link really is, not only what the name claims. */
function renderFile(message: ChatMessage, context: BodyContext): TemplateResult {
  const { strings } = context;
  const name = displayFileName(message.name);
  const link = describeFileLink(message.link, message.name);
  const shownType = link.mismatch ? link.linkExtension : link.nameExtension;
  const badge = shownType ? shownType.slice(0, 4).toUpperCase() : 'FILE';
  return html`
    <div part="file" class="file" ?mismatch=${link.mismatch}>
      <span class="file-icon" aria-hidden="true">${badge}</span>
      <span class="file-facts">
        ${link.href
          ? html`<a class="file-name" href=${link.href} download=${name} target="_blank" rel="noopener noreferrer" aria-label=${strings.download(name)}>${name}</a>`
          : html`<span class="file-name">${name}</span>`}
        <span class="file-size">${formatSize(message.size, context.locale)}</span>
        ${link.host ? html`<span class="file-host" dir="ltr">${strings.fileLinkFrom(link.host)}</span>` : nothing}
        ${link.mismatch && link.linkExtension ? html`<span class="file-warning">${strings.fileLinkMismatch(link.linkExtension)}</span>` : nothing}
      </span>
    </div>
  `;
}
