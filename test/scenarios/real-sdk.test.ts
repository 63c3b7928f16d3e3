/**
 * The chat scenarios on the genuine `@cloudflare/realtimekit` client, run offline. One backend
 * per page at a time: each scenario starts its own and stops it (stubs and all) afterwards.
 */
import { expect } from '@open-wc/testing';

import { startRealBackend } from '../real-sdk/backend.js';
import type { MeetingHarness, MeetingHarnessOptions } from '../real-sdk/harness.js';
import { defineChatScenarios } from './chat.scenarios.js';

/** `createRealMeeting`, plus the check that the client asked nothing the backend cannot answer. */
async function createRealHarness(options: MeetingHarnessOptions): Promise<MeetingHarness> {
  const { meeting, server, stop } = await startRealBackend(options);
  return {
    meeting,
    push: server,
    async dispose() {
      await stop();
      expect(server.room.problems, 'requests the offline backend could not answer').to.deep.equal([]);
    },
  };
}

defineChatScenarios('the chat on the real SDK client', createRealHarness);
