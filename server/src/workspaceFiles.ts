// Finding and reading the C sources of a folder tree, for the workspace index and the CLI. The only file I/O
// outside the entry points; bounded in depth, file count and file size, and it never follows symbolic links.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { decodeSource, type SourceEncoding } from './decodeSource';
import { C_SOURCE, MAX_DEPTH, MAX_FILES, SKIP_DIRS, tooLargeWhy } from './sourceNames';

export { C_SOURCE };

export interface ListOptions {
  maxFiles?: number;
  maxDepth?: number;
}

/** Every C/C++ source or header below `root` (which may itself be a file). Unreadable folders are passed over. */
export async function listSources(root: string, opts: ListOptions = {}, onProblem?: (path: string, why: string) => void): Promise<string[]> {
  const maxFiles = opts.maxFiles ?? MAX_FILES;
  const maxDepth = opts.maxDepth ?? MAX_DEPTH;
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (out.length >= maxFiles || depth > maxDepth) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      onProblem?.(dir, (err as NodeJS.ErrnoException).code ?? String(err));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= maxFiles) return;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(p, depth + 1);
      } else if (e.isFile() && C_SOURCE.test(e.name)) {
        out.push(p);
      }
    }
  };
  let st: import('node:fs').Stats;
  try {
    st = await fs.stat(root);
  } catch (err) {
    onProblem?.(root, (err as NodeJS.ErrnoException).code ?? String(err));
    return out;
  }
  if (st.isDirectory()) await walk(root, 0); else out.push(root);
  return out;
}

/** A refusal carries `size` (bytes) when the file was refused for being larger than the limit. */
export type ReadResult = { ok: true; text: string; encoding: SourceEncoding } | { ok: false; why: string; size?: number };

/**
 * Reads a source file as text (UTF-8, UTF-16 with a byte-order mark, or Windows-1252: decodeSource.ts); refuses files
 * over `maxBytes` and files that look binary (NUL bytes without a UTF-16 byte-order mark).
 */
export async function readSource(path: string, maxBytes: number): Promise<ReadResult> {
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) return { ok: false, why: 'not a regular file' };
    if (st.size > maxBytes) return { ok: false, why: tooLargeWhy(st.size, maxBytes), size: st.size };
    return decodeSource(await fs.readFile(path));
  } catch (err) {
    return { ok: false, why: (err as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : ((err as NodeJS.ErrnoException).code ?? String(err)) };
  }
}
