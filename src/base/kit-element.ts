import { consume } from '@lit/context';
import { LitElement, type CSSResultGroup } from 'lit';
import { property, state } from 'lit/decorators.js';

import { meetingContext } from '../meeting/context.js';
import type { ChatMeeting } from '../meeting/contract.js';
import { defaultStrings, type ChatStrings } from '../strings/strings.js';
import baseStyles from './base.styles.js';

/** Every string set merged once per `strings` object: elements read them many times a render, and a chat passes one object to all its messages. */
const merged = new WeakMap<Partial<ChatStrings>, ChatStrings>();

/**
 * The base of every kit element: the meeting, the strings, the locale, the theme and the base
 * styles. `meeting` wins when set; otherwise the element uses the meeting of the nearest provider
 * above (an `<rtk-meeting-provider>`, an `<rtk-chat>`, or any `@lit/context` provider of
 * `meetingContext`). An element without a `theme` takes the one of the kit element it is in.
 */
export class KitElement extends LitElement {
  static override styles: CSSResultGroup = baseStyles;

  @consume({ context: meetingContext, subscribe: true })
  @state()
  private providedMeeting: ChatMeeting | undefined;

  /** The RealtimeKit meeting (`RealtimeKitClient` or `createLocalMeeting()`). Without it, the element uses the meeting of the nearest provider. */
  @property({ attribute: false }) meeting: ChatMeeting | undefined;

  /** Replacements for any of the English strings. Set a new object to change them: each object is read once. */
  @property({ attribute: false }) strings: Partial<ChatStrings> = {};

  /** The locale for times, dates and sizes; the browser's by default. */
  @property() locale: string | undefined;

  /** `light` or `dark`; unset follows the kit element it is in, else the system. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** The meeting in use: the `meeting` property, else the provided one. */
  protected get activeMeeting(): ChatMeeting | undefined {
    return this.meeting ?? this.providedMeeting;
  }

  /** Every string, the replacements over the English defaults. */
  protected get i18n(): ChatStrings {
    let strings = merged.get(this.strings);
    if (!strings) {
      strings = { ...defaultStrings, ...this.strings };
      merged.set(this.strings, strings);
    }
    return strings;
  }
}
