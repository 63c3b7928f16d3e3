/** The pieces of a message around its body: the actions, the delete confirmation, the editors, the image viewer. */
import { html, nothing, type TemplateResult } from 'lit';

import { IMAGE_TYPES } from '../meeting/image-types.js';
import type { ChatStrings } from '../strings/strings.js';

/** One action on a message: what it is called, and what it does. */
export interface MessageAction {
  name: 'reply' | 'edit' | 'pin' | 'unpin' | 'delete';
  label: string;
  run(): void;
}

/**
 * The actions: a toolbar that floats over the message on hover and focus, and a "More actions"
 * button that opens them as a menu where there is no hover (the styles choose which shows).
 */
export function renderActions(actions: MessageAction[], options: { strings: ChatStrings; open: boolean; busy: boolean; toggle(): void }) {
  if (actions.length === 0) return nothing;
  const { strings } = options;
  return html`
    <div class="tools" ?open=${options.open}>
      <button
        part="more"
        type="button"
        class="more"
        aria-label=${strings.moreActions}
        aria-haspopup="true"
        aria-expanded=${options.open ? 'true' : 'false'}
        @click=${options.toggle}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      <div part="actions" class="actions" role="group" aria-label=${strings.messageActions}>
        ${actions.map(
          (action) => html`
            <button type="button" class="action" data-action=${action.name} ?disabled=${options.busy} @click=${action.run}>${action.label}</button>
          `,
        )}
      </div>
    </div>
  `;
}

/** The question asked before a message is deleted for everyone. */
export function renderDeleteConfirm(options: { strings: ChatStrings; busy: boolean; cancel(): void; confirm(): void }) {
  const { strings } = options;
  return html`
    <div part="confirm" class="confirm" role="group" aria-label=${strings.deleteConfirm}>
      <span>${strings.deleteConfirm}</span>
      <button type="button" data-action="cancel-delete" @click=${options.cancel}>${strings.cancel}</button>
      <button type="button" class="danger" data-action="confirm-delete" ?disabled=${options.busy} @click=${options.confirm}>
        ${strings.deleteConfirmYes}
      </button>
    </div>
  `;
}

/** The inline editor of a text message: Enter saves, Escape cancels (the handlers decide). */
export function renderTextEditor(text: string, options: { strings: ChatStrings; busy: boolean; onKey(event: KeyboardEvent): void; cancel(): void; save(): void }) {
  const { strings } = options;
  return html`
    <div class="editor">
      <textarea aria-label=${strings.editing} .value=${text} ?disabled=${options.busy} @keydown=${options.onKey}></textarea>
      <div class="editor-buttons">
        <button type="button" @click=${options.cancel}>${strings.cancel}</button>
        <button type="button" class="primary" ?disabled=${options.busy} @click=${options.save}>${strings.save}</button>
      </div>
    </div>
  `;
}

/** Replacing the image or file of a message: a file picker and Cancel. */
export function renderFileReplace(image: boolean, options: { strings: ChatStrings; pick(event: Event): void; cancel(): void }): TemplateResult {
  const { strings } = options;
  return html`
    <div class="editor-buttons">
      <label class="replace">
        ${strings.replace}
        <input class="visually-hidden" type="file" accept=${image ? [...IMAGE_TYPES].join(',') : ''} @change=${options.pick} />
      </label>
      <button type="button" @click=${options.cancel}>${strings.cancel}</button>
    </div>
  `;
}

/** The larger view of an image, rendered only once opened so its copy loads only on request. */
export function renderImageViewer(src: string, options: { strings: ChatStrings; sender: string; closed(): void }) {
  const { strings } = options;
  const close = (event: Event) => (event.target as Element).closest('dialog')?.close();
  return html`
    <dialog aria-label=${strings.image} @close=${options.closed} @click=${(event: Event) => event.target === event.currentTarget && close(event)}>
      <div class="dialog-bar">
        <span>${options.sender}</span>
        <button type="button" class="close" @click=${close}>${strings.closeImage}</button>
      </div>
      <img src=${src} alt=${strings.imageFrom(options.sender)} referrerpolicy="no-referrer" />
    </dialog>
  `;
}
