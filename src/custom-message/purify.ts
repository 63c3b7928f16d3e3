/**
 * The sanitiser for custom messages' `html`, in a chunk of its own that loads with the first one:
 * DOMPurify with a short list of text-level tags, http(s) links that open in a new tab without a
 * referrer or opener, lazy http(s) images (those the media policy holds back become links to
 * them), and no style, class, id, form, frame, media or script.
 */
import DOMPurify, { type Config } from 'dompurify';

import { safeUrl, showLink } from '../format/format.js';

/** The Trusted Types policy DOMPurify parses through, where the page enforces Trusted Types. */
export const POLICY_NAME = 'rtk-chat-kit';

const ALLOWED_TAGS = [
  'a', 'b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'code', 'pre', 'kbd', 'span',
  'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'img',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'lang', 'dir'];
/** Marks an image the media policy holds back, for `sanitize` to turn into a link. */
const HELD = 'data-rtk-held';

/** Whether an image may load now; set for the length of one `sanitize` call. */
let mayLoad: (url: string) => boolean = () => true;

// One instance of our own: hooks on the app's DOMPurify would change what it sanitises.
const purify = DOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return;
  for (const name of ['href', 'src']) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    // Absolute http(s) only, as in the rest of the kit: no data:, blob:, relative or other schemes.
    const url = safeUrl(value);
    if (url) node.setAttribute(name, url);
    else node.removeAttribute(name);
  }
  if (node.localName === 'a' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.localName === 'img') {
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    const src = node.getAttribute('src');
    if (src !== null && !mayLoad(src)) {
      node.removeAttribute('src');
      node.setAttribute(HELD, src);
    }
  }
});

/** An image held back by the media policy, as a link to it that says where it goes: nothing is fetched until the viewer opens it. */
function heldImageLink(image: Element): HTMLAnchorElement {
  const src = image.getAttribute(HELD) ?? '';
  const link = image.ownerDocument.createElement('a');
  link.href = src;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  const alt = image.getAttribute('alt')?.trim();
  const host = showLink(src)?.host ?? '';
  link.textContent = alt ? `${alt} (${host})` : host;
  return link;
}

/**
 * The policy DOMPurify parses through: `null` where the browser has no Trusted Types, `false`
 * where the page's `trusted-types` directive does not list it (then parsing would be refused too).
 */
function createPolicy(): TrustedTypePolicy | null | false {
  const factory = (window as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  if (!factory) return null;
  try {
    // Only DOMPurify sees this policy: it parses the markup into an inert document through it.
    const policy = factory.createPolicy(POLICY_NAME, { createHTML: (markup) => markup, createScriptURL: (url) => url });
    // DOMPurify's type asks for a whole policy; it only ever calls these two.
    return policy as unknown as TrustedTypePolicy;
  } catch {
    return false;
  }
}

let config: (Config & { RETURN_DOM_FRAGMENT: true }) | undefined;
/** Set once the page refused the sanitiser: no more attempts, each would be reported again. */
let refused = false;

/**
 * The markup, sanitised, as nodes to render; `undefined` when the page refuses the parsing
 * (Trusted Types enforced without `rtk-chat-kit` in its `trusted-types` directive).
 *
 * Chrome reports every inline handler or style attribute it meets while parsing (as
 * `script-src-attr` / `style-src-attr` violations) under a CSP that forbids them, even in the
 * inert document the sanitiser parses into: those reports mean it was blocked, not that it ran.
 */
export function sanitize(markup: string, mayLoadImage: (url: string) => boolean = () => true): DocumentFragment | undefined {
  if (!config) {
    const policy = createPolicy();
    refused = policy === false;
    config = {
      ALLOWED_TAGS,
      ALLOWED_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      ALLOWED_URI_REGEXP: /^https?:\/\//i,
      RETURN_DOM_FRAGMENT: true,
      TRUSTED_TYPES_POLICY: policy || null,
    };
  }
  if (refused) return undefined;
  mayLoad = mayLoadImage;
  try {
    const fragment = purify.sanitize(markup, config);
    for (const image of fragment.querySelectorAll(`img[${HELD}]`)) image.replaceWith(heldImageLink(image));
    return fragment;
  } catch {
    refused = true;
    return undefined;
  } finally {
    mayLoad = () => true;
  }
}
