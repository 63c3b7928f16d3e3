import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { ChatMeeting, ChatPinEvent, ChatUpdateEvent, MeetingParticipant } from './contract.js';

/** What a host hears from its meeting. Every callback is optional. */
export interface MeetingListeners {
  /** A message was added, edited or deleted. */
  chatUpdate?(event: ChatUpdateEvent): void;
  /** A message was pinned (`pinned` true) or unpinned. */
  pin?(event: ChatPinEvent, pinned: boolean): void;
  /** Someone joined or left. */
  participants?(participant: MeetingParticipant): void;
  /** The local user joined: `messages` was filled without a chat event. */
  joined?(): void;
  /** The host now listens to another meeting (or to none). */
  meetingChanged?(meeting: ChatMeeting | undefined): void;
}

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
  ) {
    host.addController(this);
  }

  /** The meeting whose events the host hears now. */
  get meeting(): ChatMeeting | undefined {
    return this.attached;
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

  // A malformed meeting (no chat, no participants) is tolerated: what is missing is not heard.
  private attach(meeting: ChatMeeting): void {
    meeting.chat?.on?.('chatUpdate', this.onChatUpdate);
    meeting.chat?.on?.('pinMessage', this.onPin);
    meeting.chat?.on?.('unpinMessage', this.onUnpin);
    meeting.self?.on?.('roomJoined', this.onJoined);
    meeting.participants?.joined?.on?.('participantJoined', this.onParticipants);
    meeting.participants?.joined?.on?.('participantLeft', this.onParticipants);
  }

  private detach(): void {
    const meeting = this.attached;
    if (!meeting) return;
    meeting.chat?.off?.('chatUpdate', this.onChatUpdate);
    meeting.chat?.off?.('pinMessage', this.onPin);
    meeting.chat?.off?.('unpinMessage', this.onUnpin);
    meeting.self?.off?.('roomJoined', this.onJoined);
    meeting.participants?.joined?.off?.('participantJoined', this.onParticipants);
    meeting.participants?.joined?.off?.('participantLeft', this.onParticipants);
    this.attached = undefined;
  }

  private readonly onChatUpdate = (event: ChatUpdateEvent): void => {
    this.listeners.chatUpdate?.(event);
    this.host.requestUpdate();
  };

  private readonly onPin = (event: ChatPinEvent): void => {
    this.listeners.pin?.(event, true);
    this.host.requestUpdate();
  };

  private readonly onUnpin = (event: ChatPinEvent): void => {
    this.listeners.pin?.(event, false);
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
