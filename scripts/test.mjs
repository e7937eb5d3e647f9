// `npm test`: build, type-check, catalog freshness, then every test file in one node:test run
// (unit, protocol over stdio, Neovim, the extension-host suite in a real VS Code, the packaged-.vsix UI test).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const run = (args, what) => {
  console.log(`\n== ${what}`);
  execFileSync(process.execPath, args, { stdio: 'inherit', cwd: root });
};

// Optional filter: `npm test -- unit protocol` runs only those folders.
const only = process.argv.slice(2);
const folders = ['unit', 'corpus', 'cli', 'package', 'protocol', 'fuzz', 'neovim', 'vscode', 'ui'].filter((f) => only.length === 0 || only.includes(f));

run(['scripts/build.mjs'], 'build');
run([join('node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.'], 'type-check (tsc --noEmit, strict)');
run(['scripts/gen-catalog.mjs', '--check'], 'catalog matches shared/condis/api.tsv');

const files = folders.flatMap((f) => {
  const dir = join(root, 'test', f);
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true }).map(String).filter((n) => n.endsWith('.test.ts')).sort().map((n) => join('test', f, n))
    : [];
});
console.log(`\n== tests: ${files.length} files`);
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
  { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
