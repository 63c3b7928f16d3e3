/**
 * What the SDK does around an upload: which images it takes, and the `0500` an upload failure
 * becomes (each method has its own text for it).
 */
import { isImageType } from '../meeting/image-types.js';
import { LocalMeetingError } from './errors.js';
import type { LocalMeetingLogger } from './logger.js';

/**
 * Whether the SDK takes `image` as an image message; when not, logs as it does (under
 * `sendImageMessage`'s key for an edit too) and the caller returns without sending.
 */
export function acceptsImage(image: File, logger: LocalMeetingLogger): boolean {
  if (isImageType(image.type)) return true;
  logger.error('sendImageMessage::image_type_not_supported', { chat: { imageType: image.type } });
  return false;
}

/**
 * Runs `upload` (and whatever the SDK does in the same `try`) as the SDK's methods do: any failure
 * becomes a `0500` with `detail` as its text, e.g. `Error sending image message.`.
 */
export function withUploadErrors<T>(detail: string, upload: () => T): T {
  try {
    return upload();
  } catch {
    throw new LocalMeetingError('0500', detail);
  }
}
