import { noChange, render, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ChildPart, type PartInfo } from 'lit/directive.js';

/** An item's element, and what its template read when it was last rendered. */
interface Rendered {
  element: HTMLElement;
  read?: readonly unknown[];
}

/**
 * Renders a window of items, each in an element of its own kept by key, as `repeat` does, with
 * nothing left behind by the items that leave: `repeat` removes each one's part through
 * lit-html's `removePart`, which from 3.3.1 on leaves a comment node in the DOM for every item
 * removed (lit/lit#5298), and a list that pages items in and out removes them all the time.
 * Items that stay are never moved, so their elements keep their state and focus.
 */
class KeyedItems<T> extends Directive {
  private readonly byKey = new Map<string, Rendered>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.CHILD) throw new Error('keyedItems() only renders in child position');
  }

  render(_items: readonly T[], _key: (item: T) => string, _template: (item: T, index: number) => TemplateResult, _inputs?: (item: T, index: number) => readonly unknown[]): unknown {
    return noChange;
  }

  override update(part: ChildPart, [items, key, template, inputs]: Parameters<this['render']>): unknown {
    const parent = part.startNode?.parentNode;
    if (!parent) return noChange;
    const wanted = items.map((item) => key(item));
    const keep = new Set(wanted);
    for (const [k, { element }] of this.byKey) {
      if (keep.has(k)) continue;
      element.remove();
      this.byKey.delete(k);
    }
    // In order between the part's markers; elements already in place are not touched.
    let cursor = part.startNode?.nextSibling ?? null;
    items.forEach((item, index) => {
      let rendered = this.byKey.get(wanted[index]);
      if (!rendered) {
        rendered = { element: document.createElement('div') };
        rendered.element.className = 'item';
        this.byKey.set(wanted[index], rendered);
      }
      const read = inputs?.(item, index);
      const last = rendered.read;
      if (!read || !last || read.length !== last.length || read.some((value, i) => value !== last[i])) {
        render(template(item, index), rendered.element, part.options);
        rendered.read = read;
      }
      const { element } = rendered;
      if (element === cursor) cursor = cursor.nextSibling;
      else parent.insertBefore(element, cursor);
    });
    return noChange;
  }
}

/**
 * `repeat(items, key, template)` for a window of a long list: each item in a `<div class="item">`.
 * With `inputs`, everything an item's template reads, an item whose inputs are all the same as
 * when it was last rendered is not rendered again: an arrival renders one item, not the window.
 */
export const keyedItems = directive(KeyedItems) as <T>(
  items: readonly T[],
  key: (item: T) => string,
  template: (item: T, index: number) => TemplateResult,
  inputs?: (item: T, index: number) => readonly unknown[],
) => unknown;
