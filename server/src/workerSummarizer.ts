// Node only: summarises workspace files in worker threads (dist/indexWorker.js, each with its own parser), so that the
// server's thread stays free for requests while the index builds. A worker that cannot start or dies hands the files it
// had, and every later one, to the in-thread summarizer: the index is complete either way.
import { Worker } from 'node:worker_threads';
import { fromTransfer, type FileSummarizer, type Summarized } from './summaryTransfer';

/** What a worker answers for one request (indexWorker.ts). */
export type WorkerAnswer = { id: number; result: Summarized } | { id: number; error: string };
export interface WorkerRequest { id: number; uri: string; maxBytes: number }

/**
 * `onDisk`: whether a worker can read the file itself (a file: URI of this host); the others (a virtual workspace's,
 * read through the client) are summarised in this thread, where the client is.
 */
export function workerSummarizer(script: string, threads: number, inThread: FileSummarizer, log: (m: string) => void,
  onDisk: (uri: string) => boolean = () => true): FileSummarizer {
  const workers: { worker: Worker; busy: number }[] = [];
  const pending = new Map<number, { uri: string; maxBytes: number; resolve: (r: Summarized) => void; reject: (e: Error) => void }>();
  /** The names received so far in this build, shared by the summaries (fromTransfer). */
  const pool = new Map<string, string>();
  let nextId = 0;
  let failed = false;
  let closed = false;
  /** Every file a worker had in hand goes to the in-thread summarizer, and so do the later ones. */
  const fail = (why: string) => {
    if (!failed) log(`Indexing in this thread from now on: ${why}`);
    failed = true;
    for (const w of workers) void w.worker.terminate();
    workers.length = 0;
    const left = [...pending.values()];
    pending.clear();
    for (const p of left) inThread.summarize(p.uri, p.maxBytes).then(p.resolve, p.reject);
  };
  try {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(script);
      const entry = { worker, busy: 0 };
      worker.on('message', (a: WorkerAnswer) => {
        const p = pending.get(a.id);
        if (!p) return;
        pending.delete(a.id);
        entry.busy--;
        if ('error' in a) p.reject(new Error(a.error));
        else p.resolve(a.result.ok && a.result.summary ? { ok: true, summary: fromTransfer(a.result.summary, pool), key: a.result.key } : a.result);
      });
      worker.on('error', (err) => fail(`an indexing worker failed: ${err instanceof Error ? err.message : String(err)}`));
      worker.on('exit', (code) => { if (!closed) fail(`an indexing worker stopped (exit code ${code})`); });
      workers.push(entry);
    }
  } catch (err) {
    fail(`no indexing worker could start: ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    get parallel() { return failed ? inThread.parallel : threads; },
    get inThread() { return failed; },
    summarize(uri, maxBytes) {
      if (failed || closed || !workers.length || !onDisk(uri)) return inThread.summarize(uri, maxBytes);
      const w = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      w.busy++;
      return new Promise<Summarized>((resolve, reject) => {
        pending.set(id, { uri, maxBytes, resolve, reject });
        w.worker.postMessage({ id, uri, maxBytes } satisfies WorkerRequest);
      });
    },
    close() {
      closed = true;
      pool.clear();
      for (const w of workers) void w.worker.terminate();
      workers.length = 0;
    },
  };
}
