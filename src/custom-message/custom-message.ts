/**
 * The SDK's `custom` messages: their text, their `html` sanitised, then their images, videos and
 * files, under the same URL rules as image and file messages. An app renders its own payloads
 * (a poll card, a task) with a `RenderCustom` hook instead.
 */
import { html, nothing, type TemplateResult } from 'lit';

import { displayFileName, formatSize, nonEmpty, safeUrl } from '../format/format.js';
import type { ChatAttachment, ChatMessage } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';
import { sanitizedHtml } from './sanitized-html.js';

/**
 * An app's own rendering of custom messages: a template to show instead of the kit's, or
 * `undefined` to let the kit render the message.
 */
export type RenderCustom = (message: ChatMessage) => TemplateResult | undefined;

/** What `renderCustomMessage` needs from the element that shows the message. */
export interface CustomMessageOptions {
  strings: ChatStrings;
  locale?: string;
  /** Renders the message's text, as the element renders text messages (formatting, links, mentions). */
  renderText(text: string): unknown;
  /** The app's hook, tried first. */
  renderCustom?: RenderCustom;
}

/** A custom message: the app's rendering when its hook gives one, else text, html, images, videos, files. */
export function renderCustomMessage(message: ChatMessage, options: CustomMessageOptions): unknown {
  const own = options.renderCustom?.(message);
  if (own !== undefined) return own;
  const { strings } = options;
  const text = nonEmpty(message.message);
  const markup = nonEmpty(message.html);
  const images = message.images ?? [];
  const videos = message.videos ?? [];
  const files = message.files ?? [];
  if (!text && !markup && images.length + videos.length + files.length === 0) {
    return html`<span class="fallback">${strings.customMessage}</span>`;
  }
  return html`<div class="custom">${text ? html`<span class="text">${options.renderText(text)}</span>` : nothing}${markup
      ? html`<div class="custom-html">${sanitizedHtml(markup, html`<span class="fallback">${strings.customMessage}</span>`)}</div>`
      : nothing}${images.map((image) => renderImage(image, strings))}${videos.map((video) => renderVideo(video, strings))}${files.map((file) => renderFileCard(file, strings, options.locale))}</div>`;
}

/** Hides a picture or video that failed, and shows the words after it instead. */
function showFallback(event: Event): void {
  const media = event.target as HTMLElement;
  media.hidden = true;
  if (media.nextElementSibling instanceof HTMLElement) media.nextElementSibling.hidden = false;
}

function renderImage(image: ChatAttachment, strings: ChatStrings): TemplateResult {
  const src = safeUrl(image.link, true);
  const name = nonEmpty(image.name) ? displayFileName(image.name) : strings.image;
  if (!src) return html`<span class="fallback">${strings.imageUnavailable}</span>`;
  return html`<a class="custom-image" href=${src} target="_blank" rel="noopener noreferrer"
    ><img part="image" class="custom-media" src=${src} alt=${name} loading="lazy" decoding="async" @error=${showFallback} /><span class="fallback" hidden
      >${strings.imageUnavailable}</span
    ></a
  >`;
}

function renderVideo(video: ChatAttachment, strings: ChatStrings): TemplateResult {
  const src = safeUrl(video.link, true);
  if (!src) return html`<span class="fallback">${strings.videoUnavailable}</span>`;
  const name = nonEmpty(video.name) ? displayFileName(video.name) : strings.video;
  // Nothing is fetched until the user plays it.
  return html`<video class="custom-media custom-video" src=${src} controls preload="none" playsinline aria-label=${name} @error=${showFallback}></video
    ><span class="fallback" hidden>${strings.videoUnavailable}</span>`;
}

/**
 * A file card: an extension badge, the name (a download link for an http(s) or blob URL) and
 * the size. The same card as a file message's, so the two look alike.
 */
export function renderFileCard(file: Pick<ChatAttachment, 'link' | 'name' | 'size'>, strings: ChatStrings, locale?: string): TemplateResult {
  const name = displayFileName(file.name);
  const href = safeUrl(file.link, true);
  const extension = name.includes('.') ? name.split('.').pop()!.slice(0, 4).toUpperCase() : 'FILE';
  return html`<div part="file" class="file">
    <span class="file-icon" aria-hidden="true">${extension}</span>
    <span>
      ${href
        ? html`<a class="file-name" href=${href} download=${name} target="_blank" rel="noopener noreferrer" aria-label=${strings.download(name)}>${name}</a>`
        : html`<span class="file-name">${name}</span>`}
      <br /><span class="file-size">${formatSize(file.size, locale)}</span>
    </span>
  </div>`;
}
