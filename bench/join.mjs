// `node bench/join.mjs`: how long local meetings take to join one room that already holds a history,
// in headless Chromium on a production build of the local meeting. One meeting seeds the room, then
// `--meetings` meetings (200 by default) join it all at once, and each must end with the room's
// history (`--history` messages, 1000 by default) and session. Prints the time until the last one
// has joined, the CPU time the page spent meanwhile (steadier than the wall clock on a busy
// machine), and the same for meetings joining one after another. Exits with 1 if a join went wrong.
// Not part of `npm test`: the figures depend on the machine and on what else runs on it.
//
// `benchJoin(options)` runs the same measurement for another script (e.g. `bench/run.mjs`); it
// launches Chromium unless given a puppeteer `browser`, and resolves with the figures.
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';

import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import { productionBuild } from './production-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The page: the local meeting, and the three steps of a measurement on `window`. */
const PAGE_SOURCE = `
import { createLocalMeeting } from './src/local-meeting/index.ts';

const quiet = { warn() {}, error() {} };
let room;
let host;
let joiners = [];

/** A room whose first meeting holds the history. */
window.prepareRoom = async ({ history }) => {
  room = 'bench-join-' + crypto.randomUUID();
  host = createLocalMeeting({ room, seed: history, logger: quiet, self: { name: 'Host' } });
  await host.join();
};

/** The measured step: the meetings, created all at once or one after another, until the last has joined. */
window.joinRoom = async ({ meetings, together }) => {
  const started = performance.now();
  const guest = (i) => createLocalMeeting({ room, logger: quiet, self: { name: 'Guest ' + (i + 1) } });
  if (together) {
    joiners = Array.from({ length: meetings }, (_, i) => guest(i));
    await Promise.all(joiners.map((meeting) => meeting.join()));
  } else {
    for (let i = 0; i < meetings; i++) {
      joiners.push(guest(i));
      await joiners[i].join();
    }
  }
  return performance.now() - started;
};

/** What the joins gave; then everyone leaves. */
window.checkAndLeave = async () => {
  const expected = host.chat.messages.map((message) => message.id).join();
  const withHistory = joiners.filter((meeting) => meeting.chat.messages.map((message) => message.id).join() === expected).length;
  const sameSession = joiners.every((meeting) => meeting.meta.sessionId === host.meta.sessionId);
  const historyLength = host.chat.messages.length;
  await Promise.all([host, ...joiners].map((meeting) => meeting.leave()));
  joiners = [];
  return { withHistory, sameSession, historyLength };
};

document.body.dataset.ready = 'true';
`;

async function bundlePage() {
  const result = await build({
    ...productionBuild,
    stdin: { contents: PAGE_SOURCE, resolveDir: root, sourcefile: 'join-page.ts', loader: 'ts' },
    write: false,
  });
  return result.outputFiles[0].text;
}

function serve(script) {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>join bench</title>' +
    '<script type="module" src="/page.js"></script></head><body></body></html>';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else if (path === '/page.js') response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else response.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Times `meetings` local meetings joining, all at once, a room that holds `history` messages, then
 * the same one after another. Resolves with
 * `{ meetings, history, ms, mainThreadCpuMs, rendererCpuMs, withHistory, sameSession, oneByOne }`:
 * `ms` from creating the first joining meeting until all have joined (wall clock), the CPU time the
 * page's main thread and its renderer process spent meanwhile (steadier on a busy machine),
 * `withHistory` how many ended with exactly the room's history in `chat.messages` (a correct join
 * gives `meetings`), `sameSession` whether all took the room's session id; `oneByOne` has the same
 * figures for meetings joining one after another. Pass a puppeteer `browser` to reuse one (it stays
 * open; the measurement runs in a browser context of its own).
 */
export async function benchJoin({ browser, meetings = 200, history = 1000, timeoutMs = 5 * 60_000 } = {}) {
  const server = await serve(await bundlePage());
  let own;
  if (!browser) {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('Chromium was not found; set CHROME_PATH.');
    own = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...chromiumArgs.filter((arg) => !arg.startsWith('--headless')), '--disable-background-timer-throttling', '--disable-renderer-backgrounding'],
      protocolTimeout: timeoutMs,
    });
  }
  const context = await (browser ?? own).createBrowserContext();
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset.ready === 'true', { timeout: 10_000 });
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    const cpuSeconds = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const value = (name) => metrics.find((metric) => metric.name === name)?.value ?? NaN;
      return { thread: value('ThreadTime'), process: value('ProcessTime') };
    };
    const run = async (options) => {
      await page.evaluate((o) => window.prepareRoom(o), options);
      const before = await cpuSeconds();
      const ms = await page.evaluate((o) => window.joinRoom(o), options);
      const after = await cpuSeconds();
      const { withHistory, sameSession, historyLength } = await page.evaluate(() => window.checkAndLeave());
      return {
        figures: {
          ms,
          mainThreadCpuMs: (after.thread - before.thread) * 1000,
          rendererCpuMs: (after.process - before.process) * 1000,
          withHistory,
          sameSession,
        },
        historyLength,
      };
    };
    // A warm-up round, so the figures do not include compiling the meeting's code.
    await run({ meetings: 2, history: 10, together: true });
    const together = await run({ meetings, history, together: true });
    const oneByOne = await run({ meetings, history, together: false });
    if (problems.length) throw new Error(`the page failed: ${problems.join('; ')}`);
    return { meetings, history: together.historyLength, ...together.figures, oneByOne: oneByOne.figures };
  } finally {
    await context.close();
    await own?.close();
    server.close();
  }
}

const option = (name, fallback) => {
  const arg = process.argv.find((candidate) => candidate.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : fallback;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const meetings = option('meetings', 200);
  const history = option('history', 1000);
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const line = (title, figures) => {
    const correct = figures.withHistory === meetings && figures.sameSession;
    console.log(
      `  ${title}: ${seconds(figures.ms)} until the last has joined ` +
        `(CPU ${seconds(figures.mainThreadCpuMs)} on the page's main thread, ${seconds(figures.rendererCpuMs)} in its renderer); ` +
        (correct
          ? "each with the room's history and session"
          : `WRONG: ${figures.withHistory} with the room's history, ${figures.sameSession ? 'all' : 'not all'} with its session`),
    );
    return correct;
  };
  benchJoin({ meetings, history }).then(
    (result) => {
      console.log(`Join: ${meetings} local meetings joining one room that holds ${result.history.toLocaleString('en-US')} messages`);
      const correct = [line('all at once', result), line('one after another', result.oneByOne)];
      if (correct.includes(false)) process.exitCode = 1;
    },
    (error) => {
      console.error(`Join bench failed: ${error?.message ?? error}`);
      process.exitCode = 1;
    },
  );
}
