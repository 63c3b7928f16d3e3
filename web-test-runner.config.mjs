import { writeFileSync } from 'node:fs';

import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter } from '@web/test-runner';

import { chromiumArgs } from './scripts/chromium.mjs';
import { realtimekitPlugins } from './test/real-sdk/wtr-plugins.mjs';
import { replayApi } from './test/server/replay-api.mjs';

/** Counts every test of the run into the file `scripts/test.mjs` reads for its closing line. */
function countingReporter() {
  const count = (suite, totals) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) totals.skipped += 1;
      else if (test.passed) totals.passed += 1;
      else totals.failed += 1;
    }
    for (const child of suite?.suites ?? []) count(child, totals);
    return totals;
  };
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, files: sessions.length };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load has no results: it counts as a failure, not as nothing.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed += 1;
      }
      if (process.env.RTK_TEST_SUMMARY) writeFileSync(process.env.RTK_TEST_SUMMARY, JSON.stringify(totals));
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 1,
  // A whole file may take longer than the default two minutes: the load tests do on a busy machine.
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 10000 } },
  middleware: [replayApi()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'esnext' }), ...realtimekitPlugins()],
  // No executablePath: the launcher finds Chrome itself (CHROME_PATH, then the usual places).
  browsers: [chromeLauncher({ launchOptions: { args: chromiumArgs } })],
  reporters: [defaultReporter(), countingReporter()],
};
