// A server component: prerendered at build time, like any static page of the app. The chat is a
// client component inside it.
import { Chat } from './chat';

export default function Page() {
  return <Chat title="rtk-chat-kit · Next.js" />;
}
