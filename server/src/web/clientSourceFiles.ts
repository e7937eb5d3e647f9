// SourceFiles for the web worker server: the client lists and reads the files (workspace.findFiles, workspace.fs),
// through the requests of fileProtocol.ts. A failed request is a problem reported for that folder or file.
import type { Connection } from 'vscode-languageserver';
import type { SourceFiles } from '../sourceFiles';
import { MAX_FILES } from '../sourceNames';
import { FIND_FILES, READ_FILE, type FindFilesParams, type FindFilesResult, type ReadFileParams, type ReadFileResult } from './fileProtocol';

/** What the source needs of the connection (a test gives a stand-in). */
export type Requester = Pick<Connection, 'sendRequest'>;

export function clientSourceFiles(connection: Requester): SourceFiles {
  return {
    reaches: () => true,
    async list(folder, onProblem) {
      try {
        const r = await connection.sendRequest<FindFilesResult>(FIND_FILES, { folder, maxFiles: MAX_FILES } satisfies FindFilesParams);
        for (const p of r?.problems ?? []) onProblem(p.where, p.why);
        return Array.isArray(r?.files) ? r.files.filter((f) => typeof f === 'string').slice(0, MAX_FILES) : [];
      } catch (err) {
        onProblem(folder, `the client could not list it (${err instanceof Error ? err.message : String(err)})`);
        return [];
      }
    },
    async read(uri, maxBytes) {
      try {
        const r = await connection.sendRequest<ReadFileResult>(READ_FILE, { uri, maxBytes } satisfies ReadFileParams);
        if (r?.ok === true && typeof r.text === 'string') return r.text.length > maxBytes ? { ok: false, why: 'larger than the limit', size: r.text.length } : r;
        if (r?.ok === false) return { ok: false, why: String(r.why), ...(typeof r.size === 'number' ? { size: r.size } : {}) };
        return { ok: false, why: 'the client gave no answer' };
      } catch (err) {
        return { ok: false, why: `the client could not read it (${err instanceof Error ? err.message : String(err)})` };
      }
    },
    // The files are behind the client: nothing can be read synchronously.
    readNow: () => undefined,
  };
}
