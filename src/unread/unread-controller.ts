import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { ChatMeeting } from '../meeting/contract.js';
import { unreadFor, type UnreadStore } from './unread-store.js';

/**
 * Gives an element the unread store of its meeting: uses it while the element is connected, moves
 * to the new meeting's store when the meeting changes, and updates the element on every change.
 */
export class UnreadController implements ReactiveController {
  private used: UnreadStore | undefined;
  private release: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly currentMeeting: () => ChatMeeting | undefined,
    /** Called after each change of the store (and when the store itself changes). */
    private readonly onChange?: (store: UnreadStore | undefined) => void,
  ) {
    host.addController(this);
  }

  /** The store of the current meeting, while the host is connected. */
  get store(): UnreadStore | undefined {
    return this.used;
  }

  hostConnected(): void {
    this.connected = true;
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.follow();
  }

  private follow(): void {
    const meeting = this.connected ? this.currentMeeting() : undefined;
    if (meeting === this.used?.meeting) return;
    this.used?.removeEventListener('change', this.changed);
    this.release?.();
    this.used = meeting ? unreadFor(meeting) : undefined;
    this.release = this.used?.use();
    this.used?.addEventListener('change', this.changed);
    this.changed();
  }

  private readonly changed = (): void => {
    this.onChange?.(this.used);
    this.host.requestUpdate();
  };
}
