'use client';
// The wrappers from rtk-chat-kit/react set each prop that is one of the element's properties as
// that property, also after hydration, which React 19 leaves undone for custom elements. On the
// server they render the tags and their light DOM; the elements draw themselves in the browser.
import type { ChatMeeting } from 'rtk-chat-kit';
import { createLocalMeeting } from 'rtk-chat-kit/local-meeting';
import { RtkChat, RtkChatExportButton, RtkMeetingProvider, RtkPinnedMessages } from 'rtk-chat-kit/react';
import { useEffect, useState } from 'react';

export function Chat({ title }: { title: string }) {
  // The meeting exists only in the browser: made after hydration. With RealtimeKit:
  // const meeting = await RealtimeKitClient.init({ authToken }); await meeting.join();
  const [meeting, setMeeting] = useState<ChatMeeting>();
  useEffect(() => {
    setMeeting(
      createLocalMeeting({
        meetingId: 'example-meeting',
        sessionId: 'example-session',
        self: { name: 'Ada Lovelace', userId: 'ada' },
        seed: 12,
      }),
    );
  }, []);
  const [events, setEvents] = useState<string[]>([]);
  const log = (text: string) => setEvents((list) => [...list, text]);

  // The provider shares the meeting with every element inside it, in the chat or not.
  return (
    <RtkMeetingProvider meeting={meeting}>
      <header>
        <h1>{title}</h1>
        <RtkChatExportButton onRtkChatExport={(event) => log(`rtk-chat-export: ${event.detail.filename}`)} />
      </header>
      <main>
        <RtkChat
          onRtkMessageSent={(event) => log(`rtk-message-sent: ${event.detail.text}`)}
          onRtkMessagePin={(event) => log(`rtk-message-pin: ${event.detail.pinned}`)}
        />
        <aside>
          <RtkPinnedMessages />
          <h2>Events</h2>
          <ol id="events">
            {events.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ol>
        </aside>
      </main>
    </RtkMeetingProvider>
  );
}
