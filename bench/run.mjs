// `npm run bench`: how `<rtk-chat>` and the other elements behave with large histories, fast
// message streams and many mounts, in headless Chromium on a production build of the kit, plus the
// kit's size over the wire. Prints tables and writes every figure as JSON to a temporary folder.
// Not part of `npm test`: the figures depend on the machine. `--quick` runs smaller sizes,
// `--only=<section,…>` some sections, `--profile` adds where the main thread's time goes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { build, version as esbuildVersion } from 'esbuild';
import puppeteer from 'puppeteer-core';

import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import { productionBuild } from './production-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
/** `--only=mount,export` runs just those sections (size, engines, mount, stream, mount-remove, export). */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
/** `--reps=5`: how many times the engine comparison runs each engine, and the per-message figures each panel (medians are reported). */
const reps = Number(process.argv.find((arg) => arg.startsWith('--reps='))?.slice('--reps='.length)) || (quick ? 2 : 3);

const CONFIG = quick
  ? { counts: [1000, 10_000], arrivals: 120, isolated: 15, burst: { total: 2000, senders: 100, chunkSize: 100 }, mounts: 100, exportCount: 10_000 }
  : { counts: [1000, 10_000, 100_000], arrivals: 1400, isolated: 40, burst: { total: 10_000, senders: 500, chunkSize: 100 }, mounts: 1000, exportCount: 100_000 };
/** The whole run stops (and fails) past this. */
const TIME_LIMIT_MS = (10 + reps * 4) * 60_000;
/** One page step (a mount, a burst, an export) gives up past this. */
const STEP_TIMEOUT_MS = 60_000;
const TAGS = ['rtk-chat', 'rtk-chat-message', 'rtk-pinned-messages', 'rtk-chat-export-button'];

const KiB = 1024;
const results = { startedAt: new Date().toISOString(), quick, config: CONFIG, errors: [] };
let browser;

const limit = setTimeout(() => {
  console.error(`\nbench: stopped after ${TIME_LIMIT_MS / 60_000} minutes`);
  void browser?.close();
  process.exit(1);
}, TIME_LIMIT_MS);
limit.unref();

// ---------------------------------------------------------------------------------------------
// Printing

const fmt = (value, digits = 1) => {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  if (typeof value === 'boolean') return value ? 'yes' : 'NO';
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
};
const kib = (bytes) => (bytes === undefined ? undefined : bytes / KiB);
const signed = (value, digits = 1) => (typeof value === 'number' && value > 0 ? `+${fmt(value, digits)}` : fmt(value, digits));

function table(title, headers, rows) {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell : fmt(cell))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => String(row[i] ?? '').length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

function note(text) {
  console.log(`  ${text}`);
}

/** Runs a section; a failure is printed and recorded, and the next section still runs. */
async function section(name, run) {
  if (only && !only.includes(name)) return;
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    console.log(`\n${name}: FAILED — ${error?.message ?? error}`);
    results.errors.push({ section: name, error: String(error?.stack ?? error) });
  }
  (results.sectionSeconds ??= {})[name] = (Date.now() - started) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Building and serving


function packageOf(input) {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return input.startsWith('src/') ? 'kit (src/)' : input;
  const parts = input.slice(at + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** The bundle of `source`, a module's text resolved from the project root, as `label`. */
async function bundleSize(label, source) {
  const stdin = { contents: source, resolveDir: process.cwd(), sourcefile: 'size-entry.ts', loader: 'ts' };
  const result = await build({ ...productionBuild, stdin, write: false, metafile: true, outfile: 'size.js' });
  const code = result.outputFiles[0].contents;
  const byPackage = {};
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput;
    }
  }
  return { entry: label, minified: code.length, gzip: gzipSync(code, { level: 9 }).length, byPackage };
}

async function buildPage(dir) {
  await build({ ...productionBuild, entryPoints: ['bench/page.ts'], outfile: join(dir, 'page.js') });
  const code = readFileSync(join(dir, 'page.js'), 'utf8');
  if (code.includes('Lit is in dev mode')) throw new Error('the bench bundle has Lit in dev mode');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>rtk-chat-kit bench</title>
    <style>
      body { margin: 0; font-family: system-ui, sans-serif; }
      #stage { width: 420px; height: 720px; }
    </style>
    <script type="module" src="./page.js"></script>
  </head>
  <body>
    <main id="stage"></main>
  </body>
</html>
`,
  );
}

function serve(dir) {
  const types = { '/': 'text/html', '/index.html': 'text/html', '/page.js': 'text/javascript', '/favicon.ico': 'image/x-icon' };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const type = types[path];
    if (!type) {
      response.writeHead(404).end();
      return;
    }
    const body = path === '/favicon.ico' ? '' : readFileSync(join(dir, path === '/' ? 'index.html' : path.slice(1)));
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------------------------------------
// Browser helpers

let pageUrl;
const pageMessages = [];

/** A page in a browser context of its own, so no renderer (and no heap) carries over from another section. */
async function openPage() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn' || message.type() === 'warning') pageMessages.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageMessages.push(`pageerror: ${error.message}`));
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body.dataset.ready === 'true', { timeout: 10_000 });
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const call = (name, ...args) => page.evaluate((name, args) => window.bench[name](...args), name, args);
  return { page, cdp, call, close: () => context.close() };
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

/** Heap after full GCs: V8's JS heap, Blink's (the DOM, in the embedder heap), live nodes and listeners. */
async function heap(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const m = await metrics(cdp);
  return { js: usage.usedSize, embedder: usage.embedderHeapUsedSize, nodes: m.Nodes, jsEventListeners: m.JSEventListeners };
}

/** What the main thread spent, in ms, between two `metrics()` snapshots. */
function work(before, after) {
  const ms = (name) => (after[name] - before[name]) * 1000;
  return { task: ms('TaskDuration'), script: ms('ScriptDuration'), layout: ms('LayoutDuration'), style: ms('RecalcStyleDuration') };
}

/** Live instances of a kit element's class (after a GC), through `Runtime.queryObjects`. */
async function liveInstances(cdp, tag) {
  const { result } = await cdp.send('Runtime.evaluate', { expression: `customElements.get(${JSON.stringify(tag)}).prototype` });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId });
  const { result: length } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  return length.value;
}

/** Listeners on `document` and `window`, by the DevTools protocol. */
async function globalListeners(cdp) {
  const count = async (expression) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    return listeners.length;
  };
  return { document: await count('document'), window: await count('window') };
}

/** Detached DOM trees still alive, if this Chromium has `DOM.getDetachedDomNodes`. */
async function detachedNodes(cdp) {
  try {
    await cdp.send('DOM.enable');
    await cdp.send('DOM.getDocument', { depth: 0 });
    const { detachedNodes: trees } = await cdp.send('DOM.getDetachedDomNodes');
    await cdp.send('DOM.disable');
    return { trees: trees.length, retainedNodes: trees.reduce((sum, tree) => sum + tree.retainedNodeIds.length, 0) };
  } catch (error) {
    return { unavailable: String(error?.message ?? error) };
  }
}

/** The longest task of the renderer's main thread in a trace, in ms, and what took time inside it. */
function longestMainThreadTask(traceBuffer) {
  const { traceEvents } = JSON.parse(Buffer.from(traceBuffer).toString('utf8'));
  const mainThreads = new Set(
    traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const perThread = new Map();
  for (const e of traceEvents) {
    if (e.ph !== 'X' || e.name !== 'RunTask') continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key)) continue;
    const entry = perThread.get(key) ?? { key, total: 0, max: 0, tasks: 0, over50: 0, longest: undefined };
    const ms = (e.dur ?? 0) / 1000;
    entry.total += ms;
    entry.tasks += 1;
    if (ms > entry.max) {
      entry.max = ms;
      entry.longest = e;
    }
    if (ms > 50) entry.over50 += 1;
    perThread.set(key, entry);
  }
  // The page's renderer is the busy one.
  const busiest = [...perThread.values()].sort((a, b) => b.total - a.total)[0];
  if (!busiest) return { total: 0, max: 0, tasks: 0, over50: 0, inside: {} };
  const { longest, key, ...figures } = busiest;
  // Time inside the longest task by event name (nested events overlap; GC is summed on its own).
  const inside = {};
  let gc = 0;
  for (const e of traceEvents) {
    if (e.ph !== 'X' || `${e.pid}:${e.tid}` !== key || e === longest || e.ts < longest.ts || e.ts + (e.dur ?? 0) > longest.ts + longest.dur) continue;
    const ms = (e.dur ?? 0) / 1000;
    if (/GC|Scavenge|MarkCompact/i.test(e.name) && !/^V8\.GC_/.test(e.name)) gc += ms;
    if (ms >= 1) inside[e.name] = (inside[e.name] ?? 0) + ms;
  }
  return { ...figures, gcInLongest: gc, inside };
}

// ---------------------------------------------------------------------------------------------
// Sections

function git(args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function machine() {
  const cpuInfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuInfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const info = {
    cpu: model,
    cores: cpus().length,
    memoryGiB: totalmem() / KiB ** 3,
    chromium: await browser.version(),
    node: process.version,
    puppeteer: JSON.parse(readFileSync(join(root, 'node_modules/puppeteer-core/package.json'), 'utf8')).version,
    esbuild: esbuildVersion,
    commit: git(['rev-parse', '--short', 'HEAD']),
    changedFiles: git(['status', '--porcelain', '--', 'src']).split('\n').filter(Boolean).length,
  };
  results.machine = info;
  table('Machine', ['machine', ''], [
    ['CPU', info.cpu],
    ['Cores', String(info.cores)],
    ['Memory', `${fmt(info.memoryGiB)} GiB`],
    ['Chromium', info.chromium],
    ['Node', info.node],
    ['puppeteer-core / esbuild', `${info.puppeteer} / ${info.esbuild}`],
    ['Kit', `${info.commit}, ${info.changedFiles} uncommitted change(s) under src/`],
  ]);
}

async function sizes() {
  // What an app that registers the elements ships (unused exports fall away), and every export.
  const entries = [
    await bundleSize('the elements, registered', "import './src/index.ts';"),
    await bundleSize('every export of the root entry', "export * from './src/index.ts';"),
  ];
  results.sizes = entries;
  table(
    'Bundle size (esbuild, minified, Lit production build, every dependency inlined, gzip level 9)',
    ['bundle', 'minified B', 'gzip B', 'gzip KiB'],
    entries.map((e) => [e.entry, e.minified, e.gzip, fmt(kib(e.gzip), 2)]),
  );
  const [main] = entries;
  table(
    `What ${main.entry} is made of (minified bytes before gzip)`,
    ['package', 'bytes', 'share'],
    Object.entries(main.byPackage)
      .filter(([, bytes]) => bytes > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([name, bytes]) => [name, bytes, `${fmt((100 * bytes) / main.minified)} %`]),
  );
  note('"Every export" adds the chat-dump parser and the local meeting, which apps bundle only when they use them.');
  note('Legal comments kept at the end, as esbuild does by default when bundling.');
  const vite = await viteSize("import 'rtk-chat-kit' (the elements, registered)", `import ${JSON.stringify(join(root, 'src/index.ts'))};`);
  results.viteSize = vite;
  table("The same with Vite (an app's production build: vite build, its default minifier); loaded at once, and lazily when used", ['bundle', 'chunks at once', 'minified B', 'gzip B', 'gzip KiB', 'lazy chunks', 'lazy gzip KiB'], [
    [vite.entry, vite.initialChunks, vite.minified, vite.gzip, fmt(kib(vite.gzip), 2), vite.lazyChunks, fmt(kib(vite.lazyGzip), 2)],
  ]);
}

/** What an app's `vite build` ships for `source` (every dependency bundled, Lit's production build). */
async function viteSize(label, source) {
  const { build: viteBuild } = await import('vite');
  const dir = mkdtempSync(join(tmpdir(), 'rtk-vite-size-'));
  try {
    writeFileSync(join(dir, 'entry.js'), source);
    const output = await viteBuild({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      mode: 'production',
      build: { write: false, target: 'es2022', modulePreload: false, rollupOptions: { input: join(dir, 'entry.js') } },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((o) => o.type === 'chunk');
    // What loads at once: the entry and what it imports statically; the rest loads when used.
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
    const initial = new Set();
    const visit = (chunk) => {
      if (!chunk || initial.has(chunk)) return;
      initial.add(chunk);
      for (const name of chunk.imports) visit(byName.get(name));
    };
    for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
    const code = [...initial].map((chunk) => chunk.code).join('');
    const lazy = chunks.filter((chunk) => !initial.has(chunk)).map((chunk) => chunk.code).join('');
    return {
      entry: label,
      initialChunks: initial.size,
      minified: Buffer.byteLength(code),
      gzip: gzipSync(code, { level: 9 }).length,
      lazyChunks: chunks.length - initial.size,
      lazyGzip: lazy ? gzipSync(lazy, { level: 9 }).length : 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The list engines, side by side (bench/engines/): the same meeting, item template and steps.

const ENGINES = [
  {
    tag: 'bench-virtualizer-list',
    name: '(a) virtualizer',
    title: '@lit-labs/virtualizer, tuned (flow layout, 300 px overhang, pin + settle loop)',
    size: "export { virtualize } from '@lit-labs/virtualizer/virtualize.js'; export { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';",
  },
  {
    tag: 'bench-tanstack-list',
    name: '(b) tanstack',
    title: "@tanstack/lit-virtual (virtual-core: anchorTo 'end', followOnAppend, measured items)",
    size: "export { VirtualizerController } from '@tanstack/lit-virtual'; export { repeat } from 'lit/directives/repeat.js'; export { styleMap } from 'lit/directives/style-map.js';",
  },
  {
    tag: 'bench-window-list',
    name: '(c) window',
    title: 'windowed list (src/chat/list-*): normal flow laid out and anchored by the browser, a paged window, the bottom kept while following',
    size: "export { ListFollowController } from './src/chat/list-follow-controller.ts'; export { repeat } from 'lit/directives/repeat.js';",
  },
];

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One run of one engine: three pages (10,000 messages; 100,000; 1,000 for the older page). */
async function engineRun(engine, arrivalsCount, isolatedCount) {
  const run = {};
  {
    const { cdp, call, close } = await openPage();
    try {
      await call('prepare', 10_000);
      await call('warmUp');
      run.open = await call('mountChat', STEP_TIMEOUT_MS, engine.tag);
      await call('settle');
      const before = await metrics(cdp);
      run.arrivals = await call('arrivals', arrivalsCount, STEP_TIMEOUT_MS);
      run.arrivalWork = work(before, await metrics(cdp));
      run.follows = await call('newestInView');
      run.isolated = await call('arrivals', isolatedCount, STEP_TIMEOUT_MS, 12);
      run.hold = await call('holdJump', 5000, 30);
      await call('toNewest');
      const { total, senders, chunkSize } = CONFIG.burst;
      await call('addParticipants', senders);
      const burstBefore = await metrics(cdp);
      run.burst = await call('burst', total, senders, chunkSize, 10_000);
      run.burstWork = work(burstBefore, await metrics(cdp));
      run.dom = await call('countDom');
    } finally {
      await close();
    }
  }
  {
    const { cdp, call, close } = await openPage();
    try {
      await call('prepare', 100_000);
      await call('warmUp');
      const before = await heap(cdp);
      run.open100k = await call('mountChat', STEP_TIMEOUT_MS, engine.tag);
      await call('settle');
      const after = await heap(cdp);
      run.heap100k = { js: after.js - before.js, embedder: after.embedder - before.embedder, nodes: after.nodes - before.nodes };
      run.jumps = await call('jumpAnywhere', 10);
    } finally {
      await close();
    }
  }
  {
    const { call, close } = await openPage();
    try {
      await call('prepare', 1000);
      await call('warmUp');
      await call('mountChat', STEP_TIMEOUT_MS, engine.tag);
      await call('settle');
      run.older = await call('olderPage', 50);
    } finally {
      await close();
    }
  }
  return run;
}

async function engines() {
  const arrivalsCount = quick ? 120 : 600;
  const isolatedCount = quick ? 15 : 30;
  const baseline = await bundleSize('lit', "export { LitElement, html, css } from 'lit';");
  const runs = new Map(ENGINES.map((engine) => [engine.tag, []]));
  const sizes = new Map();
  for (const engine of ENGINES) {
    const size = await bundleSize(engine.name, `export { LitElement, html, css } from 'lit'; ${engine.size}`);
    sizes.set(engine.tag, { minified: size.minified - baseline.minified, gzip: size.gzip - baseline.gzip });
  }
  // Engines take turns within each repetition, so a busy moment of the shared machine hits all alike.
  for (let rep = 0; rep < reps; rep++) {
    for (const engine of ENGINES) {
      process.stdout.write(`\r  engines: run ${rep + 1}/${reps}, ${engine.name}…            `);
      runs.get(engine.tag).push(await engineRun(engine, arrivalsCount, isolatedCount));
    }
  }
  process.stdout.write('\r' + ' '.repeat(60) + '\r');
  results.engines = ENGINES.map((engine) => ({ ...engine, size: sizes.get(engine.tag), runs: runs.get(engine.tag) }));

  const column = (pick, digits = 1) => ENGINES.map((engine) => fmt(median(runs.get(engine.tag).map(pick)), digits));
  const both = (a, b, digits = 1) => ENGINES.map((engine) => `${fmt(median(runs.get(engine.tag).map(a)), digits)} / ${fmt(median(runs.get(engine.tag).map(b)), digits)}`);
  const all = (pick) => ENGINES.map((engine) => {
    const values = runs.get(engine.tag).map(pick);
    return `${values.filter(Boolean).length}/${values.length}`;
  });
  const { total, senders } = CONFIG.burst;
  table(
    `List engines side by side: medians of ${reps} runs each (engines interleaved), the same item template, headless Chromium`,
    ['figure', ...ENGINES.map((e) => e.name)],
    [
      ['open at 10,000: frame with the newest in view (ms)', ...column((r) => r.open.inViewFrameMs)],
      [`${arrivalsCount} arrivals at 10,000, one a frame: to DOM p50 / p95 (ms)`, ...both((r) => r.arrivals.toDom.median, (r) => r.arrivals.toDom.p95)],
      ['  … to the next frame p50 / p95 (ms)', ...both((r) => r.arrivals.toFrame.median, (r) => r.arrivals.toFrame.p95)],
      [`  … never in the DOM (of ${arrivalsCount})`, ...column((r) => r.arrivals.missing, 0)],
      ['  … main thread per message: task / style+layout (ms)', ...both((r) => r.arrivalWork.task / arrivalsCount, (r) => (r.arrivalWork.style + r.arrivalWork.layout) / arrivalsCount, 2)],
      [`isolated message (${isolatedCount}, 12 frames apart): to DOM p95 / next frame p95 (ms)`, ...both((r) => r.isolated.toDom.p95, (r) => r.isolated.toFrame.p95)],
      [`burst of ${fmt(total)} from ${senders}: frame interval p95 / max (ms)`, ...both((r) => r.burst.frameInterval.p95, (r) => r.burst.frameInterval.max)],
      ['  … long tasks (>50 ms): count / max ms', ...both((r) => r.burst.longTasks.count, (r) => r.burst.longTasks.max, 0)],
      ['  … main thread per message: task (ms)', ...column((r) => r.burstWork.task / total, 3)],
      ['  … list complete, each once, in order', ...all((r) => r.burst.listedAfter === r.burst.expected && r.burst.uniqueIds && r.burst.burstInOrder && r.burst.endsWithLast)],
      ['  … the last one shown (within 10 s)', ...all((r) => r.burst.lastShown)],
      ['  … nodes in the list element after', ...column((r) => r.dom.chat.nodes, 0)],
      ['open at 100,000: frame with the newest in view (ms)', ...column((r) => r.open100k.inViewFrameMs)],
      ['JS heap added by mounting at 100,000 (MiB)', ...column((r) => r.heap100k.js / KiB / KiB, 2)],
      ['  … Blink (DOM) heap added (MiB)', ...column((r) => r.heap100k.embedder / KiB / KiB, 2)],
      ['engine code, min+gzip over Lit alone (KiB)', ...ENGINES.map((e) => fmt(kib(sizes.get(e.tag).gzip), 2))],
      ['follows the newest message (runs)', ...all((r) => r.follows)],
      ['holds a jump while 30 arrive (runs)', ...all((r) => r.hold.held)],
      ['keeps the reading position when an older page of 50 loads (runs)', ...all((r) => r.older.kept)],
      ['  … moved by (px, median)', ...column((r) => r.older.movedPx, 0)],
      ['jump to any of 100,000: in view (of 10 spread, median)', ...column((r) => r.jumps.reached, 0)],
    ],
  );
  for (const engine of ENGINES) note(`${engine.name}: ${engine.title}`);
  note('Each engine renders what <rtk-chat> renders per message (a date separator and an <rtk-chat-message>), from the same local meeting.');
  note('"never in the DOM": not seen by a MutationObserver within 30 frames of the last arrival. "engine code": gzip of Lit + the engine, minus Lit alone.');
}

async function mounting() {
  const rows = [];
  results.mount = [];
  for (const count of CONFIG.counts) {
    const { cdp, call, close } = await openPage();
    try {
      const prepared = await call('prepare', count);
      await call('warmUp');
      const before = await heap(cdp);
      const mounted = await call('mountChat', STEP_TIMEOUT_MS);
      await call('settle');
      const dom = await call('countDom');
      const after = await heap(cdp);
      await call('removeChat');
      const removed = await heap(cdp);
      // Two more rounds: what a first mount leaves behind once (caches) is not a leak; growth per round would be.
      const rounds = [mounted];
      for (let round = 0; round < 2; round++) {
        rounds.push(await call('mountChat', STEP_TIMEOUT_MS));
        await call('settle', 10);
        await call('removeChat');
      }
      const thirdRemoved = await heap(cdp);
      const listeners = await call('listenerCounts');
      const median = (key) => rounds.map((r) => r[key]).sort((a, b) => a - b)[1];
      const typical = { inDomMs: median('inDomMs'), firstFrameMs: median('firstFrameMs'), inViewFrameMs: median('inViewFrameMs') };
      const row = { count, prepared, mounted, rounds, typical, dom, heap: { before, after, removed, thirdRemoved }, listenersAfterRemove: listeners };
      results.mount.push(row);
      rows.push(row);
    } finally {
      await close();
    }
  }
  table(
    '<rtk-chat>: mounting with N messages in chat.messages',
    ['messages', 'listed', 'to DOM ms', 'first frame ms', 'in view then', 'frame in view ms', 'DOM nodes (page)', 'nodes in chat', 'elements in chat', 'rtk-chat-message'],
    rows.map((r) => [
      r.count,
      r.dom.listedMessages,
      `${fmt(r.mounted.inDomMs)} (${fmt(r.typical.inDomMs)})`,
      `${fmt(r.mounted.firstFrameMs)} (${fmt(r.typical.firstFrameMs)})`,
      r.rounds.some((round) => round.visibleAtOnce) ? `${r.rounds.filter((round) => round.visibleAtOnce).length}/3` : 'NO',
      `${fmt(r.mounted.inViewFrameMs)} (${fmt(r.typical.inViewFrameMs)})`,
      r.dom.document.nodes,
      r.dom.chat.nodes,
      r.dom.chat.elements,
      r.dom.renderedMessages,
    ]),
  );
  table(
    '<rtk-chat>: heap added by mounting, and left after removing it (after full GCs; all vs before the first mount)',
    ['messages', 'mounted: JS KiB', 'Blink KiB', 'live nodes', 'removed: JS KiB', 'Blink KiB', 'live nodes', '3rd removal: JS KiB', 'Blink KiB', 'live nodes', 'listeners left'],
    rows.map((r) => {
      const { before, after, removed, thirdRemoved } = r.heap;
      const delta = (state) => [signed(kib(state.js - before.js)), signed(kib(state.embedder - before.embedder)), signed(state.nodes - before.nodes, 0)];
      return [r.count, ...delta(after), ...delta(removed), ...delta(thirdRemoved), String(r.listenersAfterRemove.chatUpdate - 1)];
    }),
  );
  const filled = rows.filter((r) => r.prepared.filled);
  note(
    `The local meeting lists only the newest ${rows[0]?.prepared.listedOnJoin ?? 1000} messages on join (seed ${rows.at(-1)?.count ?? ''} → ${rows.at(-1)?.prepared.listedOnJoin ?? ''}); ` +
      `for ${filled.map((r) => fmt(r.count)).join(' and ')} the whole seeded history was read back with one fetchPublicMessages({ direction: 'before', limit: N }) and set as chat.messages before mounting.`,
  );
  note('Times: first mount (median of 3 mounts). "to DOM": the newest message\'s <rtk-chat-message> found by rAF polling; "first frame": one');
  note('more rAF; "in view then": whether it was inside the list\'s visible box at that point; "frame in view": the frame after the first rAF');
  note('that finds it in view. Node counts walk every shadow root, after the first mount has settled (30 frames).');
  note('"Blink" is the embedder (DOM) heap of Runtime.getHeapUsage; "listeners left": chatUpdate listeners on the meeting besides the bench\'s own.');
}

async function streaming() {
  const count = 10_000;
  const { cdp, call, close } = await openPage();
  // What the per-message table needs from this page, printed once the other pages have run.
  let perMessage, netPerMessage, scrollWork, idleWork, quietFrames;
  try {
    await call('prepare', count);
    await call('warmUp');
    await call('mountChat', STEP_TIMEOUT_MS);
    await call('settle');

    const idleBefore = await metrics(cdp);
    // As many frames without an arrival, idle and then only scrolling, for what a frame costs anyway.
    quietFrames = Math.min(CONFIG.arrivals, 300);
    const idle = await call('idleFrames', quietFrames);
    idleWork = work(idleBefore, await metrics(cdp));

    const scrollBefore = await metrics(cdp);
    const scrolled = await call('scrollFrames', quietFrames);
    scrollWork = work(scrollBefore, await metrics(cdp));
    await call('toNewest');

    const arrivalsBefore = await metrics(cdp);
    const arrivals = await call('arrivals', CONFIG.arrivals, STEP_TIMEOUT_MS);
    const arrivalWork = work(arrivalsBefore, await metrics(cdp));
    perMessage = (name) => arrivalWork[name] / CONFIG.arrivals;
    netPerMessage = (name) => (arrivalWork[name] - (idleWork[name] * arrivals.ms) / idle.ms) / CONFIG.arrivals;
    results.arrivals = { messagesBefore: count, ...arrivals, work: arrivalWork, idle: { ...idle, work: idleWork }, scrollOnly: { ...scrolled, frames: quietFrames, work: scrollWork } };

    table(
      `<rtk-chat> with ${fmt(count)} messages: ${CONFIG.arrivals} messages arriving one per frame (meeting.receive in successive rAFs)`,
      ['latency from chatUpdate', 'median ms', 'p95 ms', 'max ms', 'messages'],
      [
        ['to <rtk-chat-message> in DOM', arrivals.toDom.median, arrivals.toDom.p95, arrivals.toDom.max, arrivals.toDom.count],
        ['to the next frame', arrivals.toFrame.median, arrivals.toFrame.p95, arrivals.toFrame.max, arrivals.toFrame.count],
      ],
    );
    note(`Never in the DOM: ${arrivals.missing} of ${CONFIG.arrivals} (not seen by a MutationObserver within 30 frames of the last arrival).`);
    const isolated = await call('arrivals', CONFIG.isolated, STEP_TIMEOUT_MS, 12);
    results.isolated = isolated;
    table(
      `<rtk-chat> with ${fmt(count)} messages: ${CONFIG.isolated} isolated messages, 12 frames apart`,
      ['latency from chatUpdate', 'median ms', 'p95 ms', 'max ms', 'messages'],
      [
        ['to <rtk-chat-message> in DOM', isolated.toDom.median, isolated.toDom.p95, isolated.toDom.max, isolated.toDom.count],
        ['to the next frame', isolated.toFrame.median, isolated.toFrame.p95, isolated.toFrame.max, isolated.toFrame.count],
      ],
    );
    const { total, senders, chunkSize } = CONFIG.burst;
    const people = await call('addParticipants', senders);
    const burstBefore = await metrics(cdp);
    const burst = await call('burst', total, senders, chunkSize, STEP_TIMEOUT_MS);
    const burstWork = work(burstBefore, await metrics(cdp));
    const dom = await call('countDom');
    results.burst = { participants: people.joined, ...burst, work: burstWork, dom };
    table(
      `<rtk-chat>: a burst of ${fmt(total)} messages from ${senders} participants, ${chunkSize} per task back to back`,
      ['', 'value'],
      [
        ['all sent after (ms)', fmt(burst.sendMs)],
        ['last one shown after (ms)', fmt(burst.untilShownMs)],
        ['frames during the burst', fmt(burst.frames)],
        ['frame interval median (ms)', fmt(burst.frameInterval.median)],
        ['frame interval p95 (ms)', fmt(burst.frameInterval.p95)],
        ['frame interval max (ms)', fmt(burst.frameInterval.max)],
        ['long tasks (>50 ms): count / total ms / max ms', `${burst.longTasks.count} / ${fmt(burst.longTasks.totalMs)} / ${fmt(burst.longTasks.max)}`],
        ['main thread per message (task / script ms)', `${fmt(burstWork.task / total, 3)} / ${fmt(burstWork.script / total, 3)}`],
        ['listed before → after (expected)', `${fmt(burst.listedBefore)} → ${fmt(burst.listedAfter)} (${fmt(burst.expected)})`],
        ['chat.messages after', fmt(burst.chatMessages)],
        ['every id once', fmt(burst.uniqueIds)],
        ['burst messages listed, in order', `${fmt(burst.burstListed)}, ${fmt(burst.burstInOrder)}`],
        ['list ends with the last one, shown', `${fmt(burst.endsWithLast)}, ${fmt(burst.lastShown)}`],
        ['<rtk-chat-message> in DOM after / nodes in chat', `${fmt(dom.renderedMessages)} / ${fmt(dom.chat.nodes)}`],
        ['<option>s in chat (participant pickers)', fmt(dom.options)],
      ],
    );
  } finally {
    await close();
  }

  // The other pages only now: one opened or closed beside the burst cost it frames.
  const samples = await perMessageSamples(count, perMessage('task'));
  results.arrivals.samples = samples;
  table(
    'Main-thread work per arriving message (CDP Performance.getMetrics deltas ÷ messages; "net" subtracts an idle run of as many frames)',
    ['', 'task ms', 'script ms', 'layout ms', 'style ms'],
    [
      ['per message', perMessage('task'), perMessage('script'), perMessage('layout'), perMessage('style')].map((v) => (typeof v === 'number' ? fmt(v, 2) : v)),
      ['per message, net of idle', netPerMessage('task'), netPerMessage('script'), netPerMessage('layout'), netPerMessage('style')].map((v) =>
        typeof v === 'number' ? fmt(v, 2) : v,
      ),
      [`per message, median of ${reps} pages (range)`, spread(samples.full), '', '', ''],
      [`the same panel, each message showing only its text, median of ${reps} pages (range)`, spread(samples.textOnly), '', '', ''],
      ['a frame that only scrolls one message, none arriving', ...['task', 'script', 'layout', 'style'].map((name) => fmt(scrollWork[name] / quietFrames, 2))],
      ['an idle frame', ...['task', 'script', 'layout', 'style'].map((name) => fmt(idleWork[name] / quietFrames, 2))],
    ],
  );
  note(`"Median of ${reps} pages": this page and fresh ones, each panel in turn, task ms only. "Only its text": bench/text-only-chat.ts (never in the DOM: ${samples.textOnlyMissing}); the rest is what showing a message costs.`);
}

/**
 * Main-thread task ms per arriving message in `reps` pages of each panel, taken in turn so that the
 * machine's drift falls on both: `<rtk-chat>` (`first` is the figure of the page above) and the
 * panel whose messages render only their text (`bench/text-only-chat.ts`), what an arrival costs
 * before the message shows anything.
 */
async function perMessageSamples(count, first) {
  const samples = { full: [first], textOnly: [], textOnlyMissing: 0 };
  for (let rep = 0; rep < reps; rep++) {
    const text = await arrivalsInFreshPage(count, 'bench-text-chat');
    samples.textOnly.push(text.task);
    samples.textOnlyMissing += text.missing;
    if (rep > 0) samples.full.push((await arrivalsInFreshPage(count, 'rtk-chat')).task);
  }
  return samples;
}

/** The arrivals of the stream section in a page of their own, into `tag`: task ms per message. */
async function arrivalsInFreshPage(count, tag) {
  const { cdp, call, close } = await openPage();
  try {
    await call('prepare', count);
    await call('warmUp');
    await call('mountChat', STEP_TIMEOUT_MS, tag);
    await call('settle');
    const before = await metrics(cdp);
    const arrivals = await call('arrivals', CONFIG.arrivals, STEP_TIMEOUT_MS);
    return { missing: arrivals.missing, task: work(before, await metrics(cdp)).task / CONFIG.arrivals };
  } finally {
    await close();
  }
}

/** The median of a few figures and their range, as "median (min–max)". */
function spread(values) {
  return `${fmt(median(values), 2)} (${fmt(Math.min(...values), 2)}–${fmt(Math.max(...values), 2)})`;
}

async function mountRemove() {
  const { cdp, call, close } = await openPage();
  const rows = [];
  results.mountRemove = [];
  try {
    const prepared = await call('prepare', 1000);
    await call('warmUp');
    for (const tag of TAGS) {
      await call('mountRemove', tag, 5);
      const listenersBefore = await call('listenerCounts');
      const globalBefore = await globalListeners(cdp);
      const detachedBefore = await detachedNodes(cdp);
      const before = await heap(cdp);
      const loop = await call('mountRemove', tag, CONFIG.mounts);
      const after = await heap(cdp);
      const listenersAfter = await call('listenerCounts');
      const globalAfter = await globalListeners(cdp);
      const live = await liveInstances(cdp, tag);
      const detached = await detachedNodes(cdp);
      const row = { tag, loop, listenersBefore, listenersAfter, globalBefore, globalAfter, before, after, live, detachedBefore, detached };
      results.mountRemove.push(row);
      rows.push(row);
    }
    results.mountRemoveMeeting = prepared;
  } finally {
    await close();
  }
  const pair = (a, b) => `${a} → ${b}`;
  table(
    `Mount + remove ${fmt(CONFIG.mounts)} times against one meeting (1,000 messages); heap after full GC`,
    ['element', 'ms / mount', 'chatUpdate', 'other meeting listeners', 'document / window listeners', 'JS heap KiB', 'Blink KiB', 'live nodes', 'live instances', 'detached trees'],
    rows.map((r) => {
      const others = (l) => l.pinMessage + l.unpinMessage + l.roomJoined + l.participantJoined + l.participantLeft;
      return [
        r.tag,
        fmt(r.loop.perMountMs, 2),
        pair(r.listenersBefore.chatUpdate, r.listenersAfter.chatUpdate),
        pair(others(r.listenersBefore), others(r.listenersAfter)),
        `${pair(r.globalBefore.document, r.globalAfter.document)} / ${pair(r.globalBefore.window, r.globalAfter.window)}`,
        signed(kib(r.after.js - r.before.js)),
        signed(kib(r.after.embedder - r.before.embedder)),
        signed(r.after.nodes - r.before.nodes, 0),
        String(r.live),
        'unavailable' in r.detached ? 'n/a' : `${r.detachedBefore.trees} → ${r.detached.trees}`,
      ];
    }),
  );
  note('chatUpdate counts include the bench\'s own listener (1). "live instances": objects with the element\'s prototype (Runtime.queryObjects, after GC).');
  note('"detached trees": DOM.getDetachedDomNodes before → after the loop (Lit\'s cached <template>s are detached by nature).');
  const unavailable = rows.find((r) => 'unavailable' in r.detached);
  if (unavailable) note(`DOM.getDetachedDomNodes is not available here: ${unavailable.detached.unavailable}`);
  const warnings = rows.at(-1)?.loop.warnings ?? [];
  if (warnings.length) note(`The meeting warned: ${[...new Set(warnings)].join('; ')}`);
}

async function exporting() {
  const { page, cdp, call, close } = await openPage();
  try {
    await call('prepare', CONFIG.exportCount);
    await heap(cdp);
    await page.tracing.start({ categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.gc', 'blink.user_timing'] });
    const exported = await call('exportCsv');
    const trace = await page.tracing.stop();
    const tasks = longestMainThreadTask(trace);
    results.export = { ...exported, trace: tasks };
    table(
      `toChatDumpBlob: ${fmt(exported.messages)} messages to CSV on the page's main thread`,
      ['', 'value'],
      [
        ['time (ms)', fmt(exported.ms)],
        ['size', `${fmt(exported.bytes)} B (${fmt(exported.bytes / KiB / KiB, 2)} MiB)`],
        ['longest main-thread task, from a trace (ms)', fmt(tasks.max)],
        ['main-thread tasks over 50 ms (trace)', fmt(tasks.over50)],
        ['GC inside the longest task (ms)', fmt(tasks.gcInLongest)],
        ['frame interval median / p95 / max (ms)', `${fmt(exported.frameInterval.median)} / ${fmt(exported.frameInterval.p95)} / ${fmt(exported.frameInterval.max)}`],
        ['frames painted while exporting', fmt(exported.framesDuring)],
      ],
    );
  } finally {
    await close();
  }
}

/** The issue's targets (issue 17), each against the figure this run measured for `<rtk-chat>`. */
function targets() {
  const rows = [];
  const add = (figure, value, target, met, digits = 1) => rows.push([figure, typeof value === 'number' ? fmt(value, digits) : value ?? '–', target, met === undefined ? '–' : met ? 'yes' : 'NO']);
  const a = results.arrivals;
  if (a) {
    add(`arrivals at 10,000, one a frame: to DOM p50 / p95 (ms)`, `${fmt(a.toDom.median)} / ${fmt(a.toDom.p95)}`, 'p95 ≤ 34', a.toDom.p95 <= 34);
    add(`  … never in the DOM (of ${fmt(a.sent)})`, a.missing, '0', a.missing === 0, 0);
    add('  … main thread per message: task / style+layout (ms)', `${fmt(a.work.task / a.sent, 2)} / ${fmt((a.work.style + a.work.layout) / a.sent, 2)}`, 'task ≤ 2', a.work.task / a.sent <= 2);
    if (a.samples) {
      add(`  … task, median of ${a.samples.full.length} pages (range)`, spread(a.samples.full), 'task ≤ 2', median(a.samples.full) <= 2);
      add(`  … the same, each message showing only its text`, spread(a.samples.textOnly), '', undefined);
    }
  }
  const i = results.isolated;
  if (i) add('isolated message: to DOM p95 (ms)', i.toDom.p95, '≤ 17', i.toDom.p95 <= 17);
  const b = results.burst;
  if (b) {
    add(`burst of ${fmt(b.total)} from ${b.senders}: longest frame (ms)`, b.frameInterval.max, '< 50', b.frameInterval.max < 50);
    const complete = b.listedAfter === b.expected && b.uniqueIds && b.burstInOrder && b.endsWithLast;
    add('  … the list complete, each once, in order', complete ? 'yes' : 'NO', 'yes', complete);
  }
  const size = results.viteSize ?? results.sizes?.[0];
  if (size) add(`import 'rtk-chat-kit', min+gzip, ${results.viteSize ? 'Vite' : 'esbuild'} (KiB)`, kib(size.gzip), '≤ 25', kib(size.gzip) <= 25, 2);
  const largest = results.mount?.at(-1);
  if (largest) {
    const added = (largest.heap.after.js - largest.heap.before.js) / KiB / KiB;
    add(`JS heap added by mounting at ${fmt(largest.count)} (MiB)`, added, '≤ 1', added <= 1, 2);
  }
  if (!rows.length) return;
  results.targets = rows;
  table("The issue's targets for <rtk-chat> (this run; times vary with the machine's load)", ['figure', 'measured', 'target', 'met'], rows);
}

/** Self time by function in a CPU profile (minified, but method names survive), top `n`. */
function selfTimes(profile, n) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
    const where = url ? `${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    all += ms;
    totals.set(name, (totals.get(name) ?? 0) + ms);
  });
  return { all, top: [...totals].sort((a, b) => b[1] - a[1]).slice(0, n) };
}

/** Style recalcs and layouts on the busiest renderer main thread of a trace. */
function renderingPasses(traceBuffer) {
  const { traceEvents } = JSON.parse(Buffer.from(traceBuffer).toString('utf8'));
  const mainThreads = new Set(
    traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const perThread = new Map();
  for (const e of traceEvents) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mainThreads.has(key) || !['UpdateLayoutTree', 'Layout', 'RunTask', 'Paint'].includes(e.name)) continue;
    const entry = perThread.get(key) ?? {};
    const figure = (entry[e.name] ??= { count: 0, ms: 0 });
    figure.count += 1;
    figure.ms += (e.dur ?? 0) / 1000;
    perThread.set(key, entry);
  }
  return [...perThread.values()].sort((a, b) => (b.RunTask?.ms ?? 0) - (a.RunTask?.ms ?? 0))[0] ?? {};
}

/** `--profile`: CPU profiles and rendering passes of the arrivals and the burst, in a page of their own. */
async function profiling() {
  const arrivals = 120;
  const { total, senders, chunkSize } = CONFIG.burst;
  const { page, cdp, call, close } = await openPage();
  try {
    await call('prepare', 10_000);
    await call('warmUp');
    await call('mountChat', STEP_TIMEOUT_MS);
    await call('settle');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });

    // Traced and profiled apart: each slows the other's figures down.
    await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await call('arrivals', arrivals, STEP_TIMEOUT_MS);
    const passes = renderingPasses(await page.tracing.stop());
    await cdp.send('Profiler.start');
    await call('arrivals', arrivals, STEP_TIMEOUT_MS);
    const { profile: arrivalProfile } = await cdp.send('Profiler.stop');

    await call('addParticipants', senders);
    await cdp.send('Profiler.start');
    await call('burst', total, senders, chunkSize, STEP_TIMEOUT_MS);
    const { profile: burstProfile } = await cdp.send('Profiler.stop');

    const arrivalTimes = selfTimes(arrivalProfile, 12);
    const burstTimes = selfTimes(burstProfile, 12);
    results.profile = { arrivals, passes, arrivalTimes, burstTimes };
    const per = (figure) => (figure ? `${fmt(figure.count / arrivals)} × / ${fmt(figure.ms / arrivals, 2)} ms` : '–');
    table(
      `--profile: rendering passes per arriving message (trace of ${arrivals} arrivals at 10,000 messages; tracing slows things down)`,
      ['', 'per message'],
      [
        ['style recalcs (UpdateLayoutTree)', per(passes.UpdateLayoutTree)],
        ['layouts', per(passes.Layout)],
        ['paints', per(passes.Paint)],
        ['main-thread tasks', per(passes.RunTask)],
      ],
    );
    for (const [title, times, count] of [
      [`${arrivals} arrivals one per frame`, arrivalTimes, arrivals],
      [`the burst of ${fmt(total)}`, burstTimes, total],
    ]) {
      table(
        `--profile: self time by function during ${title} (CPU profile; a DOM getter's forced layout counts in its caller)`,
        ['function', 'ms', 'ms / message', 'share'],
        times.top.map(([name, ms]) => [name, fmt(ms), fmt(ms / count, 3), `${fmt((100 * ms) / times.all)} %`]),
      );
    }
  } finally {
    await close();
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium was not found; set CHROME_PATH.');
  const outDir = mkdtempSync(join(tmpdir(), 'rtk-bench-'));
  const siteDir = mkdtempSync(join(tmpdir(), 'rtk-bench-site-'));
  await buildPage(siteDir);
  const server = await serve(siteDir);
  pageUrl = `http://127.0.0.1:${server.address().port}/`;
  browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      ...chromiumArgs.filter((arg) => !arg.startsWith('--headless')),
      '--js-flags=--expose-gc',
      '--enable-precise-memory-info',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
    defaultViewport: { width: 1280, height: 900 },
    protocolTimeout: 5 * 60_000,
  });
  try {
    console.log(`rtk-chat-kit bench${quick ? ' (--quick)' : ''}`);
    await machine();
    await section('size', sizes);
    await section('engines', engines);
    await section('mount', mounting);
    await section('stream', streaming);
    await section('mount-remove', mountRemove);
    await section('export', exporting);
    if (process.argv.includes('--profile')) await section('profile', profiling);
  } finally {
    await browser.close();
    server.close();
    rmSync(siteDir, { recursive: true, force: true });
  }
  targets();
  results.pageMessages = [...new Set(pageMessages)].slice(0, 50);
  if (results.pageMessages.length) {
    console.log('\nThe page logged:');
    for (const message of results.pageMessages) note(message.slice(0, 300));
  }
  const file = join(outDir, 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  const seconds = Object.values(results.sectionSeconds ?? {}).reduce((a, b) => a + b, 0);
  console.log(`\nResults: ${file} (sections took ${fmt(seconds)} s)`);
  if (results.errors.length) {
    console.log(`${results.errors.length} section(s) failed.`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
  void browser?.close();
});
