/**
 * The emoji data, loaded on first use: Emojibase's English data as `emoji-picker-element-data`
 * ships it, imported as a JSON module, so it comes from wherever the app serves its own modules
 * (a bundler makes it a chunk of the app) and never from another host.
 */
import { lazy } from '../format/lazy.js';

/** One emoji, as `emoji-picker-element-data` describes it. */
export interface EmojiEntry {
  emoji: string;
  annotation: string;
  /** Emojibase's group: 0 smileys, 1 people, 2 components, 3 animals, 4 food, 5 travel, 6 activities, 7 objects, 8 symbols, 9 flags. */
  group?: number;
  order?: number;
  shortcodes?: string[];
  tags?: string[];
  version?: number;
  /** The same emoji in each skin tone, 1 (light) to 5 (dark). */
  skins?: Array<{ tone: number | number[]; emoji: string }>;
}

/** The groups a picker shows, in order (Emojibase's group 2 holds only skin-tone and hair components). */
export const GROUPS = [0, 1, 3, 4, 5, 6, 7, 8, 9] as const;

/** The emoji, by group and searchable. */
export interface EmojiIndex {
  /** The emoji of a group, in Emojibase's order. */
  group(id: number): readonly EmojiEntry[];
  /** The emoji whose name, tags or shortcodes have words starting with every word of the query. */
  search(query: string): EmojiEntry[];
  /** The emoji with a shortcode starting with `prefix`, exact matches first. */
  shortcodes(prefix: string): Array<{ entry: EmojiEntry; shortcode: string }>;
  /** The entry of an emoji, by the emoji itself (its default skin). */
  find(emoji: string): EmojiEntry | undefined;
}

/** The emoji in a skin tone (0 is the default yellow); the emoji itself where it has no tones. */
export function withTone(entry: EmojiEntry, tone: number): string {
  if (tone === 0) return entry.emoji;
  return entry.skins?.find((skin) => skin.tone === tone)?.emoji ?? entry.emoji;
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[\s_:,.()'’-]+/u).filter(Boolean);
}

function buildIndex(data: readonly EmojiEntry[]): EmojiIndex {
  const entries = data.filter((entry) => typeof entry?.emoji === 'string' && typeof entry.annotation === 'string' && entry.group !== 2);
  const byGroup = new Map<number, EmojiEntry[]>();
  const byEmoji = new Map<string, EmojiEntry>();
  const terms = new Map<EmojiEntry, string[]>();
  for (const entry of entries) {
    const list = byGroup.get(entry.group ?? -1);
    if (list) list.push(entry);
    else byGroup.set(entry.group ?? -1, [entry]);
    byEmoji.set(entry.emoji, entry);
    terms.set(entry, [...new Set([...words(entry.annotation), ...(entry.tags ?? []).flatMap(words), ...(entry.shortcodes ?? []).flatMap(words)])]);
  }
  for (const list of byGroup.values()) list.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  return {
    group: (id) => byGroup.get(id) ?? [],
    search(query) {
      const wanted = words(query);
      if (wanted.length === 0) return [];
      const found = entries.filter((entry) => wanted.every((word) => terms.get(entry)!.some((term) => term.startsWith(word))));
      // Whole-name matches first: "cat" shows 🐈 before 🙀.
      const name = query.trim().toLowerCase();
      return found.sort((a, b) => Number(b.annotation === name) - Number(a.annotation === name) || (a.order ?? 0) - (b.order ?? 0));
    },
    shortcodes(prefix) {
      const wanted = prefix.toLowerCase();
      const found: Array<{ entry: EmojiEntry; shortcode: string }> = [];
      for (const entry of entries) {
        const shortcode = entry.shortcodes?.find((code) => code.startsWith(wanted));
        if (shortcode) found.push({ entry, shortcode });
      }
      return found.sort((a, b) => Number(b.shortcode === wanted) - Number(a.shortcode === wanted) || a.shortcode.length - b.shortcode.length);
    },
    find: (emoji) => byEmoji.get(emoji),
  };
}

const TONE_KEY = 'rtk-chat-kit:emoji-tone';

/** The skin tone the user chose last (0 for the default), kept in this browser. */
export function preferredTone(): number {
  try {
    const tone: unknown = JSON.parse(localStorage.getItem(TONE_KEY) ?? '0');
    return Number.isInteger(tone) && (tone as number) >= 0 && (tone as number) <= 5 ? (tone as number) : 0;
  } catch {
    return 0;
  }
}

/** Keeps the chosen skin tone for next time. */
export function preferTone(tone: number): void {
  try {
    localStorage.setItem(TONE_KEY, JSON.stringify(tone));
  } catch {
    // Storage full or refused: the choice lasts until the page closes.
  }
}

const index = lazy(() =>
  import(
    'emoji-picker-element-data/en/emojibase/data.json',
    // @ts-expect-error -- TS1324: a second argument needs `"module": "esnext"` in tsconfig.json; the browser and bundlers need the attribute.
    { with: { type: 'json' } }
  ).then((module: { default: EmojiEntry[] }) => buildIndex(module.default)),
);

/** The emoji index, loading the data the first time; a failed load is tried again next time. */
export function loadEmojiIndex(): Promise<EmojiIndex> {
  return index.load();
}
