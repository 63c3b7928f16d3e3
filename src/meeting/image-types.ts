/**
 * The image types the RealtimeKit SDK (2.0.2) sends as an image message: `sendImageMessage` and
 * `editImageMessage` accept these and log and ignore anything else. One definition for the kit, so
 * what the composer offers as an image and what the local meeting accepts never drift apart.
 */

/** The MIME types of the SDK's image messages: GIF, JPEG and PNG. */
export const IMAGE_TYPES: ReadonlySet<string> = new Set(['image/gif', 'image/jpeg', 'image/png']);

/** Whether the SDK sends a file of this MIME type as an image message. */
export function isImageType(type: string): boolean {
  return IMAGE_TYPES.has(type);
}
