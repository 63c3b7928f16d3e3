// Builds dist/rtk-chat.bundle.js: the kit as one self-contained ES module for pages without a build
// step (`<script type="module" src=".../rtk-chat.bundle.js">`). Lit is inlined in its production
// build and everything is minified. It registers the elements, as the root entry does, and also
// exports `createLocalMeeting`, so a static page can make a meeting. `npm start` reuses these options to
// rebuild it on every change (with a source map, which the package does not ship).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bundleFile = join(root, 'dist', 'rtk-chat.bundle.js');

/** The bundle's types: the same exports as its two entries. */
const declarations = "export * from './elements.js';\nexport * from './local-meeting/index.js';\n";

/**
 * Writes the bundle unless it picked Lit's development build (dev-mode warnings, a larger file),
 * which would mean a `development` condition crept into the resolution.
 */
const checkThenWrite = {
  name: 'check-then-write',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length) return;
      const code = result.outputFiles.find((file) => file.path.endsWith('.js')).text;
      if (code.includes('Lit is in dev mode')) {
        result.errors.push({ text: 'the bundle has Lit in dev mode' });
        return;
      }
      mkdirSync(dirname(bundleFile), { recursive: true });
      for (const file of result.outputFiles) writeFileSync(file.path, file.contents);
      writeFileSync(join(dirname(bundleFile), 'rtk-chat.bundle.d.ts'), declarations);
    });
  },
};

export const bundleOptions = {
  absWorkingDir: root,
  // The entry lives here, not in src/: the elements, registered, plus the local meeting.
  stdin: {
    contents: [
      "import './src/index.ts';",
      "export * from './src/elements.ts';",
      "export * from './src/local-meeting/index.ts';",
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'rtk-chat.bundle.ts',
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  // esbuild's default conditions have no `development`: Lit resolves to its production build.
  define: { 'process.env.NODE_ENV': '"production"' },
  outfile: bundleFile,
  // In memory first, so that the check can read the output before anything is written.
  write: false,
  plugins: [checkThenWrite],
  logLevel: 'warning',
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await build(bundleOptions);
  } catch {
    // esbuild has printed the errors.
    process.exit(1);
  }
}
