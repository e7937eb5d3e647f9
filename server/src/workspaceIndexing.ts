// Indexing the workspace folders for the server (with progress), indexing again the files a raised size limit lets in,
// and a file's current text (the open document's, else the disk's). Part of dist/server.js: it reaches the analysis
// through `core` and the connection only through the callbacks server.ts gives it.
import { readFileSync, statSync } from 'node:fs';
import type { InitializeParams } from 'vscode-languageserver/node';
import type { Services } from './services';
import type * as Core from './core';

interface Progress { begin(title: string, percentage: number, message: string, cancellable: boolean): void; report(p: number, m: string): void; done(): void }

export interface IndexingHost {
  core(): typeof Core;
  services(): Services | undefined;
  init(): InitializeParams | undefined;
  maxBytes(): number;
  log(message: string): void;
  warn(message: string): void;
  /** A progress report shown by the client, when it can show one. */
  progress(): Promise<Progress | undefined>;
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
    const init = host.init();
    const folders = (init?.workspaceFolders ?? (init?.rootUri ? [{ uri: init.rootUri, name: '' }] : []))
      .filter((f) => f.uri.startsWith('file:')).flatMap((f) => {
        const path = core.uriToPath(f.uri);
        // Another host (on Linux and macOS): a share this machine has not mounted at that name.
        if (path === undefined) host.warn(`Not indexing workspace folder ${f.uri}: it is on another host`);
        return path === undefined ? [] : [path];
      });
    if (!s || !folders.length) return;
    s.workspace.expectFolders(folders.map((f) => core.folderUri(f))); // before the first await: documents opened meanwhile wait for it
    this.running = true;
    const progress = await host.progress();
    progress?.begin('CoNDIS Assist: indexing', 0, 'listing C sources', false);
    const started = Date.now();
    const r = await core.indexFolders(s, folders, host.maxBytes(), {
      report: (done, total) => progress?.report(total ? Math.round((100 * done) / total) : 100, `${done}/${total} files`),
      cancelled: () => false,
    }, (m) => host.log(m)).finally(() => { this.running = false; });
    this.tooLarge = r.tooLarge;
    progress?.done();
    host.log(`Indexed ${r.done - r.tooLarge.size} C files in ${Date.now() - started} ms.`);
    host.changed(true);
  }

  /** The limit was raised: index the files it used to leave out (those still too large stay listed). */
  async indexTooLarge(s: Services): Promise<void> {
    const paths = [...this.tooLarge.keys()];
    this.tooLarge = new Map();
    const r = await this.host.core().indexFiles(s, paths, this.host.maxBytes(), { report: () => undefined, cancelled: () => false }, (m) => this.host.log(m));
    for (const [p, size] of r.tooLarge) this.tooLarge.set(p, size);
    this.host.changed(false);
  }

  /** A file's text as the user sees it: the open document's, else the disk's (within the size limit). */
  currentText(s: Services, uri: string): string | undefined {
    const open = s.documents.get(uri);
    if (open) return open.text.getText();
    try {
      const path = this.host.core().uriToPath(uri);
      if (path === undefined) return undefined;
      return statSync(path).size <= this.host.maxBytes() ? readFileSync(path, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  }
}
