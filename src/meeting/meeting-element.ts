import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';

import { meetingContext } from './context.js';
import type { ChatMeeting } from './contract.js';

/**
 * The base of every kit element: a `meeting` property that wins when set, and otherwise the
 * meeting of the nearest provider above (an `<rtk-meeting-provider>`, an `<rtk-chat>`, or any
 * `@lit/context` provider of `meetingContext`).
 */
export class MeetingElement extends LitElement {
  @consume({ context: meetingContext, subscribe: true })
  @state()
  private providedMeeting: ChatMeeting | undefined;

  /** The RealtimeKit meeting (`RealtimeKitClient` or `createLocalMeeting()`). Without it, the element uses the meeting of the nearest provider. */
  @property({ attribute: false }) meeting: ChatMeeting | undefined;

  /** The meeting in use: the `meeting` property, else the provided one. */
  protected get activeMeeting(): ChatMeeting | undefined {
    return this.meeting ?? this.providedMeeting;
  }
}
