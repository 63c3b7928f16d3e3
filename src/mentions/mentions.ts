import { mentionName } from '../format/rich-text.js';
import type { MeetingParticipant } from '../meeting/contract.js';
import type { CompletionItem, CompletionSource } from './completion.js';

/** What the `@` suggestions need: the people who may be mentioned, and the list's name. */
export interface MentionSourceOptions {
  /** The people to suggest: the joined participants, usually without the local user. */
  participants(): readonly MeetingParticipant[];
  /** The accessible name of the list, e.g. "People". */
  label(): string;
}

/** Lower case, without accents: "Zoë" is found by "zoe". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The `@` suggestions: participants whose name (or a word of it) starts with what was typed,
 * those whose whole name does first. Inserting one writes `@Display Name`. People who share a
 * name are told apart by the end of their user id.
 */
export function mentionSource(options: MentionSourceOptions): CompletionSource {
  return {
    trigger: '@',
    spaces: true,
    label: options.label,
    suggest(query: string): CompletionItem[] {
      const wanted = folded(query);
      // One entry per user: the same person connected twice is one person to mention.
      const users = new Map<string, MeetingParticipant>();
      for (const person of options.participants()) if (!users.has(person.userId || person.id)) users.set(person.userId || person.id, person);
      const people = [...users.values()].map((person) => ({ person, name: mentionName(person.name ?? '') })).filter(({ name }) => name !== '');
      const counts = new Map<string, number>();
      for (const { name } of people) counts.set(name, (counts.get(name) ?? 0) + 1);
      const ranked: Array<{ rank: number; item: CompletionItem }> = [];
      for (const { person, name } of people) {
        const words = folded(name);
        const rank = words.startsWith(wanted) ? 0 : words.split(' ').some((word) => word.startsWith(wanted)) ? 1 : -1;
        if (rank === -1) continue;
        const detail = (counts.get(name) ?? 0) > 1 ? shortId(person.userId || person.id) : undefined;
        ranked.push({ rank, item: { key: person.id, label: name, detail, text: `@${name}` } });
      }
      return ranked.sort((a, b) => a.rank - b.rank || a.item.label.localeCompare(b.item.label)).map(({ item }) => item);
    },
  };
}

/** The last characters of an id, enough to tell two people apart at a glance. */
function shortId(id: string): string {
  return `#${id.replace(/[^\p{L}\p{N}]/gu, '').slice(-4)}`;
}
