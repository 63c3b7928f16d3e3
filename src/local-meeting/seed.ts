/**
 * The history a lone local meeting starts with: generated from a number (deterministic, from a
 * handful of fake participants over the last three days) or built from partial messages.
 * Generating 100,000 messages takes a few tens of milliseconds.
 */
import type { ChatMessage } from '../meeting/contract.js';
import type { PartialMessage } from './messages.js';
import { messageFromPartial, timeFromMs } from './messages.js';

/** A message author. */
export interface SeedAuthor {
  /** User id. */
  userId: string;
  /** Display name. */
  displayName: string;
}

/** What seeding needs from the meeting. */
export interface SeedContext {
  /** The newest seeded message is a minute before this (epoch ms). */
  now: number;
  /** The local user, author of some generated messages so there is something to edit. */
  self: SeedAuthor;
  /** Makes (and remembers, to revoke on leave) an object URL. */
  upload: (blob: Blob) => string;
}

/** The fake participants of generated history; the first also sends `receive()`'s messages by default. */
export const SEED_AUTHORS: readonly SeedAuthor[] = [
  { userId: 'seed-user-amara', displayName: 'Amara Okafor' },
  { userId: 'seed-user-bruno', displayName: 'Bruno Costa' },
  { userId: 'seed-user-chen', displayName: 'Chen Wei' },
  { userId: 'seed-user-dana', displayName: 'Dana Levi' },
  { userId: 'seed-user-elif', displayName: 'Elif Yılmaz' },
];

/**
 * The author a partial message without one gets: the seed author with that user id, the user id
 * itself as the name, or the first seed author when there is no user id either.
 */
export function defaultAuthor(userId: string | undefined): SeedAuthor {
  if (userId === undefined) return SEED_AUTHORS[0];
  return SEED_AUTHORS.find((author) => author.userId === userId) ?? { userId, displayName: userId };
}

const PHRASES = [
  'Good morning everyone!',
  'Can you all hear me?',
  'I will share my screen in a minute.',
  'The numbers for last week look good.',
  'Could you repeat the last point?',
  'Agreed, let us move on.',
  'I have a question about the timeline.',
  'Thanks, that was really helpful 🙏',
  'Let me check and get back to you.',
  'We should ship this before Friday.',
  'Is the recording on?',
  'My connection dropped for a second, sorry.',
  '+1',
  'Who owns the follow-up?',
  'Great demo! 🎉',
  'Could someone post the doc link?',
  'I think we are out of time.',
  'Let us take the rest offline.',
  'Lunch break in five?',
  'Back in two minutes.',
];

const LINKS = [
  'Notes are here: https://developers.cloudflare.com/realtime/realtimekit/',
  'Spec draft: https://example.com/spec/chat-kit?rev=3#history',
  'See https://developer.mozilla.org/en-US/docs/Web/API/BroadcastChannel for details',
];

const DAY = 24 * 60 * 60 * 1000;

/** mulberry32: small, fast and good enough for fake chat history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uuid-shaped id, deterministic and unique by `index`. */
function seedId(index: number, next: () => number): string {
  const head = Math.floor(next() * 4294967296)
    .toString(16)
    .padStart(8, '0');
  const tail = index.toString(16).padStart(12, '0');
  return `${head}-${head.slice(0, 4)}-4${head.slice(4, 7)}-a${head.slice(5, 8)}-${tail}`;
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)];
}

function svgImage(hue: number, label: string): Blob {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" viewBox="0 0 320 200">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="hsl(${hue} 70% 65%)"/><stop offset="1" stop-color="hsl(${hue + 40} 70% 40%)"/>` +
    `</linearGradient></defs><rect width="320" height="200" fill="url(#g)"/>` +
    `<text x="160" y="108" font-family="sans-serif" font-size="22" fill="#fff" text-anchor="middle">${label}</text></svg>`;
  return new Blob([svg], { type: 'image/svg+xml' });
}

/** Generates `count` messages, oldest first. The same count gives the same messages. */
export function generateHistory(count: number, context: SeedContext): ChatMessage[] {
  const next = random(0x2f6b1d);
  const messages: ChatMessage[] = new Array(Math.max(0, Math.floor(count)));
  if (!messages.length) return messages;
  const end = context.now - 60_000;
  const step = (3 * DAY) / messages.length;
  const start = end - 3 * DAY;
  // Few distinct attachments, made once: the history points at them again and again.
  const images = ['Whiteboard', 'Roadmap', 'Team photo'].map((label, i) => context.upload(svgImage(i * 110, label)));
  const notes = new Blob(['Meeting notes\n\n- Decisions\n- Action items\n'], { type: 'text/plain' });
  const notesLink = context.upload(notes);
  const pinnedIndex = Math.floor(messages.length * 0.9);

  for (let i = 0; i < messages.length; i++) {
    const author = next() < 0.08 ? context.self : pick(SEED_AUTHORS, next);
    const kind = next();
    const flavour = next();
    const timeMs = Math.floor(start + i * step + next() * step * 0.5);
    // Built as one literal in the SDK's field order (see buildMessage): this loop runs 100,000 times.
    const message: ChatMessage = {
      displayName: author.displayName,
      id: seedId(i, next),
      time: timeFromMs(timeMs),
      timeMs,
      type: 'text',
      isEdited: next() < 0.03,
      userId: author.userId,
      targetUserIds: [],
      message: '',
      link: '',
      name: '',
      html: '',
      images: [],
      videos: [],
      files: [],
      size: 0,
      pinned: next() < 0.004 || i === pinnedIndex,
    };
    if (kind < 0.015) {
      message.type = 'image';
      message.link = pick(images, next);
    } else if (kind < 0.025) {
      message.type = 'file';
      message.link = notesLink;
      message.name = `meeting-notes-${(i % 12) + 1}.txt`;
      message.size = notes.size;
    } else if (flavour < 0.1) {
      // Joined, not concatenated: a concatenation stays a rope until first read, and texts from the
      // network (and the SDK's) arrive as flat strings.
      message.message = [pick(PHRASES, next), pick(PHRASES, next), pick(PHRASES, next)].join('\n');
    } else if (flavour < 0.16) {
      message.message = pick(LINKS, next);
    } else {
      message.message = pick(PHRASES, next);
    }
    messages[i] = message;
  }
  return messages;
}

/** Full messages from partial ones, oldest first; a missing time spaces them a minute apart up to now. */
export function historyFromPartials(partials: readonly PartialMessage[], context: SeedContext): ChatMessage[] {
  const messages = partials.map((partial, i) =>
    messageFromPartial(partial, {
      ...defaultAuthor(partial.userId),
      timeMs: context.now - (partials.length - i) * 60_000,
    }),
  );
  return messages.sort((a, b) => (a.timeMs ?? 0) - (b.timeMs ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
