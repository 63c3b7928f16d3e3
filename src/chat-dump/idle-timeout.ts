/** How long the Chat Replay client waits for progress by default, in ms (a module of its own: the export button needs it before it loads the client). */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
