// The `check` command's analysis, the same as the language server's: pass 1 summarises every file into the
// workspace index (cross-file rules need all of them), pass 2 analyses each file and runs the rules against it.
// Both passes are spread over runners (runners.ts: the lead thread or worker threads); a file's pass 2 runs where its
// pass 1 did, reusing that work (fileCheck.ts). Results are taken in the files' order, so the report, the skipped files
// and their order are the same whatever the number of jobs. With a cache (cache.ts) unchanged work is not redone.
import { stat } from 'node:fs/promises';
import type { Services } from '../services';
import type { Severity } from '../rules/types';
import type { Settings } from '../settings';
import { collectFiles, displayPath, type Skipped } from './inputs';
import type { Progress } from './progress';
import { inProcessRunner, Pool, workerRunner, type Runner, type WorkerSetup } from './runners';
import { reviveSummary, type Found, type IndexEntry, type IndexResult } from './fileCheck';
import { cachedFindings, readAhead, type CacheRun } from './cacheRun';
import { fileUri } from '../uris';

export { KEEP_TREES_CHARS } from './fileCheck';

/** One finding with 1-based positions; columns count UTF-16 code units (as LSP and tree-sitter do); the end is exclusive. */
export interface CliFinding {
  /** Absolute path. */
  path: string;
  /** As shown to the user: relative to the current folder when inside it. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
}

/** How much work a run did: files parsed and analysed in each pass, and files whose results came from the cache. */
export interface WorkStats { indexed: number; checked: number; unchanged: number; reused: number; analysedFiles: string[]; checkedFiles: string[] }

export interface CheckResult {
  /** Files analysed (skipped ones not counted). */
  files: number;
  findings: CliFinding[];
  skipped: Skipped[];
  /** True when the file count limit cut the list short. */
  truncated: boolean;
  stats: WorkStats;
}

export interface CheckInput {
  paths: string[];
  cwd: string;
  settings: Settings;
  maxFileBytes: number;
  progress: Progress;
  /** Called as soon as a file or PATH is found unusable, so the report comes before the (long) analysis ends. */
  onSkip: (s: Skipped) => void;
  /** Worker threads to use; 1 runs everything in this thread with `services`. */
  jobs: number;
  /** The services for `jobs` 1, made when first needed (a run served by the cache never loads the parser). */
  services: () => Promise<Services>;
  /** dist/, where the worker bundle and the wasm files are. */
  distDir: string;
  cache?: CacheRun;
}

export async function check(input: CheckInput): Promise<CheckResult> {
  const skipped: Skipped[] = [];
  const skip = (x: Skipped) => { skipped.push(x); input.onSkip(x); };
  const { files: paths, truncated } = await collectFiles(input.paths, input.cwd, skip);
  const { cache, cwd } = input;
  const stats: WorkStats = { indexed: 0, checked: 0, unchanged: 0, reused: 0, analysedFiles: [], checkedFiles: [] };
  const setup: WorkerSetup = { distDir: input.distDir, maxFileBytes: input.maxFileBytes, settings: input.settings };
  const jobs = Math.max(1, Math.min(input.jobs, paths.length));
  const pool = new Pool(jobs, () => (jobs === 1 ? inProcessRunner(input.services, setup) : workerRunner(setup)));
  try {
    input.progress.start('indexing', paths.length);
    const results: IndexResult[] = new Array(paths.length);
    const inOrder = inOrderOf(paths.length, (i) => {
      const r = results[i];
      if (r.kind === 'skipped' || r.kind === 'error') skip({ path: paths[i], why: r.why });
    });
    // With the cache, this thread reads and hashes every file first: those it has need no runner at all.
    const ahead = cache ? await readAhead(cache, paths, input.maxFileBytes) : undefined;
    const texts = new Map<number, string>(); // the files taken from the cache, should their findings be made again
    const todo: number[] = [];
    for (let i = 0; i < paths.length; i++) {
      const a = ahead?.[i];
      if (a?.kind === 'skipped') results[i] = a;
      else if (a?.unchanged) { results[i] = { kind: 'unchanged', uri: a.uri, hash: a.hash }; texts.set(i, a.text); } else { todo.push(i); continue; }
      input.progress.step();
      inOrder(i);
    }

    // Pass 1, largest files first (the last to finish is then a small one); results are taken in path order.
    const sizes = await Promise.all(todo.map((i) => (ahead ? Promise.resolve((ahead[i] as { text: string }).text.length) : stat(paths[i]).then((x) => x.size, () => 0))));
    const size = new Map(todo.map((i, k) => [i, sizes[k]]));
    todo.sort((a, b) => size.get(b)! - size.get(a)! || a - b);
    const owner: { slot: number; runner: Runner }[] = new Array(paths.length);
    let next = 0;
    const drive = async (slot: number) => {
      while (next < todo.length) {
        const i = todo[next++];
        const a = ahead?.[i];
        const runner = pool.live(slot);
        try {
          results[i] = await runner.index({ path: paths[i], ...(a?.kind === 'read' ? { source: { uri: a.uri, text: a.text } } : {}) });
          if (a?.kind === 'read' && results[i].kind === 'indexed') (results[i] as { hash?: string }).hash = a.hash;
        } catch (err) {
          results[i] = { kind: 'error', why: `internal error while indexing: ${errorText(err)}` };
        }
        owner[i] = { slot, runner };
        input.progress.step();
        inOrder(i);
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, todo.length) }, (_, k) => drive(k)));

    // The index, in path order as a one-thread run builds it.
    const entries: IndexEntry[] = [];
    const sources: number[] = [];
    for (let i = 0; i < paths.length; i++) {
      const r = results[i];
      if (r.kind === 'indexed') {
        sources.push(i);
        if (r.summary && r.key !== undefined) entries.push({ summary: r.summary, key: r.key });
        if (r.summary) stats.analysedFiles.push(displayPath(paths[i], cwd));
      } else if (r.kind === 'unchanged') {
        sources.push(i);
        const e = cache!.files.get(paths[i])!;
        entries.push({ summary: reviveSummary(e.summary), key: e.key });
        stats.unchanged++;
      }
    }
    const reuse = cache ? cachedFindings(cache, paths, results, entries, input.settings.driverRole) : undefined;

    // Pass 2: on the runner that read the file; a file taken from the cache goes to the least loaded one.
    const found: (Found[] | undefined)[] = new Array(paths.length);
    input.progress.start('checking', sources.length);
    const queues: number[][] = Array.from({ length: jobs }, () => []);
    const load = new Array<number>(jobs).fill(0);
    for (const i of sources) {
      const kept = reuse?.kept.get(i);
      if (kept) { found[i] = kept; stats.reused++; input.progress.step(); continue; }
      const slot = owner[i]?.slot ?? load.indexOf(Math.min(...load));
      queues[slot].push(i);
      load[slot] += texts.get(i)?.length ?? 0;
    }
    const failed: { i: number; why: string }[] = [];
    await Promise.all(queues.map(async (queue, slot) => {
      let ready: Runner | undefined;
      for (const i of queue) {
        try {
          const runner = pool.live(slot);
          if (ready !== runner) { await runner.setWorkspace(entries, input.settings.driverRole); ready = runner; }
          if (owner[i] && owner[i].runner !== runner) {
            // Its runner died after reading it: read it again where it is checked.
            const a = ahead?.[i];
            const again = await runner.index({ path: paths[i], ...(a?.kind === 'read' ? { source: { uri: a.uri, text: a.text } } : {}) });
            if (again.kind === 'skipped' || again.kind === 'error') throw new Error(again.why);
          }
          const out = await runner.check(fileUri(paths[i]), paths[i], texts.get(i));
          if (out.kind === 'checked') { found[i] = out.found; stats.checkedFiles.push(displayPath(paths[i], cwd)); } else failed.push({ i, why: out.why });
        } catch (err) {
          failed.push({ i, why: `internal error while checking: ${errorText(err)}` });
        }
        texts.delete(i);
        input.progress.step();
      }
    }));
    input.progress.done();
    // Problems of pass 2 are reported in path order, as a one-thread run meets them.
    for (const f of failed.sort((a, b) => a.i - b.i)) skip({ path: paths[f.i], why: f.why });

    const findings: CliFinding[] = [];
    let checked = 0;
    for (const i of sources) {
      const list = found[i];
      if (!list) continue;
      checked++;
      const file = displayPath(paths[i], cwd);
      for (const f of list) findings.push({ path: paths[i], file, ...f });
    }
    findings.sort(compareFindings);
    for (const r of pool.started) {
      const w = await r.work().catch(() => ({ indexed: 0, checked: 0 }));
      stats.indexed += w.indexed;
      stats.checked += w.checked;
    }
    stats.analysedFiles.sort();
    stats.checkedFiles.sort();
    cache?.save(paths, results, entries, found, reuse?.digests);
    return { files: checked, findings, skipped, truncated, stats };
  } finally {
    await pool.close();
  }
}

/** Calls `take(i)` for 0, 1, 2, ... as each becomes done, whatever order they are done in. */
function inOrderOf(n: number, take: (i: number) => void): (i: number) => void {
  const done = new Uint8Array(n);
  let upTo = 0;
  return (i) => {
    done[i] = 1;
    while (upTo < n && done[upTo]) take(upTo++);
  };
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

function compareFindings(a: CliFinding, b: CliFinding): number {
  return cmp(a.file, b.file) || cmp(a.line, b.line) || cmp(a.column, b.column) || cmp(a.rule, b.rule) || cmp(a.message, b.message);
}

/** 1 when any finding is an error or a warning (information and hints do not fail a build). */
export function hasFailingFindings(findings: CliFinding[]): boolean {
  return findings.some((f) => f.severity === 'error' || f.severity === 'warning');
}
