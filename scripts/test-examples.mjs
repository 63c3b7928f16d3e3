// `npm run test:examples`: proves the kit in plain HTML, Vue, Angular, React and Next.js the way a
// user gets it. Builds and packs the kit (`npm pack`) into examples/rtk-chat-kit.tgz and checks
// what it holds; then, for each example, installs that tarball into a copy of it outside the
// project (so nothing resolves through the project's own node_modules), builds it with its
// framework's tools, serves the result (statically, or with `next start` for Next.js, whose page
// the server renders) and runs test/examples/chat-flow.mjs on it in headless Chromium. Apart from
// `npm test` because framework installs are slow. `node scripts/test-examples.mjs vue react` runs
// some examples only.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createServer } from 'node:net';

import puppeteer from 'puppeteer-core';
import { preview } from 'vite';

import { checkChatFlow } from '../test/examples/chat-flow.mjs';
import { chromiumArgs, ensureChromium } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * Each example, and the folder its build leaves for a static host (the html one needs no build),
 * or `serve` for an app that runs its own server.
 */
const EXAMPLES = { html: '.', vue: 'dist', react: 'dist', angular: 'dist/browser', next: serveNext };
/** What the examples' package.json files install (`file:../rtk-chat-kit.tgz`): the kit, packed. */
const TARBALL = join(root, 'examples', 'rtk-chat-kit.tgz');

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in EXAMPLES));
if (unknown.length) {
  console.error(`No such example: ${unknown.join(', ')}. There are: ${Object.keys(EXAMPLES).join(', ')}.`);
  process.exit(1);
}
const executablePath = ensureChromium();
if (!executablePath) {
  console.log('\nexamples: 0 passed, 1 failed');
  process.exit(1);
}

const totals = { passed: 0, failed: 0 };
/** The frameworks' CLIs ask nothing and report nothing home. */
const env = { ...process.env, NG_CLI_ANALYTICS: 'false', NEXT_TELEMETRY_DISABLED: '1' };
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

/** Runs a command, printing its output only when it fails; throws with its exit code. */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`\`${command} ${args.join(' ')}\` in ${cwd} exited with ${result.status ?? result.signal}`);
  }
  return result.stdout;
}

async function test(title, body) {
  console.log(`\n▶ ${title}`);
  const since = Date.now();
  try {
    await body((text) => console.log(`  ✓ ${text}`));
    totals.passed += 1;
    console.log(`  passed in ${seconds(since)}`);
  } catch (error) {
    totals.failed += 1;
    console.log(`  ✗ ${error.message}\n  failed after ${seconds(since)}`);
  }
}

// The package: packed as it would be published, and what it must and must not hold.
let packed = false;
await test('The package (npm pack)', async (step) => {
  const packDir = mkdtempSync(join(tmpdir(), 'rtk-pack-'));
  try {
    // Built here rather than by `prepack`, whose output would get mixed into the JSON report.
    run('npm', ['run', 'build'], root);
    const [report] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], root));
    renameSync(join(packDir, report.filename), TARBALL);
    packed = true;
    step(`packed ${report.filename}: ${report.entryCount} files, ${(report.size / 1024).toFixed(0)} KiB`);
    checkContents(report.files.map((file) => file.path));
    step('it holds every file its exports name, the bundle and the generated integrations, and no sources, tests or examples');
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
});

let browser;
let notRun = 'the kit could not be packed';
if (packed) {
  try {
    browser = await puppeteer.launch({ executablePath, args: chromiumArgs, headless: true });
  } catch (error) {
    notRun = `Chromium did not start: ${error.message}`;
  }
}
// The copies sit side by side with the tarball, as in examples/.
const scratch = mkdtempSync(join(tmpdir(), 'rtk-examples-'));
if (packed) copyFileSync(TARBALL, join(scratch, 'rtk-chat-kit.tgz'));
for (const name of chosen.length ? chosen : Object.keys(EXAMPLES)) {
  await test(`examples/${name}`, async (step) => {
    if (!browser) throw new Error(`not run: ${notRun}`);
    const folder = join(scratch, name);
    cpSync(join(root, 'examples', name), folder, { recursive: true, filter: (path) => !/[/\\](node_modules|dist|\.angular|\.next)$/.test(path) });
    let since = Date.now();
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], folder);
    step(`installed the packed kit and the example's dependencies (${seconds(since)})`);
    const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    if (pkg.scripts?.build) {
      since = Date.now();
      run('npm', ['run', 'build'], folder);
      step(`built with \`${pkg.scripts.build}\` (${seconds(since)})`);
    }
    const serve = typeof EXAMPLES[name] === 'function' ? EXAMPLES[name] : (folder) => serveStatic(join(folder, EXAMPLES[name]));
    const { url, close } = await serve(folder, step);
    try {
      await checkChatFlow(browser, url, { name, step });
    } finally {
      await close();
    }
  });
}
await browser?.close();
rmSync(scratch, { recursive: true, force: true });

console.log(`\nTook ${seconds(started)}.`);
console.log(`examples: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);

/** Serves a built site as a static host would, with no transforms and no fallback page. */
async function serveStatic(site) {
  if (!existsSync(join(site, 'index.html'))) throw new Error(`the build left no ${site}/index.html`);
  const server = await preview({
    root: site,
    configFile: false,
    appType: 'mpa',
    logLevel: 'silent',
    build: { outDir: site },
    preview: { host: '127.0.0.1', port: 0 },
  });
  return { url: server.resolvedUrls.local[0], close: () => server.close() };
}

/**
 * `next start` on a free port: the production server, which sends the page prerendered at build
 * time. What it sends must already hold the page with the kit's tags, before any script runs.
 */
async function serveNext(folder, step) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const server = spawn('npx', ['next', 'start', '--port', String(port), '--hostname', '127.0.0.1'], { cwd: folder, env, stdio: 'ignore', detached: true });
  // The whole process group: npx, and the server it started.
  const close = () => {
    try {
      process.kill(-server.pid);
    } catch {
      // Already gone.
    }
  };
  try {
    const html = await firstPage(url);
    const tags = ['<rtk-meeting-provider>', '<rtk-chat-export-button>', '<rtk-chat>', '<rtk-pinned-messages>', '<h1>rtk-chat-kit · Next.js</h1>'];
    const missing = tags.filter((tag) => !html.includes(tag));
    if (missing.length) throw new Error(`the server-rendered page lacks ${missing.join(', ')}`);
    step('the server sent the page rendered, with the kit\'s tags in it');
    return { url, close };
  } catch (error) {
    close();
    throw error;
  }
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** The page at `url` once the server answers (it takes a few seconds to start). */
async function firstPage(url) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.text();
      throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the server at ${url} did not answer: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Fails unless the tarball has what users import and nothing that is only for developing the kit. */
function checkContents(files) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
  const required = [...targets.map((target) => target.replace(/^\.\//, '')), 'README.md', 'custom-elements.json'];
  const missing = required.filter((file) => !files.includes(file));
  if (missing.length) throw new Error(`the package lacks ${missing.join(', ')}`);
  const extra = files.filter((file) => /^(src|test|examples|bench|demo|scripts|\.ci)\//.test(file) || file.endsWith('.tgz'));
  if (extra.length) throw new Error(`the package should not hold ${extra.join(', ')}`);
}
