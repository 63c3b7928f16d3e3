/**
 * The SDK's `custom` messages, in the chunk `customMessage` loads with the first one: their text,
 * their `html` sanitised, then their images, videos and files, under the same URL rules and media
 * policy as image and file messages.
 */
import { html, nothing, type TemplateResult } from 'lit';

import { renderLoadMedia } from '../chat-message/message-body.js';
import { displayFileName, mayShowMedia, nonEmpty, safeUrl } from '../format/format.js';
import type { ChatAttachment, ChatMessage } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';
import type { CustomMessageOptions } from './custom-message-part.js';
import { renderFileCard } from './file-card.js';
import { sanitizedHtml } from './sanitized-html.js';

export { default as styles } from './custom-message.styles.js';

/** The kit's rendering of a custom message: text, html, images, videos, files (`customMessage` asks the app's hook first). */
export function renderCustomMessage(message: ChatMessage, options: CustomMessageOptions): TemplateResult {
  const { strings } = options;
  const text = nonEmpty(message.message);
  const markup = nonEmpty(message.html);
  const images = message.images ?? [];
  const videos = message.videos ?? [];
  const files = message.files ?? [];
  if (!text && !markup && images.length + videos.length + files.length === 0) {
    return html`<span class="fallback">${strings.customMessage}</span>`;
  }
  const { media } = options;
  const mayLoad = (url: string) => mayShowMedia(url, media);
  const mediaKey = `${media.policy} ${media.loadAnyway} ${media.origins.join(' ')}`;
  return html`<div class="custom">${text ? html`<span class="text">${options.renderText(text)}</span>` : nothing}${markup
      ? html`<div class="custom-html">${sanitizedHtml(markup, html`<span class="fallback">${strings.customMessage}</span>`, mayLoad, mediaKey)}</div>`
      : nothing}${images.map((image) => renderImage(image, strings, mayLoad, options.onLoadMedia))}${videos.map((video) => renderVideo(video, strings))}${files.map((file) =>
      renderFileCard(file, strings, options.locale),
    )}</div>`;
}

/** Hides a picture or video that failed, and shows the words after it instead. */
function showFallback(event: Event): void {
  const media = event.target as HTMLElement;
  media.hidden = true;
  if (media.nextElementSibling instanceof HTMLElement) media.nextElementSibling.hidden = false;
}

function renderImage(image: ChatAttachment, strings: ChatStrings, mayLoad: (url: string) => boolean, load: () => void): TemplateResult {
  const src = safeUrl(image.link, true);
  const name = nonEmpty(image.name) ? displayFileName(image.name) : strings.image;
  if (!src) return html`<span class="fallback">${strings.imageUnavailable}</span>`;
  if (!mayLoad(src)) return renderLoadMedia(src, strings, load);
  return html`<a class="custom-image" href=${src} target="_blank" rel="noopener noreferrer"
    ><img part="image" class="custom-media" src=${src} alt=${name} loading="lazy" decoding="async" referrerpolicy="no-referrer" @error=${showFallback} /><span class="fallback" hidden
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
