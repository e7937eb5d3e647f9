// The memory soak (issue 16): the real server with the 100k-line generated driver open takes thousands of editor-like
// edits (soakEdits.ts), checked in bursts, and its RSS (and what condis/memory reports) is sampled along the way.
// Run alone: `node --import tsx bench/soak.ts [--quick] [--lines 100000] [--edits 10000] [--every 50] [--seed 1] [--server PATH]`
// (prints JSON); `npm run bench` runs it too (`--no-soak` leaves it out).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateDriver } from './generate';
import { LspSession, within } from './lsp';
import { ours, OUT, ROOT } from './servers';
import { SoakTypist, type EditKind } from './soakEdits';
import { MEMORY_REQUEST, type MemoryReport } from '../server/src/memory';
import { SERVER_NODE_FLAGS } from '../server/src/nodeFlags';

export interface SoakOptions {
  lines: number; edits: number; checkEvery: number; seed: number;
  /** Another build's server.js, for a before/after comparison (`--server PATH`); default dist/server.js. */
  server?: string;
}

export interface SoakPoint {
  edits: number;
  rssMb: number;
  /** From condis/memory: V8's heap in use and its size, the wasm heap, live parse trees, memoised entries. */
  heapUsedMb: number | null;
  heapTotalMb: number | null;
  externalMb: number | null;
  wasmHeapMb: number | null;
  liveTrees: number | null;
  derivedEntries: number | null;
  lines: number;
}

export interface SoakResult {
  options: SoakOptions;
  bytes: number;
  /** After the open's diagnostics, before any edit. */
  open: SoakPoint | null;
  points: SoakPoint[];
  /** RSS at the last point over RSS after the first 100 edits (issue 16: at most 1.10). */
  ratio: number;
  checks: number;
  kinds: Record<EditKind, number> | null;
  /** Edit -> diagnostics of the checked versions, p50 and max (ms): the soak's pace, not a latency figure. */
  checkP50Ms: number;
  checkMaxMs: number;
  seconds: number;
  errors: string[];
}

const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Where the curve is sampled: after 100, 500, 1000, then every 1000 edits, and at the end. */
export function samplePoints(edits: number): number[] {
  const at = [100, 500, ...Array.from({ length: Math.floor(edits / 1000) }, (_, i) => (i + 1) * 1000), edits];
  return [...new Set(at.filter((n) => n <= edits))].sort((a, b) => a - b);
}

/** What the server holds once the check of `version` is complete and the editor has been idle a second. */
async function sample(s: LspSession, uri: string, version: number, edits: number, lines: number): Promise<SoakPoint> {
  await s.complete(uri, version, 120_000);
  await sleep(1000);
  const m = await within(10_000, 'condis/memory', s.connection.sendRequest(MEMORY_REQUEST)).catch(() => null) as MemoryReport | null;
  const p = m?.process;
  const mb = (x: number | undefined) => (x === undefined ? null : x / MB);
  return {
    edits, rssMb: s.rssMb(), heapUsedMb: mb(p?.heapUsed), heapTotalMb: mb(p?.heapTotal), externalMb: mb(p?.external),
    wasmHeapMb: mb(m?.wasmHeapBytes), liveTrees: m?.liveTrees ?? null, derivedEntries: m?.derivedEntries ?? null, lines,
  };
}

export async function measureSoak(o: SoakOptions): Promise<SoakResult> {
  const started = performance.now();
  const g = generateDriver(o.lines, o.seed);
  const dir = join(OUT, `ws-soak-${o.lines}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'driver.c');
  writeFileSync(file, g.text);
  const uri = pathToFileURL(file).href;
  const r: SoakResult = { options: o, bytes: Buffer.byteLength(g.text), open: null, points: [], ratio: NaN, checks: 0, kinds: null, checkP50Ms: NaN, checkMaxMs: NaN, seconds: 0, errors: [] };
  const typist = new SoakTypist(g.text, o.seed);
  const points = new Set(samplePoints(o.edits));
  const waits: number[] = [];
  let s: LspSession | undefined;
  try {
    const spec = ours();
    if (o.server) spec.args = [...SERVER_NODE_FLAGS, o.server, '--stdio'];
    s = await LspSession.start(spec, dir, 30_000);
    await spec.settled?.(s, 120_000);
    const opened = s.diagnosticsFor(uri, 1);
    s.open(uri, g.text, 1);
    await within(120_000, 'first diagnostics', opened);
    r.open = await sample(s, uri, 1, 0, typist.lineCount);
    for (let n = 1; n <= o.edits; n++) {
      const version = n + 1;
      // A burst of edits, then the editor waits for the diagnostics of the last one (or of a sampled one).
      const checked = n % o.checkEvery === 0 || points.has(n);
      const arrived = checked ? s.diagnosticsFor(uri, version) : undefined;
      const t = performance.now();
      s.change(uri, version, [typist.next()]);
      if (!arrived) continue;
      waits.push((await within(60_000, `diagnostics of version ${version}`, arrived)) - t);
      r.checks++;
      if (points.has(n)) r.points.push(await sample(s, uri, version, n, typist.lineCount));
    }
    // The server's text and ours must be the same length at the end, or the edits were not what we think.
    const m = await within(10_000, 'condis/memory', s.connection.sendRequest(MEMORY_REQUEST)) as MemoryReport | null;
    if (m && m.documentChars !== typist.text.length) r.errors.push(`the server's text has ${m?.documentChars} characters, the typist's ${typist.text.length}`);
  } catch (err) {
    r.errors.push(err instanceof Error ? err.message : String(err));
    if (s?.log.length) r.errors.push(`server log: ${s.log.slice(-5).join(' | ').slice(0, 400)}`);
  } finally {
    await s?.stop();
  }
  const first = r.points.find((p) => p.edits === 100) ?? r.points[0];
  const last = r.points[r.points.length - 1];
  r.ratio = first && last ? last.rssMb / first.rssMb : NaN;
  r.kinds = typist.kinds;
  const sorted = [...waits].sort((a, b) => a - b);
  r.checkP50Ms = sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
  r.checkMaxMs = sorted.length ? sorted[sorted.length - 1] : NaN;
  r.seconds = (performance.now() - started) / 1000;
  return r;
}

/**
 * `--quick`: a thousand edits (the curve's first points), for `npm run bench -- --quick`. The editor waits for the
 * diagnostics of every 50th version: a check of the 100k-line file after a burst that renamed something costs about a
 * second (the whole file's findings are checked again), so every 25th took 13 minutes for 10,000 edits.
 */
export function soakOptions(argv: string[], quick: boolean): SoakOptions {
  const opt = (n: string, d: number) => { const i = argv.indexOf(n); return i >= 0 ? Number(argv[i + 1]) : d; };
  return { lines: opt('--soak-lines', opt('--lines', 100_000)), edits: opt('--soak-edits', opt('--edits', quick ? 1000 : 10_000)), checkEvery: opt('--every', 50), seed: opt('--seed', 1),
    ...(argv.includes('--server') ? { server: argv[argv.indexOf('--server') + 1] } : {}) };
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  measureSoak(soakOptions(argv, argv.includes('--quick'))).then((r) => console.log(JSON.stringify(r, null, 1)), (e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
