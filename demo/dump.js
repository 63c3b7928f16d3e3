// The dump viewer: open a chat dump (a CSV the export button or the Chat Replay API made) by
// dropping or choosing it, browse it in <rtk-chat> with its pinned messages, and search it. Served
// by Vite (`npm start`, then /dump.html) from the sources, like the main demo.
import '../src/index.ts';
import { createDumpMeeting } from '../src/dump-meeting/index.ts';
import { toChatDumpCsv } from '../src/dump.ts';

const $ = (selector) => document.querySelector(selector);
const provider = $('rtk-meeting-provider');
const chat = $('rtk-chat');
const status = $('#status');
const query = $('#query');
const count = $('#count');
const previousButton = $('#previous');
const nextButton = $('#next');

/** What is open: the meeting, and the search over it. */
let open = { meeting: undefined, haystack: undefined, matches: [], current: -1 };
/** Counts openings: a slow one that a newer one overtook is dropped. */
let openings = 0;
let reading;

const format = (n) => n.toLocaleString();

function say(text, { error = false } = {}) {
  status.textContent = text;
  status.classList.toggle('error', error);
  status.setAttribute('role', error ? 'alert' : 'status');
}

/** Yields to the browser between slices of work, so that a large dump never freezes the page. */
const nextTask = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0)));

/** Lowercase without accents, so that "strom" finds "Ström". */
const fold = (text) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase();

/** What a message shows, folded for searching: the sender, the text, a file's name. */
function searchable(message) {
  return fold([message.displayName, message.message, message.name].filter((part) => typeof part === 'string' && part).join('\n'));
}

/** The folded text of every message, built a few thousand at a time. */
async function buildHaystack(meeting, opening) {
  const messages = meeting.chat.messages;
  const haystack = new Array(messages.length);
  for (let start = 0; start < messages.length; start += 5000) {
    for (let i = start; i < Math.min(start + 5000, messages.length); i++) haystack[i] = searchable(messages[i]);
    await nextTask();
    if (opening !== openings) return undefined;
  }
  return haystack;
}

async function openDump(source, name) {
  const opening = ++openings;
  reading?.abort();
  reading = new AbortController();
  say(`Reading ${name}…`);
  try {
    const meeting = await createDumpMeeting(source, {
      signal: reading.signal,
      onProgress: (messages) => say(`Reading ${name}… ${format(messages)} messages`),
    });
    if (opening !== openings) return;
    open = { meeting, haystack: undefined, matches: [], current: -1 };
    provider.meeting = meeting;
    const { meetingId, sessionId } = meeting.meta;
    const pinned = meeting.chat.pinned.length;
    say(`${name}: ${format(meeting.chat.messages.length)} messages, ${format(pinned)} pinned · meeting ${meetingId || '—'}, session ${sessionId || '—'}`);
    query.disabled = false;
    updateSearch();
    open.haystack = await buildHaystack(meeting, opening);
    if (opening === openings && query.value) runSearch();
  } catch (error) {
    if (opening !== openings || error?.name === 'AbortError') return;
    // A ChatDumpError says which line of the file is wrong.
    const reason = error?.name === 'ChatDumpError' ? error.message : 'it could not be read as a chat dump.';
    say(`Could not open ${name}: ${reason}`, { error: true });
  }
}

// --- Search ----------------------------------------------------------------------------------

function updateSearch() {
  const { matches, current } = open;
  const searching = query.value.trim() !== '';
  count.value = !searching ? '' : !open.haystack ? 'Indexing…' : matches.length === 0 ? 'No matches' : `${format(current + 1)} of ${format(matches.length)}`;
  previousButton.disabled = nextButton.disabled = matches.length === 0;
}

/** Finds every message matching the box, in the dump's order, and shows the newest match. */
function runSearch() {
  const needle = fold(query.value.trim());
  const { haystack } = open;
  open.matches = [];
  if (needle && haystack) {
    for (let i = 0; i < haystack.length; i++) if (haystack[i].includes(needle)) open.matches.push(i);
  }
  open.current = open.matches.length - 1;
  updateSearch();
  if (open.current >= 0) void show();
}

/** Moves to the previous (older, -1) or next (newer, +1) match, wrapping around. */
function step(direction) {
  const total = open.matches.length;
  if (total === 0) return;
  open.current = (open.current + direction + total) % total;
  updateSearch();
  void show();
}

/** Jumps to the current match: the chat scrolls to it (clearing a filter that hides it) and highlights it. */
async function show() {
  const message = open.meeting.chat.messages[open.matches[open.current]];
  await chat.scrollToMessage(message.id);
}

let typing;
query.addEventListener('input', () => {
  clearTimeout(typing);
  open.matches = [];
  updateSearch();
  typing = setTimeout(runSearch, 200);
});

query.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === 'ArrowUp' || event.key === 'ArrowDown') {
    event.preventDefault();
    // A search still waiting for the pause in typing runs now.
    if (typing !== undefined && open.matches.length === 0) {
      clearTimeout(typing);
      typing = undefined;
      runSearch();
      return;
    }
    step(event.key === 'ArrowDown' || (event.key === 'Enter' && event.shiftKey) ? 1 : -1);
  } else if (event.key === 'Escape' && query.value) {
    event.preventDefault();
    query.value = '';
    open.matches = [];
    updateSearch();
  }
});

$('#search').addEventListener('submit', (event) => event.preventDefault());
previousButton.addEventListener('click', () => step(-1));
nextButton.addEventListener('click', () => step(1));

document.addEventListener('keydown', (event) => {
  const typingSomewhere = event.composedPath().some((node) => node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement || node instanceof HTMLSelectElement);
  if (event.key === '/' && !typingSomewhere && !query.disabled) {
    event.preventDefault();
    query.focus();
    query.select();
  }
});

// --- Opening files -----------------------------------------------------------------------------

$('#file').addEventListener('change', (event) => {
  const [file] = event.target.files;
  if (file) void openDump(file, file.name);
  event.target.value = '';
});

let dragDepth = 0;
const carriesFiles = (event) => event.dataTransfer?.types.includes('Files');
document.addEventListener('dragenter', (event) => {
  if (!carriesFiles(event)) return;
  dragDepth += 1;
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) document.body.classList.remove('dragging');
});
document.addEventListener('dragover', (event) => {
  if (carriesFiles(event)) event.preventDefault();
});
document.addEventListener('drop', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  dragDepth = 0;
  document.body.classList.remove('dragging');
  const [file] = event.dataTransfer.files;
  if (file) void openDump(file, file.name);
});

// --- A sample dump -----------------------------------------------------------------------------

const PEOPLE = [
  ['user-amara', 'Amara Okafor'],
  ['user-bruno', 'Bruno Costa'],
  ['user-chen', 'Chen Wei'],
  ['user-dana', 'Dana Levi'],
  ['user-elif', 'Elif Yılmaz'],
];
const LINES = [
  'Good morning everyone!',
  'The numbers for last week look good.',
  'Could you repeat the last point?',
  'I have a question about the timeline.',
  'We should ship this before Friday.',
  '+1',
  'Who owns the follow-up?',
  'Notes so far:\n- budget approved\n- launch moved to the 14th',
  'Let me check and get back to you.',
  'Thanks, that was really helpful 🙏',
  'See https://example.com/roadmap for the plan.',
];

/** A picture for the sample's image messages, as the browser would have uploaded one. */
function pictureUrl(hue) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"><rect width="320" height="200" fill="hsl(${hue} 70% 55%)"/><circle cx="230" cy="70" r="34" fill="hsl(${hue} 80% 85%)"/><path d="M0 200 110 90 190 170 240 130 320 200Z" fill="hsl(${hue} 60% 30%)"/></svg>`;
  return URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
}

/** A dump of a two-day session, written by the kit's own writer as the export button writes it. */
function sampleDump(size = 2000) {
  const start = Date.now() - 2 * 86_400_000;
  const pictures = [pictureUrl(200), pictureUrl(30)];
  const messages = Array.from({ length: size }, (_, i) => {
    const [userId, displayName] = PEOPLE[(i * 7 + (i >> 3)) % PEOPLE.length];
    const timeMs = start + i * Math.round((2 * 86_400_000) / size);
    const base = { id: `sample-${i}`, userId, displayName, time: new Date(timeMs), timeMs, pinned: i % 450 === 17, isEdited: i % 37 === 5 };
    const empty = { message: '', link: '', name: '', size: 0, html: '', images: [], videos: [], files: [] };
    if (i % 150 === 40) return { ...base, ...empty, type: 'image', link: pictures[i % 2] };
    if (i % 190 === 60) return { ...base, ...empty, type: 'file', link: 'https://example.com/files/q3-report.pdf', name: `q3-report-v${i}.pdf`, size: 182_000 + i };
    return { ...base, ...empty, type: 'text', message: LINES[(i * 5) % LINES.length] };
  });
  return toChatDumpCsv(messages, { meetingId: 'sample-meeting', sessionId: 'sample-session' });
}

$('#sample').addEventListener('click', () => {
  const size = Number(new URLSearchParams(location.search).get('sample')) || 2000;
  void openDump(new Blob([sampleDump(size)], { type: 'text/csv' }), 'sample.csv');
});

if (new URLSearchParams(location.search).has('sample')) $('#sample').click();
