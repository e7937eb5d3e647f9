// SourceFiles on the local disk, for the Node server: file: URIs only (other schemes have no files here).
import { readFileSync, statSync } from 'node:fs';
import { fileUri, uriToPath } from './uris';
import { listSources, readSource } from './workspaceFiles';
import type { SourceFiles } from './sourceFiles';

export const nodeSourceFiles: SourceFiles = {
  reaches: (uri) => uriToPath(uri) !== undefined,
  async list(folderUri, onProblem) {
    const path = uriToPath(folderUri);
    if (path === undefined) { onProblem(folderUri, 'not on this machine'); return []; }
    return (await listSources(path, {}, onProblem)).map((p) => fileUri(p));
  },
  async read(uri, maxBytes) {
    const path = uriToPath(uri);
    return path === undefined ? { ok: false, why: 'not on this machine' } : readSource(path, maxBytes);
  },
  readNow(uri, maxBytes) {
    try {
      const path = uriToPath(uri);
      if (path === undefined) return undefined;
      return statSync(path).size <= maxBytes ? readFileSync(path, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  },
};
