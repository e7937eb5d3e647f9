// CLI throughput on one core: `node dist/cli.js check --format json` over a generated tree of driver files, beside
// its floor (read + one tree-sitter parse per file) and clangd (`clangd --check` per file, stopped once the AST is
// built and indexed, before its per-token feature tests). Wall time of whole processes pinned to CPU 0.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDriver } from './generate';
import { OUT, ROOT } from './servers';

export interface Throughput { name: string; seconds: number[]; mbPerS: number; note: string }
export interface CliResult { files: number; bytes: number; lines: number; results: Throughput[] }

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
  run('condis', [process.execPath, join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', '-q', dir], 'node dist/cli.js check --format json (whole process)');
  run('floor', [process.execPath, join(OUT, 'parseFloor.js'), dir, join(ROOT, 'dist')], 'read + blank + one web-tree-sitter parse per file (whole process)');
  if (clangd) {
    const seconds: number[] = [];
    for (let r = 0; r < runs; r++) {
      let total = 0;
      for (const f of tree.files) total += await clangdCheck(clangd, f, dir, 120_000);
      seconds.push(total);
    }
    results.push({ name: 'clangd', seconds, mbPerS: mb / median(seconds), note: 'clangd --check per file until the AST is built and indexed' });
  }
  return { files: tree.files.length, bytes: tree.bytes, lines: tree.lines, results };
}
