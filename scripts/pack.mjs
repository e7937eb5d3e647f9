// `npm pack` / `npm publish` hooks (prepack, postpack): the tarball is the command-line checker, ready to run.
//   --before: production build of dist/, then package.json without what only this checkout uses (scripts,
//             devDependencies): an installed package has no build step, and npm has no install script to warn about.
//   --after:  puts the checkout's package.json back.
// The original waits in .tmp/ meanwhile; --before refuses to run while one is there (a pack that stopped half-way).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
const saved = join(root, '.tmp', 'package.json.packing');

if (process.argv.includes('--after')) {
  if (existsSync(saved)) renameSync(saved, manifest);
} else {
  if (existsSync(saved)) {
    console.error(`pack: ${saved} is left from a pack that did not finish: check it, move it back to package.json, and pack again`);
    process.exit(1);
  }
  // The build's messages go to stderr: stdout is what `npm pack --json` prints.
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { stdio: ['ignore', process.stderr, 'inherit'], cwd: root });
  const text = readFileSync(manifest, 'utf8');
  const { scripts: _scripts, devDependencies: _dev, ...shipped } = JSON.parse(text);
  mkdirSync(dirname(saved), { recursive: true });
  writeFileSync(saved, text);
  writeFileSync(manifest, `${JSON.stringify(shipped, null, 2)}\n`);
}
