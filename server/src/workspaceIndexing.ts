// Indexing the workspace folders for the server (with progress), indexing again the files a raised size limit lets in,
// and a file's current text (the open document's, else the file's). Part of the server entry: it reaches the analysis
// through `core`, the files through a SourceFiles (disk or web client) and the connection only through callbacks.
import type { InitializeParams } from 'vscode-languageserver';
import type { Services } from './services';
import type { SourceFiles } from './sourceFiles';
import type * as Core from './core';
import type { FileSummarizer } from './summaryTransfer';

interface Progress { begin(title: string, percentage: number, message: string, cancellable: boolean): void; report(p: number, m: string): void; done(): void }

export interface IndexingHost {
  core(): typeof Core;
  services(): Services | undefined;
  init(): InitializeParams | undefined;
  /** Where the workspace's files are read: the disk, or the web client. */
  files: SourceFiles;
  maxBytes(): number;
  log(message: string): void;
  warn(message: string): void;
  /** A progress report shown by the client, when it can show one. */
  progress(): Promise<Progress | undefined>;
  /** Summarises off this thread (the platform's), falling back to `inThread`; absent: in this thread. */
  summarizer?(inThread: FileSummarizer): FileSummarizer;
  /** The index changed: re-check open documents (`whole`: after a build) and look at the lifecycle models again. */
  changed(whole: boolean): void;
}

export class WorkspaceIndexing {
  /** Whether the folders are being indexed now. */
  running = false;
  /** Files left out for their size (path -> bytes): indexed when the limit is raised. */
  tooLarge = new Map<string, number>();

  constructor(private readonly host: IndexingHost) {}

  async build(): Promise<void> {
    const { host } = this;
    const s = host.services();
    const core = host.core();
    const folders = this.folders(true);
    if (!s || !folders.length) return;
    // Before the first await: documents opened meanwhile wait for it.
    s.workspace.expectFolders(folders.map((f) => core.folderKey(s.uris.key(f))));
    this.running = true;
    const progress = await host.progress();
    progress?.begin('CoNDIS Assist: indexing', 0, 'listing C sources', false);
    const started = Date.now();
    const inThread = core.inThreadSummarizer(s, host.files);
    const summarizer = host.summarizer?.(inThread) ?? inThread;
    const r = await core.indexFolders(s, host.files, folders, host.maxBytes(), {
      report: (done, total) => progress?.report(total ? Math.round((100 * done) / total) : 100, `${done}/${total} files`),
      cancelled: () => false,
    }, (m) => host.log(m), summarizer).finally(() => { this.running = false; summarizer.close(); });
    this.tooLarge = r.tooLarge;
    progress?.done();
    host.log(`Indexed ${r.done - r.tooLarge.size} C files in ${Date.now() - started} ms${summarizer.inThread ? '' : ` (${summarizer.parallel} worker thread${summarizer.parallel === 1 ? '' : 's'})`}.`);
    host.changed(true);
  }

  /** The workspace folders the index reads (`warn`: say which cannot be read). */
  private folders(warn = false): string[] {
    const { host } = this;
    const init = host.init();
    return (init?.workspaceFolders ?? (init?.rootUri ? [{ uri: init.rootUri, name: '' }] : []))
      // Other schemes are left alone silently where they cannot be read (Node); a file: folder there is worth a word.
      .filter((f) => f.uri.startsWith('file:') || host.files.reaches(f.uri)).flatMap((f) => {
        // Another host (on Linux and macOS): a share this machine has not mounted at that name.
        if (warn && !host.files.reaches(f.uri)) host.warn(`Not indexing workspace folder ${f.uri}: it is on another host`);
        return host.files.reaches(f.uri) ? [f.uri] : [];
      });
  }

  /**
   * A document was closed: the index no longer holds its editor text (saved or not). A file in a workspace folder is
   * read again (`indexed`: the text the index holds, when known, so that an unchanged file costs a read); anything
   * else, a file outside the folders or one the server cannot read, is forgotten. Tells the host when the index changed.
   */
  async closed(s: Services, uri: string, indexed: string | undefined): Promise<void> {
    const core = this.host.core();
    const key = s.uris.key(uri);
    const before = s.workspace.generation('');
    if (this.folders().some((f) => key.startsWith(core.folderKey(s.uris.key(f))))) {
      await core.refreshFile(s, this.host.files, key, this.host.maxBytes(), this.tooLarge, (m) => this.host.log(m), indexed);
    } else if (!s.documents.get(key)) s.workspace.delete(key);
    if (s.workspace.generation('') !== before) this.host.changed(false);
  }

  /** The limit was raised: index the files it used to leave out (those still too large stay listed). */
  async indexTooLarge(s: Services): Promise<void> {
    const uris = [...this.tooLarge.keys()];
    this.tooLarge = new Map();
    const r = await this.host.core().indexFiles(s, this.host.files, uris, this.host.maxBytes(), { report: () => undefined, cancelled: () => false }, (m) => this.host.log(m));
    for (const [p, size] of r.tooLarge) this.tooLarge.set(p, size);
    this.host.changed(false);
  }

  /** A file's text as the user sees it: the open document's, else the file's when at hand (within the size limit). */
  currentText(s: Services, uri: string): string | undefined {
    const open = s.documents.get(uri);
    return open ? open.text.getText() : this.host.files.readNow(uri, this.host.maxBytes());
  }
}
