// The CLI's inputs: expands PATH arguments into source files (through workspaceFiles), reads them, and words
// every reason a file could not be checked. Also how a file is named in output (relative to the current folder).
import { posix, relative, resolve, sep, win32 } from 'node:path';
import { listSources, readSource } from '../workspaceFiles';
import { fileUri, HOST_FLAVOUR, plainWin32Path, UriKeys, type PathFlavour } from '../uris';

/** A file (or PATH) that could not be checked, and why, in words for the user. */
export interface Skipped { path: string; why: string }

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** The `file:` URI the workspace index and the rules know the file by (as in the language server). */
  uri: string;
  text: string;
}

/** Upper bound on files from all PATHs together, as for the editor's workspace index. */
export const MAX_FILES = 50_000;

const ERRNO: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  EISDIR: 'is a folder',
  ENAMETOOLONG: 'path too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

export function describeProblem(why: string): string {
  return ERRNO[why] ?? why;
}

/**
 * Every distinct source file under `paths`, in the order found, with problems reported as they are met. Distinct as the
 * server's index counts files: `src` and `SRC\cm.c` on Windows name one file once.
 */
export async function collectFiles(paths: string[], cwd: string, skip: (s: Skipped) => void): Promise<{ files: string[]; truncated: boolean }> {
  const keys = new UriKeys();
  const seen = new Set<string>();
  const files: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const found = await listSources(abs, { maxFiles: MAX_FILES - files.length + 1 }, (where, why) => skip({ path: where, why: describeProblem(why) }));
    for (const f of found) {
      const key = keys.key(fileUri(f));
      if (seen.has(key)) continue;
      if (files.length >= MAX_FILES) return { files, truncated: true };
      seen.add(key);
      files.push(f);
    }
  }
  return { files, truncated: false };
}

/** Reads one file; a failure becomes a Skipped with a reason that says what to do about a size limit. */
export async function readFile(path: string, maxBytes: number): Promise<SourceFile | Skipped> {
  const r = await readSource(path, maxBytes);
  if (!r.ok) {
    const why = describeProblem(r.why);
    return { path, why: why.startsWith('larger than') ? `${why}; raise it with --max-file-size` : why };
  }
  return { path, uri: fileUri(path), text: r.text };
}

export function isSkipped(x: SourceFile | Skipped): x is Skipped {
  return 'why' in x;
}

/** True when `path` is `cwd` or below it (on Windows whatever the case, as path.win32 compares). */
export function isInside(path: string, cwd: string, flavour: PathFlavour = HOST_FLAVOUR): boolean {
  const p = flavour === 'win32' ? win32 : posix;
  const rel = p.relative(cwd, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${p.sep}`) && !p.isAbsolute(rel));
}

/**
 * How a file is named in text and JSON output, as the platform's compilers name it: relative to `cwd` when inside it,
 * else absolute; on Windows with backslashes and without a `\\?\` prefix (`C:\drv\cm.c`, `\\server\share\cm.c`).
 */
export function displayPath(path: string, cwd: string, flavour: PathFlavour = HOST_FLAVOUR): string {
  const p = flavour === 'win32' ? win32 : posix;
  const [file, base] = flavour === 'win32' ? [plainWin32Path(path), plainWin32Path(cwd)] : [path, cwd];
  if (isInside(file, base, flavour)) return p.relative(base, file) || '.';
  return flavour === 'win32' ? win32.normalize(file) : file;
}

/** A path relative to `cwd` as a relative URI reference (forward slashes, each segment percent-encoded). */
export function relativeUri(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).map(encodeURIComponent).join('/');
}
