import { ContextProvider } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';

import { meetingContext } from '../meeting/context.js';
import type { ChatMeeting } from '../meeting/contract.js';

/**
 * Shares one meeting with every kit element placed anywhere beneath it, so a chat, a pinned
 * list and an export button in different parts of a page use the same meeting.
 *
 * @summary Provides a meeting to the kit's elements inside it.
 * @tagname rtk-meeting-provider
 * @slot - The elements that use the meeting.
 */
export class RtkMeetingProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly provider = new ContextProvider(this, { context: meetingContext });

  /** The meeting to share. */
  @property({ attribute: false }) meeting: ChatMeeting | undefined;

  protected override willUpdate(): void {
    this.provider.setValue(this.meeting);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtk-meeting-provider': RtkMeetingProvider;
  }
}
