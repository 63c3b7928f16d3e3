// Compiled by `tsc` in the test command, never run: it fails to compile if the real SDK's client
// stops fitting the kit's meeting contract, so apps can pass `await RealtimeKitClient.init()` as is.
import type RealtimeKitClient from '@cloudflare/realtimekit';
import type { ChatMeeting } from '../../src/meeting/contract.js';

export const acceptsRealClient = (client: RealtimeKitClient): ChatMeeting => client;
