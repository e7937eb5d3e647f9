// Builds the workspace index in the background: lists the folders' C sources and summarises each file
// in small slices, yielding between them so requests are answered while it runs.
// Files are URIs throughout and reach the disk (or the web client) only through a SourceFiles.
import type { FileEvent } from 'vscode-languageserver';
import { displayUri } from './uris';
import type { SourceFiles } from './sourceFiles';
import { summarizeFile, type Services } from './services';
import { limitText, sizeText } from './limits';
import { nextTurn } from './portable';

export interface IndexProgress {
  report(done: number, total: number): void;
  cancelled(): boolean;
}

export interface IndexResult {
  /** Files visited (indexed, skipped or refused). */
  done: number;
  /** Files (URIs) left out for being larger than the limit, with their sizes: indexed later if the limit is raised. */
  tooLarge: Map<string, number>;
}

const SLICE = 8;
/** FileChangeType.Deleted (the protocol's value; the enum lives in a module this bundle does not load). */
const FILE_DELETED = 3;

/** Lists and indexes the C sources of `folders`; files over `maxBytes` are left out and named in one log line. */
export async function indexFolders(s: Services, source: SourceFiles, folders: string[], maxBytes: number, progress: IndexProgress, log: (m: string) => void): Promise<IndexResult> {
  // The index is told what it is about to read, so that it can say which folders are complete (WorkspaceIndex.settled)
  // and the kind of a driver is not judged from its neighbours before its own files are in.
  s.workspace.expectFolders(folders.map((f) => folderKey(s.uris.key(f))));
  try {
    const files: string[] = [];
    for (const f of folders) {
      const listed = await source.list(f, (p, why) => log(`Skipped ${displayUri(p)}: ${why}`));
      files.push(...listed);
      s.workspace.expect(listed.map((u) => s.uris.key(u)));
      s.workspace.listed(folderKey(s.uris.key(f)));
    }
    return await indexFiles(s, source, files, maxBytes, progress, log);
  } finally {
    s.workspace.settleAll(); // also when cancelled or failed: what is unread then stays unread
  }
}

/** A folder's URI as the index compares it with file URIs (with its trailing slash). */
export function folderKey(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** Reads and summarises `files` (skipping open documents: their editor text is newer than the disk). */
export async function indexFiles(s: Services, source: SourceFiles, files: string[], maxBytes: number, progress: IndexProgress, log: (m: string) => void): Promise<IndexResult> {
  const tooLarge = new Map<string, number>();
  let done = 0;
  for (const file of files) {
    if (progress.cancelled()) break;
    const uri = s.uris.key(file);
    const path = displayUri(uri);
    if (!s.documents.get(uri)) {
      const r = await source.read(uri, maxBytes);
      if (r.ok) {
        try {
          const summary = summarizeFile(s, uri, r.text);
          if (summary) s.workspace.set(summary);
        } catch (err) {
          log(`Could not index ${path}: ${String(err)}`);
        }
      } else if (r.size !== undefined) {
        tooLarge.set(uri, r.size);
        s.workspace.delete(uri);
      } else {
        log(`Skipped ${path}: ${r.why}`);
      }
    }
    s.workspace.settle(uri);
    done++;
    if (done % SLICE === 0) {
      progress.report(done, files.length);
      await nextTurn();
    }
  }
  progress.report(done, files.length);
  if (tooLarge.size) log(tooLargeMessage(tooLarge, maxBytes));
  return { done, tooLarge };
}

/** One line for all the files left out for their size: a generated 50 MB table should not flood the log. */
export function tooLargeMessage(tooLarge: Map<string, number>, maxBytes: number): string {
  const limitMb = maxBytes / 1_048_576;
  const named = [...tooLarge].slice(0, 5).map(([uri, size]) => `${displayUri(uri)} (${sizeText(size, limitMb)})`);
  const more = tooLarge.size > named.length ? ` and ${tooLarge.size - named.length} more` : '';
  return `Not indexed: ${tooLarge.size} file${tooLarge.size === 1 ? '' : 's'} above condis.maxFileSize (${limitText(limitMb)}): ${named.join(', ')}${more}. Raise the setting to include them.`;
}

/**
 * Applies watched-file events (created, changed, deleted; a rename is a delete and a create) to the index. A file that
 * can no longer be read as C (gone, a dangling link, a directory, binary, too large) loses its summary. Open documents
 * are left alone: the editor's text wins. `tooLarge` is kept current, and a newly too-large file is logged once.
 */
export async function applyFileEvents(s: Services, source: SourceFiles, changes: readonly FileEvent[], maxBytes: number, tooLarge: Map<string, number>, log: (m: string) => void): Promise<void> {
  for (const change of changes) {
    const uri = s.uris.key(change.uri); // the client's spelling may not be the listing's
    if (s.documents.get(uri)) continue;
    if (change.type === FILE_DELETED) { s.workspace.delete(uri); continue; }
    const path = displayUri(uri);
    const r = await source.read(uri, maxBytes);
    if (!r.ok) {
      s.workspace.delete(uri);
      if (r.size !== undefined && !tooLarge.has(uri)) {
        tooLarge.set(uri, r.size);
        log(tooLargeMessage(new Map([[uri, r.size]]), maxBytes));
      }
      continue;
    }
    tooLarge.delete(uri);
    try {
      const summary = summarizeFile(s, uri, r.text);
      if (summary) s.workspace.set(summary); else s.workspace.delete(uri);
    } catch (err) {
      s.workspace.delete(uri);
      log(`Could not index ${path}: ${String(err)}`);
    }
  }
}
