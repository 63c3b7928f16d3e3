/**
 * The bench page: runs the kit's elements on a local meeting and times what a user would feel.
 * `bench/run.mjs` bundles it for production, loads it in headless Chromium and calls
 * `window.bench.*`; what only the DevTools protocol sees (GC, heap, task durations, traces,
 * listener counts on the document, live instances) it measures itself around these calls.
 */
import { toChatDumpBlob } from '../src/chat-dump/index.js';
import { messageTimeMs } from '../src/format/format.js';
import { defineChatElements } from '../src/index.js';
import { createLocalMeeting, SEED_AUTHORS, type LocalMeeting, type LocalMeetingLogger } from '../src/local-meeting/index.js';
import type { ChatMessage, ChatUpdateEvent } from '../src/meeting/contract.js';
import type { BenchList } from './engines/bench-list.js';
import { BenchTanstackList } from './engines/tanstack-list.js';
import { BenchVirtualizerList } from './engines/virtualizer-list.js';
import { BenchWindowList } from './engines/window-list.js';
import { BenchTextChat, BenchTextMessage } from './text-only-chat.js';

type Tag = 'rtk-chat' | 'rtk-chat-message' | 'rtk-pinned-messages' | 'rtk-chat-export-button';
/** `<rtk-chat>`, its text-only floor (`bench/text-only-chat.ts`), or one of the list engines of the comparison (`bench/engines/`). */
type ListTag = 'rtk-chat' | 'bench-text-chat' | 'bench-virtualizer-list' | 'bench-tanstack-list' | 'bench-window-list';
type MountedList = HTMLElement & { updateComplete: Promise<unknown> };

interface Distribution {
  count: number;
  median: number;
  p95: number;
  max: number;
}

// package.json marks src/ free of side effects, so a bare `import '../src/index.js'` is dropped by the bundler.
defineChatElements();
customElements.define('bench-virtualizer-list', BenchVirtualizerList);
customElements.define('bench-tanstack-list', BenchTanstackList);
customElements.define('bench-window-list', BenchWindowList);
customElements.define('bench-text-message', BenchTextMessage);
customElements.define('bench-text-chat', BenchTextChat);

const stage = document.getElementById('stage') as HTMLElement;

/** The meeting logs through this, so a listener-leak warning shows up in the results. */
const log = { warnings: [] as string[], errors: 0 };
const logger: LocalMeetingLogger = {
  warn: (message) => void log.warnings.push(message),
  error: () => void (log.errors += 1),
};

let meeting: LocalMeeting | undefined;
let chat: MountedList | undefined;
/** Numbers the arriving messages' ids across calls. */
let arrivalSerial = 0;
/** When each message's `chatUpdate` was emitted; our listener is added before any element's. */
const emittedAt = new Map<string, number>();

const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await frame();
}

// A MessageChannel task is not clamped to 4 ms the way nested setTimeouts are.
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/** Resolves with the first truthy `probe()`, checked once a frame; rejects after `timeoutMs`. */
async function until<T>(probe: () => T | null | undefined, timeoutMs: number, what: string): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await frame();
  }
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what}: call the step that makes it first`);
  return value;
}

function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : NaN);
  return { count: sorted.length, median: at(0.5), p95: at(0.95), max: sorted.length ? sorted[sorted.length - 1] : NaN };
}

function intervals(times: number[]): number[] {
  return times.slice(1).map((time, i) => time - times[i]);
}

function findMessage(root: ParentNode | null | undefined, id: string): Element | null {
  return root?.querySelector(`[message-id="${CSS.escape(id)}"]`) ?? null;
}

/** Every node under `root`, entering each shadow root (the shadow root itself is not counted). */
function countNodes(root: Node): { nodes: number; elements: number; shadowRoots: number } {
  const totals = { nodes: 0, elements: 0, shadowRoots: 0 };
  const visit = (node: Node, counted: boolean) => {
    if (counted) totals.nodes += 1;
    if (node instanceof Element) {
      totals.elements += 1;
      if (node.shadowRoot) {
        totals.shadowRoots += 1;
        visit(node.shadowRoot, false);
      }
    }
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child, true);
  };
  visit(root, true);
  return totals;
}

/** The messages a list holds: `<rtk-chat>`'s public `messages`, or a bench engine's `items`. */
function listedItems(element: HTMLElement): readonly ChatMessage[] {
  return (element as Partial<HTMLElementTagNameMap['rtk-chat']>).messages ?? (element as unknown as BenchList).items;
}

/** Whether the message `id` is rendered and wholly inside the visible box of `element`'s list. */
function wholeInView(element: HTMLElement, id: string): boolean {
  const list = element.shadowRoot?.querySelector('.list')?.getBoundingClientRect();
  const box = findMessage(element.shadowRoot, id)?.getBoundingClientRect();
  return Boolean(list && box && box.height > 0 && box.top >= list.top - 1 && box.bottom <= list.bottom + 1);
}

/** A list's jump: the engine's own, or `<rtk-chat>`'s public `scrollToMessage`. */
async function jump(element: HTMLElement, index: number): Promise<void> {
  if ('jumpTo' in element) await (element as unknown as BenchList).jumpTo(index);
  else await (element as HTMLElementTagNameMap['rtk-chat']).scrollToMessage(listedItems(element)[index].id);
}

const stampUpdates = (event: ChatUpdateEvent): void => {
  if (event.action === 'add') emittedAt.set(event.message.id, performance.now());
};

/** Records frame start times until stopped. */
function recordFrames(): { stop: () => number[] } {
  const times: number[] = [];
  let running = true;
  const loop = (time: number) => {
    times.push(time);
    if (running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  return {
    stop: () => {
      running = false;
      return times;
    },
  };
}

/** Records long tasks (over 50 ms) until stopped. */
function recordLongTasks(): { stop: () => number[] } {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  return {
    stop: () => {
      for (const entry of observer.takeRecords()) durations.push(entry.duration);
      observer.disconnect();
      return durations;
    },
  };
}

const bench = {
  /**
   * A joined local meeting whose `chat.messages` holds `count` seeded messages. The local meeting
   * (like the SDK) puts only the newest 1000 in `chat.messages` on join, so for more the full
   * history is read back with one `fetchPublicMessages` call and set as `chat.messages`.
   */
  async prepare(count: number) {
    const started = performance.now();
    await meeting?.leave();
    emittedAt.clear();
    meeting = createLocalMeeting({ seed: count, logger, self: { name: 'Bench user' } });
    await meeting.join();
    const listedOnJoin = meeting.chat.messages.length;
    let filled = false;
    if (listedOnJoin < count) {
      const newestFirst = await meeting.chat.fetchPublicMessages({ timestamp: Date.now(), limit: count, direction: 'before' });
      meeting.chat.messages = newestFirst.reverse();
      filled = true;
    }
    meeting.chat.on('chatUpdate', stampUpdates);
    return { seeded: count, listedOnJoin, listed: meeting.chat.messages.length, filled, ms: performance.now() - started };
  },

  /** Mounts and removes a chat on a small throwaway meeting: one-time costs (templates, styles) out of the way. */
  async warmUp() {
    const small = createLocalMeeting({ seed: 50, logger });
    await small.join();
    const element = document.createElement('rtk-chat');
    element.meeting = small;
    stage.append(element);
    const newest = need(small.chat.messages.at(-1), 'seeded message');
    await until(() => findMessage(element.shadowRoot, newest.id), 10_000, 'the warm-up chat');
    await frames(5);
    element.remove();
    await small.leave();
    await frames(2);
  },

  /**
   * Inserts `<rtk-chat>`; resolves at the first frame that shows the newest message: once with
   * the message in the DOM, once with it also inside the list's visible box.
   */
  async mountChat(timeoutMs: number, tag: ListTag = 'rtk-chat') {
    const current = need(meeting, 'meeting');
    const newest = need(current.chat.messages.at(-1), 'message');
    const element = document.createElement(tag) as MountedList & { meeting?: LocalMeeting };
    element.meeting = current;
    const visible = () => wholeInView(element, newest.id);
    const inserted = performance.now();
    stage.append(element);
    await until(() => findMessage(element.shadowRoot, newest.id), timeoutMs, 'the newest message');
    const inDom = performance.now();
    const visibleAtOnce = visible();
    // Where it was then, for the JSON: a virtualized list may place it by estimated sizes first.
    const placedAt = {
      list: element.shadowRoot?.querySelector('.list')?.getBoundingClientRect().toJSON() as DOMRect | undefined,
      message: findMessage(element.shadowRoot, newest.id)?.getBoundingClientRect().toJSON() as DOMRect | undefined,
      scrollTop: element.shadowRoot?.querySelector('.list')?.scrollTop,
    };
    await frame();
    const shown = performance.now();
    await until(visible, timeoutMs, 'the newest message in view');
    await frame();
    const inView = performance.now();
    chat = element;
    return { inDomMs: inDom - inserted, firstFrameMs: shown - inserted, visibleAtOnce, inViewFrameMs: inView - inserted, placedAt };
  },

  /** Waits until the list stops changing (a list may measure and page over a few frames). */
  async settle(count = 30) {
    await frames(count);
  },

  /** Nodes of the whole document and of the mounted chat, through every shadow root. */
  countDom() {
    const element = need(chat, 'mounted chat');
    return {
      document: countNodes(document.documentElement),
      chat: countNodes(element),
      renderedMessages: element.shadowRoot?.querySelectorAll('rtk-chat-message').length ?? 0,
      listedMessages: listedItems(element).length,
      options: element.shadowRoot?.querySelectorAll('option').length ?? 0,
    };
  },

  async removeChat() {
    need(chat, 'mounted chat').remove();
    chat = undefined;
    await frames(3);
  },

  async idleFrames(count: number) {
    const started = performance.now();
    await frames(count);
    return { ms: performance.now() - started };
  },

  /** `count` frames that only move the list by the newest message's height, back and forth: a frame's cost without a new message. */
  async scrollFrames(count: number) {
    const root = need(need(chat, 'mounted chat').shadowRoot ?? undefined, 'shadow root');
    const list = need(root.querySelector<HTMLElement>('.list') ?? undefined, 'list');
    const step = need(root.querySelector('.item:last-child') ?? undefined, 'newest item').getBoundingClientRect().height;
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      await frame();
      list.scrollTop += i % 2 ? step : -step;
    }
    await frame();
    return { ms: performance.now() - started };
  },

  /**
   * `count` messages from others, one every `everyFrames` frames, each from `meeting.receive` in its
   * own rAF. Latency: from the `chatUpdate` emit to the message's `<rtk-chat-message>` in the DOM,
   * and to the next frame after that. A message not in the DOM 30 frames after the last one was
   * sent is counted as never rendered (`missing`).
   */
  async arrivals(count: number, timeoutMs: number, everyFrames = 1) {
    const current = need(meeting, 'meeting');
    const root = need(need(chat, 'mounted chat').shadowRoot ?? undefined, 'shadow root');
    const pending = new Set<string>();
    const inDomAt = new Map<string, number>();
    const shownAt = new Map<string, number>();
    const observer = new MutationObserver(() => {
      const now = performance.now();
      for (const id of pending) {
        if (!findMessage(root, id)) continue;
        pending.delete(id);
        inDomAt.set(id, now);
        void frame().then(() => shownAt.set(id, performance.now()));
      }
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['message-id'] });
    const started = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      await frames(everyFrames);
      const id = `bench-arrival-${(arrivalSerial += 1)}`;
      ids.push(id);
      pending.add(id);
      current.receive({ id, userId: SEED_AUTHORS[i % SEED_AUTHORS.length].userId, message: `Arrival ${i}: are we still on for Friday?` });
    }
    const sent = performance.now();
    const end = sent + timeoutMs;
    for (let grace = 0; (pending.size && grace < 30) || (shownAt.size < inDomAt.size && performance.now() < end); grace++) await frame();
    observer.disconnect();
    const toDom = ids.filter((id) => inDomAt.has(id)).map((id) => (inDomAt.get(id) as number) - (emittedAt.get(id) as number));
    const toFrame = ids.filter((id) => shownAt.has(id)).map((id) => (shownAt.get(id) as number) - (emittedAt.get(id) as number));
    return { sent: count, missing: pending.size, ms: sent - started, toDom: distribution(toDom), toFrame: distribution(toFrame) };
  },

  /** Back to the newest message, following again (the engine's own, or `scrollToBottom`). */
  async toNewest() {
    const element = need(chat, 'mounted chat');
    if ('toNewest' in element) (element as unknown as BenchList).toNewest();
    else (element as HTMLElementTagNameMap['rtk-chat']).scrollToBottom();
    await frames(10);
  },

  /** Whether the newest listed message is rendered and wholly inside the list's visible box. */
  newestInView() {
    const element = need(chat, 'mounted chat');
    const newest = listedItems(element).at(-1);
    return Boolean(newest && wholeInView(element, newest.id));
  },

  /**
   * Jumps to the message at `index` (the engine's jump, or `scrollToMessage`), then lets `arrivals`
   * messages arrive one per frame: the jump holds when the message stays where it was put.
   */
  async holdJump(index: number, arrivals: number) {
    const element = need(chat, 'mounted chat');
    const target = listedItems(element)[index];
    await jump(element, index);
    await frames(10);
    const shownAfterJump = wholeInView(element, target.id);
    const top = findMessage(element.shadowRoot, target.id)?.getBoundingClientRect().top;
    for (let i = 0; i < arrivals; i++) {
      await frame();
      need(meeting, 'meeting').receive({ userId: SEED_AUTHORS[i % SEED_AUTHORS.length].userId, message: `While reading ${i}` });
    }
    await frames(10);
    const after = findMessage(element.shadowRoot, target.id)?.getBoundingClientRect().top;
    const moved = top === undefined || after === undefined ? Infinity : Math.abs(after - top);
    return { shownAfterJump, heldInView: wholeInView(element, target.id), movedPx: moved, held: shownAfterJump && wholeInView(element, target.id) && moved < 2 };
  },

  /**
   * The user at the top of the list (jumped to the first message, then a wheel turn), an older page
   * of `count` put in front: what the user read stays where it was.
   */
  async olderPage(count: number) {
    const element = need(chat, 'mounted chat') as unknown as BenchList;
    const first = listedItems(element)[0];
    await jump(element, 0);
    await frames(10);
    element.scroller?.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, bubbles: true }));
    element.scroller?.scrollBy(0, -1);
    await frames(5);
    const top = findMessage(element.shadowRoot, first.id)?.getBoundingClientRect().top;
    // Two days before: the first message keeps its date separator, so nothing above it changes size.
    const time = (messageTimeMs(first) ?? Date.now()) - 2 * 86_400_000;
    const older = Array.from(
      { length: count },
      (_, i) => ({ ...first, id: `bench-older-${(arrivalSerial += 1)}`, message: `Older ${i}`, time: new Date(time + i * 60_000), timeMs: time + i * 60_000 }) as ChatMessage,
    );
    await element.prependOlder(older);
    await frames(10);
    const after = findMessage(element.shadowRoot, first.id)?.getBoundingClientRect().top;
    const moved = top === undefined || after === undefined ? Infinity : Math.abs(after - top);
    return { movedPx: moved, kept: moved < 2 };
  },

  /** Jumps to `samples` messages spread over the whole list: how many were rendered and in view. */
  async jumpAnywhere(samples: number) {
    const element = need(chat, 'mounted chat');
    const items = listedItems(element);
    let reached = 0;
    const failed: number[] = [];
    for (let s = 0; s < samples; s++) {
      const index = Math.round((s * (items.length - 1)) / (samples - 1));
      await jump(element, index);
      const ok = await until(() => wholeInView(element, items[index].id), 2000, 'the message jumped to').then(
        () => true,
        () => false,
      );
      if (ok) reached += 1;
      else failed.push(index);
    }
    return { samples, reached, failed };
  },

  /** Adds simulated participants (the senders of the burst) and lets the panel re-render. */
  async addParticipants(count: number) {
    const current = need(meeting, 'meeting');
    for (let i = 0; i < count; i++) current.addParticipant({ id: `burst-peer-${i}`, userId: `burst-user-${i}`, name: `Participant ${i + 1}` });
    await frames(10);
    return { joined: current.participants.joined.size };
  },

  /**
   * `total` messages from the participants added above, `chunkSize` per task back to back (a
   * socket flooding the page), while every frame is timed. Then checks the list holds each once.
   */
  async burst(total: number, senders: number, chunkSize: number, timeoutMs: number) {
    const current = need(meeting, 'meeting');
    const element = need(chat, 'mounted chat');
    const listedBefore = listedItems(element).length;
    const lastId = `bench-burst-${total - 1}`;
    const framesRecorder = recordFrames();
    const longTasks = recordLongTasks();
    const started = performance.now();
    for (let sent = 0; sent < total; ) {
      for (const end = Math.min(total, sent + chunkSize); sent < end; sent++) {
        const n = sent % senders;
        current.receive({ id: `bench-burst-${sent}`, userId: `burst-user-${n}`, displayName: `Participant ${n + 1}`, message: `Burst message ${sent}` });
      }
      await nextTask();
    }
    const sentAt = performance.now();
    // An engine that stops following shows no last message: recorded, not thrown, to compare engines.
    const lastShown = await until(() => findMessage(element.shadowRoot, lastId), timeoutMs, 'the last burst message').then(
      () => true,
      () => false,
    );
    await frame();
    const shownAt = performance.now();
    const frameTimes = framesRecorder.stop();
    const long = longTasks.stop();

    const items = listedItems(element);
    const ids = items.map((message) => message.id);
    const burstIds = ids.filter((id) => id.startsWith('bench-burst-'));
    const inOrder = burstIds.every((id, i) => id === `bench-burst-${i}`);
    const gaps = intervals(frameTimes);
    return {
      total,
      senders,
      chunkSize,
      sendMs: sentAt - started,
      untilShownMs: shownAt - started,
      frames: frameTimes.length,
      frameInterval: distribution(gaps),
      longTasks: { count: long.length, totalMs: long.reduce((a, b) => a + b, 0), max: long.length ? Math.max(...long) : 0 },
      listedBefore,
      listedAfter: items.length,
      expected: listedBefore + total,
      chatMessages: current.chat.messages.length,
      uniqueIds: new Set(ids).size === ids.length,
      burstListed: burstIds.length,
      burstInOrder: inOrder,
      endsWithLast: ids.at(-1) === lastId,
      lastShown,
      renderedMessages: element.shadowRoot?.querySelectorAll('rtk-chat-message').length ?? 0,
    };
  },

  /** Listener counts of the meeting's emitters. */
  listenerCounts() {
    const current = need(meeting, 'meeting');
    return {
      chatUpdate: current.chat.listenerCount('chatUpdate'),
      pinMessage: current.chat.listenerCount('pinMessage'),
      unpinMessage: current.chat.listenerCount('unpinMessage'),
      roomJoined: current.self.listenerCount('roomJoined'),
      participantJoined: current.participants.joined.listenerCount('participantJoined'),
      participantLeft: current.participants.joined.listenerCount('participantLeft'),
    };
  },

  /** Mounts `tag` on the meeting and removes it again, `times` times; `<rtk-chat>` gets a frame to lay out. */
  async mountRemove(tag: Tag, times: number) {
    const current = need(meeting, 'meeting');
    const message = need(current.chat.messages.at(-1), 'message');
    const started = performance.now();
    for (let i = 0; i < times; i++) {
      const element = document.createElement(tag);
      element.meeting = current;
      if (tag === 'rtk-chat-message') (element as HTMLElementTagNameMap['rtk-chat-message']).message = message;
      stage.append(element);
      await element.updateComplete;
      if (tag === 'rtk-chat') await frame();
      element.remove();
    }
    const ms = performance.now() - started;
    await frames(3);
    return { times, ms, perMountMs: ms / times, warnings: [...log.warnings] };
  },

  /** Exports every message of `chat.messages` with `toChatDumpBlob`, timing every frame meanwhile. */
  async exportCsv() {
    const current = need(meeting, 'meeting');
    const messages = current.chat.messages;
    const framesRecorder = recordFrames();
    const longTasks = recordLongTasks();
    await frame();
    const started = performance.now();
    const blob = await toChatDumpBlob(messages, { meetingId: current.meta.meetingId, sessionId: current.meta.sessionId });
    const ended = performance.now();
    await frame();
    const frameTimes = framesRecorder.stop();
    const long = longTasks.stop();
    return {
      messages: messages.length,
      ms: ended - started,
      bytes: blob.size,
      framesDuring: frameTimes.filter((time) => time >= started && time <= ended).length,
      frameInterval: distribution(intervals(frameTimes)),
      longTasks: { count: long.length, max: long.length ? Math.max(...long) : 0 },
    };
  },

  async leave() {
    await meeting?.leave();
    meeting = undefined;
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;
document.body.dataset.ready = 'true';
