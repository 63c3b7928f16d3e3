/** The chat scenarios on the kit's own local meeting. */
import { defineChatScenarios } from './chat.scenarios.js';
import { createLocalHarness } from './local-harness.js';

defineChatScenarios('the chat on the local meeting', createLocalHarness);
