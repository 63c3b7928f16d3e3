/**
 * Message text as Cloudflare's chat UI formats it, built as Lit templates: nothing in the text is
 * ever parsed as markup. A token (space-separated) that starts with `*word*`, `_word_` or `~word~`
 * shows that word bold, italic or struck through; http(s) URLs are links; a text whose first and
 * last lines are exactly three backticks shows the lines between preformatted. `@Display Name`
 * of a given participant shows as a mention chip.
 */
import { html, type TemplateResult } from 'lit';

import { linkify } from './format.js';

/**
 * Past this many characters a text is cut for display: no honest message is that long (the SDK's
 * limit is 2,000), and laying out one huge unbroken word takes the browser seconds.
 */
export const SHOWN_TEXT_LIMIT = 10_000;

/** How `renderRichText` renders links and which mentions it knows. */
export interface RichTextOptions {
  /** Renders one http(s) link: the kit's single place that decides how a link shows. */
  renderLink(href: string, text: string): TemplateResult;
  /** The names that `@Name` may mention: the participants'. */
  mentionNames?: readonly string[];
  /** The local user's name: a mention of it sets `mentionsSelf`. */
  selfName?: string;
}

/** A text ready to render, and whether it mentions the local user. */
export interface RichText {
  template: TemplateResult | string;
  mentionsSelf: boolean;
}

type Piece = TemplateResult | string;

const FENCE = '```';
// As Cloudflare's UI: one word without whitespace, at the start of a token; the first that matches.
const EMPHASIS: Array<[RegExp, (word: string) => TemplateResult]> = [
  [/^\*([^*\s]+)\*/, (word) => html`<b>${word}</b>`],
  [/^_([^_\s]+)_/, (word) => html`<i>${word}</i>`],
  [/^~([^~\s]+)~/, (word) => html`<s>${word}</s>`],
];
// What may not follow a mentioned name: more of a word.
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * A participant's name as it is written after `@`: whitespace runs (new lines too) become one
 * space, bidi controls go. The mention suggestions insert this, and the parser matches this.
 */
export function mentionName(name: string): string {
  return name.replace(BIDI_CONTROLS, '').replace(/\s+/gu, ' ').trim();
}

/** Renders message text with Cloudflare's formatting, links through `renderLink`, and mention chips. */
export function renderRichText(text: string, options: RichTextOptions): RichText {
  const shown = text.length > SHOWN_TEXT_LIMIT ? `${text.slice(0, SHOWN_TEXT_LIMIT)}…` : text;
  const lines = shown.split('\n');
  if (lines.length >= 2 && lines[0] === FENCE && lines[lines.length - 1] === FENCE) {
    return { template: html`<pre class="code"><code>${lines.slice(1, -1).join('\n')}</code></pre>`, mentionsSelf: false };
  }
  const names = mentionList(options.mentionNames ?? [], options.selfName);
  const self = options.selfName === undefined ? '' : mentionName(options.selfName);
  const pieces: Piece[] = [];
  let mentionsSelf = false;
  lines.forEach((line, index) => {
    if (index > 0) push(pieces, '\n');
    let start = 0;
    for (const mention of findMentions(line, names)) {
      formatRun(line.slice(start, mention.at), start === 0 || line[start - 1] === ' ', options, pieces);
      const isSelf = self !== '' && mention.name === self;
      mentionsSelf ||= isSelf;
      pieces.push(isSelf ? html`<span class="mention mention-self">@${mention.name}</span>` : html`<span class="mention">@${mention.name}</span>`);
      start = mention.at + 1 + mention.name.length;
    }
    formatRun(line.slice(start), start === 0 || line[start - 1] === ' ', options, pieces);
  });
  return { template: pieces.length === 1 ? pieces[0] : html`${pieces}`, mentionsSelf };
}

/**
 * Formats a run of text between mentions, token by token. `atToken` tells whether the run starts
 * a token: after a mention without a space it does not, so no emphasis starts there.
 */
function formatRun(run: string, atToken: boolean, options: RichTextOptions, out: Piece[]): void {
  if (run === '') return;
  run.split(' ').forEach((token, index) => {
    if (index > 0) push(out, ' ');
    if (token === '') return;
    const parts = linkify(token);
    if (parts.some((part) => part.href)) {
      for (const part of parts) push(out, part.href ? options.renderLink(part.href, part.text) : part.text);
      return;
    }
    if (index > 0 || atToken) {
      for (const [pattern, render] of EMPHASIS) {
        const match = pattern.exec(token);
        if (match) {
          push(out, render(match[1]));
          push(out, token.slice(match[0].length));
          return;
        }
      }
    }
    push(out, token);
  });
}

/** Appends a piece, joining neighbouring text into one string: one text node, not many. */
function push(out: Piece[], piece: Piece): void {
  if (piece === '') return;
  const last = out.length - 1;
  if (typeof piece === 'string' && typeof out[last] === 'string') out[last] += piece;
  else out.push(piece);
}

const lists = new WeakMap<readonly string[], Map<string, Map<string, string[]>>>();

/** The names that can be mentioned, by first character, longest first; kept per list and local name. */
function mentionList(given: readonly string[], selfName = ''): Map<string, string[]> {
  let bySelf = lists.get(given);
  if (!bySelf) lists.set(given, (bySelf = new Map()));
  const cached = bySelf.get(selfName);
  if (cached) return cached;
  const byFirst = new Map<string, string[]>();
  const all = new Set([...given, selfName].map(mentionName));
  for (const name of [...all].sort((a, b) => b.length - a.length)) {
    if (name === '') continue;
    const bucket = byFirst.get(name[0]);
    if (bucket) bucket.push(name);
    else byFirst.set(name[0], [name]);
  }
  bySelf.set(selfName, byFirst);
  return byFirst;
}

/** Each `@Name` in a line: at its start or after whitespace, the longest known name, not followed by more of a word. */
function* findMentions(line: string, names: Map<string, string[]>): Generator<{ at: number; name: string }> {
  if (names.size === 0) return;
  let from = 0;
  for (let at = line.indexOf('@'); at !== -1; at = line.indexOf('@', from)) {
    from = at + 1;
    if (at > 0 && !/\s/u.test(line[at - 1])) continue;
    const name = names.get(line[at + 1])?.find((candidate) => line.startsWith(candidate, at + 1) && !WORD_CHAR.test(line[at + 1 + candidate.length] ?? ''));
    if (!name) continue;
    yield { at, name };
    from = at + 1 + name.length;
  }
}
