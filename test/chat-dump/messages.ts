// Messages shaped like the SDK's: every field of every type with its empty default. The parser
// returns exactly this shape (without `targetUserIds`, which the dump does not carry).
import type { ChatMessage } from '../../src/meeting/contract.js';

export const T0 = Date.UTC(2025, 0, 2, 3, 4, 5, 678);

export function sdkMessage(fields: Partial<ChatMessage> & { timeMs?: number } = {}): ChatMessage {
  const timeMs = fields.timeMs ?? T0;
  return {
    type: 'text',
    id: 'msg-1',
    userId: 'user-1',
    displayName: 'Ada',
    time: new Date(timeMs),
    timeMs,
    isEdited: false,
    pinned: false,
    message: '',
    link: '',
    name: '',
    size: 0,
    html: '',
    images: [],
    videos: [],
    files: [],
    ...fields,
  };
}

export const DUMP = { meetingId: 'meeting-1', sessionId: 'session-1' };

/** Texts that break naive CSV writers, spreadsheets or parsers. */
export const HOSTILE_TEXTS = [
  'plain',
  'comma, inside',
  'a "quoted" word',
  '"',
  '""',
  'line\nbreak',
  'crlf\r\nbreak',
  'lone\rcr',
  '\r\n',
  'trailing newline\n',
  'emoji 😀👍🏽 family 👨‍👩‍👧',
  'right-to-left: שלום עולם مرحبا',
  'zero\u200bwidth\u200cjoin\u200dchars\ufeff',
  '\u202eoverride',
  '=1+1',
  '+1',
  '-1',
  '@SUM(A1)',
  '\tTab',
  '\rCR first',
  "'=already quoted",
  "''=two apostrophes",
  "'just an apostrophe",
  '=HYPERLINK("http://evil.example","click"),x',
  ' =space first',
  '',
];
