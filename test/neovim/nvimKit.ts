// Runs a Lua script in headless Neovim (0.7) against dist/server.js in a private HOME/XDG tree, and reads back the JSON
// it writes to CONDIS_OUT; kills Neovim and its server (one process group) if it does not quit in time.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_JS } from '../protocol/lsp';

export const NVIM_TIMEOUT_MS = 30_000;

export function requireNeovim(): string {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    assert.fail('`nvim` is not on PATH. This test drives the server from headless Neovim: install Debian\'s neovim ' +
      '(`apt-get install -y neovim`, 0.7.2 on bookworm); .ci/run installs it on a fresh machine.');
  }
  return r.stdout.split('\n')[0];
}

export interface NeovimRun<R> {
  result: R;
  ms: number;
  stderr: string;
  /** Neovim's LSP log (warnings and errors, including the server's window/logMessage errors). */
  lspLog: string;
}

/**
 * Opens `file` in `nvim --headless --clean` running `script`. `setup` gets the private home folder and returns the
 * script's own environment (CONDIS_ROOT_DIR, CONDIS_PROBES, ...); CONDIS_NODE, CONDIS_SERVER_JS and CONDIS_OUT are set here.
 */
export async function runNeovim<R>(script: string, file: string, setup: (home: string) => Record<string, string>): Promise<NeovimRun<R>> {
  const home = mkdtempSync(join(tmpdir(), 'condis-nvim-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, TERM: 'dumb', LANG: 'C.UTF-8' };
  for (const [name, dir] of [['XDG_CONFIG_HOME', 'config'], ['XDG_DATA_HOME', 'data'], ['XDG_STATE_HOME', 'state'],
    ['XDG_CACHE_HOME', 'cache'], ['XDG_RUNTIME_DIR', 'run']] as const) {
    env[name] = join(home, dir);
    mkdirSync(env[name]!, { recursive: true, mode: 0o700 });
  }
  env.CONDIS_NODE = process.execPath;
  env.CONDIS_SERVER_JS = SERVER_JS;
  env.CONDIS_OUT = join(home, 'result.json');
  Object.assign(env, setup(home));
  const started = performance.now();
  const nvim = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${script}`, file],
    { env, cwd: home, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stderr = '';
  nvim.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  nvim.stdout!.resume();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try { process.kill(-nvim.pid!, 'SIGKILL'); } catch { /* already gone */ }
  }, NVIM_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => nvim.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  const ms = performance.now() - started;
  try {
    assert.ok(!timedOut, `Neovim did not quit within ${NVIM_TIMEOUT_MS} ms and was killed; stderr:\n${stderr}`);
    assert.equal(code, 0, `nvim exit code; stderr:\n${stderr}`);
    const result = JSON.parse(readFileSync(env.CONDIS_OUT, 'utf8')) as R;
    const lspLog = join(env.XDG_CACHE_HOME!, 'nvim', 'lsp.log');
    return { result, ms, stderr, lspLog: existsSync(lspLog) ? readFileSync(lspLog, 'utf8') : '' };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
