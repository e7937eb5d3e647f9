// The large-workspace benchmark (issue 16): our server started on a generated tree of 2,000 driver files (60 MB), one
// file opened at once as an editor does; while the index builds, open -> first diagnostics, hover and signature help
// round trips and edit -> diagnostics, against the same figures once the index is complete and in a workspace holding
// only that file; the build time, the server's RSS sampled during the build; and the CLI over the tree.
// Run alone: `node --import tsx bench/largeWorkspace.ts [--quick] [--no-build]` (prints JSON).
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspSession, TimeoutError, within } from './lsp';
import { spaceEdit, spread, stat, type Stat } from './measure';
import { buildAll, ours, OUT, ROOT } from './servers';
import { generateTree, type Tree } from './generateTree';
import type { Position } from './emitter';

export interface Phase { openMs: number | null; hover: Stat; signature: Stat; edit: Stat }

export interface LargeFigures {
  tree: { files: number; bytes: number; lines: number; drivers: number; largestBytes: number; largest: string; openBytes: number };
  /** The server's own figure ("Indexed N C files in X ms") and the files it counted. */
  indexMs: number | null;
  indexedFiles: number | null;
  /** initialized -> the progress end notification, as the client saw it. */
  progressMs: number | null;
  /** Requests answered before the progress end notification arrived (hover and signature help). */
  answeredDuringBuild: number;
  /** Open -> the first diagnostics after the build (the first ones hold back the file's workspace findings). */
  settledDiagnosticsMs: number | null;
  /** How many diagnostics the open file had at open (during the build) and once its driver was read. */
  diagnostics: { first: number; settled: number };
  during: Phase;
  after: Phase;
  small: Phase | null;
  rss: { peakMb: number; endOfBuildMb: number; afterMb: number; samples: number; smallMb: number | null };
  cli: { seconds: number; mbPerS: number; jobs: number | null; findings: number | null; note: string } | null;
  errors: string[];
}

const EMPTY: Stat = stat([]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Alternating insert/delete of a space at column 0 of statement lines, each timed to the diagnostics of its version. */
async function oneEdit(s: LspSession, uri: string, pos: Position, insert: boolean, version: { v: number }, timeoutMs: number): Promise<number> {
  const change = spaceEdit(pos, insert);
  version.v++;
  const arrived = s.diagnosticsFor(uri, version.v);
  const t = performance.now();
  s.change(uri, version.v, [change]);
  return (await within(timeoutMs, 'diagnostics after edit', arrived)) - t;
}

const METHOD = { hover: 'textDocument/hover', signature: 'textDocument/signatureHelp' } as const;
const params = (kind: keyof typeof METHOD, uri: string, position: Position) =>
  (kind === 'hover' ? { textDocument: { uri }, position } : { textDocument: { uri }, position, context: { triggerKind: 1, isRetrigger: false } });

/**
 * Hover, signature help and (every `editEvery` rounds) an edit pair, round after round until `stop()` or `rounds`:
 * while the index builds, requests keep coming as they would from a user who starts working at once.
 */
async function work(s: LspSession, uri: string, tree: Tree['open'], rounds: number, editEvery: number, stop: () => boolean, version: { v: number }, counted?: { n: number }): Promise<Omit<Phase, 'openMs'>> {
  const hovers = spread(tree.probes.hover, 400);
  const sigs = spread(tree.probes.signature, 400);
  const edits = spread(tree.probes.edit, 100);
  const h: number[] = [];
  const g: number[] = [];
  const e: number[] = [];
  let timeouts = 0;
  for (let i = 0; i < rounds && !stop(); i++) {
    try {
      const a = await s.timed(METHOD.hover, params('hover', uri, hovers[i % hovers.length]), 30_000);
      if (!stop()) { h.push(a.ms); if (counted) counted.n++; }
      const b = await s.timed(METHOD.signature, params('signature', uri, sigs[i % sigs.length]), 30_000);
      if (!stop()) { g.push(b.ms); if (counted) counted.n++; }
      if (i % editEvery === editEvery - 1) {
        const at = edits[Math.floor(i / editEvery) % edits.length];
        const ins = await oneEdit(s, uri, at, true, version, 60_000);
        const del = await oneEdit(s, uri, at, false, version, 60_000);
        if (!stop()) e.push(ins, del);
      }
    } catch (err) {
      if (!(err instanceof TimeoutError)) throw err;
      timeouts++;
      break;
    }
  }
  return { hover: stat(h, timeouts), signature: stat(g), edit: stat(e) };
}

/** The server on `dir` with `open` opened right after initialized; `during` works until the index is complete. */
async function serverRun(dir: string, open: Tree['open'], f: LargeFigures, quick: boolean): Promise<void> {
  const spec = { ...ours(), windowCapabilities: { workDoneProgress: true } };
  const s = await LspSession.start(spec, dir, 30_000);
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(s.rssMb()), 50);
  try {
    const t0 = performance.now();
    let ended = false;
    const uri = pathToFileURL(open.path).href;
    let settled: Promise<number> | undefined;
    s.connection.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
      if (p.value?.kind !== 'end' || ended) return;
      ended = true;
      f.progressMs = performance.now() - t0;
      f.rss.endOfBuildMb = s.rssMb();
      settled = s.diagnosticsFor(uri, null); // the first after the build: the open file's driver is read
    });
    const first = s.diagnosticsFor(uri, 1);
    const t = performance.now();
    s.open(uri, open.text, 1);
    f.during.openMs = (await within(120_000, 'first diagnostics while indexing', first)) - t;
    f.diagnostics.first = s.published.get(uri)?.count ?? 0;
    const version = { v: 1 };
    const counted = { n: 0 };
    const w = await work(s, uri, open, 100_000, 5, () => ended, version, counted);
    f.during = { ...f.during, ...w };
    f.answeredDuringBuild = counted.n;
    await within(600_000, 'indexing', s.waitForLog(/^Indexed \d+ C files/, 600_000));
    const m = s.log.map((l) => /^Indexed (\d+) C files in (\d+) ms/.exec(l)).find(Boolean);
    if (m) { f.indexedFiles = Number(m[1]); f.indexMs = Number(m[2]); }
    clearInterval(sampler);
    f.rss.peakMb = Math.max(...rss, 0);
    f.rss.samples = rss.length;
    // Once the index is complete: the diagnostics with the driver's findings, then the same work again.
    if (settled) f.settledDiagnosticsMs = (await within(60_000, 'diagnostics after indexing', settled)) - t;
    await sleep(500);
    f.diagnostics.settled = s.published.get(uri)?.count ?? 0;
    const after = await work(s, uri, open, quick ? 40 : 150, 5, () => false, version);
    // The open again, now that the index is complete: closed, then opened at a new version.
    void s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const again = s.diagnosticsFor(uri, 1000);
    const t2 = performance.now();
    s.open(uri, open.text, 1000);
    f.after = { openMs: (await within(60_000, 'first diagnostics after indexing', again)) - t2, ...after };
    f.rss.afterMb = s.rssMb();
  } finally {
    clearInterval(sampler);
    await s.stop();
  }
}

/** The same file alone in a folder: the small-workspace figures to compare with. */
async function smallRun(open: Tree['open'], f: LargeFigures, quick: boolean): Promise<void> {
  const dir = join(OUT, 'large-alone');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const path = join(dir, basename(open.path));
  writeFileSync(path, open.text);
  const s = await LspSession.start(ours(), dir, 30_000);
  try {
    const uri = pathToFileURL(path).href;
    const first = s.diagnosticsFor(uri, 1);
    const t = performance.now();
    s.open(uri, open.text, 1);
    const openMs = (await within(60_000, 'first diagnostics alone', first)) - t;
    await sleep(300);
    const w = await work(s, uri, open, quick ? 40 : 150, 5, () => false, { v: 1 });
    f.small = { openMs, ...w };
    f.rss.smallMb = s.rssMb();
  } finally {
    await s.stop();
  }
}

/** `node dist/cli.js check --format json` over the tree, with `--jobs <cores>` when the CLI has that option. */
function cliRun(dir: string, bytes: number): LargeFigures['cli'] {
  const cli = join(ROOT, 'dist', 'cli.js');
  const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout ?? '';
  const jobs = /--jobs\b/.test(help) ? cpus().length : null;
  const args = [cli, 'check', '--format', 'json', '-q', ...(jobs ? ['--jobs', String(jobs)] : []), dir];
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 900_000, maxBuffer: 512 << 20 });
  const seconds = (performance.now() - t) / 1000;
  if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`CLI failed (${r.status}): ${String(r.error ?? r.stderr).slice(0, 300)}`);
  let findings: number | null = null;
  try { findings = (JSON.parse(r.stdout) as { findings: unknown[] }).findings.length; } catch { /* reported as unknown */ }
  return { seconds, mbPerS: bytes / 1e6 / seconds, jobs, findings, note: `node dist/cli.js ${args.slice(1).join(' ').replace(dir, '<tree>')}` };
}

/** Generates the tree (2,000 files / 60 MB; `quick`: 200 files / 6 MB) and takes every figure. Never throws. */
export async function measureLarge(quick: boolean, opts: { cli?: boolean } = {}): Promise<LargeFigures> {
  const dir = join(OUT, quick ? 'large-quick' : 'large');
  const tree = generateTree(dir, quick ? { files: 200, mb: 6, drivers: 4 } : { files: 2000, mb: 60, drivers: 8 });
  const f: LargeFigures = {
    tree: { files: tree.files, bytes: tree.bytes, lines: tree.lines, drivers: tree.drivers, largestBytes: tree.largest.bytes, largest: tree.largest.path.slice(dir.length + 1), openBytes: Buffer.byteLength(tree.open.text) },
    indexMs: null, indexedFiles: null, progressMs: null, answeredDuringBuild: 0, settledDiagnosticsMs: null, diagnostics: { first: 0, settled: 0 },
    during: { openMs: null, hover: EMPTY, signature: EMPTY, edit: EMPTY }, after: { openMs: null, hover: EMPTY, signature: EMPTY, edit: EMPTY }, small: null,
    rss: { peakMb: NaN, endOfBuildMb: NaN, afterMb: NaN, samples: 0, smallMb: null }, cli: null, errors: [],
  };
  const guarded = async (what: string, fn: () => Promise<void> | void) => {
    try { await fn(); } catch (err) { f.errors.push(`${what}: ${err instanceof Error ? err.message : String(err)}`); }
  };
  await guarded('server on the tree', () => serverRun(dir, tree.open, f, quick));
  await guarded('server on the file alone', () => smallRun(tree.open, f, quick));
  if (opts.cli !== false) await guarded('CLI', () => { f.cli = cliRun(dir, tree.bytes); });
  return f;
}

if (process.argv[1] && /largeWorkspace\.[cm]?[jt]s$/.test(process.argv[1])) {
  const argv = process.argv.slice(2);
  void (async () => {
    mkdirSync(OUT, { recursive: true });
    if (!argv.includes('--no-build')) await buildAll();
    const f = await measureLarge(argv.includes('--quick'), { cli: !argv.includes('--no-cli') });
    console.log(JSON.stringify(f, null, 1));
  })();
}
