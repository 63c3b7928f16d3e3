// Registers <rtk-chat> and the other elements.
import 'rtk-chat-kit';
import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import type { RtkChatExportEvent, RtkMessagePinEvent, RtkMessageSentEvent } from 'rtk-chat-kit';
import { createLocalMeeting } from 'rtk-chat-kit/local-meeting';

@Component({
  selector: 'app-root',
  // Lets the template use the kit's tags, which Angular does not know as components.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  // [meeting] binds a DOM property; (rtk-…) listens to the kit's events, typed through the
  // kit's GlobalEventHandlersEventMap entries. The provider shares the meeting with every element
  // inside it, in the chat or not.
  template: `
    <rtk-meeting-provider [meeting]="meeting">
      <header>
        <h1>rtk-chat-kit · Angular</h1>
        <rtk-chat-export-button (rtk-chat-export)="onExport($event)"></rtk-chat-export-button>
      </header>
      <main>
        <rtk-chat (rtk-message-sent)="onSent($event)" (rtk-message-pin)="onPin($event)"></rtk-chat>
        <aside>
          <rtk-pinned-messages></rtk-pinned-messages>
          <h2>Events</h2>
          <ol id="events">
            @for (text of events(); track $index) {
              <li>{{ text }}</li>
            }
          </ol>
        </aside>
      </main>
    </rtk-meeting-provider>
  `,
})
export class App {
  // A meeting inside the page, no server needed. With RealtimeKit:
  // const meeting = await RealtimeKitClient.init({ authToken }); await meeting.join();
  protected readonly meeting = createLocalMeeting({
    meetingId: 'example-meeting',
    sessionId: 'example-session',
    self: { name: 'Ada Lovelace', userId: 'ada' },
    seed: 12,
  });
  protected readonly events = signal<string[]>([]);

  protected onSent(event: RtkMessageSentEvent) {
    this.log(`rtk-message-sent: ${event.detail.text}`);
  }

  protected onPin(event: RtkMessagePinEvent) {
    this.log(`rtk-message-pin: ${event.detail.pinned}`);
  }

  protected onExport(event: RtkChatExportEvent) {
    this.log(`rtk-chat-export: ${event.detail.filename}`);
  }

  private log(text: string) {
    this.events.update((list) => [...list, text]);
  }
}
