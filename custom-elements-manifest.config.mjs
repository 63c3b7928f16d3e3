// `npm run generate` (`cem analyze`): custom-elements.json from the elements' JSDoc, and from it
// everything generated: the Vue, JSX (React 19) and JetBrains types and the VS Code data in
// integrations/, the React wrappers in src/react/index.ts, and the API tables and the CDN snippet in
// README.md.
// RTK_GENERATED_OUT writes all of it into another folder instead, with the same relative paths:
// `scripts/check-generated.mjs` compares that with the committed files.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

import { cssDefaults, definitions, distPaths, publicApiOnly, reactWrappers, readmeSections, sortModules, tidyIntegrations } from './scripts/cem-plugins.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const out = process.env.RTK_GENERATED_OUT ?? '.';
const integrations = join(out, 'integrations');
// Paths in the generated types are relative to integrations/; the root entry exports every
// element and event class.
const types = { outdir: integrations, globalTypePath: '../dist/index.js', hideLogs: true };

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/local-meeting/**', 'src/chat-dump/**', 'src/server/**', 'src/react/**', 'src/dump.ts', 'src/webhook/**', 'src/dump-meeting/**'],
  outdir: out,
  litelement: true,
  // package.json's `customElements` names the committed manifest; the analyzer would point it at
  // `outdir`, a scratch folder when checking.
  packagejson: false,
  plugins: [
    sortModules(),
    publicApiOnly(),
    cssDefaults(join(root, 'src')),
    distPaths(),
    definitions(root),
    customElementVuejsPlugin({ ...types, fileName: 'vue.d.ts' }),
    customElementJsxPlugin({ ...types, fileName: 'jsx.d.ts' }),
    customElementVsCodePlugin({ outdir: integrations, hideLogs: true }),
    customElementJetBrainsPlugin({
      outdir: integrations,
      webTypesFileName: 'web-types.json',
      hideLogs: true,
      // Where each element's class is, for the IDE's "go to declaration".
      modulePathTemplate: (_name, modulePath) => modulePath,
    }),
    tidyIntegrations(integrations),
    reactWrappers(join(out, 'src', 'react', 'index.ts')),
    readmeSections(root, out),
  ],
};
