/**
 * Audits of what the kit rendered, through every shadow root: only the elements, attributes and
 * classes its templates contain; only http(s) and blob URLs linked or loaded; nothing wider than
 * the panel.
 */

/** Every tag the kit's templates render. */
const TAGS = new Set([
  'a', 'article', 'b', 'blockquote', 'br', 'button', 'caption', 'circle', 'code', 'del', 'dialog', 'div', 'em', 'h1',
  'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'label', 'li', 'mark', 'ol',
  'option', 'p', 'path', 'pre', 'rtk-avatar', 'rtk-chat-composer', 'rtk-chat-message', 'rtk-conversation-switcher',
  's', 'section', 'select', 'slot', 'small', 'span', 'strong', 'sub', 'sup', 'svg', 'table', 'tbody', 'td', 'textarea',
  'th', 'thead', 'time', 'tr', 'u', 'ul', 'video',
]);

/** Every attribute the kit's templates set, plus what Lit and reflection add. */
const ATTRIBUTES = new Set([
  'accept', 'active', 'alt', 'aria-activedescendant', 'aria-autocomplete', 'aria-busy', 'aria-controls',
  'aria-describedby', 'aria-disabled', 'aria-expanded', 'aria-haspopup', 'aria-hidden', 'aria-label',
  'aria-labelledby', 'aria-multiselectable', 'aria-orientation', 'aria-selected', 'autocomplete', 'busy', 'class',
  'collapsed', 'colspan', 'controls', 'conversation', 'cx', 'cy', 'd', 'data-action', 'data-index', 'datetime',
  'decoding', 'dir', 'disabled', 'download', 'exportparts', 'fill', 'grouped', 'height', 'hidden', 'hide-avatars',
  'highlighted', 'href', 'id', 'lang', 'loading', 'mentioned', 'message-id', 'mismatch', 'multiple', 'name', 'open',
  'own', 'part', 'pinned', 'placeholder', 'playsinline', 'preload', 'private', 'r', 'referrerpolicy', 'rel', 'role',
  'rows', 'rowspan', 'selected', 'src', 'stroke', 'stroke-linecap', 'stroke-linejoin', 'stroke-width', 'style',
  'tabindex', 'target', 'title', 'type', 'user-id', 'value', 'viewBox', 'width',
]);

/** The class names in the kit's templates. User content must never become one. */
const CLASSES = new Set([
  'action', 'actions', 'attach', 'attachment', 'attachment-name', 'attachments', 'avatar', 'avatar-space', 'base',
  'box', 'bubble', 'chevron', 'close', 'code', 'completion', 'completion-detail', 'completion-icon',
  'completion-label', 'completion-option', 'confirm', 'count', 'counter', 'custom', 'custom-html', 'custom-image',
  'custom-media', 'custom-video', 'danger', 'day', 'dialog-bar', 'dot', 'edited', 'editor', 'editor-buttons', 'emoji', 'empty',
  'error', 'fallback', 'file', 'file-facts', 'file-host', 'file-icon', 'file-name', 'file-size', 'file-warning',
  'filters', 'grid', 'header', 'header-row', 'header-toggle', 'history-status', 'icon-button', 'image', 'image-button',
  'initials', 'item', 'list', 'list-wrap', 'load-media', 'load-media-host', 'load-media-label', 'marker-private',
  'mention', 'mention-self', 'meta', 'more', 'new-divider', 'new-messages', 'notice', 'over', 'panel', 'picture',
  'preview', 'primary', 'quote', 'recipient', 'replace', 'replying', 'replying-quote', 'replying-text', 'row',
  'search', 'select', 'send', 'sender', 'side-time', 'status', 'tab', 'tabs', 'text', 'text-button', 'title', 'toggle',
  'tools', 'top', 'unpin', 'visually-hidden', 'warning', 'you',
]);

/** Attributes whose values are the kit's own words, never the user's: plain tokens only. */
const TOKEN_ATTRIBUTES = ['part', 'role', 'data-action', 'type', 'name', 'rel', 'target', 'loading', 'decoding', 'exportparts', 'id', 'tabindex'];

const SAFE_SCHEMES = new Set(['http:', 'https:', 'blob:']);

/** Every element in the shadow trees below `root` (its own shadow root first), not `root` itself. */
export function shadowElements(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (scope: ParentNode) => {
    for (const element of scope.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  return found;
}

/** The message id of the `<rtk-chat-message>` an element belongs to, for naming a culprit. */
function owner(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof ShadowRoot) node = node.host;
    if (node instanceof Element && node.localName.endsWith('chat-message')) return `message ${node.getAttribute('message-id')}`;
    node = node?.parentNode ?? null;
  }
  return element.getRootNode() instanceof ShadowRoot ? ((element.getRootNode() as ShadowRoot).host.localName) : 'page';
}

/** Whether the kit may link or load `value`: an absolute http(s) or blob URL, as the browser parses it. */
export function isSafeUrl(value: string): boolean {
  try {
    return SAFE_SCHEMES.has(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * What the kit rendered that it should not have: unknown tags or attributes, event-handler
 * attributes, foreign classes, user text in token attributes, unsafe URLs, new-tab links without
 * `noopener`, style attributes that load or run anything. Empty when all is well.
 */
export function auditMarkup(root: Element): string[] {
  const problems: string[] = [];
  for (const element of shadowElements(root)) {
    const where = `<${element.localName}> in ${owner(element)}`;
    if (!TAGS.has(element.localName)) problems.push(`unexpected element ${where}`);
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) problems.push(`event handler attribute ${name} on ${where}`);
      else if (!ATTRIBUTES.has(name)) problems.push(`unexpected attribute ${name} on ${where}`);
      if (TOKEN_ATTRIBUTES.includes(name) && !/^[\w:,.\- ]*$/.test(value)) problems.push(`user text in ${name}="${value.slice(0, 40)}" on ${where}`);
      if (name === 'style' && /url\(|expression|javascript|@import|position:\s*fixed/i.test(value)) problems.push(`style "${value}" on ${where}`);
    }
    for (const token of element.classList) if (!CLASSES.has(token)) problems.push(`unexpected class "${token.slice(0, 40)}" on ${where}`);
    const href = element.getAttribute('href');
    if (href !== null && !isSafeUrl(href)) problems.push(`unsafe href "${href.slice(0, 60)}" on ${where}`);
    const src = element.getAttribute('src');
    if (src !== null && !isSafeUrl(src)) problems.push(`unsafe src "${src.slice(0, 60)}" on ${where}`);
    if (element.getAttribute('target') === '_blank') {
      const rel = (element.getAttribute('rel') ?? '').split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) problems.push(`new-tab link without noopener noreferrer on ${where}`);
    }
  }
  return problems;
}

/**
 * Elements whose box reaches past the panel's left or right edge (a pixel of rounding allowed).
 * Hidden and zero-size elements are not laid out, so they do not count.
 */
export function auditLayout(root: Element, panel: Element = root): string[] {
  const bounds = panel.getBoundingClientRect();
  const problems: string[] = [];
  for (const element of shadowElements(root)) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.left < bounds.left - 1 || box.right > bounds.right + 1) {
      problems.push(`<${element.localName} class="${element.getAttribute('class') ?? ''}"> in ${owner(element)} spans ${Math.round(box.left)}…${Math.round(box.right)}, the panel ${Math.round(bounds.left)}…${Math.round(bounds.right)}`);
    }
  }
  return problems;
}

/**
 * The characters of a text node in the order they appear on screen (left to right, then top to
 * bottom): what a reader sees, whatever bidi controls say. Characters without a box are left out.
 */
export function visualText(node: Text): string {
  const range = document.createRange();
  const placed: Array<{ char: string; x: number; y: number }> = [];
  const text = node.data;
  for (let i = 0; i < text.length; i++) {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const box = range.getBoundingClientRect();
    if (box.width > 0) placed.push({ char: text[i], x: box.left, y: Math.round(box.top) });
  }
  placed.sort((a, b) => a.y - b.y || a.x - b.x);
  return placed.map((p) => p.char).join('');
}
