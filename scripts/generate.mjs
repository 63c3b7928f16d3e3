// Generates the files made from the JSDoc of the elements: custom-elements.json (by the
// Custom Elements Manifest analyzer). With --check it writes nothing and fails when a committed
// file differs from what would be generated, so a stale manifest fails the test command.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const checking = process.argv.includes('--check');
// The analyzer takes its output folder relative to the project.
const out = '.cem-check';
const analyzer = spawnSync('npx', ['cem', 'analyze', '--outdir', out, '--quiet'], { stdio: 'inherit' });
if (analyzer.status !== 0) process.exit(1);

const generated = { 'custom-elements.json': `${JSON.stringify(JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')), null, 2)}\n` };
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
  if (checking) stale.push(file);
  else writeFileSync(file, text);
}
if (stale.length) {
  console.error(`Stale generated files: ${stale.join(', ')}. Run \`npm run generate\` and commit them.`);
  process.exit(1);
}
console.log(checking ? 'Generated files are current.' : 'Generated files written.');
