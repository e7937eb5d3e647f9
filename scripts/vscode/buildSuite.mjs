// Compiles the extension-host suite (test/vscode/suite/*.ts) to .vscode-test/, never into git: for the Node host
// file by file (index.js finds *.spec.js by name), for the web worker host as one browser bundle (mocha's browser
// build, our small assert, every spec that needs no Node). Each build says which host it expects (host.spec.ts).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ROOT } from './paths.mjs';

export const SUITE_SRC = join(ROOT, 'test', 'vscode', 'suite');
export const SUITE_OUT = join(CACHE, 'suite');
export const WEB_SUITE_OUT = join(CACHE, 'suite-web');
/** Specs that need Node in the extension host: the CLI as a task, reading files with fs. */
export const NODE_ONLY_SPECS = ['publishing.spec.ts'];

const specs = () => readdirSync(SUITE_SRC).filter((f) => f.endsWith('.spec.ts')).sort();

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
    define: { CONDIS_EXPECTED_HOST: '"node"' },
  });
  return join(SUITE_OUT, 'index.js');
}

/** `node:assert/strict` in the web bundle is test/vscode/suite/web/assert.ts. */
const webAssert = {
  name: 'web-assert',
  setup(b) {
    b.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, () => ({ path: join(SUITE_SRC, 'web', 'assert.ts') }));
  },
};

/**
 * Builds the web worker host's suite: one CommonJS bundle whose run() sets up mocha's browser build, loads the specs
 * (after setup, so `describe` exists) and runs them. Returns the bundle's path (the extensionTestsPath).
 */
export async function buildWebSuite({ grep } = {}) {
  rmSync(WEB_SUITE_OUT, { recursive: true, force: true });
  const chosen = specs().filter((f) => !NODE_ONLY_SPECS.includes(f));
  const contents = `
require('mocha/mocha.js');
exports.run = function run() {
  return new Promise(function (resolve, reject) {
    globalThis.mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60000, color: false${grep ? `, grep: ${JSON.stringify(grep)}` : ''} });
${chosen.map((f) => `    require(${JSON.stringify(`./${f}`)});`).join('\n')}
    globalThis.mocha.run(function (failures) {
      if (failures > 0) reject(new Error(failures + ' extension-host test(s) failed')); else resolve();
    });
  });
};
`;
  const out = join(WEB_SUITE_OUT, 'index.js');
  await build({
    stdin: { contents, resolveDir: SUITE_SRC, sourcefile: 'web-index.js', loader: 'js' },
    outfile: out,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    plugins: [webAssert],
    logLevel: 'warning',
    define: { CONDIS_EXPECTED_HOST: '"web"' },
  });
  return out;
}
