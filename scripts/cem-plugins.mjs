// The kit's own Custom Elements Manifest analyzer plugins, used by custom-elements-manifest.config.mjs.
// They shape the manifest (public API only, paths into dist/, a default for every CSS custom
// property, a stable order) and write what is made from it besides the framework generators' files:
// the React wrappers and the README's API tables. Each reads the elements from the manifest, so a
// new element is picked up with nothing to list.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

const write = (file, text) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};
const customElements = (manifest) => manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName);

/**
 * The manifest describes the public API: private members are the element's own business, and
 * `this.dispatchEvent(new RtkXEvent(…))` is seen as an event without a name (the named one comes
 * from the class's `@fires` tag). Classes made inside a function (`defineChatElements` subclasses
 * each element under another prefix) are no API either: the analyzer names them `anonymous_0`.
 */
export function publicApiOnly() {
  return {
    name: 'rtk-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        module.declarations = (module.declarations ?? []).filter((declaration) => !/^anonymous_\d+$/.test(declaration.name));
        module.exports = (module.exports ?? []).filter((entry) => !/^anonymous_\d+$/.test(entry.declaration?.name ?? ''));
        for (const declaration of module.declarations) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          if (declaration.members) declaration.members = declaration.members.filter((member) => member.privacy !== 'private');
        }
      }
    },
  };
}

/**
 * Points the manifest at what the package ships: `src/chat/chat.ts` becomes `dist/chat/chat.js`
 * (the build mirrors src/ module for module), in module paths and in every reference to a module,
 * including re-exports, which the analyzer records as written (`./chat/chat.js`).
 */
export function distPaths() {
  const toDist = (path, from) => {
    const resolved = path.startsWith('.') ? posix.join(posix.dirname(from), path) : path.replace(/^\//, '');
    return resolved.replace(/^src\/(.+)\.[jt]s$/, 'dist/$1.js');
  };
  const rewrite = (value, from) => {
    if (Array.isArray(value)) return value.forEach((inner) => rewrite(inner, from));
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof inner === 'string') value[key] = toDist(inner, from);
      else rewrite(inner, from);
    }
  };
  return {
    name: 'rtk-dist-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) rewrite(module, module.path);
    },
  };
}

/**
 * Where each tag is defined: the root entry registers every element (`defineChatElements()`), so
 * its module gets a `custom-element-definition` export per tag, which tools read to know what to
 * import for a tag. Runs after `distPaths`.
 */
export function definitions(root) {
  const { exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const entry = exports['.'].default.replace(/^\.\//, '');
  return {
    name: 'rtk-definitions',
    packageLinkPhase({ customElementsManifest }) {
      const registering = customElementsManifest.modules.find((module) => module.path === entry);
      if (!registering) throw new Error(`The manifest has no module ${entry}, which registers the elements.`);
      for (const module of customElementsManifest.modules) {
        for (const element of (module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName)) {
          registering.exports = [
            ...(registering.exports ?? []).filter((entry) => !(entry.kind === 'custom-element-definition' && entry.name === element.tagName)),
            { kind: 'custom-element-definition', name: element.tagName, declaration: { name: element.name, module: module.path } },
          ];
        }
      }
    },
  };
}

/**
 * Every CSS custom property states its default. Where the JSDoc gives none
 * (`@cssprop [--rtk-color-text] - …`), it is the fallback the styles read it with,
 * `var(--rtk-color-text, light-dark(#15171c, #eceef2))`, so the manifest cannot drift from the
 * CSS. A property with neither fails the analysis (and so `npm test`).
 */
export function cssDefaults(sourceDir) {
  return {
    name: 'rtk-css-defaults',
    packageLinkPhase({ customElementsManifest }) {
      const fallbacks = cssFallbacks(sourceDir);
      const missing = [];
      for (const element of customElements(customElementsManifest)) {
        for (const property of element.cssProperties ?? []) {
          if (property.default) continue;
          const found = fallbacks.get(property.name);
          if (found?.size === 1) property.default = [...found][0];
          else missing.push(`${element.tagName}: ${property.name}${found ? ` (the styles read it with ${[...found].join(' and with ')})` : ''}`);
        }
      }
      if (missing.length) {
        throw new Error(`CSS custom properties without a default: write it in the @cssprop tag, [--name=default].\n  ${missing.join('\n  ')}`);
      }
    },
  };
}

/** Every `var(--name, fallback)` in the sources: name → the fallbacks it is read with. */
function cssFallbacks(dir) {
  const found = new Map();
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/var\(\s*(--[\w-]+)\s*,/g)) {
      const fallback = untilClosingParenthesis(text, match.index + match[0].length);
      if (fallback === undefined) continue;
      if (!found.has(match[1])) found.set(match[1], new Set());
      found.get(match[1]).add(fallback.replace(/\s+/g, ' ').trim());
    }
  }
  return found;
}

function untilClosingParenthesis(text, from) {
  let depth = 0;
  for (let at = from; at < text.length; at += 1) {
    if (text[at] === '(') depth += 1;
    else if (text[at] === ')' && depth-- === 0) return text.slice(from, at);
  }
  return undefined;
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The analyzer lists modules in the order the file system returns them, which differs between
 * checkouts and runs: sorted, the manifest and everything made from it are the same everywhere.
 * The first plugin, so that the others see the modules in this order.
 */
export function sortModules() {
  return {
    name: 'rtk-sort-modules',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

/**
 * Fixes to what the framework generators wrote into `dir`, run after them. They type a handler's
 * argument as `CustomEvent<T>` with T the manifest's event type, but the kit's events are their own
 * classes (an `Event` with a typed `detail`); they import an event type once per element that fires
 * it, a duplicate identifier for TypeScript; they print "(default: undefined)". Vue looks props up
 * by camelCase name (`filterType`, `onRtkMessageSent`) where the generator keys them `filter-type`
 * and `onrtk-message-sent`. React 19 sets a prop named like a property (`replayUrl`) as that
 * property, so the JSX types accept the property names besides the attribute names. And the
 * JetBrains file is indented like the others.
 */
export function tidyIntegrations(dir) {
  const edit = (file, change) => {
    const path = join(dir, file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  };
  const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
  const common = (text) =>
    text
      .replace(/CustomEvent<(Rtk\w+Event)>/g, '$1')
      .replace(/import type \{([^}]*)\} from "\.\.\/dist\/index\.js"/, (_, names) => {
        const unique = new Set(names.split(',').map((name) => name.trim()).filter(Boolean));
        return `import type {\n${[...unique].map((name) => `  ${name},\n`).join('')}} from "../dist/index.js"`;
      })
      .replaceAll(' _(default: undefined)_', '');
  return {
    name: 'rtk-tidy-integrations',
    packageLinkPhase() {
      edit('vue.d.ts', (text) =>
        common(text)
          .replace(/"on(rtk-[a-z-]+)"\?:/g, (_, event) => `on${camel(`-${event}`)}?:`)
          .replace(/"([a-z]+(?:-[a-z]+)+)"\?:/g, (_, name) => `${camel(name)}?:`),
      );
      edit('jsx.d.ts', (text) =>
        common(text).replace(
          // A doc comment, then a dashed attribute typed by its property: the same again under the property's name.
          /( {2}\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n) {2}"[a-z]+(?:-[a-z]+)+"\?: (\w+)\["(\w+)"\];\n/g,
          (all, doc, element, property) => `${all}${doc}  ${property}?: ${element}["${property}"];\n`,
        ),
      );
      for (const file of ['vscode.html-custom-data.json', 'vscode.css-custom-data.json']) edit(file, common);
      edit('web-types.json', (text) => `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    },
  };
}

/**
 * `src/react/index.ts`: a React component for every element, made with `@lit/react`, with its
 * events as `onRtk…` props typed by the event classes.
 */
export function reactWrappers(file) {
  return {
    name: 'rtk-react-wrappers',
    packageLinkPhase({ customElementsManifest }) {
      const elements = customElements(customElementsManifest).sort((a, b) => (a.tagName < b.tagName ? -1 : 1));
      const eventTypes = new Set(elements.flatMap((element) => (element.events ?? []).map((event) => event.type?.text).filter(isIdentifier)));
      const classes = elements.map((element) => `  ${element.name} as ${element.name}Element,`);
      const types = [...eventTypes].sort().map((name) => `  type ${name},`);
      const components = elements.map((element) => {
        const events = (element.events ?? []).map((event) => {
          const type = isIdentifier(event.type?.text) ? event.type.text : 'Event';
          return `    ${eventProp(event.name)}: '${event.name}' as EventName<${type}>,\n`;
        });
        return [
          `/** ${oneLine(element.summary ?? element.description)} \`<${element.tagName}>\` for React. */`,
          `export const ${element.name} = createComponent({`,
          `  tagName: '${element.tagName}',`,
          `  elementClass: ${element.name}Element,`,
          '  react: React,',
          `  events: {${events.length ? `\n${events.join('')}  ` : ''}},`,
          `  displayName: '${element.name}',`,
          '});',
          '',
        ].join('\n');
      });
      write(
        file,
        [
          // Client components (they use hooks), also when imported from a React server component.
          "'use client';",
          '// Generated from custom-elements.json by `npm run generate` (custom-elements-manifest.config.mjs);',
          "// edit the elements' JSDoc, not this file.",
          '/**',
          " * The kit's elements as React components, made with `@lit/react`: every prop that is one of the",
          " * element's properties is set as that property (also after server rendering and hydration, which",
          ' * React 19 does not do for custom elements), and its events are `onRtk…` props. Importing this',
          ' * registers the elements.',
          ' */',
          "import { createComponent, type EventName } from '@lit/react';",
          "import * as React from 'react';",
          '',
          "import '../index.js';",
          'import {',
          ...classes,
          ...types,
          "} from '../elements.js';",
          '',
          ...components,
        ].join('\n'),
      );
    },
  };
}

const isIdentifier = (text) => typeof text === 'string' && /^[A-Za-z_$][\w$]*$/.test(text);
const eventProp = (name) => `on${name.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase())}`;
const oneLine = (text = '') => text.replace(/\s*\n\s*/g, ' ').trim();

/**
 * README.md with its generated parts replaced: the API tables, from the manifest, and the CDN
 * snippet, pinned at package.json's version (so a release that forgets it fails the check).
 */
export function readmeSections(root, out) {
  const section = (text, name, title, body) => {
    const start = `<!-- ${name}:start — ${title} -->`;
    const end = `<!-- ${name}:end -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md lacks the markers:\n${start}\n${end}`);
    return `${text.slice(0, from + start.length)}\n${body}${text.slice(to)}`;
  };
  return {
    name: 'rtk-readme-sections',
    packageLinkPhase({ customElementsManifest }) {
      const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      const tables = customElements(customElementsManifest).map(elementTable).join('\n');
      const cdn = `https://cdn.jsdelivr.net/npm/${name}@${version}/dist/rtk-chat.bundle.js`;
      let text = readFileSync(join(root, 'README.md'), 'utf8');
      text = section(text, 'api', 'generated from custom-elements.json by `npm run generate`; edit the JSDoc instead', `\n${tables}\n`);
      text = section(text, 'cdn', "generated by `npm run generate` at package.json's version", `\n\`\`\`html\n<script type="module" src="${cdn}"></script>\n\`\`\`\n\n`);
      write(join(out, 'README.md'), text);
    },
  };
}

/** One table cell: on one line, with the pipes that would end the cell escaped. */
const cell = (text = '') => oneLine(text).replaceAll('|', '\\|');
const code = (text) => (text ? `\`${cell(text)}\`` : '');

function publicMembers(element, kind) {
  return (element.members ?? []).filter(
    (member) => member.kind === kind && !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
  );
}

function elementTable(element) {
  const rows = [];
  const fields = publicMembers(element, 'field');
  for (const field of fields) {
    const kind = field.readonly ? 'property (read-only)' : field.attribute ? 'property, attribute' : 'property';
    const name = field.attribute && field.attribute !== field.name ? `${code(field.name)}, ${code(field.attribute)}` : code(field.name);
    const type = [code(field.type?.text), field.default ? `default ${code(field.default)}` : ''].filter(Boolean).join(', ');
    rows.push([kind, name, type, cell(field.description)]);
  }
  // Attributes with no property of their own.
  for (const attribute of element.attributes ?? []) {
    if (fields.some((field) => field.name === attribute.fieldName)) continue;
    rows.push(['attribute', code(attribute.name), code(attribute.type?.text), cell(attribute.description)]);
  }
  for (const method of publicMembers(element, 'method')) {
    const parameters = (method.parameters ?? []).map((parameter) => `${parameter.name}: ${parameter.type?.text ?? 'unknown'}`).join(', ');
    rows.push(['method', code(`${method.name}(${parameters})`), code(method.return?.type?.text), cell(method.description)]);
  }
  for (const event of element.events ?? []) rows.push(['event', code(event.name), code(event.type?.text), cell(event.description)]);
  for (const slot of element.slots ?? []) rows.push(['slot', slot.name ? code(slot.name) : '(default)', '', cell(slot.description)]);
  for (const part of element.cssParts ?? []) rows.push(['part', code(part.name), '', cell(part.description)]);
  for (const property of element.cssProperties ?? []) {
    rows.push(['CSS property', code(property.name), property.default ? `default ${code(property.default)}` : '', cell(property.description)]);
  }
  const table = [['kind', 'name', 'type', 'description'], ['---', '---', '---', '---'], ...rows];
  return [`### \`<${element.tagName}>\``, '', cell(element.summary ?? element.description), '', ...table.map((row) => `| ${row.join(' | ')} |`), ''].join('\n');
}
