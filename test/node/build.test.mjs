// What `npm run build` leaves in dist/, checked as an app or a page would meet it: the single-file
// bundle, the library's modules and the side-effect-free dump entry.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
/** The module specifiers a file imports, statically or dynamically. */
const specifiers = (code) => [...code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g)].map((match) => match[1]);

/** An app that imports `names` from `entry` (a package specifier), bundled for production. */
async function appBundle(entry, names) {
  const result = await build({
    stdin: { contents: `import { ${names.join(', ')} } from '${entry}';\nconsole.log(${names.join(', ')});`, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { bytes: result.outputFiles[0].contents.length, inputs: Object.keys(result.metafile.inputs) };
}

describe('the build', () => {
  it('bundles Lit in its production build: no dev-mode warnings on a page', () => {
    const bundle = readFileSync(join(dist, 'rtk-chat.bundle.js'), 'utf8');
    assert.ok(bundle.length > 0);
    assert.equal(bundle.includes('Lit is in dev mode'), false, 'the bundle has Lit in dev mode');
  });

  it('makes the bundle need nothing but its own files (the parts loaded on first use among them), with types', () => {
    const bundle = readFileSync(join(dist, 'rtk-chat.bundle.js'), 'utf8');
    for (const specifier of specifiers(bundle)) {
      assert.ok(specifier.startsWith('./') && existsSync(join(dist, specifier)), `the bundle imports ${specifier}`);
    }
    assert.match(readFileSync(join(dist, 'rtk-chat.bundle.d.ts'), 'utf8'), /export \* from '\.\/index\.js'/);
  });

  it('leaves the dependencies to the app: the library imports only its own modules, its dependencies and Node', () => {
    const allowed = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
    const foreign = [];
    for (const file of files(dist).filter((path) => path.endsWith('.js') && !path.endsWith('rtk-chat.bundle.js'))) {
      for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
        const known = specifier.startsWith('.') || specifier.startsWith('node:') || allowed.some((name) => specifier === name || specifier.startsWith(`${name}/`));
        if (!known) foreign.push(`${relative(dist, file)}: ${specifier}`);
        else if (specifier.startsWith('.')) assert.ok(existsSync(join(file, '..', specifier)), `${relative(dist, file)} imports ${specifier}, which is not built`);
      }
    }
    assert.deepEqual(foreign, []);
  });

  it("keeps 'use client' on the React wrappers, so a server component can render them", () => {
    assert.match(readFileSync(join(dist, 'react', 'index.js'), 'utf8'), /^["']use client["'];/);
  });

  it('builds every file package.json names, with its types', () => {
    for (const [name, target] of Object.entries(pkg.exports)) {
      for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
        assert.ok(existsSync(join(root, file)), `${name}: ${file} is missing`);
      }
    }
  });

  it('serves the chat dump from rtk-chat-kit/dump without any element or Lit', async (t) => {
    const fromDump = await appBundle('rtk-chat-kit/dump', ['toChatDumpCsv']);
    const fromRoot = await appBundle('rtk-chat-kit', ['toChatDumpCsv']);
    t.diagnostic(`an app importing only toChatDumpCsv: ${fromDump.bytes} B minified from rtk-chat-kit/dump, ${fromRoot.bytes} B from the root entry`);
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    const elementModules = manifest.modules.filter((module) => module.declarations?.some((declaration) => declaration.customElement)).map((module) => module.path);
    assert.ok(elementModules.length > 0);
    const heavy = fromDump.inputs.filter((input) => elementModules.includes(input) || /node_modules\/(lit|@lit|lit-html)\//.test(input));
    assert.deepEqual(heavy, []);
    // The root entry registers the elements, so it brings them: the reason the dump entry exists.
    assert.ok(fromRoot.inputs.some((input) => input.includes('dist/chat/chat.js')));
  });
});
