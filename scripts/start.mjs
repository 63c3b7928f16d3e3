// `npm start`: the demo, a static page that loads dist/rtk-chat.bundle.js as a user's page would,
// served at http://127.0.0.1:5173 (or $PORT). The bundle is rebuilt whenever the sources change:
// reload the page to see it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { context } from 'esbuild';

import { bundleOptions } from './bundle.mjs';
import { serveStatic } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.PORT ?? 5173);

const bundler = await context({ ...bundleOptions, sourcemap: 'linked', logLevel: 'info' });
try {
  await bundler.rebuild();
} catch {
  // esbuild has printed the errors; the watcher below rebuilds once they are fixed.
}
await bundler.watch();

try {
  const { url } = await serveStatic(root, { port: PORT, only: ['demo', 'dist'], home: '/demo/' });
  console.log(`\nThe demo: ${url}  (Ctrl+C stops it)`);
} catch (error) {
  console.error(error.code === 'EADDRINUSE' ? `Port ${PORT} is taken: is the demo already running?` : error);
  await bundler.dispose();
  process.exit(1);
}
