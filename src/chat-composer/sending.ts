/** The parts of sending that do not depend on the composer's state. */
import { chatMessages } from '../meeting/chat-queries.js';
import type { ChatMeeting } from '../meeting/contract.js';
import { isImageType } from '../meeting/image-types.js';

/** Whether the SDK sends this file as an image message (any other goes as a file message). */
export function isImageFile(file: File): boolean {
  return isImageType(file.type);
}

/** A send that got no answer in time. */
export class SendTimeoutError extends Error {
  readonly code = 'timeout';
}

/** Waits for an SDK call, rejecting with `SendTimeoutError` after `ms` and with the reason on abort. */
export async function withinTime(call: Promise<void>, ms: number, signal: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeoutError('timeout')), ms);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  try {
    await Promise.race([call, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether the meeting already shows this text from the local user, sent since `since` (epoch ms):
 * a send that timed out may still have gone through, and Retry must not send it twice.
 */
export function echoedSince(meeting: ChatMeeting | undefined, text: string, since: number): boolean {
  const userId = meeting?.self?.userId;
  return chatMessages(meeting?.chat).some((m) => m.userId === userId && m.message === text && (m.timeMs ?? m.time.getTime()) >= since);
}
