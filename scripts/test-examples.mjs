// `npm run test:examples`: proves the kit in plain HTML, Vue, Angular and React the way a user gets
// it. Builds and packs the kit (`npm pack`) into examples/rtk-chat-kit.tgz and checks what it
// holds; then, for each example, installs that tarball into a copy of it outside the project (so
// nothing resolves through the project's own node_modules), builds it with its framework's tools,
// serves the result statically and runs test/examples/chat-flow.mjs on it in headless Chromium.
// Apart from `npm test` because framework installs are slow. `node scripts/test-examples.mjs vue
// react` runs some examples only.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import puppeteer from 'puppeteer-core';

import { checkChatFlow } from '../test/examples/chat-flow.mjs';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { serveStatic } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Each example, and the folder its build leaves for a static host (the html one needs no build). */
const EXAMPLES = { html: '.', vue: 'dist', react: 'dist', angular: 'dist/browser' };
/** What the examples' package.json files install (`file:../rtk-chat-kit.tgz`): the kit, packed. */
const TARBALL = join(root, 'examples', 'rtk-chat-kit.tgz');

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in EXAMPLES));
if (unknown.length) {
  console.error(`No such example: ${unknown.join(', ')}. There are: ${Object.keys(EXAMPLES).join(', ')}.`);
  process.exit(1);
}
const executablePath = findChromium();
if (!executablePath) {
  console.error('Chromium was not found: install it (sudo apt-get install -y chromium) or set CHROME_PATH.');
  process.exit(1);
}

const totals = { passed: 0, failed: 0 };
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

/** Runs a command, printing its output only when it fails; throws with its exit code. */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
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
    cpSync(join(root, 'examples', name), folder, { recursive: true, filter: (path) => !/[/\\](node_modules|dist|\.angular)$/.test(path) });
    let since = Date.now();
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], folder);
    step(`installed the packed kit and the example's dependencies (${seconds(since)})`);
    const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    if (pkg.scripts?.build) {
      since = Date.now();
      run('npm', ['run', 'build'], folder);
      step(`built with \`${pkg.scripts.build}\` (${seconds(since)})`);
    }
    const site = join(folder, EXAMPLES[name]);
    if (!existsSync(join(site, 'index.html'))) throw new Error(`the build left no ${EXAMPLES[name]}/index.html`);
    const { server, url } = await serveStatic(site);
    try {
      await checkChatFlow(browser, `${url}/`, { name, step });
    } finally {
      server.close();
    }
  });
}
await browser?.close();
rmSync(scratch, { recursive: true, force: true });

console.log(`\nTook ${seconds(started)}.`);
console.log(`examples: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);

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
