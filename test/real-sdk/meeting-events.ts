/**
 * Waiting for and recording a meeting's events through the kit's contract only, so scenario tests
 * written with these helpers run unchanged against the real SDK and the local meeting.
 */
import type { ChatPinEvent, ChatUpdateEvent, JoinedParticipants, MeetingChat, MeetingParticipant } from '../../src/meeting/contract.js';

export type ChatEventName = 'chatUpdate' | 'pinMessage' | 'unpinMessage';
export type ChatEventRecord =
  | { name: 'chatUpdate'; payload: ChatUpdateEvent }
  | { name: 'pinMessage' | 'unpinMessage'; payload: ChatPinEvent };

/** Resolves with the payload of the next `chatUpdate`. */
export function nextChatUpdate(chat: MeetingChat): Promise<ChatUpdateEvent> {
  return new Promise((resolve) => {
    const listener = (event: ChatUpdateEvent) => {
      chat.off('chatUpdate', listener);
      resolve(event);
    };
    chat.on('chatUpdate', listener);
  });
}

/** Resolves with the participant of the next join or leave. */
export function nextParticipantEvent(joined: JoinedParticipants, name: 'participantJoined' | 'participantLeft'): Promise<MeetingParticipant> {
  return new Promise((resolve) => {
    const listener = (participant: MeetingParticipant) => {
      joined.off(name, listener);
      resolve(participant);
    };
    joined.on(name, listener);
  });
}

/**
 * Records every chat event in order. `until(count)` resolves once `count` events have been
 * recorded in total; `stop()` removes the listeners.
 */
export function recordChatEvents(chat: MeetingChat) {
  const records: ChatEventRecord[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const settle = () => waiters.filter((waiter) => records.length >= waiter.count).forEach((waiter) => waiter.resolve());
  const onUpdate = (payload: ChatUpdateEvent) => {
    records.push({ name: 'chatUpdate', payload });
    settle();
  };
  const onPin = (payload: ChatPinEvent) => {
    records.push({ name: 'pinMessage', payload });
    settle();
  };
  const onUnpin = (payload: ChatPinEvent) => {
    records.push({ name: 'unpinMessage', payload });
    settle();
  };
  chat.on('chatUpdate', onUpdate);
  chat.on('pinMessage', onPin);
  chat.on('unpinMessage', onUnpin);
  return {
    records,
    /** The event names so far, e.g. `['chatUpdate:edit', 'pinMessage']`. */
    names: () => records.map((record) => (record.name === 'chatUpdate' ? `chatUpdate:${record.payload.action}` : record.name)),
    until: (count: number) => new Promise<void>((resolve) => {
      waiters.push({ count, resolve });
      settle();
    }),
    stop() {
      chat.off('chatUpdate', onUpdate);
      chat.off('pinMessage', onPin);
      chat.off('unpinMessage', onUnpin);
    },
  };
}
