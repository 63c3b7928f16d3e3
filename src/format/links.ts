/**
 * Links as people should read them: where a link really goes, not what its sender typed. A link's
 * text is rebuilt from the parsed URL's host (the sender's own spelling of it is kept only where
 * it cannot pass for another host), without userinfo and without bidi or invisible characters,
 * and its title shows the whole destination.
 */
import { hostForDisplay } from './hosts.js';
import { withoutFormatCharacters } from './visible.js';

/** A URL the kit may link or load: only http(s), plus blob: when `allowBlob` is set. */
export function safeUrl(value: unknown, allowBlob = false): string | undefined {
  const url = parseSafeUrl(value, allowBlob);
  return url?.href;
}

function parseSafeUrl(value: unknown, allowBlob: boolean): URL | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const allowed = url.protocol === 'https:' || url.protocol === 'http:' || (allowBlob && url.protocol === 'blob:');
  return allowed ? url : undefined;
}

/** A link as it should be shown. */
export interface ShownLink {
  /**
   * Where the link goes, as the browser will open it: the parsed URL without userinfo (a
   * `user@` before the host only ever serves to make another host's name appear first).
   */
  href: string;
  /**
   * The link's text: the scheme, the host as `hostForDisplay` shows it (punycode where the
   * Unicode could pass for another host) with its port, then the rest as typed, without bidi
   * controls or other invisible characters. Cut with `…` after the host when longer than asked.
   */
  text: string;
  /** For the tooltip: the whole destination, host first, never cut before the host. */
  title: string;
  /** The host as shown in `text` and `title`. */
  host: string;
}

/** How to show a link. */
export interface ShowLinkOptions {
  /** Cut `text` past this many characters (with `…`), never inside the scheme, host or port. */
  maxLength?: number;
}

/** Tooltips longer than this are cut; the host is always kept. */
const TITLE_LENGTH = 500;

// `scheme://authority rest`, with the authority ending where the URL parser ends it.
const TYPED_PARTS = /^(https?):\/\/([^/?#\\]*)([\s\S]*)$/i;

/** `text` cut to `length` characters plus `…`, never between the halves of a surrogate pair. */
function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  let end = Math.max(0, length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * How to show the http(s) link `value` (as typed in a message): see `ShownLink`. `undefined`
 * for anything that is not an http(s) URL.
 */
export function showLink(value: string, options: ShowLinkOptions = {}): ShownLink | undefined {
  const url = parseSafeUrl(value, false);
  if (!url) return undefined;
  url.username = '';
  url.password = '';
  const typed = TYPED_PARTS.exec(value);
  const typedAuthority = typed?.[2] ?? '';
  const typedHost = typedAuthority.slice(typedAuthority.lastIndexOf('@') + 1).replace(/:\d*$/, '');
  const host = hostForDisplay(url.hostname, typedHost);
  const head = `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`;
  const rest = typed ? withoutFormatCharacters(typed[3]) : `${url.pathname === '/' ? '' : url.pathname}${url.search}${url.hash}`;
  const full = `${head}${rest}`;
  const maxLength = options.maxLength ?? Infinity;
  return {
    href: url.href,
    text: full.length > maxLength ? cut(full, Math.max(head.length, maxLength - 1)) : full,
    title: full.length > TITLE_LENGTH ? cut(full, Math.max(head.length, TITLE_LENGTH - 1)) : full,
    host,
  };
}

/** One piece of message text: plain text, or an http(s) link with its tooltip and host. */
export type TextPart = { text: string; href?: undefined; title?: undefined; host?: undefined } | ShownLink;

/** How to split text. */
export interface LinkifyOptions {
  /**
   * Show at most this many characters: the text is cut there with `…`; a link that crosses the
   * limit keeps its whole `href` and its host in its text (see `ShowLinkOptions.maxLength`).
   */
  limit?: number;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;

// Punctuation that ends a sentence rather than a URL.
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"']);
const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/**
 * The length of `candidate` without the punctuation after it that belongs to the sentence: one
 * pass from the end, so linear however long the run. A closing bracket stays when the URL opened
 * it (`https://en.wikipedia.org/wiki/Set_(mathematics)`).
 */
function urlLength(candidate: string): number {
  const unmatched: Record<string, number> = {};
  for (const [closer, opener] of Object.entries(CLOSERS)) unmatched[closer] = count(candidate, closer) - count(candidate, opener);
  let end = candidate.length;
  while (end > 0) {
    const char = candidate[end - 1];
    if (TRAILING.has(char)) {
      end--;
    } else if (char in CLOSERS && unmatched[char] > 0) {
      unmatched[char]--;
      end--;
    } else {
      break;
    }
  }
  return end;
}

/** Splits text into plain runs and http(s) links shown as `showLink` says; anything else stays text. */
export function linkify(text: string, options: LinkifyOptions = {}): TextPart[] {
  const limit = options.limit ?? Infinity;
  const parts: TextPart[] = [];
  let last = 0;
  const plain = (end: number): boolean => {
    if (end <= last) return true;
    if (end <= limit) {
      parts.push({ text: text.slice(last, end) });
      return true;
    }
    parts.push({ text: cut(text.slice(last), limit - last) });
    return false;
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const raw = match[0].slice(0, urlLength(match[0]));
    const link = showLink(raw, { maxLength: start + raw.length > limit ? limit - start : undefined });
    if (!link) continue;
    if (!plain(start)) return parts;
    parts.push(link);
    last = start + raw.length;
    if (last > limit) return parts;
  }
  plain(text.length);
  return parts;
}
