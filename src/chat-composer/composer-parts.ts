/** The pieces of the composer around its text box. */
import { html, nothing } from 'lit';

import { displayName } from '../format/format.js';
import { quotedText } from '../format/quote-reply.js';
import type { ChatMessage } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';

/** The files waiting to be sent, each with a way to take it out; nothing when there are none. */
export function renderAttachments(files: File[], strings: ChatStrings, remove: (file: File) => void) {
  if (files.length === 0) return nothing;
  return html`
    <ul class="attachments" part="attachments">
      ${files.map(
        (file) => html`
          <li class="attachment">
            <span class="attachment-name">${file.name}</span>
            <button type="button" class="icon-button" aria-label=${strings.attachmentRemove(file.name)} @click=${() => remove(file)}>×</button>
          </li>
        `,
      )}
    </ul>
  `;
}

/** The paper-clip button, a label around a file input. */
export function renderAttachButton(strings: ChatStrings, onPick: (event: Event) => void) {
  return html`
    <label class="icon-button attach" title=${strings.attach}>
      <span class="visually-hidden">${strings.attach}</span>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
        <path
          fill="none"
          stroke="currentColor"
          stroke-width="1.8"
          stroke-linecap="round"
          d="M20 11.5 12.6 19a5 5 0 0 1-7.1-7.1L13 4.4a3.3 3.3 0 0 1 4.7 4.7l-7.5 7.5a1.7 1.7 0 0 1-2.4-2.4l6.9-6.9"
        />
      </svg>
      <input class="visually-hidden" type="file" multiple @change=${onPick} />
    </label>
  `;
}

/** What the next message replies to, with a way to cancel the reply (Escape in the box does too). */
export function renderReplying(message: ChatMessage, strings: ChatStrings, cancel: () => void) {
  const name = displayName(message.displayName) ?? strings.unknownSender;
  return html`
    <div class="replying" part="replying">
      <span class="replying-text">
        <strong>${strings.replyingTo(name)}</strong>
        <span class="replying-quote">${quotedText(message, strings.quotedPhoto)}</span>
      </span>
      <button type="button" class="icon-button" aria-label=${strings.cancelReply} title=${strings.cancelReply} @click=${cancel}>×</button>
    </div>
  `;
}

/** Why the last send failed, with Retry and Dismiss. */
export function renderSendError(error: string, strings: ChatStrings, actions: { retry(): void; dismiss(): void }) {
  return html`
    <div class="error" role="alert">
      <span><strong>${strings.sendFailed}</strong> ${error}</span>
      <button type="button" class="text-button" @click=${actions.retry}>${strings.retry}</button>
      <button type="button" class="text-button" @click=${actions.dismiss}>${strings.dismiss}</button>
    </div>
  `;
}

/** One quiet line instead of a composer that cannot be used. */
export function renderNotice(reason: string) {
  return html`<p part="notice" class="notice" id="status" role="status">${reason}</p>`;
}
