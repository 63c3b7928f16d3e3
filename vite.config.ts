// One Vite config for everything the kit serves and builds:
// - `vite` (`npm start`): the demo pages in demo/, served from the sources with hot reload;
// - `vite build` (`npm run build`): the library, one ES module per source file in dist/, with its
//   dependencies left to the app's bundler; `tsc -p tsconfig.build.json` then writes the `.d.ts`;
// - `vite build --mode bundle`: dist/rtk-chat.bundle.js, the kit in one minified file with Lit
//   inside, for pages without a build step;
// - `vite build --mode demo`: the demo pages as a static site in demo-dist/.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
const demo = join(root, 'demo');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

/**
 * Every source file is an entry: dist/ mirrors src/ module for module, as the manifest's paths and
 * package.json's `exports` expect, and a new file needs no list.
 */
function sourceModules(dir = join(root, 'src')): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(entries, sourceModules(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) entries[relative(join(root, 'src'), path).replace(/\.ts$/, '')] = path;
  }
  return entries;
}

/** What the library leaves to the app: its dependencies (and their subpaths) and Node's modules. */
function isExternal(id: string): boolean {
  const packages = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  return (
    id.startsWith('node:') ||
    builtinModules.includes(id) ||
    packages.some((name) => id === name || id.startsWith(`${name}/`))
  );
}

/** Every page in demo/: a new `demo/*.html` is served and built without being listed anywhere. */
function demoPages(): Record<string, string> {
  const pages = readdirSync(demo).filter((file) => file.endsWith('.html'));
  return Object.fromEntries(pages.map((file) => [file.replace(/\.html$/, ''), join(demo, file)]));
}

/** The bundle's types: it exports what the root entry exports. */
function bundleTypes(): Plugin {
  return {
    name: 'rtk-bundle-types',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'rtk-chat.bundle.d.ts', source: "export * from './index.js';\n" });
    },
  };
}

const library: UserConfig = {
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // A library ships readable code; the app's bundler minifies.
    minify: false,
    lib: { entry: sourceModules(), formats: ['es'] },
    rolldownOptions: {
      external: isExternal,
      onLog(level, log, handler) {
        // Each module stays its own file, so `'use client'` stays at the top of
        // dist/react/index.js, where React server components look for it.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use client"')) return;
        handler(level, log);
      },
      // One file per source module, so an app's bundler can drop what it does not import.
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        // The compiler's decorator helper (a virtual module) would otherwise land under a path naming
        // the compiler's version.
        entryFileNames: (chunk) => (chunk.facadeModuleId?.startsWith('\0') ? `internal/${chunk.name.split('/').pop()}.js` : '[name].js'),
      },
    },
  },
};

const bundle: UserConfig = {
  build: {
    target: 'es2022',
    outDir: 'dist',
    // The library build ran first and filled dist/.
    emptyOutDir: false,
    lib: { entry: join(root, 'src', 'index.ts'), formats: ['es'], fileName: () => 'rtk-chat.bundle.js' },
    rolldownOptions: {
      plugins: [bundleTypes()],
      // Fully minified: library mode would otherwise keep the whitespace of an ES module.
      output: { minify: true },
    },
  },
};

const demoSite: UserConfig = {
  root: demo,
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 5173 },
  build: {
    target: 'es2022',
    outDir: join(root, 'demo-dist'),
    emptyOutDir: true,
    rolldownOptions: { input: demoPages() },
  },
};

export default defineConfig(({ command, mode }) => {
  if (command === 'serve' || mode === 'demo') return demoSite;
  return mode === 'bundle' ? bundle : library;
});
