import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { ChatMeeting } from '../meeting/contract.js';
import { MeetingController } from '../meeting/meeting-controller.js';
import { unreadFor, type UnreadStore } from './unread-store.js';

/** The unread totals of a meeting. */
export interface UnreadCounts {
  /** Unread messages, in every conversation. */
  unread: number;
  /** Unread messages that mention the local user. */
  mentions: number;
}

/**
 * Gives an element the unread store of its meeting: uses it while the element is connected, moves
 * to the new meeting's store when the meeting changes, and updates the element on every change
 * unless it shows no counts.
 */
export class UnreadController implements ReactiveController {
  private used: UnreadStore | undefined;
  private release: (() => void) | undefined;
  /** Set first on connecting (this controller is added before its meeting controller). */
  private connected = false;
  /** The totals last passed to `onCounts`, or undefined before the first since connecting. */
  private reported: UnreadCounts | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    currentMeeting: () => ChatMeeting | undefined,
    /**
     * Called when the totals change (another meeting counts as a change), and once on connecting
     * with `before` undefined: the counts the element starts with, which are no change. Never
     * called while the host is disconnected. Fire `rtk-unread-change` from here.
     */
    private readonly onCounts?: (now: UnreadCounts, before: UnreadCounts | undefined) => void,
    /** Whether the element shows what the store knows: without, a change does not update it (a chat would render again for each message it marks seen). */
    private readonly showsCounts = true,
  ) {
    host.addController(this);
    // Which meeting the host has, and when it changes, is the meeting controller's job; the store
    // hears the meeting's events itself, so this one subscribes to none.
    new MeetingController(host, currentMeeting, { meetingChanged: (meeting) => this.use(meeting) }, []);
  }

  /** The store of the current meeting, while the host is connected. */
  get store(): UnreadStore | undefined {
    return this.used;
  }

  /** Unread messages of the meeting, in every conversation; 0 without a meeting. */
  get unreadCount(): number {
    return this.used?.unreadCount() ?? 0;
  }

  /** Unread messages that mention the local user; 0 without a meeting. */
  get mentionCount(): number {
    return this.used?.mentionCount() ?? 0;
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
    this.use(undefined);
    this.reported = undefined;
  }

  private use(meeting: ChatMeeting | undefined): void {
    if (meeting === this.used?.meeting) return;
    this.used?.removeEventListener('change', this.changed);
    this.release?.();
    this.used = meeting ? unreadFor(meeting) : undefined;
    this.release = this.used?.use();
    this.used?.addEventListener('change', this.changed);
    this.changed();
  }

  private readonly changed = (): void => {
    if (this.showsCounts) this.host.requestUpdate();
    if (!this.connected || !this.onCounts) return;
    const now = { unread: this.unreadCount, mentions: this.mentionCount };
    const before = this.reported;
    if (before && before.unread === now.unread && before.mentions === now.mentions) return;
    this.reported = now;
    this.onCounts(now, before);
  };
}
