// Generates the files made from the JSDoc of the elements: custom-elements.json (by the
// Custom Elements Manifest analyzer) and, from it, what ships in integrations/ (Vue and JSX types,
// VS Code custom data) and the API tables in README.md. With --check it writes nothing and fails
// when a committed file differs from what would be generated, so a stale file fails the test command.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

import { apiTables } from './api-tables.mjs';

const checking = process.argv.includes('--check');
// The analyzer takes its output folder relative to the project.
const out = '.cem-check';
const analyzer = spawnSync('npx', ['cem', 'analyze', '--outdir', out, '--quiet'], { stdio: 'inherit' });
if (analyzer.status !== 0) process.exit(1);
keepManifestField();

const read = (file) => readFileSync(join(out, file), 'utf8');
const manifest = JSON.parse(read('custom-elements.json'));
// The analyzer lists modules in the order the file system returns them, which differs between
// checkouts: sorted, the manifest and everything made from it are the same everywhere.
manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

// The integration generators write files; they write them into the scratch folder, read back here.
const integrations = join(out, 'integrations');
// Paths in the generated types are relative to integrations/; the element and event classes are
// all exported by the root entry.
const typeOptions = { outdir: integrations, globalTypePath: '../dist/index.js', hideLogs: true };
quietly(() => {
  generateVuejsTypes(manifest, { ...typeOptions, fileName: 'vue.d.ts' });
  generateJsxTypes(manifest, { ...typeOptions, fileName: 'jsx.d.ts' });
  generateVsCodeCustomElementData(manifest, { outdir: integrations, hideLogs: true });
});

const generated = {
  'custom-elements.json': `${JSON.stringify(manifest, null, 2)}\n`,
  'integrations/vue.d.ts': vueProps(tidy(read('integrations/vue.d.ts'))),
  'integrations/jsx.d.ts': tidy(read('integrations/jsx.d.ts')),
  'integrations/vscode.html-custom-data.json': tidy(read('integrations/vscode.html-custom-data.json')),
  'integrations/vscode.css-custom-data.json': tidy(read('integrations/vscode.css-custom-data.json')),
  'README.md': withApiTables(readFileSync('README.md', 'utf8'), apiTables(manifest)),
};
rmSync(out, { recursive: true, force: true });

let stale = [];
for (const [file, text] of Object.entries(generated)) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // Missing counts as stale.
  }
  if (current === text) continue;
  if (checking) {
    stale.push(file);
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
if (stale.length) {
  console.error(`Stale generated files: ${stale.join(', ')}. Run \`npm run generate\` and commit them.`);
  process.exit(1);
}
console.log(checking ? 'Generated files are current.' : 'Generated files written.');

/**
 * The analyzer points package.json's `customElements` at its output folder, which is a scratch
 * folder here; tools (editors, Storybook, catalogs) follow that field to the shipped manifest.
 */
function keepManifestField() {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  if (pkg.customElements === 'custom-elements.json') return;
  pkg.customElements = 'custom-elements.json';
  writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
}

/**
 * Fixes to what the generators write. They type a handler's argument as `CustomEvent<T>` with T the
 * manifest's event type, but the kit's events are their own classes (an `Event` with a typed
 * `detail`): `(e: CustomEvent<RtkMessageSentEvent>)` becomes `(e: RtkMessageSentEvent)`. They import
 * an event type once per element that fires it, a duplicate identifier for TypeScript. And they
 * print "(default: undefined)" for a custom property without a default.
 */
function tidy(text) {
  return text
    .replace(/CustomEvent<(Rtk\w+Event)>/g, '$1')
    .replace(/import type \{([^}]*)\} from "\.\.\/dist\/index\.js"/, (_, names) => {
      const unique = new Set(names.split(',').map((name) => name.trim()).filter(Boolean));
      return `import type {\n${[...unique].map((name) => `  ${name},\n`).join('')}} from "../dist/index.js"`;
    })
    .replaceAll(' _(default: undefined)_', '');
}

/**
 * Vue's type checker looks up props by their camelCase names: `filter-type="…"` as `filterType`,
 * `@rtk-message-sent` as `onRtkMessageSent`. The generator keys them `"filter-type"` and
 * `"onrtk-message-sent"`, which Vue never matches, leaving them unchecked.
 */
function vueProps(types) {
  const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
  return types
    .replace(/"on(rtk-[a-z-]+)"\?:/g, (_, event) => `on${camel(`-${event}`)}?:`)
    .replace(/"([a-z]+(?:-[a-z]+)+)"\?:/g, (_, name) => `${camel(name)}?:`);
}

/** README.md with the part between the API markers replaced. */
function withApiTables(readme, tables) {
  const start = '<!-- api:start — generated from custom-elements.json by `npm run generate`; edit the JSDoc instead -->';
  const end = '<!-- api:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) {
    console.error(`README.md lacks the API markers:\n${start}\n${end}`);
    process.exit(1);
  }
  return `${readme.slice(0, from + start.length)}\n\n${tables}\n${readme.slice(to)}`;
}

/** The generators log with console.log even when told to hide logs; the check should print one line. */
function quietly(run) {
  const log = console.log;
  console.log = () => {};
  try {
    run();
  } finally {
    console.log = log;
  }
}
