import { nothing, type ChildPart, type LitElement, type TemplateResult } from 'lit';
import { AsyncDirective, directive, PartType, type PartInfo } from 'lit/async-directive.js';

import type { MediaChoice } from '../format/format.js';
import { lazy } from '../format/lazy.js';
import { addStyles } from '../format/lazy-styles.js';
import type { ChatMessage } from '../meeting/contract.js';
import type { ChatStrings } from '../strings/strings.js';

/**
 * An app's own rendering of custom messages: a template to show instead of the kit's, or
 * `undefined` to let the kit render the message.
 */
export type RenderCustom = (message: ChatMessage) => TemplateResult | undefined;

/** What a custom message needs from the element that shows it. */
export interface CustomMessageOptions {
  strings: ChatStrings;
  locale?: string;
  /** Renders the message's text, as the element renders text messages (formatting, links, mentions). */
  renderText(text: string): unknown;
  /** The app's hook, tried first. */
  renderCustom?: RenderCustom;
  /** Which of its images load by themselves (as for image messages). */
  media: MediaChoice;
  /** The viewer asked to load the media held back. */
  onLoadMedia(): void;
}

type Renderer = typeof import('./custom-message.js');

const renderer = lazy(() => import('./custom-message.js'));

/**
 * Renders a custom message. The app's `renderCustom` is asked first; otherwise the kit's rendering
 * (text, sanitised html, images, videos, files) loads with the first custom message, its styles
 * added to the element's own. Until then nothing shows; if it cannot load, "Custom message".
 */
class CustomMessageDirective extends AsyncDirective {
  private message: ChatMessage | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('customMessage() goes where children go');
  }

  render(message: ChatMessage, options: CustomMessageOptions): unknown {
    void message;
    void options;
    return nothing;
  }

  override update(part: ChildPart, [message, options]: [ChatMessage, CustomMessageOptions]): unknown {
    this.message = message;
    const own = options.renderCustom?.(message);
    if (own !== undefined) return own;
    const host = part.options?.host as LitElement | undefined;
    const show = (module: Renderer) => {
      if (host) addStyles(host, module.styles);
      return module.renderCustomMessage(message, options);
    };
    if (renderer.value) return show(renderer.value);
    renderer.load().then(
      (module) => this.message === message && this.setValue(show(module)),
      () => this.message === message && this.setValue(options.strings.customMessage),
    );
    return nothing;
  }
}

/** A custom message: the app's rendering when `renderCustom` gives one, else the kit's. */
export const customMessage = directive(CustomMessageDirective);
