// Not rendered: `next build` type-checks this file and fails if the React wrappers
// (rtk-chat-kit/react) stop typing the elements' properties and events.
import { RtkChat, RtkChatExportButton, RtkMeetingProvider } from 'rtk-chat-kit/react';

export const typesCheck = (
  <>
    <RtkChatExportButton replayUrl="/api/chat-dump" allowFormulas />
    {/* @ts-expect-error `replayUrl` is a string */}
    <RtkChatExportButton replayUrl={42} />
    {/* @ts-expect-error `theme` is 'light' | 'dark' */}
    <RtkChat theme="blue" />
    {/* @ts-expect-error the meeting is an object with a chat, not a string */}
    <RtkMeetingProvider meeting="meeting-id" />
    {/* Without the event's type, `event` would be an implicit any. */}
    <RtkChat onRtkMessageSent={(event) => event.detail.text?.toUpperCase()} />
  </>
);
