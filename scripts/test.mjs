// The one test command: `npm test`. Finds Chromium (or installs it on a fresh Debian machine),
// type checks (with the type-level tests), checks that the generated files are current, builds,
// runs the browser tests in headless Chromium and the Node tests (the build's and the manifest's
// checks among them), then prints one closing line with the totals, which CI reads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureChromium } from './chromium.mjs';

const totals = { passed: 0, failed: 0 };

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title, command, args) {
  if (step(title, command, args)) totals.passed += 1;
  else totals.failed += 1;
}

if (!ensureChromium()) {
  console.log('\ntests: 0 passed, 1 failed');
  process.exit(1);
}

check('Type check, including the type-level tests', 'npx', ['tsc', '-p', '.']);
check('custom-elements.json and the files made from it are current', 'node', ['scripts/check-generated.mjs']);
const built = step('Build', 'npm', ['run', '--silent', 'build']);
if (!built) totals.failed += 1;

const dir = mkdtempSync(join(tmpdir(), 'rtk-test-'));
const summary = join(dir, 'browser.json');
const browserOk = step('Browser tests (headless Chromium)', 'npx', ['web-test-runner'], { RTK_TEST_SUMMARY: summary });
try {
  const browser = JSON.parse(readFileSync(summary, 'utf8'));
  totals.passed += browser.passed;
  totals.failed += browser.failed;
} catch {
  totals.failed += 1;
}
if (!browserOk && totals.failed === 0) totals.failed += 1;

if (built) {
  console.log('\n▶ Node tests');
  const node = spawnSync('node', ['--test', '--test-reporter=tap', 'test/node/'], { encoding: 'utf8' });
  process.stdout.write(node.stdout);
  process.stderr.write(node.stderr);
  const pass = Number(/^# pass (\d+)/m.exec(node.stdout)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(node.stdout)?.[1] ?? 0);
  totals.passed += pass;
  totals.failed += fail + (node.status !== 0 && fail === 0 ? 1 : 0);
}
rmSync(dir, { recursive: true, force: true });

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
