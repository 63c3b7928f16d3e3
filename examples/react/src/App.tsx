// Registers <rtk-chat> and the other elements before React renders them, so that React 19 sees
// their properties and sets `meeting` as a property rather than an attribute.
import 'rtk-chat-kit';
import { createLocalMeeting } from 'rtk-chat-kit/local-meeting';
import { useState } from 'react';

// A meeting inside the page, no server needed. With RealtimeKit:
// const meeting = await RealtimeKitClient.init({ authToken }); await meeting.join();
const meeting = createLocalMeeting({
  meetingId: 'example-meeting',
  sessionId: 'example-session',
  self: { name: 'Ada Lovelace', userId: 'ada' },
  seed: 12,
});

export function App() {
  const [events, setEvents] = useState<string[]>([]);
  const log = (text: string) => setEvents((list) => [...list, text]);

  // React 19 passes `on<event-name>` to a custom element as a listener for `<event-name>`. The
  // provider shares the meeting with every element inside it, in the chat or not.
  return (
    <rtk-meeting-provider meeting={meeting}>
      <header>
        <h1>rtk-chat-kit · React</h1>
        <rtk-chat-export-button onrtk-chat-export={(event) => log(`rtk-chat-export: ${event.detail.filename}`)} />
      </header>
      <main>
        <rtk-chat
          onrtk-message-sent={(event) => log(`rtk-message-sent: ${event.detail.text}`)}
          onrtk-message-pin={(event) => log(`rtk-message-pin: ${event.detail.pinned}`)}
        />
        <aside>
          <rtk-pinned-messages />
          <h2>Events</h2>
          <ol id="events">
            {events.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ol>
        </aside>
      </main>
    </rtk-meeting-provider>
  );
}
