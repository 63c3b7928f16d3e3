/**
 * Unsent text kept across reloads, per meeting. Storage can be full, disabled or
 * blocked by the browser's privacy settings: then drafts live only as long as the page.
 */
const PREFIX = 'rtk-chat-draft';

/** The storage key of a draft. */
export function draftKey(meetingId: string | undefined): string {
  return `${PREFIX}:${meetingId || 'meeting'}`;
}

export function loadDraft(key: string): string {
  try {
    return globalThis.localStorage?.getItem(key) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(key: string, text: string): void {
  try {
    if (text) globalThis.localStorage?.setItem(key, text);
    else globalThis.localStorage?.removeItem(key);
  } catch {
    // Storage refused: the draft stays in the composer, which is all that can be done.
  }
}
