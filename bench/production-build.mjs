// How the benchmarks build what they load in Chromium: one minified module, as an app's bundler
// would make it (esbuild's default conditions, no `development`: Lit's production build).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** esbuild options for a production bundle of the kit's sources; add the entry and the output. */
export const productionBuild = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  tsconfig: join(root, 'tsconfig.json'),
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'silent',
  absWorkingDir: root,
};
