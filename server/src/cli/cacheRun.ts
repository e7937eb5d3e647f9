// One run's use of the cache: which files' findings stand (their text unchanged and the workspace facts their rules
// read unchanged), and the new cache made from this run's results. What the rules of a file read of other files is its
// driver's view of the index (WorkspaceIndex.forFile: the driver's kind and its files' summaries, in order); its digest
// is made of those files' summary keys (the summary without offsets, as the server's index generation counts changes),
// so an edit that moves nothing across files re-checks only the edited file.
import { createHash } from 'node:crypto';
import { WorkspaceIndex, type DriverKind, type WorkspaceView } from '../analysis/workspace';
import { contentHash, loadCache, saveCache, type CacheEntry, type CacheFiles } from './cache';
import type { Found, IndexEntry, IndexResult } from './fileCheck';
import { isSkipped, readFile } from './inputs';

export interface CacheRun {
  /** The entries of the cache file read at the start (empty when missing, stale or corrupt). */
  files: CacheFiles;
  save(paths: readonly string[], results: readonly IndexResult[], entries: readonly IndexEntry[], found: readonly (Found[] | undefined)[], digests?: ReadonlyMap<number, string>): void;
}

export interface Reuse {
  /** Findings of files (by position in the path list) that stand as cached. */
  kept: Map<number, Found[]>;
  /** The workspace digest of every file with a summary. */
  digests: Map<number, string>;
}

export function openCache(path: string, key: string, warn: (msg: string) => void): CacheRun {
  const files = loadCache(path, key);
  return {
    files,
    save(paths, results, entries, found, digests) {
      const next: CacheFiles = new Map();
      const byUri = new Map(entries.map((e) => [e.summary.uri, e]));
      paths.forEach((p, i) => {
        const r = results[i];
        const f = found[i];
        const digest = digests?.get(i);
        if (!f || digest === undefined || (r.kind !== 'indexed' && r.kind !== 'unchanged') || r.hash === undefined) return;
        const e = byUri.get(r.uri);
        if (e) next.set(p, { hash: r.hash, summary: e.summary, key: e.key, digest, found: f });
      });
      if (sameEntries(files, next)) return; // nothing to write: a repeat run leaves the file as it is
      try {
        saveCache(path, key, next);
      } catch (err) {
        warn(`could not write the cache ${path}: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  };
}

/** Which cached findings stand, given this run's index (built here in the order the runners build theirs). */
export function cachedFindings(cache: CacheRun, paths: readonly string[], results: readonly IndexResult[], entries: readonly IndexEntry[], override: DriverKind | 'auto'): Reuse {
  const index = new WorkspaceIndex(override);
  const keys = new Map<string, string>();
  for (const e of entries) { index.set(e.summary, e.key); keys.set(e.summary.uri, e.key); }
  const byView = new Map<WorkspaceView, string>();
  const kept = new Map<number, Found[]>();
  const digests = new Map<number, string>();
  results.forEach((r, i) => {
    if ((r.kind !== 'indexed' && r.kind !== 'unchanged') || !keys.has(r.uri)) return;
    const view = index.forFile(r.uri);
    let d = byView.get(view);
    if (d === undefined) {
      const driver = index.driverOf(r.uri);
      const files = [...view.summaries()].map((s) => [s.uri, keys.get(s.uri)]);
      d = createHash('sha256').update(JSON.stringify([driver.key, driver.shared, view.roleOf(r.uri), view.settled(r.uri), files])).digest('base64url');
      byView.set(view, d);
    }
    digests.set(i, d);
    const c = cache.files.get(paths[i]);
    if (r.kind === 'unchanged' && c && c.digest === d) kept.set(i, c.found);
  });
  return { kept, digests };
}

function sameEntries(a: CacheFiles, b: CacheFiles): boolean {
  if (a.size !== b.size) return false;
  for (const [p, e] of b) {
    const o: CacheEntry | undefined = a.get(p);
    if (!o || o.hash !== e.hash || o.digest !== e.digest || o.key !== e.key || o.found !== e.found) return false;
  }
  return true;
}

/** A file as the lead read it for the cache: its text, and its hash whether or not the cache has it. */
export type ReadAhead = { kind: 'skipped'; why: string } | { kind: 'read'; uri: string; text: string; hash: string; unchanged: boolean };

/** Reads and hashes every file in this thread (a few at a time): a file whose hash the cache has needs no runner. */
export async function readAhead(cache: CacheRun, paths: readonly string[], maxBytes: number): Promise<ReadAhead[]> {
  const out: ReadAhead[] = new Array(paths.length);
  let next = 0;
  const one = async () => {
    while (next < paths.length) {
      const i = next++;
      const r = await readFile(paths[i], maxBytes);
      if (isSkipped(r)) { out[i] = { kind: 'skipped', why: r.why }; continue; }
      const hash = contentHash(r.text);
      out[i] = { kind: 'read', uri: r.uri, text: r.text, hash, unchanged: cache.files.get(paths[i])?.hash === hash };
    }
  };
  await Promise.all(Array.from({ length: 8 }, one));
  return out;
}
