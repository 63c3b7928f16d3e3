import type { LocalMeeting, LocalMeetingLogger, LocalMeetingOptions } from '../../src/local-meeting/index.js';
import { createLocalMeeting } from '../../src/local-meeting/index.js';
import type { ChatMessage } from '../../src/meeting/contract.js';

/** A logger that keeps what it was told, so tests can assert the SDK's log keys. */
export interface RecordingLogger extends LocalMeetingLogger {
  entries: Array<{ level: 'error' | 'warn'; message: string; data?: unknown }>;
  messages(level?: 'error' | 'warn'): string[];
}

export function recordingLogger(): RecordingLogger {
  const entries: RecordingLogger['entries'] = [];
  return {
    entries,
    error: (message, data) => entries.push({ level: 'error', message, data }),
    warn: (message, data) => entries.push({ level: 'warn', message, data }),
    messages: (level) => entries.filter((entry) => !level || entry.level === level).map((entry) => entry.message),
  };
}

const open: LocalMeeting[] = [];

/** A local meeting with a recording logger, left automatically after each test. */
export function meeting(options: LocalMeetingOptions = {}): LocalMeeting & { log: RecordingLogger } {
  const log = recordingLogger();
  const created = Object.assign(createLocalMeeting({ logger: log, ...options }), { log });
  open.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((created) => created.leave()));
});

/** A room name no other test uses. */
export function uniqueRoom(): string {
  return `test-room-${crypto.randomUUID()}`;
}

interface Emitter<E extends string> {
  once(event: E, listener: (...args: never[]) => void): unknown;
}

/** The first payload of the next `event`. */
export function nextEvent<T, E extends string = string>(emitter: Emitter<E>, event: E): Promise<T> {
  return new Promise((resolve) => emitter.once(event, ((payload: T) => resolve(payload)) as (...args: never[]) => void));
}

/** Waits until `predicate` holds, checking after each event of `event` (never by elapsed time). */
export function until<E extends string>(emitter: Emitter<E>, event: E, predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (predicate()) resolve();
      else emitter.once(event, check);
    };
    check();
  });
}

/** Lets every pending macrotask of the local meeting (echoes) run. */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Sends a text and waits for its echo; returns the echoed message. */
export async function sendAndEcho(target: LocalMeeting, text: string, peerIds?: string[]): Promise<ChatMessage> {
  const echo = nextEvent<{ message: ChatMessage }>(target.chat, 'chatUpdate');
  await target.chat.sendTextMessage(text, peerIds);
  return (await echo).message;
}

/** A 1×1 PNG. */
export function pngFile(name = 'dot.png'): File {
  const bytes = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
    (char) => char.charCodeAt(0),
  );
  return new File([bytes], name, { type: 'image/png' });
}

/** A small text file. */
export function textFile(name = 'notes.txt', content = 'hello, file'): File {
  return new File([content], name, { type: 'text/plain' });
}

/** Catches what `call` throws or rejects with. */
export async function failure(call: () => Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await call();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the call to fail');
}
