// Not rendered: `tsc` in `npm run build` fails if the kit's generated JSX types (rtk-chat-kit/jsx)
// stop typing its tags.
export const typesCheck = (
  <>
    {/* @ts-expect-error `theme` is 'light' | 'dark' */}
    <rtk-chat theme="blue" />
    {/* @ts-expect-error `hide-filters` is a boolean */}
    <rtk-chat hide-filters="yes" />
    {/* @ts-expect-error the meeting is an object with a chat, not a string */}
    <rtk-meeting-provider meeting="meeting-id" />
    {/* React 19 sets a prop named like a property as that property: both names are typed. */}
    <rtk-chat-export-button replay-url="/api/chat-dump" replayUrl="/api/chat-dump" allowFormulas />
    {/* @ts-expect-error `replayUrl` is a string */}
    <rtk-chat-export-button replayUrl={42} />
    {/* Without the event's type, `event` would be an implicit any. */}
    <rtk-chat onrtk-message-sent={(event) => event.detail.text?.toUpperCase()} />
  </>
);
