import { adoptStyles, supportsAdoptingStyleSheets, type CSSResult, type LitElement } from 'lit';

/**
 * Adds styles to an element's shadow root after the fact: for parts that load lazily (the
 * completion list, custom messages), whose styles should not weigh on the base bundle either.
 * Constructable stylesheets are added next to the element's own; where there are none (Safari
 * before 16.4), Lit's own fallback writes the element's styles and these as `<style>` elements.
 */
export function addStyles(host: LitElement, styles: CSSResult): void {
  const root = host.renderRoot;
  if (!(root instanceof ShadowRoot)) return;
  const sheet = supportsAdoptingStyleSheets ? styles.styleSheet : undefined;
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  adoptStyles(root, [...(host.constructor as typeof LitElement).elementStyles, styles]);
}
