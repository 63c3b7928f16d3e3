// A small static file server, for the demo (`npm start`) and the example tests: files go out as they
// are, with no transforms, the way any static host would serve a user's page. From the command
// line, `node scripts/serve.mjs <folder> [port]` serves a folder, e.g. examples/html.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function fileAt(path) {
  try {
    const stat = statSync(path);
    if (stat.isFile()) return path;
    if (stat.isDirectory()) return fileAt(join(path, 'index.html'));
  } catch {
    // Not there.
  }
  return undefined;
}

/**
 * Serves the folder `root` on 127.0.0.1 and resolves with its address once listening.
 * `only` limits it to some top-level folders (the demo needs `demo/` and `dist/`, not the whole
 * project); `home` is where `/` redirects to.
 */
export function serveStatic(root, { port = 0, only, home } = {}) {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (path === '/' && home) {
      response.writeHead(302, { location: home }).end();
      return;
    }
    const target = resolve(base, `.${path}`);
    const inside = target === base || target.startsWith(base + sep);
    const allowed = !only || only.some((folder) => target.startsWith(join(base, folder) + sep) || target === join(base, folder));
    const file = inside && allowed ? fileAt(target) : undefined;
    if (!file) {
      response.writeHead(404, { 'content-type': TYPES['.txt'] }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [folder = '.', port = '5174'] = process.argv.slice(2);
  const { url } = await serveStatic(folder, { port: Number(port) });
  console.log(`Serving ${resolve(folder)} at ${url}  (Ctrl+C stops it)`);
}
