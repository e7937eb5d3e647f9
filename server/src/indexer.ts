// Builds the workspace index in the background: lists the folders' C sources and summarises each file
// in small slices, yielding between them so requests are answered while it runs.
import { pathToFileURL } from 'node:url';
import { listSources, readSource } from './workspaceFiles';
import { summarizeFile, type Services } from './services';

export interface IndexProgress {
  report(done: number, total: number): void;
  cancelled(): boolean;
}

const MAX_FILE_BYTES = 8 * 1024 * 1024;

export async function indexFolders(s: Services, folders: string[], progress: IndexProgress, log: (m: string) => void): Promise<number> {
  const files: string[] = [];
  for (const f of folders) files.push(...await listSources(f, {}, (p, why) => log(`Skipped ${p}: ${why}`)));
  let done = 0;
  for (const path of files) {
    if (progress.cancelled()) break;
    const uri = pathToFileURL(path).href;
    // An open document's summary comes from its editor text, which is newer than the disk.
    if (!s.documents.get(uri)) {
      const r = await readSource(path, MAX_FILE_BYTES);
      if (r.ok) {
        try {
          const summary = summarizeFile(s, uri, r.text);
          if (summary) s.workspace.set(summary);
        } catch (err) {
          log(`Could not index ${path}: ${String(err)}`);
        }
      } else {
        log(`Skipped ${path}: ${r.why}`);
      }
    }
    done++;
    if (done % 8 === 0) {
      progress.report(done, files.length);
      await new Promise((r) => setImmediate(r));
    }
  }
  progress.report(done, files.length);
  return done;
}
