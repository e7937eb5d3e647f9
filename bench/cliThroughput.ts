// CLI throughput: `node dist/cli.js check --format json` over a generated tree of driver files, on one core (pinned to
// CPU 0, `--jobs 1`) and on every core (`--jobs` left to its default, not pinned), beside its floor (read + one
// tree-sitter parse per file; on every core: one such process per core, each with its share of the files) and clangd
// (`clangd --check` per file, stopped once the AST is built and indexed, before its per-token feature tests); and the
// cache (`--cache`): a cold run, a repeat run and a run after one file changed. Wall time of whole processes.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDriver } from './generate';
import { buildAll, OUT, ROOT } from './servers';

export interface Throughput { name: string; seconds: number[]; mbPerS: number; note: string }
export interface CliResult {
  files: number; bytes: number; lines: number; results: Throughput[];
  /** Cores the every-core runs had. */
  cores?: number;
  /** `--cache` runs (every core): seconds of each kind of run; the repeat and one-changed runs as a share of the cold. */
  cache?: { cold: number[]; warm: number[]; oneChanged: number[]; changedBytes: number };
}

const COMPILE_FLAGS = '-xc\n-std=c11\n-Wall\n';

/** A tree like a driver repository: a few folders of files from 1k to 20k lines, each with its own seed. */
export function generateTree(dir: string, quick: boolean): { files: string[]; bytes: number; lines: number } {
  rmSync(dir, { recursive: true, force: true });
  const sizes = quick ? [1000, 2000, 5000, 10000] : [1000, 1000, 2000, 2000, 3000, 5000, 5000, 8000, 10000, 10000, 15000, 20000];
  const files: string[] = [];
  let bytes = 0;
  let lines = 0;
  sizes.forEach((n, i) => {
    const sub = join(dir, ['callmgr', 'common', 'af'][i % 3]);
    mkdirSync(sub, { recursive: true });
    const g = generateDriver(n, 100 + i);
    const path = join(sub, `unit${i}.c`);
    writeFileSync(path, g.text);
    files.push(path);
    bytes += Buffer.byteLength(g.text);
    lines += g.lines;
  });
  writeFileSync(join(dir, 'compile_flags.txt'), COMPILE_FLAGS);
  return { files, bytes, lines };
}

const pinned = (): string[] => (spawnSync('sh', ['-c', 'command -v taskset'], { encoding: 'utf8' }).status === 0 ? ['taskset', '-c', '0'] : []);

function timeCommand(argv: string[], timeoutMs: number): number {
  const t = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs, maxBuffer: 64 << 20 });
  if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`${argv.join(' ')} failed (${r.status}): ${String(r.error ?? r.stderr).slice(0, 300)}`);
  return (performance.now() - t) / 1000;
}

/** Several processes at once, timed until the last one ends. */
function timeTogether(argvs: string[][], timeoutMs: number): Promise<number> {
  const t = performance.now();
  return Promise.all(argvs.map((argv) => new Promise<void>((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${argv.join(' ')} failed (${code}): ${err.slice(0, 300)}`))));
  }))).then(() => (performance.now() - t) / 1000);
}

/** clangd --check on one file, timed until it logs that the AST is indexed (then stopped). */
function clangdCheck(clangd: string, file: string, cwd: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const pin = pinned();
    const t = performance.now();
    const child = spawn(pin[0] ?? clangd, [...pin.slice(1), ...(pin.length ? [clangd] : []), `--check=${file}`, '--check-lines=1', '--log=info'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`clangd --check ${file}: over ${timeoutMs} ms`)); }, timeoutMs);
    let buf = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      if (/Testing features at each token|All checks completed/.test(buf)) {
        const s = (performance.now() - t) / 1000;
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve(s);
      }
    });
    child.on('exit', () => { clearTimeout(timer); reject(new Error(`clangd --check ${file} exited early: ${buf.slice(-300)}`)); });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export async function measureCli(clangd: string | null, quick: boolean): Promise<CliResult> {
  const dir = join(OUT, 'tree');
  const tree = generateTree(dir, quick);
  const runs = quick ? 1 : 3;
  const pin = pinned();
  const mb = tree.bytes / 1e6;
  const results: Throughput[] = [];
  const run = (name: string, argv: string[], note: string) => {
    const seconds = Array.from({ length: runs }, () => timeCommand([...pin, ...argv], 300_000));
    results.push({ name, seconds, mbPerS: mb / median(seconds), note });
  };
  const cli = [process.execPath, join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', '-q'];
  const floor = [process.execPath, join(OUT, 'parseFloor.js'), dir, join(ROOT, 'dist')];
  const cores = availableParallelism();
  run('condis', [...cli, '--jobs', '1', dir], 'node dist/cli.js check --format json --jobs 1 (whole process)');
  run('floor', floor, 'read + blank + one web-tree-sitter parse per file (whole process)');
  // Every core: not pinned, the CLI's default --jobs; the floor as one process per core.
  const all = (name: string, argv: string[], note: string) => results.push({ name, seconds: Array.from({ length: runs }, () => timeCommand(argv, 300_000)), mbPerS: 0, note });
  all('condis (every core)', [...cli, dir], `node dist/cli.js check --format json (default --jobs: ${cores} worker threads)`);
  const floorAll: number[] = [];
  for (let r = 0; r < runs; r++) floorAll.push(await timeTogether(Array.from({ length: cores }, (_, k) => [...floor, String(k), String(cores)]), 300_000));
  results.push({ name: 'floor (every core)', seconds: floorAll, mbPerS: 0, note: `${cores} floor processes at once, each parsing 1/${cores} of the files` });
  for (const x of results) x.mbPerS = mb / median(x.seconds);
  const cache = measureCache(cli, dir, tree.files, runs);
  if (clangd) {
    const seconds: number[] = [];
    for (let r = 0; r < runs; r++) {
      let total = 0;
      for (const f of tree.files) total += await clangdCheck(clangd, f, dir, 120_000);
      seconds.push(total);
    }
    results.push({ name: 'clangd', seconds, mbPerS: mb / median(seconds), note: 'clangd --check per file until the AST is built and indexed' });
  }
  return { files: tree.files.length, bytes: tree.bytes, lines: tree.lines, results, cores, cache };
}

/**
 * `--cache` on every core: a cold run (no cache file), a repeat run (nothing changed) and a run after one file of the
 * middle size changed inside a function body (an empty statement: no cross-file fact changes), each `runs` times.
 */
function measureCache(cli: string[], dir: string, files: string[], runs: number): CliResult['cache'] {
  const location = join(OUT, 'cli.condiscache');
  const argv = [...cli, '--cache', '--cache-location', location, dir];
  const changed = files[Math.floor(files.length / 2)];
  const original = readFileSync(changed, 'utf8');
  const body = original.indexOf('\n    ', original.indexOf(')\n{\n')); // a statement line of the first function body
  const out = { cold: [] as number[], warm: [] as number[], oneChanged: [] as number[], changedBytes: Buffer.byteLength(original) };
  try {
    for (let r = 0; r < runs; r++) {
      rmSync(location, { force: true });
      writeFileSync(changed, original);
      out.cold.push(timeCommand(argv, 300_000));
      out.warm.push(timeCommand(argv, 300_000));
      writeFileSync(changed, `${original.slice(0, body + 1)}    ;${original.slice(body + 1)}`);
      out.oneChanged.push(timeCommand(argv, 300_000));
    }
  } finally {
    writeFileSync(changed, original);
    rmSync(location, { force: true });
  }
  return out;
}

// Alone: `node --import tsx bench/cliThroughput.ts [--quick] [--clangd PATH]` builds, measures and prints the figures.
if (require.main === module) {
  void (async () => {
    await buildAll();
    const at = process.argv.indexOf('--clangd');
    const r = await measureCli(at > 0 ? process.argv[at + 1] : null, process.argv.includes('--quick'));
    console.log(`${r.files} files, ${(r.bytes / 1e6).toFixed(2)} MB, ${r.cores} cores`);
    for (const x of r.results) console.log(`${x.name}: ${x.mbPerS.toFixed(2)} MB/s (seconds ${x.seconds.map((s) => s.toFixed(2)).join(', ')})`);
    const k = r.cache!;
    const pct = (xs: number[]) => `${((100 * median(xs)) / median(k.cold)).toFixed(0)}%`;
    console.log(`--cache: cold ${k.cold.map((s) => s.toFixed(2)).join(', ')} s; repeat ${k.warm.map((s) => s.toFixed(2)).join(', ')} s (${pct(k.warm)}); one changed ${k.oneChanged.map((s) => s.toFixed(2)).join(', ')} s (${pct(k.oneChanged)})`);
  })();
}
