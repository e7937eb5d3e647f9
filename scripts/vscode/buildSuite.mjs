// Compiles the extension-host suite (test/vscode/suite/*.ts) file by file to .vscode-test/suite/,
// never into git. Each file stays a module of its own so index.js can find *.spec.js by name.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ROOT } from './paths.mjs';

export const SUITE_SRC = join(ROOT, 'test', 'vscode', 'suite');
export const SUITE_OUT = join(CACHE, 'suite');

/** Builds the suite and returns the path of its index.js (the extensionTestsPath). */
export async function buildSuite() {
  rmSync(SUITE_OUT, { recursive: true, force: true }); // no stale *.spec.js from deleted sources
  const entryPoints = readdirSync(SUITE_SRC).filter((f) => f.endsWith('.ts')).map((f) => join(SUITE_SRC, f));
  await build({
    entryPoints,
    outdir: SUITE_OUT,
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return join(SUITE_OUT, 'index.js');
}
