/**
 * `meeting.self.permissions` and the one check every chat write makes against it, as the SDK makes
 * it: the public-chat section for a message to everyone, the private-chat section for one with
 * `peerIds`, `canSend` plus each capability the write needs.
 */
import type { ChatPermissions } from '../meeting/contract.js';
import type { WarningSink } from './emitter.js';
import { LocalEventEmitter } from './emitter.js';
import type { LocalMeetingLogger } from './logger.js';

/** The events of `meeting.self.permissions`. */
export type LocalPermissionEvents = {
  /** A preset change; the payload is the patch that was applied. */
  permissionsUpdate: (patch: ChatPermissions) => void;
  /** The chat permissions changed (the SDK's preset emits it with no payload). */
  chatUpdate: () => void;
};

/** The defaults: a host may do everything in the chat. */
const HOST_PERMISSIONS: Required<ChatPermissions> = {
  chatPublic: { canSend: true, text: true, files: true },
  chatPrivate: { canSend: true, canReceive: true, text: true, files: true },
  pinParticipant: true,
};

/**
 * `meeting.self.permissions`: the chat part of the SDK's preset, an emitter like the SDK's. A key
 * given as `undefined` stays absent, as `chatPrivate` is in presets without private chat.
 */
export class LocalPermissions extends LocalEventEmitter<LocalPermissionEvents> implements ChatPermissions {
  /** Public chat: may send at all, may send text, may send files and images. */
  chatPublic?: { canSend: boolean; text: boolean; files: boolean };
  /** Private chat; absent when the preset has none. */
  chatPrivate?: { canSend: boolean; canReceive: boolean; text: boolean; files: boolean };
  /** Whether the user may pin; the reference UI kit uses it for pinning messages. */
  pinParticipant?: boolean;

  /**
   * @param initial Merged over the host defaults, key by key.
   * @param sink Receives the emitter's leak warning.
   */
  constructor(initial: ChatPermissions | undefined, sink: WarningSink) {
    super(sink);
    this.apply({ ...HOST_PERMISSIONS, ...initial });
  }

  /** Replaces the sections present in `patch` (an `undefined` value removes one). */
  apply(patch: ChatPermissions): void {
    if ('chatPublic' in patch) this.chatPublic = patch.chatPublic && { ...patch.chatPublic };
    if ('chatPrivate' in patch) this.chatPrivate = patch.chatPrivate && { ...patch.chatPrivate };
    if ('pinParticipant' in patch) this.pinParticipant = patch.pinParticipant;
  }
}

/** What a write needs besides `canSend`: text, files (images included), or both for a custom message. */
export type SendCapability = 'text' | 'files';

/** One write to check. */
export interface WriteCheck {
  /** The SDK method whose log key a refusal uses, e.g. `sendImageMessage`. */
  method: string;
  /** The capabilities the write needs. */
  needs: readonly SendCapability[];
  /** The recipients; a non-empty list makes it a private write. Edits pass none: the SDK checks public chat for them. */
  peerIds?: readonly string[];
  /** The log key of a refused public write; `permission_denied` unless the SDK says more. */
  publicDenied?: string;
}

/**
 * Whether the preset allows the write; when not, logs `<method>::private_chat_permission_denied` or
 * `<method>::<publicDenied>` as the SDK does, and the caller refuses in its own way (the SDK throws
 * `0501` for texts, and only returns for the rest).
 *
 * The SDK reads `chatPrivate.canSend` without a guard: in a preset without private chat a private
 * write fails with this `TypeError`, which its class decorator turns into `0500`.
 */
export function maySend(permissions: ChatPermissions, logger: LocalMeetingLogger, check: WriteCheck): boolean {
  const isPrivate = (check.peerIds?.length ?? 0) > 0;
  const section = isPrivate ? permissions.chatPrivate : permissions.chatPublic;
  if (isPrivate && !section) throw new TypeError("Cannot read properties of undefined (reading 'canSend')");
  if (section?.canSend && check.needs.every((need) => section[need])) return true;
  logger.error(`${check.method}::${isPrivate ? 'private_chat_permission_denied' : (check.publicDenied ?? 'permission_denied')}`);
  return false;
}
