// Builds the workspace index in the background: lists the folders' C sources and summarises each file, in worker
// threads when the platform has them, else in this thread in short slices, so requests are answered while it runs.
// Files are URIs throughout and reach the disk (or the web client) only through a SourceFiles.
import type { FileEvent } from 'vscode-languageserver';
import { displayUri } from './uris';
import type { SourceFiles } from './sourceFiles';
import { summarizeFile, type Services } from './services';
import { limitText, sizeText } from './limits';
import type { FileSummarizer, Summarized } from './summaryTransfer';
import { summaryKey } from './analysis/workspace';

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

/** Work in this thread between two looks at the messages (ms): a request waits at most this plus one file. */
const SLICE_MS = 8;
const REPORT_EVERY = 8;
/**
 * How long summaries wait to be stored (ms). After a change the next request derives again what it reads of the index,
 * at up to about 0.1 ms a file: waiting 0.5 ms a file keeps that to a fraction of the time as the index grows.
 */
const commitMs = (files: number) => 100 + files / 2;
/** FileChangeType.Deleted (the protocol's value; the enum lives in a module this bundle does not load). */
const FILE_DELETED = 3;

/** Lists and indexes the C sources of `folders`; files over `maxBytes` are left out and named in one log line. */
export async function indexFolders(s: Services, source: SourceFiles, folders: string[], maxBytes: number, progress: IndexProgress, log: (m: string) => void,
  summarizer?: FileSummarizer): Promise<IndexResult> {
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
    return await indexFiles(s, source, files, maxBytes, progress, log, summarizer);
  } finally {
    s.workspace.settleAll(); // also when cancelled or failed: what is unread then stays unread
  }
}

/** A folder's URI as the index compares it with file URIs (with its trailing slash). */
export function folderKey(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/**
 * Reads and summarises files in this thread: the web worker's way, and the fallback when no worker thread can run.
 * The indexer yields to messages between files (see indexFiles).
 */
export function inThreadSummarizer(s: Services, source: SourceFiles): FileSummarizer {
  return {
    parallel: 1,
    inThread: true,
    async summarize(uri, maxBytes) {
      const r = await source.read(uri, maxBytes);
      return r.ok ? { ok: true, summary: summarizeFile(s, uri, r.text) } : r;
    },
    close: () => undefined,
  };
}

/**
 * Reads and summarises `files` (skipping open documents: their editor text is newer than the disk). A summarizer of
 * worker threads is kept `parallel` files ahead, and its results are stored in the order of `files`; working in this
 * thread, the indexer lets the event loop answer messages whenever a file or a few took more than SLICE_MS.
 */
export async function indexFiles(s: Services, source: SourceFiles, files: string[], maxBytes: number, progress: IndexProgress, log: (m: string) => void,
  summarizer: FileSummarizer = inThreadSummarizer(s, source)): Promise<IndexResult> {
  const tooLarge = new Map<string, number>();
  let done = 0;
  const ahead: { uri: string; result: Promise<Summarized | { error: unknown }> | null; at: number }[] = [];
  let next = 0;
  const events = fileEvents(s);
  const fill = () => {
    for (const depth = summarizer.inThread ? 1 : 2 * summarizer.parallel; ahead.length < depth && next < files.length;) {
      const uri = s.uris.key(files[next++]);
      const result = s.documents.get(uri) ? null : summarizer.summarize(uri, maxBytes).catch((error: unknown) => ({ error }));
      ahead.push({ uri, result, at: events.seq });
    }
  };
  let slice = performance.now();
  // Summaries are stored in batches: each change of the index makes the next request derive its facts again.
  const batch: { uri: string; r: Summarized | { error: unknown } | null; at: number }[] = [];
  let committed = performance.now();
  const commit = () => {
    for (const { uri, r, at } of batch.splice(0)) {
      // Opened while it was being read: the editor's text wins. Changed on disk since it was queued: the watched-file
      // event stored the newer summary (or deleted the file), which this older one must not overwrite.
      if (r && !s.documents.get(uri) && (events.last.get(uri) ?? -1) < at) store(s, uri, r, tooLarge, log);
      s.workspace.settle(uri);
    }
    committed = performance.now();
  };
  fill();
  while (ahead.length) {
    if (progress.cancelled()) break;
    const { uri, result, at } = ahead.shift()!;
    // Workers read on while this one is stored; in this thread the next file starts after it, so that a message read
    // meanwhile is not left behind a second file.
    if (!summarizer.inThread) fill();
    batch.push({ uri, r: result && await result, at });
    fill();
    done++;
    if (performance.now() - committed >= commitMs(s.workspace.size)) commit();
    if (done % REPORT_EVERY === 0) progress.report(done, files.length);
    if (summarizer.inThread && performance.now() - slice >= SLICE_MS) {
      await yieldToMessages();
      slice = performance.now();
    }
  }
  commit();
  progress.report(done, files.length);
  if (tooLarge.size) log(tooLargeMessage(tooLarge, maxBytes));
  return { done, tooLarge };
}

/**
 * The watched-file events seen, per Services: a number for each, and the last one of each file. A build in progress
 * reads ahead and stores in batches; a file with an event after it was queued keeps what the event stored.
 */
const eventsOf = new WeakMap<Services, { seq: number; last: Map<string, number> }>();
function fileEvents(s: Services): { seq: number; last: Map<string, number> } {
  let e = eventsOf.get(s);
  if (!e) eventsOf.set(s, e = { seq: 0, last: new Map() });
  return e;
}

/** Records an event of `uri`: a build under way must not store what it read of the file before it. */
function noteEvent(s: Services, uri: string): void {
  const events = fileEvents(s);
  events.last.set(uri, events.seq++);
}

function store(s: Services, uri: string, r: Summarized | { error: unknown }, tooLarge: Map<string, number>, log: (m: string) => void): void {
  if ('error' in r) log(`Could not index ${displayUri(uri)}: ${String(r.error)}`);
  else if (r.ok) { if (r.summary) s.workspace.set(r.summary, r.key ?? summaryKey(r.summary)); }
  else if (r.size !== undefined) { tooLarge.set(uri, r.size); s.workspace.delete(uri); }
  else log(`Skipped ${displayUri(uri)}: ${r.why}`);
}

/**
 * Lets the messages that have arrived be handled before more indexing. A timer, not an immediate: vscode-jsonrpc
 * handles a message it has read in an immediate queued after ours, so an immediate would run the next file first.
 */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
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
    if (change.type === FILE_DELETED) { noteEvent(s, uri); if (!s.documents.get(uri)) s.workspace.delete(uri); continue; }
    await refreshFile(s, source, uri, maxBytes, tooLarge, log);
  }
}

/**
 * Reads `uri` (a key) again and stores its summary, or removes it when the file cannot be read as C. An open document
 * is left alone (the editor's text wins). `same`: the text the index holds already, when known; a read giving it back
 * is not summarised again. Counts as a watched-file event for a build under way.
 */
export async function refreshFile(s: Services, source: SourceFiles, uri: string, maxBytes: number, tooLarge: Map<string, number>, log: (m: string) => void,
  same?: string): Promise<void> {
  noteEvent(s, uri);
  if (s.documents.get(uri)) return;
  const r = await source.read(uri, maxBytes);
  if (s.documents.get(uri)) return; // opened again while it was read
  if (!r.ok) {
    s.workspace.delete(uri);
    if (r.size !== undefined && !tooLarge.has(uri)) {
      tooLarge.set(uri, r.size);
      log(tooLargeMessage(new Map([[uri, r.size]]), maxBytes));
    }
    return;
  }
  tooLarge.delete(uri);
  if (same !== undefined && r.text === same && s.workspace.has(uri)) return;
  try {
    const summary = summarizeFile(s, uri, r.text);
    if (summary) s.workspace.set(summary); else s.workspace.delete(uri);
  } catch (err) {
    s.workspace.delete(uri);
    log(`Could not index ${displayUri(uri)}: ${String(err)}`);
  }
}
