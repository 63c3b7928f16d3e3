import type { CompletionItem, CompletionSource } from '../mentions/completion.js';

/**
 * The `:shortcode` suggestions for a `CompletionController`: typing `:thu` offers 👍 `:thumbsup:`,
 * and picking one inserts the emoji, in the user's skin tone. The emoji data loads with the first
 * query (two characters after the colon), from the same chunk as the picker's.
 */
export function shortcodeSource(options: { label(): string }): CompletionSource {
  return {
    trigger: ':',
    minLength: 2,
    label: options.label,
    async suggest(query: string): Promise<CompletionItem[]> {
      const { loadEmojiIndex, preferredTone, withTone } = await import('./emoji-data.js');
      const index = await loadEmojiIndex().catch(() => undefined);
      const tone = preferredTone();
      return (index?.shortcodes(query) ?? []).slice(0, 8).map(({ entry, shortcode }) => {
        const emoji = withTone(entry, tone);
        return { key: shortcode, label: `:${shortcode}:`, icon: emoji, text: emoji };
      });
    },
  };
}
