// Workspace summaries as plain data: what crosses from an indexing worker thread to the server (structured clone),
// and what the index keeps of a file read from disk. No analysis code here: server.ts's bundle uses it too.
import type { FileSummary } from './analysis/summary';

/**
 * How a workspace file was summarised: its summary (null: no tree) with the key the index compares it by (`key`: from
 * a worker, whose analysis's semantic key does not cross with the summary), or why it was not read (`size`: too large).
 */
export type Summarized = { ok: true; summary: FileSummary | null; key?: string } | { ok: false; why: string; size?: number };

/**
 * Turns workspace files into summaries: in this thread (indexer.ts, and the web worker's only way), or in worker
 * threads (Node: workerSummarizer.ts), which leaves this thread free to answer requests while the index builds.
 */
export interface FileSummarizer {
  /** Files worth having in hand at once (the indexer asks ahead by this many). */
  readonly parallel: number;
  /** Whether the work runs in this thread: the indexer then yields to messages between files. */
  readonly inThread: boolean;
  /** Reads and summarises one file (refused when over `maxBytes`, binary or not a regular file). */
  summarize(uri: string, maxBytes: number): Promise<Summarized>;
  /** Ends any thread it started. */
  close(): void;
}

/**
 * The summary with its `lifecycle` places made now and stored as a value: the getter that makes them on first read
 * holds every item's facts, which for a file read from disk (never edited, only summarised) is memory for nothing.
 * `enumerable`: true to send it to another thread (structured clone copies own enumerable properties only).
 */
export function withLifecycleValue(summary: FileSummary, enumerable = false): FileSummary {
  const value = summary.lifecycle;
  Object.defineProperty(summary, 'lifecycle', { value, enumerable, configurable: true, writable: true });
  return summary;
}

/**
 * A summary received from a worker: `lifecycle` made non-enumerable again, and the records keyed by any function name
 * without a prototype. `pool`: strings already received (a clone copies every name; sharing them saves a quarter of
 * the summaries' memory, since the same API and type names recur in every file).
 */
export function fromTransfer(summary: FileSummary, pool?: Map<string, string>): FileSummary {
  if (pool) { intern(summary, pool); intern(summary.lifecycle, pool); }
  // A function may be called `constructor` (summary.ts makes these two with Object.create(null); a clone has Object's prototype).
  if (summary.arities) Object.setPrototypeOf(summary.arities, null);
  if (summary.params) Object.setPrototypeOf(summary.params, null);
  return withLifecycleValue(summary, false);
}

/** Replaces the strings inside `v` (arrays and plain objects, walked once) by the pool's copies. */
function intern(v: unknown, pool: Map<string, string>): unknown {
  if (typeof v === 'string') {
    const had = pool.get(v);
    if (had !== undefined) return had;
    pool.set(v, v);
    return v;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = intern(v[i], pool);
  } else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = intern(o[k], pool);
  }
  return v;
}
