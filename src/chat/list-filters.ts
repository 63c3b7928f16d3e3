import { html, type TemplateResult } from 'lit';

import { participantPicker } from '../chat-composer/participant-picker.js';
import type { ChatMessageType } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';

const TYPES = ['text', 'image', 'file'] as const;

/** What the list's filter controls show and report. */
export interface ListFilterControls {
  strings: ChatStrings;
  /** The people in the meeting; the user is offered first, as "You". */
  people: Array<{ userId: string; name: string }>;
  selfUserId: string | undefined;
  userId: string | undefined;
  type: ChatMessageType | undefined;
  /** Whether the sender picker is in use (see `participantPicker`). */
  senderPickerOpen: boolean;
  onSenderPickerOpen(open: boolean): void;
  onUserId(userId: string | undefined): void;
  onType(type: 'text' | 'image' | 'file' | undefined): void;
}

/** The controls that filter the list: by sender and by type. */
export function listFilters(controls: ListFilterControls): TemplateResult {
  const { strings, selfUserId } = controls;
  const senders = selfUserId ? [{ userId: selfUserId, name: strings.you }, ...controls.people.filter((p) => p.userId !== selfUserId)] : controls.people;
  const onType = (event: Event) => controls.onType((TYPES as readonly string[]).find((type) => type === (event.target as HTMLSelectElement).value) as (typeof TYPES)[number] | undefined);
  return html`<div class="filters">
    <label class="select">
      <span class="visually-hidden">${strings.filterParticipant}</span>
      ${participantPicker({
        people: senders,
        value: (person) => person.userId,
        chosen: controls.userId,
        noneLabel: strings.allParticipants,
        unknownName: strings.unknownSender,
        label: strings.filterParticipant,
        open: controls.senderPickerOpen,
        onOpen: controls.onSenderPickerOpen,
        onChange: (value) => controls.onUserId(value || undefined),
      })}
    </label>
    <label class="select">
      <span class="visually-hidden">${strings.filterType}</span>
      <select aria-label=${strings.filterType} @change=${onType}>
        <option value="" ?selected=${!controls.type}>${strings.allTypes}</option>
        ${TYPES.map((type) => html`<option value=${type} ?selected=${type === controls.type}>${typeName(type, strings)}</option>`)}
      </select>
    </label>
  </div>`;
}

function typeName(type: (typeof TYPES)[number], strings: ChatStrings): string {
  return type === 'image' ? strings.typeImage : type === 'file' ? strings.typeFile : strings.typeText;
}
