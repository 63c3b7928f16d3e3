/**
 * The quote-reply convention of Cloudflare's chat UI: a reply travels as one text message,
 * `<blockquote>quoted text</blockquote>\n\nreply`. The markup is a marker in the text, never HTML:
 * the kit shows the quoted part as text in a quote block.
 */
import type { ChatMessage } from '../meeting/contract.js';
import { displayFileName } from './format.js';

const OPEN = '<blockquote>';
const CLOSE = '</blockquote>\n\n';

/**
 * The quoted part ends at the first `</blockquote>` followed by a blank line. (Cloudflare's UI cuts
 * the quote at the first `</blockquote>` and drops everything up to the last `</blockquote>\n\n`;
 * the two agree on every text its composer and ours write, and this reading hides nothing.)
 */
const QUOTE_REPLY = /^<blockquote>([\s\S]*?)<\/blockquote>\n\n/;

/**
 * Past this many characters the quoted text is cut when composing: the reply must fit in the
 * SDK's 2,000 characters, and a quote is a reminder, not a copy.
 */
export const QUOTE_LIMIT = 300;

/** A text message read for the quote-reply convention. */
export interface QuoteReply {
  /** The quoted text, when the message is a reply. */
  quote?: string;
  /** What the sender wrote: the whole text when it is no reply. */
  reply: string;
}

/** Splits a text that starts with `<blockquote>…</blockquote>\n\n` into the quote and the reply. */
export function parseQuoteReply(text: string): QuoteReply {
  if (!text.startsWith(OPEN)) return { reply: text };
  const match = QUOTE_REPLY.exec(text);
  if (!match) return { reply: text };
  return { quote: match[1], reply: text.slice(match[0].length) };
}

/**
 * The text to send for a reply, as Cloudflare's UI reads it. `quoted` is what is replied to: a
 * message's text (a reply quotes only its own words, never the quote it carries), or a short
 * description of an image or file. It is cut to `QUOTE_LIMIT` characters, and a `</blockquote>`
 * inside it is broken up so that it cannot end the quote early.
 */
export function composeQuoteReply(quoted: string, reply: string): string {
  const own = parseQuoteReply(quoted).reply.trim();
  const clipped = own.length > QUOTE_LIMIT ? `${cutAt(own, QUOTE_LIMIT)}…` : own;
  // A zero-width space after `<`: the text reads the same, and no parser sees the tag.
  const safe = clipped.replaceAll('</blockquote>', '<\u200b/blockquote>');
  return `${OPEN}${safe}${CLOSE}${reply}`;
}

/**
 * What a reply to `message` quotes: the message's own words for text (and custom text), the
 * given description for an image (e.g. "Photo"), the file name for a file.
 */
export function quotedText(message: ChatMessage, photo: string): string {
  switch (message.type) {
    case 'image':
      return photo;
    case 'file':
      return displayFileName(message.name);
    default:
      return parseQuoteReply(typeof message.message === 'string' ? message.message : '').reply;
  }
}

/**
 * The message a quote refers to: the newest earlier one whose quoted text matches it (cut the
 * same way as when composing, so long messages are found too). `undefined` when none is loaded.
 */
export function findQuotedMessage(quote: string, messages: readonly ChatMessage[], photo: string, before?: ChatMessage): ChatMessage | undefined {
  const wanted = quote.replaceAll('<\u200b/blockquote>', '</blockquote>').trim();
  const end = before ? messages.lastIndexOf(before) : -1;
  for (let index = (end === -1 ? messages.length : end) - 1; index >= 0; index -= 1) {
    const candidate = messages[index];
    const text = quotedText(candidate, photo).trim();
    if (text === wanted || (wanted.endsWith('…') && text.length > QUOTE_LIMIT && `${cutAt(text, QUOTE_LIMIT)}…` === wanted)) return candidate;
  }
  return undefined;
}

/** The first `limit` UTF-16 units, without splitting a surrogate pair. */
function cutAt(text: string, limit: number): string {
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}
