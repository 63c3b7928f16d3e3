/**
 * Where the local meeting logs, as the SDK logs through its own logger: the same keys
 * (`sendImageMessage::image_type_not_supported`, …) for the calls the SDK refuses without throwing.
 */
export interface LocalMeetingLogger {
  /** A refused or failed call. */
  error(message: string, data?: unknown): void;
  /** Something odd that does not fail a call (a dropped send, a listener leak). */
  warn(message: string, data?: unknown): void;
}

/** The default: the browser console, prefixed so the messages are easy to filter. */
export const consoleLogger: LocalMeetingLogger = {
  error: (message, data) => console.error(`[local-meeting] ${message}`, ...(data === undefined ? [] : [data])),
  warn: (message, data) => console.warn(`[local-meeting] ${message}`, ...(data === undefined ? [] : [data])),
};
