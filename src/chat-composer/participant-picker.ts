import { html, nothing, type TemplateResult } from 'lit';

/** What a participant picker shows and reports. */
export interface ParticipantPicker<T extends { name: string }> {
  /** The people to choose from. */
  people: T[];
  /** The value a person is chosen by. */
  value(person: T): string;
  /** The chosen value, or none for the first option. */
  chosen: string | undefined;
  /** The first option: everyone, anyone. */
  noneLabel: string;
  /** The name shown for someone without one. */
  unknownName: string;
  /** Whether the picker is in use: only then does it hold every option. */
  open: boolean;
  /** The accessible name, where no `<label>` gives one. */
  label?: string;
  onOpen(open: boolean): void;
  onChange(value: string): void;
}

/**
 * A `<select>` of participants. With hundreds of people in a meeting it would hold hundreds of
 * options all the time; it holds them only while in use (focused, or pressed: the options render
 * before the browser opens its list), and otherwise just the chosen one.
 */
export function participantPicker<T extends { name: string }>(picker: ParticipantPicker<T>): TemplateResult {
  const { value, chosen } = picker;
  const shown = picker.open ? picker.people : picker.people.filter((person) => value(person) === chosen);
  // People who share a name are told apart by the end of their id, so a message cannot go to the wrong one.
  const counts = new Map<string, number>();
  for (const person of picker.people) counts.set(person.name, (counts.get(person.name) ?? 0) + 1);
  const label = (person: T) => {
    const name = person.name || picker.unknownName;
    return (counts.get(person.name) ?? 0) > 1 ? `${name} (#${value(person).slice(-4)})` : name;
  };
  return html`<select
    aria-label=${picker.label ?? nothing}
    @focus=${() => picker.onOpen(true)}
    @pointerdown=${() => picker.onOpen(true)}
    @blur=${() => picker.onOpen(false)}
    @change=${(event: Event) => picker.onChange((event.target as HTMLSelectElement).value)}
  >
    <option value="" ?selected=${!chosen}>${picker.noneLabel}</option>
    ${shown.map((person) => html`<option value=${value(person)} ?selected=${value(person) === chosen}>${label(person)}</option>`)}
  </select>`;
}
