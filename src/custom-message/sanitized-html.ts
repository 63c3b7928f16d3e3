import { nothing, noChange, type ElementPart, type ChildPart } from 'lit';
import { AsyncDirective, directive, PartType, type PartInfo } from 'lit/async-directive.js';

import { lazy } from '../format/lazy.js';

/** The sanitiser's chunk (DOMPurify). */
const purify = lazy(() => import('./purify.js'));

/**
 * Renders markup sanitised by DOMPurify, as nodes (never through `innerHTML` or `unsafeHTML`).
 * The sanitiser loads with the first markup; until then nothing shows, and `fallback` shows where
 * it cannot run (it failed to load, or the page's Trusted Types refuse it). Images `mayLoad`
 * refuses show as links to them; the markup is sanitised again when `mediaKey` (what `mayLoad`
 * decides by) changes.
 */
class SanitizedHtmlDirective extends AsyncDirective {
  private markup: string | undefined;
  private mediaKey: string | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('sanitizedHtml() goes where children go');
  }

  render(markup: string, fallback: unknown, mayLoad: (url: string) => boolean, mediaKey: string): unknown {
    void markup;
    void mayLoad;
    void mediaKey;
    return fallback;
  }

  override update(_part: ChildPart | ElementPart, [markup, fallback, mayLoad, mediaKey]: Parameters<this['render']>): unknown {
    if (markup === this.markup && mediaKey === this.mediaKey) return noChange;
    this.markup = markup;
    this.mediaKey = mediaKey;
    if (purify.value) return purify.value.sanitize(markup, mayLoad) ?? fallback;
    purify.load().then(
      ({ sanitize }) => {
        if (this.markup === markup && this.mediaKey === mediaKey) this.setValue(sanitize(markup, mayLoad) ?? fallback);
      },
      () => {
        if (this.markup === markup) this.setValue(fallback);
      },
    );
    return nothing;
  }
}

/** Sanitised markup, rendered as nodes; `fallback` where the sanitiser cannot run; images `mayLoad` refuses as links. */
export const sanitizedHtml = directive(SanitizedHtmlDirective);
