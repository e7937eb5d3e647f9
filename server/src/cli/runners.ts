// Where the `check` command's per-file work runs: in the lead thread (`--jobs 1`), or in worker threads, each with its
// own parser and services (dist/cliWorker.js). Both answer the same three requests; a worker that dies rejects what it
// had in hand and every later request, so the lead reports those files and never waits for an answer that cannot come.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DriverKind } from '../analysis/workspace';
import type { Services } from '../services';
import type { Settings } from '../settings';
import { FileChecker, type CheckOutcome, type IndexEntry, type IndexJob, type IndexResult } from './fileCheck';

export interface Runner {
  index(job: IndexJob): Promise<IndexResult>;
  setWorkspace(entries: readonly IndexEntry[], override: DriverKind | 'auto'): Promise<void>;
  check(uri: string, path: string, text?: string): Promise<CheckOutcome>;
  /** How many files it parsed and analysed in each pass. */
  work(): Promise<{ indexed: number; checked: number }>;
  readonly dead: boolean;
  close(): Promise<void>;
}

/** What every worker is started with (structured-cloned as workerData). */
export interface WorkerSetup { distDir: string; maxFileBytes: number; settings: Settings }

/** The requests a worker answers (cliWorker.ts), each with an id its answer repeats. */
export type Request =
  | { id: number; op: 'index'; job: IndexJob }
  | { id: number; op: 'workspace'; entries: readonly IndexEntry[]; override: DriverKind | 'auto' }
  | { id: number; op: 'check'; uri: string; path: string; text?: string }
  | { id: number; op: 'work' };
type WithoutId<R> = R extends { id: number } ? Omit<R, 'id'> : never;
export type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export function inProcessRunner(services: () => Promise<Services>, setup: WorkerSetup): Runner {
  const c = new FileChecker(services, setup.maxFileBytes);
  return {
    index: (job) => c.index(job),
    setWorkspace: (entries, override) => c.setWorkspace(entries, override),
    check: (uri, path, text) => c.check(uri, path, setup.settings, text),
    work: async () => ({ ...c.work }),
    dead: false,
    close: async () => {},
  };
}

export function workerRunner(setup: WorkerSetup): Runner {
  const worker = new Worker(join(setup.distDir, 'cliWorker.js'), { workerData: setup });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let dead: string | undefined;
  const die = (why: string) => {
    if (dead !== undefined) return;
    dead = why;
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  };
  worker.on('message', (a: Answer) => {
    const p = pending.get(a.id);
    if (!p) return;
    pending.delete(a.id);
    if (a.ok) p.resolve(a.value); else p.reject(new Error(a.error));
  });
  worker.on('error', (err) => die(`the worker stopped: ${err instanceof Error ? err.message : String(err)}`));
  worker.on('exit', (code) => die(`the worker stopped (exit code ${code})`));
  const ask = <T>(req: WithoutId<Request>): Promise<T> => {
    if (dead !== undefined) return Promise.reject(new Error(dead));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...req, id });
    });
  };
  return {
    index: (job) => ask({ op: 'index', job }),
    setWorkspace: (entries, override) => ask({ op: 'workspace', entries, override }),
    check: (uri, path, text) => ask({ op: 'check', uri, path, ...(text !== undefined ? { text } : {}) }),
    work: () => ask({ op: 'work' }),
    get dead() { return dead !== undefined; },
    close: async () => { die('closed'); await worker.terminate(); },
  };
}

/**
 * `size` runners, each started when first asked for (a run the cache serves starts none). A runner that died is
 * replaced when next asked for, a few times at most: one that cannot start must not be started again for every file.
 */
export class Pool {
  private readonly slots: Runner[] = [];
  readonly started: Runner[] = [];
  private respawns: number;
  constructor(readonly size: number, private readonly make: () => Runner) { this.respawns = size + 4; }

  /** The live runner of slot `k` (k < size); a dead one when it could not be replaced (its requests fail at once). */
  live(k: number): Runner {
    let r = this.slots[k];
    if (r && (!r.dead || this.respawns <= 0)) return r;
    if (r) this.respawns--;
    r = this.make();
    this.slots[k] = r;
    this.started.push(r);
    return r;
  }

  close(): Promise<void[]> { return Promise.all(this.started.map((r) => r.close())); }
}
