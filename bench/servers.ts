// The three servers the benchmark compares, how each is built or found, and the versions the report records.
// clangd comes from Debian: installed with apt-get when it is missing and we are root; otherwise skipped, with why.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { ServerSpec } from './lsp';
import { SERVER_NODE_FLAGS } from '../server/src/nodeFlags';

export const ROOT = join(__dirname, '..');
export const OUT = join(ROOT, 'bench', 'out');

/** Builds dist/ (the server and CLI under test) and bundles the floor server the same way (esbuild, CommonJS). */
export async function buildAll(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  // The same esbuild options as scripts/build.mjs, so the floors pay what our bundles pay to load.
  const common = {
    bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning',
    define: { 'import.meta.url': '__bundle_file_url' },
    banner: { js: 'var __bundle_file_url = require("url").pathToFileURL(__filename).href;' },
  } as const;
  await build({ ...common, entryPoints: [join(ROOT, 'bench', 'floorServer.ts')], outfile: join(OUT, 'floorServer.js') });
  await build({ ...common, entryPoints: [join(ROOT, 'bench', 'parseFloor.ts')], outfile: join(OUT, 'parseFloor.js') });
}

export function ours(): ServerSpec {
  return {
    name: 'condis',
    command: process.execPath,
    // Started as the extension and the README's Neovim setup start it (server/src/nodeFlags.ts).
    args: [...SERVER_NODE_FLAGS, join(ROOT, 'dist', 'server.js'), '--stdio'],
    // The server indexes the workspace folder after `initialized`; measure the open once that is done.
    settled: (s, ms) => s.waitForLog(/^Indexed \d+ C files/, ms),
  };
}

export function floor(): ServerSpec {
  return { name: 'floor', command: process.execPath, args: [join(OUT, 'floorServer.js'), '--stdio'] };
}

/** No background index (it would index the world), no log chatter; one worker pool like an editor's default. */
export function clangd(path: string): ServerSpec {
  return { name: 'clangd', command: path, args: ['--background-index=false', '--log=error', '--pch-storage=memory', '--header-insertion=never'] };
}

export interface ClangdStatus { path: string | null; version: string; note: string }

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Finds clangd, installing Debian's package when missing and root. Never throws: a missing clangd is reported, not fatal. */
export function ensureClangd(): ClangdStatus {
  let path = which('clangd');
  let note = 'found on PATH';
  if (!path) {
    if (process.getuid?.() !== 0) return { path: null, version: '', note: 'clangd is not installed and this is not root, so it was not installed: clangd columns are skipped (install it with `apt-get install -y clangd`)' };
    if (!which('apt-get')) return { path: null, version: '', note: 'clangd is not installed and there is no apt-get here: clangd columns are skipped' };
    console.log('bench: clangd missing; installing Debian clangd with apt-get (root)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let r = spawnSync('apt-get', ['install', '-y', 'clangd'], { stdio: 'inherit', env, timeout: 300_000 });
    if (r.status !== 0) {
      spawnSync('apt-get', ['update'], { stdio: 'inherit', env, timeout: 300_000 });
      r = spawnSync('apt-get', ['install', '-y', 'clangd'], { stdio: 'inherit', env, timeout: 300_000 });
    }
    path = which('clangd');
    if (!path) return { path: null, version: '', note: `apt-get install -y clangd failed (exit ${r.status}): clangd columns are skipped` };
    note = 'installed by the harness with apt-get install -y clangd';
  }
  const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]?.trim() ?? '';
  return { path, version, note };
}

export function packageVersion(name: string): string {
  const p = join(ROOT, 'node_modules', name, 'package.json');
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version : '?';
}

export function ownVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
