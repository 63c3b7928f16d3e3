/**
 * When the kit may load a participant's media (images, and the attachments of custom messages).
 * Loading an image tells its host the viewer's IP address and browser: a link to a tracker in a
 * message reaches every participant who sees it.
 */
import { safeUrl } from './links.js';

/**
 * - `auto`: load every http(s) image as it is shown (the default).
 * - `click`: load none until the viewer asks for it.
 * - `trusted`: load those from the trusted origins (such as the meeting's upload storage) as they
 *   are shown, the others only when the viewer asks.
 */
export type MediaPolicy = 'auto' | 'click' | 'trusted';

/** What decides whether a message's media loads: the policy, its trusted origins, and whether the viewer asked for this message's. */
export interface MediaChoice {
  policy: MediaPolicy;
  origins: readonly string[];
  /** The viewer asked to load this message's media. */
  loadAnyway: boolean;
}

/** The media policies, for validating an attribute. */
export const MEDIA_POLICIES: readonly MediaPolicy[] = ['auto', 'click', 'trusted'];

/** The policy `value` names; anything else (a typo, an empty attribute) is `click`, the safe one. */
export function mediaPolicy(value: unknown): MediaPolicy {
  return MEDIA_POLICIES.find((policy) => policy === value) ?? 'click';
}

/**
 * The origins a `trusted` policy accepts, from a list or a space-separated attribute value:
 * `https://uploads.example.com` (that origin exactly) or `https://*.example.com` (any subdomain
 * of `example.com` over https, not `example.com` itself). Entries that are not http(s) origins
 * are left out.
 */
export function trustedOrigins(value: string | readonly string[] | null | undefined): string[] {
  const entries = typeof value === 'string' ? value.split(/\s+/) : Array.isArray(value) ? value : [];
  const origins: string[] = [];
  for (const entry of entries) {
    const origin = typeof entry === 'string' && entry !== '' ? parseOrigin(entry) : undefined;
    if (origin) origins.push(origin.wildcard ? `${origin.url.protocol}//*.${origin.url.host}` : origin.url.origin);
  }
  return origins;
}

// URL parsers percent-encode a `*` in a host: the wildcard is taken off before parsing.
const WILDCARD = /^(https?:\/\/)\*\./i;

function parseOrigin(entry: string): { url: URL; wildcard: boolean } | undefined {
  const wildcard = WILDCARD.test(entry);
  const href = safeUrl(wildcard ? entry.replace(WILDCARD, '$1') : entry);
  return href ? { url: new URL(href), wildcard } : undefined;
}

function isTrusted(url: URL, origins: readonly string[]): boolean {
  return origins.some((entry) => {
    const origin = parseOrigin(entry);
    if (!origin || origin.url.protocol !== url.protocol || origin.url.port !== url.port) return false;
    return origin.wildcard ? url.hostname.endsWith(`.${origin.url.hostname}`) : url.hostname === origin.url.hostname;
  });
}

/** Whether a message's media at `url` loads now: the viewer asked for this message's, or the policy lets it. */
export function mayShowMedia(url: unknown, choice: MediaChoice): boolean {
  return choice.loadAnyway || mayLoadMedia(url, choice.policy, choice.origins);
}

/**
 * Whether the media at `url` may be loaded now, without the viewer asking. Never for a URL that
 * is not http(s) or blob:; always for a blob: URL (a file of this page: loading it reaches no
 * server); for http(s) as `policy` says, `trusted` checking the URL's origin against
 * `origins` (see `trustedOrigins`; exact origins are also accepted as they are).
 */
export function mayLoadMedia(url: unknown, policy: MediaPolicy, origins: readonly string[] = []): boolean {
  const href = safeUrl(url, true);
  if (!href) return false;
  const parsed = new URL(href);
  if (parsed.protocol === 'blob:') return true;
  switch (policy) {
    case 'auto':
      return true;
    case 'trusted':
      return isTrusted(parsed, origins);
    default:
      return false;
  }
}
