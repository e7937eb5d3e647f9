// The `--cache` file: per file, its content hash, its summary (pass 1) and its findings with a digest of the workspace
// facts its rules read (pass 2). The whole file is keyed by everything else that changes findings (tool, rules,
// catalog, grammar, settings) and checksummed; anything unexpected makes it ignored, never trusted. Written atomically.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FileSummary } from '../analysis/summary';
import type { Settings } from '../settings';
import type { Found } from './fileCheck';

/** Bumped whenever the file's layout or what an entry means changes. */
export const CACHE_FORMAT = 1;
export const CACHE_FILE = '.condiscache';

export interface CacheEntry {
  /** contentHash of the text. */
  hash: string;
  summary: FileSummary;
  /** summaryKey of the summary (made where its lazy parts could still be read). */
  key: string;
  /** workspaceDigest the findings were made under. */
  digest: string;
  found: Found[];
}

/** Entries by absolute path. */
export type CacheFiles = Map<string, CacheEntry>;

/** ESLint's rule: a folder (existing, or spelled with a trailing separator) holds the file; anything else is the file. */
export function cachePath(location: string | undefined, cwd: string): string {
  if (location === undefined) return join(cwd, CACHE_FILE);
  const abs = resolve(cwd, location);
  const isDir = /[\\/]$/.test(location) || (existsSync(abs) && statSync(abs).isDirectory());
  return isDir ? join(abs, CACHE_FILE) : abs;
}

/**
 * The key of everything outside the files that changes findings: this build of the tool (its version and the bundles
 * and grammar it runs, which hold the rules and the catalog) and the settings and options in force.
 */
export function cacheKey(version: string, distDir: string, settings: Settings, maxFileBytes: number): string {
  const h = createHash('sha256').update(JSON.stringify([CACHE_FORMAT, version, settings.driverRole, settings.diagnostics, maxFileBytes]));
  for (const f of ['cli.js', 'cliWorker.js', 'tree-sitter-c.wasm', 'web-tree-sitter.wasm']) {
    try {
      h.update(f).update(readFileSync(join(distDir, f)));
    } catch {
      h.update(`${f}: missing`);
    }
  }
  return h.digest('base64url');
}

/** The entries of the cache at `path` if it is intact and made under `key`; else none (a cold run). */
export function loadCache(path: string, key: string): CacheFiles {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return new Map();
  }
  try {
    // Two lines: a header naming the format, the key and the body's checksum; the body.
    const nl = text.indexOf('\n');
    if (nl < 0) return new Map();
    const header = JSON.parse(text.slice(0, nl)) as unknown;
    const body = text.slice(nl + 1);
    if (!isObject(header) || header.format !== CACHE_FORMAT || header.key !== key || header.sum !== checksum(body)) return new Map();
    const files = JSON.parse(body) as unknown;
    if (!isObject(files)) return new Map();
    const out: CacheFiles = new Map();
    for (const [p, e] of Object.entries(files)) {
      if (!isEntry(e)) return new Map(); // one bad entry: the file is not what we wrote, trust none of it
      out.set(p, e);
    }
    return out;
  } catch {
    return new Map();
  }
}

/** Writes the cache through a temporary file renamed over it: a reader never sees half a file. */
export function saveCache(path: string, key: string, files: CacheFiles): void {
  const body = JSON.stringify(Object.fromEntries(files));
  const text = `${JSON.stringify({ format: CACHE_FORMAT, key, sum: checksum(body) })}\n${body}`;
  const tmp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    try { unlinkSync(tmp); } catch { /* never made */ }
    throw err;
  }
}

/** The key of a file's text. */
export const contentHash = (text: string): string => createHash('sha256').update(text).digest('base64url');

const checksum = (body: string) => createHash('sha256').update(body).digest('base64url');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

function isEntry(e: unknown): e is CacheEntry {
  if (!isObject(e) || !isString(e.hash) || !isString(e.key) || !isString(e.digest) || !Array.isArray(e.found)) return false;
  const s = e.summary;
  if (!isObject(s) || !isString(s.uri) || !Array.isArray(s.bindings) || !isObject(s.callGraph) || !isObject(s.calls)
    || !Array.isArray(s.evidence) || !Array.isArray(s.vcCreated) || !Array.isArray(s.vcDeleted)) return false;
  return e.found.every((f) => isObject(f) && isCount(f.line) && isCount(f.column) && isCount(f.endLine) && isCount(f.endColumn)
    && isString(f.rule) && isString(f.message) && SEVERITIES.has(f.severity as string));
}
