/** What a message says, by type: text with links, an image, a file, or a readable fallback. */
import { html, nothing, type TemplateResult } from 'lit';

import { customMessage, type RenderCustom } from '../custom-message/custom-message-part.js';
import { describeFileLink, displayFileName, formatSize, mayShowMedia, safeUrl, showLink, type MediaChoice } from '../format/format.js';
import { parseQuoteReply } from '../format/quote-reply.js';
import { renderRichText } from '../format/rich-text.js';
import type { ChatMessage } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';

/** What the body needs from its message element. */
export interface BodyContext {
  strings: ChatStrings;
  locale: string | undefined;
  /** The text as `prepareText` made it: formatted, with its quote apart. */
  text: PreparedText | undefined;
  /** The app's rendering of custom messages, asked first. */
  renderCustom: RenderCustom | undefined;
  /** The user activated a quote: jump to the quoted message. */
  openQuote(quote: string): void;
  /** The sender as shown: "You" for the local user. */
  sender: string;
  imageFailed: boolean;
  /** Which images load by themselves; `loadAnyway` is set once the user asked for this message's. */
  media: MediaChoice;
  onImageError(): void;
  onLoadImage(): void;
  openImage(): void;
}

/** A message's text, ready to render: the quote it replies to, and the reply formatted. */
export interface PreparedText {
  quote: string | undefined;
  reply: TemplateResult | string;
  /** Whether the reply (not the quote) mentions the local user. */
  mentionsSelf: boolean;
}

/**
 * Reads the conventions other chat UIs write into text: a legacy private message's inner text,
 * a quote-reply, Cloudflare's formatting, links (shown honestly) and mentions of `mentionNames`.
 */
export function prepareText(text: string, mentionNames: readonly string[], selfName: string | undefined): PreparedText {
  const { quote, reply } = parseQuoteReply(text);
  const rich = renderRichText(reply, { renderLink, mentionNames, selfName });
  return { quote, reply: rich.template, mentionsSelf: rich.mentionsSelf };
}

/** The body of a message of any type. */
export function renderBody(message: ChatMessage, context: BodyContext): TemplateResult {
  const { strings } = context;
  switch (message.type) {
    case 'text':
      return context.text ? renderText(context.text, context) : fallback(strings.malformedMessage);
    case 'image':
      return renderImage(message, context);
    case 'file':
      return renderFile(message, context);
    case 'custom':
      // Nothing the kit can show, and no app rendering: say what it is.
      if (!context.renderCustom && !message.message && !message.html && !message.images?.length && !message.videos?.length && !message.files?.length) {
        return fallback(strings.customMessage);
      }
      return html`${customMessage(message, {
        strings,
        locale: context.locale,
        renderCustom: context.renderCustom,
        renderText: () => context.text?.reply ?? nothing,
        media: context.media,
        onLoadMedia: context.onLoadImage,
      })}`;
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

/** In place of media the policy holds back: a button that loads it, naming the host it would reach (it would learn who is in the meeting). */
export function renderLoadMedia(src: string, strings: ChatStrings, load: () => void): TemplateResult {
  const host = showLink(src)?.host ?? '';
  return html`
    <button class="load-media" type="button" @click=${load}>
      <span class="load-media-label">${strings.loadMedia}</span>
      <span class="load-media-host">${strings.mediaNotLoaded(host)}</span>
    </button>
  `;
}

/** Message text, with the quote it replies to above it; nothing in it is ever markup. */
function renderText(text: PreparedText, context: BodyContext): TemplateResult {
  const quote = text.quote;
  return html`${quote === undefined
      ? nothing
      : html`<button type="button" class="quote" title=${context.strings.showQuoted} @click=${() => context.openQuote(quote)}>${quote}</button>`}<span class="text">${text.reply}</span>`;
}

function renderImage(message: ChatMessage, context: BodyContext): TemplateResult {
  const { strings, media } = context;
  const src = safeUrl(message.link, true);
  if (!src || context.imageFailed) return fallback(strings.imageUnavailable);
  if (!mayShowMedia(src, media)) return renderLoadMedia(src, strings, context.onLoadImage);
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
