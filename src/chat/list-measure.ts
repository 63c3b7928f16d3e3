/** What the list reads from the DOM to decide its window: plain measurements, no state. */

/** How far the view is from the end of the scroller's content, in px. */
export function fromEnd(scroller: HTMLElement): number {
  return scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop;
}

/** The first of the first `count` items whose bottom is below `top` (a viewport y), by bisection. */
export function firstReaching(items: HTMLCollection, count: number, top: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid].getBoundingClientRect().bottom > top) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * How many items, from one edge, lie wholly within `excess` px of it: those can go. Never the
 * last one, nor one holding focus or anything past it (removing it would drop focus to the page).
 */
export function countWithin(items: HTMLCollection, edge: 'start' | 'end', excess: number): number {
  const last = items.length - 1;
  if (last < 1) return 0;
  const outer = (edge === 'start' ? items[0] : items[last]) as HTMLElement;
  const edgeAt = edge === 'start' ? outer.offsetTop : outer.offsetTop + outer.offsetHeight;
  let count = 0;
  for (let i = 0; i < last; i++) {
    const item = items[edge === 'start' ? i : last - i] as HTMLElement;
    const far = edge === 'start' ? item.offsetTop + item.offsetHeight - edgeAt : edgeAt - item.offsetTop;
    if (far > excess || item.matches(':focus-within')) break;
    count += 1;
  }
  return count;
}

/** The top of `element` in the visible box of `scroller`, in px. */
export function topIn(scroller: HTMLElement, element: Element): number {
  return element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
}

/** Scrolls by `delta` px, ignoring what no one would see. */
export function scrollBy(scroller: HTMLElement, delta: number): void {
  if (Math.abs(delta) >= 0.5) scroller.scrollTop += delta;
}
