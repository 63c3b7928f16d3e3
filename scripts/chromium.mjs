// The Chromium the tests drive. Test tools cannot download browsers here, so the kit uses an
// installed one, found the way the test runner finds it: @web/test-runner-chrome asks
// chrome-launcher, which looks at CHROME_PATH, then at the standard places on Linux, macOS and
// Windows. `ensureChromium()` goes one step further for a fresh Debian or Ubuntu machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// The test runner's own copy of chrome-launcher, so that this finds what the runner will launch.
const { Launcher } = createRequire(require.resolve('@web/test-runner-chrome'))('chrome-launcher');

/** The path of an installed Chrome or Chromium, or undefined. */
export function findChromium() {
  try {
    return Launcher.getFirstInstallation() || undefined;
  } catch {
    // chrome-launcher throws on a platform it does not know.
    return undefined;
  }
}

/**
 * Finds Chromium, or installs Debian's `chromium` where that is possible without asking anyone
 * (Debian or Ubuntu, as root: a CI machine or a container), or says how to get one. Returns the
 * path, or undefined after printing what to do.
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (canInstallWithApt()) {
    console.log("Chromium was not found: installing Debian's chromium package (apt-get update; apt-get install -y chromium)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
      const { status } = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
      if (status !== 0) {
        console.error(`\`apt-get ${args.join(' ')}\` failed (exit code ${status}).`);
        break;
      }
    }
    const installed = findChromium();
    if (installed) {
      console.log(`Installed ${installed}.`);
      return installed;
    }
  }
  console.error(
    [
      'The tests run in headless Chrome or Chromium, and none was found.',
      'Install one, or point CHROME_PATH at its executable:',
      '  Debian, Ubuntu: sudo apt-get install -y chromium (or Google Chrome)',
      '  macOS:          Google Chrome from google.com/chrome, or brew install --cask chromium',
      '  Windows:        Google Chrome from google.com/chrome',
    ].join('\n'),
  );
  return undefined;
}

function canInstallWithApt() {
  return (
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    existsSync('/etc/debian_version') &&
    spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  );
}

/** What the kit's tools (the examples' test, the bench) launch Chromium with. */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
