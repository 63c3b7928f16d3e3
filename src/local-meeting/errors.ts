/**
 * The errors the local meeting throws: the codes and message texts of the SDK's `ClientError`
 * (`@cloudflare/realtimekit` 2.0.2), so code that reads `error.code` or shows `error.message`
 * behaves the same with both.
 */

/** The SDK's error table, reduced to the codes the chat can throw. */
const DESCRIPTIONS = {
  '0013': 'Rate Limited',
  '0500': 'Internal exception',
  '0501': 'Permission denied.',
  '0502': 'Invalid message body.',
  '0503': 'Text Message is too large',
  '0504': 'Message not found by the given id',
  '0505': 'Action not permitted without joining room',
} as const;

/** The module names the SDK puts in braces, keyed by the first two digits of a code. */
const MODULES: Record<string, string> = { '00': 'Client', '05': 'Chat' };

/** An error code the local meeting can throw. */
export type LocalMeetingErrorCode = keyof typeof DESCRIPTIONS;

/**
 * An error of the local meeting. Like the SDK's `ClientError`, its `name` is `'ClientError'`, its
 * `code` a four-digit string, and its message `[ERR<code>]: {<module>} <description>\n<detail>`,
 * e.g. `[ERR0503]: {Chat} Text Message is too large\nMax character limit breached`.
 */
export class LocalMeetingError extends Error {
  /** The SDK's error code, e.g. `'0503'`. */
  readonly code: LocalMeetingErrorCode;

  /**
   * @param code The SDK's error code.
   * @param detail The SDK's specific text for this failure, the message's second line.
   */
  constructor(code: LocalMeetingErrorCode, detail: string) {
    super(`[ERR${code}]: {${MODULES[code.slice(0, 2)]}} ${DESCRIPTIONS[code]}\n${detail}`);
    this.code = code;
    this.name = 'ClientError';
  }
}

/**
 * Runs a chat method's body the way the SDK's class decorator does: a `LocalMeetingError` passes
 * through, any other error (a `TypeError` from a missing preset section, a failed object URL)
 * becomes a `0500` with the original message.
 */
export async function asClientErrors<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof LocalMeetingError) throw error;
    const wrapped = new LocalMeetingError('0500', error instanceof Error ? error.message : String(error));
    if (error instanceof Error && error.stack) wrapped.stack = error.stack;
    throw wrapped;
  }
}
