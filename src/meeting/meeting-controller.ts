import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { ChatMeeting, ChatPinEvent, ChatUpdateEvent, MeetingParticipant } from './contract.js';
import { trustMessage } from './message-guard.js';

/** An event emitter as meetings have them. */
type Emitter = Partial<Record<'on' | 'off', (event: string, listener: (event: never) => void) => unknown>>;

/** What a host hears from its meeting. Every callback is optional. */
export interface MeetingListeners {
  /** A message was added, edited or deleted. The message is trusted (see `trustMessage`). */
  chatUpdate?(event: ChatUpdateEvent): void;
  /** A message was pinned (`pinned` true) or unpinned. The message is trusted. */
  pin?(event: ChatPinEvent, pinned: boolean): void;
  /** Someone joined or left. */
  participants?(participant: MeetingParticipant): void;
  /** The local user joined: `messages` was filled without a chat event. */
  joined?(): void;
  /** The host now listens to another meeting (or to none). */
  meetingChanged?(meeting: ChatMeeting | undefined): void;
}

/** The meeting's emitters: the chat, the local user, the joined participants. */
export type MeetingSource = 'chat' | 'self' | 'participants';

/**
 * Owns one element's subscription to its meeting's events: attaches on connect, detaches on
 * disconnect, and moves from the old meeting to the new one when the host's meeting changes.
 * Every event also requests an update of the host, so a host that only renders needs no callback.
 */
export class MeetingController implements ReactiveController {
  private attached: ChatMeeting | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly currentMeeting: () => ChatMeeting | undefined,
    private readonly listeners: MeetingListeners = {},
    /** Which emitters the host hears; a host that needs no chat events leaves `chat` out. */
    private readonly sources: readonly MeetingSource[] = ['chat', 'self', 'participants'],
  ) {
    host.addController(this);
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
    this.detach();
  }

  private follow(): void {
    const meeting = this.connected ? this.currentMeeting() : undefined;
    if (meeting === this.attached) return;
    this.detach();
    this.attached = meeting;
    if (meeting) this.attach(meeting);
    this.listeners.meetingChanged?.(meeting);
  }

  private attach(meeting: ChatMeeting): void {
    this.subscribe(meeting, 'on');
  }

  private detach(): void {
    const meeting = this.attached;
    if (!meeting) return;
    this.subscribe(meeting, 'off');
    this.attached = undefined;
  }

  /**
   * A malformed meeting (no chat, no participants) is tolerated: what is missing is not heard.
   * Each emitter is asked on its own, so a getter or an `off` that throws does not keep the
   * element tied to the other emitters (or to this meeting).
   */
  private subscribe(meeting: ChatMeeting, method: 'on' | 'off'): void {
    const emitters: Record<MeetingSource, [() => Emitter | undefined, Array<[string, (event: never) => void]>]> = {
      chat: [() => meeting.chat as unknown as Emitter, [['chatUpdate', this.onChatUpdate], ['pinMessage', this.onPin], ['unpinMessage', this.onUnpin]]],
      self: [() => meeting.self as unknown as Emitter, [['roomJoined', this.onJoined]]],
      participants: [() => meeting.participants?.joined as unknown as Emitter, [['participantJoined', this.onParticipants], ['participantLeft', this.onParticipants]]],
    };
    for (const [emitter, listeners] of this.sources.map((source) => emitters[source])) {
      for (const [event, listener] of listeners) {
        try {
          emitter()?.[method]?.(event, listener);
        } catch {
          // An old or broken meeting: nothing more can be heard from (or detached at) this emitter.
        }
      }
    }
  }

  private readonly onChatUpdate = (event: ChatUpdateEvent): void => {
    this.listeners.chatUpdate?.({ ...event, action: event?.action, message: trustMessage(event?.message) });
    this.host.requestUpdate();
  };

  private readonly onPin = (event: ChatPinEvent): void => {
    this.listeners.pin?.({ ...event, message: trustMessage(event?.message) }, true);
    this.host.requestUpdate();
  };

  private readonly onUnpin = (event: ChatPinEvent): void => {
    this.listeners.pin?.({ ...event, message: trustMessage(event?.message) }, false);
    this.host.requestUpdate();
  };

  private readonly onJoined = (): void => {
    this.listeners.joined?.();
    this.host.requestUpdate();
  };

  private readonly onParticipants = (participant: MeetingParticipant): void => {
    this.listeners.participants?.(participant);
    this.host.requestUpdate();
  };
}
