// The kit's tags in JSX, typed from its custom-elements.json: properties, attributes and events.
import type { CustomElements } from 'rtk-chat-kit/jsx';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
