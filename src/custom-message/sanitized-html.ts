import { nothing, noChange, type ElementPart, type ChildPart } from 'lit';
import { AsyncDirective, directive, PartType, type PartInfo } from 'lit/async-directive.js';

import { lazy } from '../format/lazy.js';

/** The sanitiser's chunk (DOMPurify). */
const purify = lazy(() => import('./purify.js'));

/**
 * Renders markup sanitised by DOMPurify, as nodes (never through `innerHTML` or `unsafeHTML`).
 * The sanitiser loads with the first markup; until then nothing shows, and `fallback` shows where
 * it cannot run (it failed to load, or the page's Trusted Types refuse it).
 */
class SanitizedHtmlDirective extends AsyncDirective {
  private markup: string | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('sanitizedHtml() goes where children go');
  }

  render(markup: string, fallback: unknown): unknown {
    void markup;
    return fallback;
  }

  override update(_part: ChildPart | ElementPart, [markup, fallback]: [string, unknown]): unknown {
    if (markup === this.markup) return noChange;
    this.markup = markup;
    if (purify.value) return purify.value.sanitize(markup) ?? fallback;
    purify.load().then(
      ({ sanitize }) => {
        if (this.markup === markup) this.setValue(sanitize(markup) ?? fallback);
      },
      () => {
        if (this.markup === markup) this.setValue(fallback);
      },
    );
    return nothing;
  }
}

/** Sanitised markup, rendered as nodes; `fallback` where the sanitiser cannot run. */
export const sanitizedHtml = directive(SanitizedHtmlDirective);
