// `npm run screenshots`: photographs the main states of the chat (test/gallery/states.ts) at 360,
// 400 and 800 px wide, in light and dark, into screenshots/ with an index.html to look through.
// Run it when changing styles; the tests run axe in the same states.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';

import { chromiumArgs, findChromium } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'screenshots');
const WIDTHS = [360, 400, 800];
const HEIGHTS = { 360: 700, 400: 640, 800: 640 };
const THEMES = ['light', 'dark'];

const bundle = await build({
  entryPoints: [join(root, 'test/gallery/page.ts')],
  bundle: true,
  format: 'esm',
  write: false,
  target: 'es2022',
  tsconfig: join(root, 'tsconfig.json'),
});
const script = bundle.outputFiles[0].text;
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<style>html,body{margin:0;height:100%;font-family:system-ui}#root{height:100vh}</style></head>
<body><div id="root"></div><script type="module" src="/gallery.js"></script></body></html>`;
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (path === '/gallery.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  else response.writeHead(200, { 'content-type': 'text/html' }).end(page);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs });
const shots = [];
let STATES = [];
try {
  const first = await browser.newPage();
  await first.goto(base);
  await first.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  STATES = JSON.parse(await first.$eval('body[data-ready="true"]', (body) => body.dataset.states));
  await first.close();
  for (const { name, title } of STATES) {
    for (const theme of THEMES) {
      for (const width of WIDTHS) {
        const tab = await browser.newPage();
        await tab.setViewport({ width, height: HEIGHTS[width] });
        await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
        await tab.goto(`${base}?state=${name}&theme=${theme}`);
        await tab.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
        const file = `${name}-${theme}-${width}.png`;
        await tab.screenshot({ path: join(out, file) });
        shots.push({ name, title, theme, width, file });
        await tab.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
const rows = STATES.map(({ name, title }) => `<h2>${title}</h2><div>${shots.filter((s) => s.name === name).map((s) => `<figure><img src="${s.file}" width="${s.width / 2}"><figcaption>${s.theme}, ${s.width} px</figcaption></figure>`).join('')}</div>`);
writeFileSync(join(out, 'index.html'), `<!doctype html><meta charset="utf-8"><title>rtk-chat-kit gallery</title><style>body{font-family:system-ui}div{display:flex;gap:12px;flex-wrap:wrap;align-items:flex-start}figure{margin:0}</style>${rows.join('')}`);
console.log(`${shots.length} screenshots in ${out}/ (open index.html)`);
