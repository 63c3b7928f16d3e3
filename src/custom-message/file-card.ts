import { html, type TemplateResult } from 'lit';

import { displayFileName, formatSize, safeUrl } from '../format/format.js';
import type { ChatAttachment } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';

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
