/**
 * Dev-server plugins the real-SDK tests need. Add them to the root config's `plugins`; wtr runs
 * user plugins before its own node resolution, so they see the bare imports first.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SDK_PATH = '/@cloudflare/realtimekit/';
const REGISTRY = '/test/real-sdk/protobuf-registry.ts';
const require = createRequire(import.meta.url);

/**
 * Aliases `@protobuf-ts/runtime` to a registering shim, for imports made by the RealtimeKit SDK
 * only: the shim itself and every other module keep the real runtime.
 */
export function realtimekitProtobufRegistry() {
  return {
    name: 'realtimekit-protobuf-registry',
    resolveImport({ source, context }) {
      if (source === '@protobuf-ts/runtime' && context.path.includes(SDK_PATH)) return REGISTRY;
      return undefined;
    },
  };
}

/**
 * Serves the SDK's CommonJS-only dependency (`sdp-transform`) as an ES module: the browser cannot
 * run `require`, and the project has no CommonJS plugin. esbuild bundles it once, with its
 * `module.exports` keys re-exported by name because the SDK does `import * as x from …`.
 */
export function realtimekitCommonjsDeps(packages = ['sdp-transform']) {
  const prefix = '/__realtimekit-cjs__/';
  const cache = new Map();
  async function bundle(name) {
    const names = Object.keys(require(name)).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key));
    const { outputFiles } = await build({
      stdin: {
        contents: `import m from '${name}'; export default m; export const { ${names.join(', ')} } = m;`,
        // Resolve from here, like `require` above, whatever directory wtr runs in.
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      },
      bundle: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    return outputFiles[0].text;
  }
  return {
    name: 'realtimekit-commonjs-deps',
    resolveImport({ source }) {
      return packages.includes(source) ? `${prefix}${source}.js` : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(prefix)) return undefined;
      const name = context.path.slice(prefix.length, -'.js'.length);
      if (!packages.includes(name)) return undefined;
      if (!cache.has(name)) cache.set(name, bundle(name));
      return { body: await cache.get(name), type: 'js' };
    },
  };
}

/** Both plugins, for `plugins: [...rootPlugins, ...realtimekitPlugins()]`. */
export function realtimekitPlugins() {
  return [realtimekitProtobufRegistry(), realtimekitCommonjsDeps()];
}
