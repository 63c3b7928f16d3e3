// custom-elements.json as the tools that read it need it (IDEs, Storybook, catalogs, the generated
// framework types): valid for the Custom Elements Manifest validator, pointing at files the package
// ships, and complete where the analyzer alone leaves gaps. Runs after the build.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { validateCem } from '@wc-toolkit/cem-validator';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const elements = manifest.modules.flatMap((module) => (module.declarations ?? []).filter((declaration) => declaration.tagName).map((element) => ({ module, element })));

describe('custom-elements.json', () => {
  it('passes the Custom Elements Manifest validator', async () => {
    const cwd = process.cwd();
    // The validator reads ./package.json.
    process.chdir(root);
    try {
      await validateCem(manifest, {
        // The base class every element extends: no tag of its own.
        exclude: ['KitElement'],
        rules: {
          packageJson: { packageType: 'error', main: 'error', module: 'error', types: 'error', exports: 'error' },
          manifest: {
            modulePath: 'error',
            definitionPath: 'error',
            tagName: 'error',
            // The analyzer (0.11, the newest) writes schema 1.0.0.
            schemaVersion: 'off',
            // Wants each type an element uses exported from that element's own module; the kit
            // exports them from its entries, where the generated types import them.
            exportTypes: 'off',
          },
        },
      });
    } finally {
      process.chdir(cwd);
    }
  });

  it('points every module at a file the package ships', () => {
    const paths = new Set();
    const collect = (value) => {
      if (Array.isArray(value)) return value.forEach(collect);
      if (!value || typeof value !== 'object') return;
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'path' || key === 'module') && typeof inner === 'string') paths.add(inner);
        else collect(inner);
      }
    };
    collect(manifest.modules);
    const missing = [...paths].filter((path) => !path.startsWith('dist/') || !existsSync(join(root, path)));
    assert.deepEqual(missing, []);
  });

  it('describes elements only, each with its tag and where it is defined', () => {
    assert.ok(elements.length >= 5);
    const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
    assert.deepEqual(declarations.filter((declaration) => /^anonymous_\d+$/.test(declaration.name)).map((declaration) => declaration.name), []);
    const defined = manifest.modules.flatMap((module) => (module.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition').map((entry) => entry.name));
    assert.deepEqual(defined.sort(), elements.map(({ element }) => element.tagName).sort());
  });

  it('gives every CSS custom property a default', () => {
    const withoutDefault = elements.flatMap(({ element }) => (element.cssProperties ?? []).filter((property) => !property.default).map((property) => `${element.tagName} ${property.name}`));
    assert.deepEqual(withoutDefault, []);
  });
});
