// Fails when a generated file is stale: runs the analyzer and its plugins
// (custom-elements-manifest.config.mjs) into a scratch folder and compares every file they write
// with the committed one at the same path. `npm run generate` writes them in place.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

// The analyzer takes its output folder relative to the project.
const scratch = '.cem-check';
rmSync(scratch, { recursive: true, force: true });
const analyzer = spawnSync('npx', ['cem', 'analyze', '--quiet'], {
  encoding: 'utf8',
  env: { ...process.env, RTK_GENERATED_OUT: scratch },
});
if (analyzer.status !== 0) {
  process.stdout.write(analyzer.stdout);
  process.stderr.write(analyzer.stderr);
  process.exit(1);
}

const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
const read = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};
const generated = files(scratch).map((file) => relative(scratch, file)).sort();
const stale = generated.filter((file) => read(file) !== read(join(scratch, file)));
rmSync(scratch, { recursive: true, force: true });

if (stale.length) {
  console.error(`Stale generated files: ${stale.join(', ')}. Run \`npm run generate\` and commit them.`);
  process.exit(1);
}
console.log(`Generated files are current: ${generated.join(', ')}.`);
