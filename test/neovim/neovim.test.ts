// Neovim as a second, independent LSP client: headless Debian neovim (0.7) drives dist/server.js through its own
// built-in LSP client and reads a hover and a signature help back (see hoverAndSignature.lua).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover, MarkupContent, SignatureHelp } from 'vscode-languageserver';
import { FIXTURES, SERVER_JS, fixture, offsetOf, positionAt } from '../protocol/lsp';

const SCRIPT = join(__dirname, 'hoverAndSignature.lua');
const NVIM_TIMEOUT_MS = 30_000;
const CALL = 'NdisCmCloseCallComplete(Status,\n                            Vc->NdisVcHandle,\n                            NULL);';

interface NeovimResult {
  nvim: { major: number; minor: number; patch: number };
  errors: string[];
  filetype?: string;
  initialized?: boolean;
  capabilities?: { hover?: boolean; signature_triggers?: string[] };
  hover?: Hover | null;
  signature?: SignatureHelp | null;
  diagnostics?: { lnum: number; col: number; message: string; source?: string; code?: string; severity: number }[];
  server_exit?: { code: number; signal: number };
}

function requireNeovim(): string {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    assert.fail('`nvim` is not on PATH. This test drives the server from headless Neovim: install Debian\'s neovim ' +
      '(`apt-get install -y neovim`, 0.7.2 on bookworm); .ci/run installs it on a fresh machine.');
  }
  return r.stdout.split('\n')[0];
}

/** Runs the Lua client once in a private HOME/XDG tree; kills Neovim and its server (one process group) on timeout. */
interface NeovimRun {
  result: NeovimResult;
  ms: number;
  stderr: string;
  /** Neovim's LSP log (warnings and errors, including the server's window/logMessage errors). */
  lspLog: string;
}

async function runNeovim(): Promise<NeovimRun> {
  const home = mkdtempSync(join(tmpdir(), 'condis-nvim-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, TERM: 'dumb', LANG: 'C.UTF-8' };
  for (const [name, dir] of [['XDG_CONFIG_HOME', 'config'], ['XDG_DATA_HOME', 'data'], ['XDG_STATE_HOME', 'state'],
    ['XDG_CACHE_HOME', 'cache'], ['XDG_RUNTIME_DIR', 'run']] as const) {
    env[name] = join(home, dir);
    mkdirSync(env[name]!, { recursive: true, mode: 0o700 });
  }
  const f = fixture('ndis6-call-manager.c');
  const call = offsetOf(f.text, CALL);
  env.CONDIS_NODE = process.execPath;
  env.CONDIS_SERVER_JS = SERVER_JS;
  env.CONDIS_ROOT_DIR = FIXTURES;
  env.CONDIS_OUT = join(home, 'result.json');
  // A copy of the fixture with PENDING passed to the close completion: its diagnostics must be pushed to Neovim.
  env.CONDIS_DIAG_FILE = join(home, 'broken-close.c');
  writeFileSync(env.CONDIS_DIAG_FILE, f.text.replace(CALL, CALL.replace('(Status,', '(NDIS_STATUS_PENDING,')));
  env.CONDIS_PROBES = JSON.stringify({
    hover: positionAt(f.text, call + 'NdisCm'.length),
    signature: positionAt(f.text, call + CALL.indexOf('Vc->NdisVcHandle') + 6),
  });

  const started = performance.now();
  const nvim = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${SCRIPT}`, f.path],
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
    const result = JSON.parse(readFileSync(env.CONDIS_OUT, 'utf8')) as NeovimResult;
    const lspLog = join(env.XDG_CACHE_HOME!, 'nvim', 'lsp.log');
    return { result, ms, stderr, lspLog: existsSync(lspLog) ? readFileSync(lspLog, 'utf8') : '' };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

describe('headless Neovim as an LSP client of dist/server.js', () => {
  let run: NeovimRun;

  before(async () => {
    requireNeovim();
    run = await runNeovim();
  });

  test('starts the server with vim.lsp.start_client and finishes initialization', (t) => {
    const r = run.result;
    t.diagnostic(`Neovim ${r.nvim.major}.${r.nvim.minor}.${r.nvim.patch}: start, two requests, shutdown and quit in ${run.ms.toFixed(0)} ms`);
    assert.deepEqual(r.errors, [], `errors reported by the Lua client; stderr:\n${run.stderr}\nlsp.log:\n${run.lspLog}`);
    assert.doesNotMatch(run.lspLog, /\[ERROR\]/, `Neovim's LSP log has errors:\n${run.lspLog}`);
    assert.equal(r.initialized, true);
    assert.equal(r.filetype, 'c', 'Neovim detected the fixture as C');
    assert.equal(r.capabilities?.hover, true);
    assert.deepEqual(r.capabilities?.signature_triggers, ['(', ',']);
  });

  test('reads back the NdisCmCloseCallComplete hover with the MCM twin, the PENDING rule, the IRQL and the link', () => {
    const h = run.result.hover;
    assert.ok(h, `a hover result; errors: ${run.result.errors.join('; ')}`);
    const c = h.contents as MarkupContent;
    assert.equal(c.kind, 'markdown', 'Neovim announces Markdown hovers');
    for (const s of ['VOID NdisCmCloseCallComplete(', 'NdisMCmCloseCallComplete', 'NDIS_STATUS_PENDING', 'DISPATCH_LEVEL',
      'https://learn.microsoft.com/windows-hardware/drivers/ddi/ndis/nf-ndis-ndiscmclosecallcomplete']) {
      assert.ok(c.value.includes(s), `hover mentions ${s}`);
    }
  });

  test('reads back signature help for NdisCmCloseCallComplete with the second parameter active', () => {
    const sh = run.result.signature;
    assert.ok(sh, `a signature help result; errors: ${run.result.errors.join('; ')}`);
    const sig = sh.signatures[sh.activeSignature ?? 0];
    assert.equal(sig.label, 'VOID NdisCmCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle)');
    assert.equal(sh.activeParameter ?? sig.activeParameter, 1);
  });

  test('receives pushed diagnostics: complete-with-pending on the broken close completion', () => {
    const d = (run.result.diagnostics ?? []).filter((x) => x.code === 'complete-with-pending');
    assert.equal(d.length, 1, JSON.stringify(run.result.diagnostics));
    assert.equal(d[0].source, 'condis');
    assert.equal(d[0].severity, 1, 'an error');
    const f = fixture('ndis6-call-manager.c');
    assert.deepEqual({ lnum: d[0].lnum, col: d[0].col }, (({ line, character }) => ({ lnum: line, col: character + 'NdisCmCloseCallComplete('.length }))(positionAt(f.text, offsetOf(f.text, CALL))));
  });

  test('stops the server cleanly: Neovim\'s shutdown and exit end it with code 0', () => {
    assert.deepEqual(run.result.server_exit, { code: 0, signal: 0 });
  });
});
