// `node bench/dump.mjs [--count=100000] [--runs=3] [--json=<file>] [--trace=<prefix>]`: how long
// opening a chat dump of 100,000 messages in `<rtk-chat>` takes, and the longest task of the page's
// main thread meanwhile, in headless Chromium on a production build of the kit. "Opening" is what the dump viewer does
// with a dropped file: `createDumpMeeting(file)` reads the CSV, then `<rtk-chat>` gets the meeting
// and shows the newest message. The longest task comes from a DevTools trace (the renderer main
// thread's `RunTask` events), so it counts work the page cannot see itself (style, layout, GC).
// Also exported: `benchDumpOpening(options)` resolves with the figures, for `bench/run.mjs`.
// Figures depend on the machine (and on what else runs on it): compare runs on one machine only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';

import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import { productionBuild } from './production-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The page: builds a dump of `count` varied messages, then opens it as the viewer does and reports. */
const PAGE_SOURCE = `
import { defineChatElements, toChatDumpBlob } from './src/index.ts';
import { createDumpMeeting } from './src/dump-meeting/index.ts';

defineChatElements();
const T0 = Date.UTC(2025, 0, 6, 9);
const WORDS = 'the plan looks good let us ship it on monday after the review and the demo with everyone'.split(' ');

function message(i) {
  const userId = 'user-' + (i % 57);
  const base = { id: 'msg-' + i, userId, displayName: 'Person ' + (i % 57), time: new Date(T0 + i * 7000), timeMs: T0 + i * 7000,
    pinned: i % 5000 === 0, isEdited: i % 41 === 0, message: '', link: '', name: '', size: 0, html: '', images: [], videos: [], files: [] };
  if (i % 97 === 0) return { ...base, type: 'image', link: 'https://files.example/' + i + '.png' };
  if (i % 89 === 0) return { ...base, type: 'file', link: 'https://files.example/' + i + '.pdf', name: 'notes-' + i + '.pdf', size: 1000 + i };
  const words = Array.from({ length: 4 + (i % 17) }, (_, w) => WORDS[(i + w * 7) % WORDS.length]).join(' ');
  return { ...base, type: 'text', message: i % 13 === 0 ? words + ', "quoted", and\\na second line' : words };
}

window.bench = {
  /** Makes the dump as a File, like one picked or dropped; resolves with its size in bytes. */
  async prepare(count) {
    const messages = Array.from({ length: count }, (_, i) => message(i));
    const blob = await toChatDumpBlob(messages, { meetingId: 'bench-meeting', sessionId: 'bench-session' });
    window.dumpFile = new File([blob], 'chat.csv', { type: 'text/csv' });
    return blob.size;
  },
  /**
   * Opens a small dump once, so that what any page pays once (the first Intl formatters, the
   * first compile of the kit's code) is not counted as the cost of a large one.
   */
  async warmUp() {
    const small = await toChatDumpBlob(Array.from({ length: 200 }, (_, i) => message(i)), { meetingId: 'warm', sessionId: 'up' });
    window.dumpFile = new File([small], 'warm-up.csv');
    await window.bench.open();
    document.getElementById('stage').replaceChildren();
  },
  /** Opens the dump in a new <rtk-chat> and resolves once the newest message is on screen. */
  async open() {
    document.getElementById('stage').replaceChildren();
    performance.mark('dump-read-start');
    const started = performance.now();
    const meeting = await createDumpMeeting(window.dumpFile);
    const read = performance.now();
    performance.mark('dump-read-end');
    const chat = document.createElement('rtk-chat');
    chat.meeting = meeting;
    document.getElementById('stage').append(chat);
    const last = meeting.chat.messages.at(-1).id;
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const shown = chat.shadowRoot?.querySelector('rtk-chat-message[message-id="' + last + '"]');
      if (shown && shown.getBoundingClientRect().height > 0) break;
      if (performance.now() - started > 60000) throw new Error('the newest message never showed');
    }
    const done = performance.now();
    performance.mark('dump-shown');
    return { messages: meeting.chat.messages.length, readMs: read - started, mountMs: done - read, totalMs: done - started };
  },
};
document.body.dataset.ready = 'true';
`;

const PAGE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>rtk-chat-kit dump bench</title>
    <style>body { margin: 0; font-family: system-ui, sans-serif; } #stage { width: 420px; height: 720px; } rtk-chat { height: 100%; }</style>
    <script type="module" src="./page.js"></script>
  </head>
  <body><main id="stage"></main></body>
</html>
`;

/** The page, built as the kit's own bundle is (minified, Lit's production build), but written here. */
async function buildPage(dir) {
  await build({
    ...productionBuild,
    stdin: { contents: PAGE_SOURCE, resolveDir: root, sourcefile: 'dump-bench-page.js', loader: 'js' },
    outfile: join(dir, 'page.js'),
    write: true,
  });
  writeFileSync(join(dir, 'index.html'), PAGE_HTML);
}

function serve(dir) {
  const files = { '/': 'index.html', '/page.js': 'page.js' };
  const server = createServer(async (request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.js') ? 'text/javascript' : 'text/html';
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(await readFile(join(dir, file)));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * The renderer main thread's tasks in a trace, split at the page's marks into reading the dump
 * (`dump-read-start` to `dump-read-end`) and mounting it (to `dump-shown`): per phase the longest
 * task in wall time, its longest in the thread's own CPU time (`tdur`: without the time other
 * processes took the core), and the tasks over 50 ms.
 */
function mainThreadTasks(trace) {
  const { traceEvents } = JSON.parse(Buffer.from(trace).toString('utf8'));
  const mark = (name) => traceEvents.find((e) => e.name === name && e.cat?.includes('blink.user_timing'))?.ts;
  const [readStart, readEnd, shown] = ['dump-read-start', 'dump-read-end', 'dump-shown'].map(mark);
  if (readStart === undefined || readEnd === undefined || shown === undefined) throw new Error('the trace lacks the page marks');
  const renderers = new Set(
    traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const phases = { read: { longestMs: 0, longestCpuMs: 0, over50: 0 }, mount: { longestMs: 0, longestCpuMs: 0, over50: 0 } };
  for (const e of traceEvents) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || !renderers.has(`${e.pid}:${e.tid}`)) continue;
    const end = e.ts + (e.dur ?? 0);
    // A task belongs to the phase it ends in (the one holding a mark ends where the mark is).
    const phase = end > readStart && end <= readEnd ? phases.read : end > readEnd && e.ts < shown ? phases.mount : undefined;
    if (!phase) continue;
    const ms = (e.dur ?? 0) / 1000;
    phase.longestMs = Math.max(phase.longestMs, ms);
    phase.longestCpuMs = Math.max(phase.longestCpuMs, (e.tdur ?? e.dur ?? 0) / 1000);
    if (ms > 50) phase.over50 += 1;
  }
  return phases;
}

/**
 * Opens a dump of `count` messages in `<rtk-chat>` `runs` times, each in a fresh page, and resolves
 * with every run's figures: `readMs` (createDumpMeeting on the File), `mountMs` (until the newest
 * message is on screen), `totalMs`, and `tasks` (see `mainThreadTasks`) for each phase.
 * Pass a puppeteer `browser` to reuse one; otherwise one is launched and closed. With `tracePrefix`,
 * each run's trace is also written to `<tracePrefix>-<run>.json`, for the DevTools Performance panel.
 */
export async function benchDumpOpening({ count = 100_000, runs = 3, browser, tracePrefix } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rtk-dump-bench-'));
  const ownBrowser = !browser;
  let server;
  try {
    await buildPage(dir);
    server = await serve(dir);
    const url = `http://127.0.0.1:${server.address().port}/`;
    if (ownBrowser) {
      const executablePath = findChromium();
      if (!executablePath) throw new Error('Chromium was not found: install it or set CHROME_PATH.');
      browser = await puppeteer.launch({ executablePath, args: chromiumArgs, headless: true });
    }
    const results = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForFunction(() => document.body.dataset.ready === 'true', { timeout: 10_000 });
        await page.evaluate(() => window.bench.warmUp());
        const bytes = await page.evaluate((n) => window.bench.prepare(n), count);
        // Let the preparation's garbage go before the clock starts.
        const cdp = await page.createCDPSession();
        await cdp.send('HeapProfiler.collectGarbage');
        await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
        const opened = await page.evaluate(() => window.bench.open());
        const trace = await page.tracing.stop();
        if (tracePrefix) writeFileSync(`${tracePrefix}-${run + 1}.json`, trace);
        if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`);
        results.push({ count, bytes, ...opened, tasks: mainThreadTasks(trace) });
      } finally {
        await context.close();
      }
    }
    return { chromium: await browser.version(), runs: results };
  } finally {
    if (ownBrowser) await browser?.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function print({ chromium, runs }) {
  const fmt = (value) => (Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1));
  const rows = runs.map((r, i) => [
    `run ${i + 1}`,
    fmt(r.messages),
    fmt(r.bytes / 1024 / 1024),
    fmt(r.readMs),
    `${fmt(r.tasks.read.longestMs)} / ${fmt(r.tasks.read.longestCpuMs)}`,
    fmt(r.mountMs),
    `${fmt(r.tasks.mount.longestMs)} / ${fmt(r.tasks.mount.longestCpuMs)}`,
    fmt(r.totalMs),
    `${r.tasks.read.over50} + ${r.tasks.mount.over50}`,
  ]);
  const headers = ['', 'messages', 'CSV MiB', 'read ms', 'longest task ms', 'to newest shown ms', 'longest task ms', 'total ms', 'tasks > 50 ms'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(`\nOpening a chat dump in <rtk-chat>: createDumpMeeting(File), then mounting until the newest message shows (${chromium})`);
  console.log(line(headers));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('  Longest task: of the renderer main thread in a DevTools trace, wall time / the thread\'s own CPU time;');
  console.log('  first while reading, then while mounting. Tasks > 50 ms: reading + mounting, in wall time.');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const option = (name, fallback) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
  const results = await benchDumpOpening({ count: Number(option('count', 100_000)), runs: Number(option('runs', 3)), tracePrefix: option('trace', undefined) });
  print(results);
  const json = option('json', undefined);
  if (json) writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
}
