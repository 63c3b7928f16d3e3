/**
 * The main states of the chat, built on local meetings: the screenshot gallery
 * (`npm run screenshots`) photographs each, and the tests run axe in each.
 */
import '../../src/index.js';
import type { RtkChat } from '../../src/chat/chat.js';
import { createLocalMeeting, type LocalMeeting, type LocalMeetingOptions } from '../../src/local-meeting/index.js';

/** A state: what it shows, and how to bring a chat mounted in `root` into it. */
export interface GalleryState {
  name: string;
  title: string;
  show(root: HTMLElement, theme: 'light' | 'dark'): Promise<{ chat: RtkChat; meeting: LocalMeeting }>;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let rooms = 0;

const AMARA = { userId: 'user-amara', displayName: 'Amara Okafor' };
const JONAS = { userId: 'user-jonas', displayName: 'Jonas Weber' };

async function meetingFor(options: LocalMeetingOptions = {}): Promise<LocalMeeting> {
  localStorage.clear();
  rooms += 1;
  const meeting = createLocalMeeting({
    room: `gallery-${Date.now()}-${rooms}`,
    meetingId: 'design-review',
    sessionId: `session-${rooms}`,
    self: { id: 'peer-me', userId: 'user-me', name: 'Ada Lovelace' },
    joinWaitMs: 5,
    logger: { warn() {}, error() {} },
    ...options,
  });
  await meeting.join();
  meeting.addParticipant({ id: 'peer-amara', userId: AMARA.userId, name: AMARA.displayName });
  meeting.addParticipant({ id: 'peer-jonas', userId: JONAS.userId, name: JONAS.displayName });
  return meeting;
}

/** A small picture made in the page: no request leaves it. */
async function picture(): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 240;
  const context = canvas.getContext('2d')!;
  const gradient = context.createLinearGradient(0, 0, 320, 240);
  gradient.addColorStop(0, '#4f7cff');
  gradient.addColorStop(1, '#f59e8b');
  context.fillStyle = gradient;
  context.fillRect(0, 0, 320, 240);
  context.fillStyle = 'rgb(255 255 255 / 0.85)';
  context.fillRect(40, 150, 240, 50);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return URL.createObjectURL(blob);
}

/** A conversation of yesterday and today: text, a link, an image, a file, own and others', grouped. */
async function history(meeting: LocalMeeting): Promise<void> {
  const now = Date.now();
  const at = (ago: number) => ({ timeMs: now - ago });
  meeting.receive({ type: 'text', message: 'Morning all, notes from the sync are in the doc.', ...AMARA, ...at(DAY + 30 * MINUTE) });
  meeting.receive({ type: 'text', message: 'Thanks! I will read them before the review.', userId: 'user-me', displayName: 'Ada Lovelace', ...at(DAY + 20 * MINUTE) });
  meeting.receive({ type: 'text', message: 'Here is the new layout for the sidebar:', ...JONAS, ...at(14 * MINUTE) });
  meeting.receive({ type: 'image', link: await picture(), ...JONAS, ...at(14 * MINUTE - 20_000) });
  meeting.receive({ type: 'file', link: 'https://files.example.com/spec.pdf', name: 'sidebar-spec.pdf', size: 482_133, ...JONAS, ...at(13 * MINUTE) });
  meeting.receive({ type: 'text', message: 'Looks great. The spacing feels much calmer. https://example.com/guidelines', ...AMARA, ...at(9 * MINUTE) });
  meeting.receive({ type: 'text', message: 'Agreed, ship it after the review 🚀', userId: 'user-me', displayName: 'Ada Lovelace', ...at(4 * MINUTE) });
  meeting.receive({ type: 'text', message: 'One more thing: can we keep the old icons?', userId: 'user-me', displayName: 'Ada Lovelace', ...at(4 * MINUTE - 15_000) });
}

async function mount(root: HTMLElement, meeting: LocalMeeting | undefined, theme: 'light' | 'dark'): Promise<RtkChat> {
  root.replaceChildren();
  const chat = document.createElement('rtk-chat') as RtkChat;
  chat.theme = theme;
  chat.locale = 'en-US';
  chat.style.height = '100%';
  chat.meeting = meeting;
  root.append(chat);
  await chat.updateComplete;
  await settle();
  return chat;
}

/** Lets the chat and its elements render, measure and come to rest. */
async function settle(): Promise<void> {
  for (let frame = 0; frame < 8; frame += 1) await new Promise(requestAnimationFrame);
}

function deep<T extends Element>(root: Element, selector: string): T | undefined {
  const visit = (scope: ParentNode): T | undefined => {
    const found = scope.querySelector<T>(selector);
    if (found) return found;
    for (const element of scope.querySelectorAll('*')) {
      const inner = element.shadowRoot && visit(element.shadowRoot);
      if (inner) return inner;
    }
    return undefined;
  };
  return visit(root.shadowRoot ?? root);
}

function composer(chat: RtkChat): ShadowRoot {
  return chat.shadowRoot!.querySelector('[part="composer"]')!.shadowRoot!;
}

async function typeInto(chat: RtkChat, text: string): Promise<void> {
  const box = composer(chat).querySelector('textarea')!;
  box.value = text;
  box.dispatchEvent(new Event('input'));
  await settle();
}

export const STATES: GalleryState[] = [
  {
    name: 'empty',
    title: 'Empty chat',
    async show(root, theme) {
      const meeting = await meetingFor();
      return { chat: await mount(root, meeting, theme), meeting };
    },
  },
  {
    name: 'history',
    title: 'History: text, link, image, file; own and others; grouped; day separator',
    async show(root, theme) {
      const meeting = await meetingFor();
      await history(meeting);
      return { chat: await mount(root, meeting, theme), meeting };
    },
  },
  {
    name: 'private',
    title: 'Writing privately, with private messages in the list',
    async show(root, theme) {
      const meeting = await meetingFor();
      await history(meeting);
      meeting.receive({ type: 'text', message: 'Can you share the numbers with me only?', ...AMARA, targetUserIds: ['user-me', AMARA.userId] });
      const chat = await mount(root, meeting, theme);
      const select = composer(chat).querySelector('select')!;
      select.focus();
      await settle();
      select.value = 'peer-amara';
      select.dispatchEvent(new Event('change'));
      select.blur();
      await typeInto(chat, 'Sure, sending them now');
      return { chat, meeting };
    },
  },
  {
    name: 'editing',
    title: 'Editing a message',
    async show(root, theme) {
      const meeting = await meetingFor();
      await history(meeting);
      const chat = await mount(root, meeting, theme);
      const own = [...chat.shadowRoot!.querySelectorAll('rtk-chat-message')].filter((m) => m.hasAttribute('own')).at(-1) as HTMLElement & { startEditing(): void };
      own.startEditing();
      await settle();
      return { chat, meeting };
    },
  },
  {
    name: 'delete-confirm',
    title: 'Confirming a deletion',
    async show(root, theme) {
      const meeting = await meetingFor();
      await history(meeting);
      const chat = await mount(root, meeting, theme);
      const own = [...chat.shadowRoot!.querySelectorAll('rtk-chat-message')].filter((m) => m.hasAttribute('own')).at(-1)!;
      own.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
      await settle();
      return { chat, meeting };
    },
  },
  {
    name: 'error',
    title: 'A send refused: the draft kept, Retry offered',
    async show(root, theme) {
      const meeting = await meetingFor();
      await history(meeting);
      meeting.chat.sendTextMessage = () => Promise.reject(Object.assign(new Error('offline'), { code: '0500' }));
      const chat = await mount(root, meeting, theme);
      await typeInto(chat, 'This one did not go through');
      composer(chat).querySelector<HTMLButtonElement>('[part="send"]')!.click();
      await settle();
      return { chat, meeting };
    },
  },
  {
    name: 'rate-limited',
    title: 'Rate-limited: the countdown',
    async show(root, theme) {
      const meeting = await meetingFor();
      await history(meeting);
      meeting.chat.updateRateLimits(1, 60);
      const chat = await mount(root, meeting, theme);
      await meeting.chat.sendTextMessage('first');
      await typeInto(chat, 'second, too soon');
      composer(chat).querySelector<HTMLButtonElement>('[part="send"]')!.click();
      await settle();
      return { chat, meeting };
    },
  },
  {
    name: 'viewer',
    title: 'A viewer, who may not send',
    async show(root, theme) {
      const meeting = await meetingFor({
        permissions: { chatPublic: { canSend: false, text: false, files: false }, chatPrivate: { canSend: false, canReceive: true, text: false, files: false } },
      });
      await history(meeting);
      return { chat: await mount(root, meeting, theme), meeting };
    },
  },
  {
    name: 'media-held',
    title: 'media-policy="click": images held back until asked, a custom message\'s too',
    async show(root, theme) {
      const meeting = await meetingFor();
      meeting.receive({ type: 'text', message: 'Here is the chart from the tracker:', ...JONAS });
      meeting.receive({ type: 'image', link: 'https://tracker.example/chart.png', ...JONAS });
      meeting.receive({
        type: 'custom',
        html: '<p>Weekly report: <img src="https://cdn.example.net/report.png" alt="Sales by region"></p>',
        images: [{ link: 'https://cdn.example.net/team.png', name: 'team.png' }],
        ...AMARA,
      });
      const chat = await mount(root, undefined, theme);
      chat.mediaPolicy = 'click';
      chat.meeting = meeting;
      await chat.updateComplete;
      await settle();
      return { chat, meeting };
    },
  },
  {
    name: 'jump-highlight',
    title: 'Jumped to a message: its highlight',
    async show(root, theme) {
      const meeting = await meetingFor();
      await history(meeting);
      const chat = await mount(root, meeting, theme);
      const target = meeting.chat.messages[2];
      await chat.scrollToMessage(target.id);
      await settle();
      return { chat, meeting };
    },
  },
];

export { deep as deepQuery };
