import { createContext } from '@lit/context';

import type { ChatMeeting } from './contract.js';

/**
 * The meeting shared with the kit's elements. The key is a global symbol so that two copies of
 * the kit on one page still find each other's provider.
 */
export const meetingContext = createContext<ChatMeeting | undefined>(Symbol.for('rtk-meeting'));
