// The client's side of the workspace index where the server cannot read the files itself (the web worker's; the Node
// server's in a virtual workspace): answers condis/findFiles and condis/readFile with workspace.fs, bounded like the
// disk listing (count, depth, skipped folders, no links, size) so a virtual workspace is indexed as a local one is.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { decodeSource } from '../../server/src/decodeSource';
import { C_SOURCE, MAX_DEPTH, MAX_FILES, SKIP_DIRS, tooLargeWhy } from '../../server/src/sourceNames';
import { FIND_FILES, READ_FILE, type FindFilesParams, type FindFilesResult, type ReadFileParams, type ReadFileResult } from '../../server/src/web/fileProtocol';

/**
 * The C sources below a folder, in path order, walked with workspace.fs.readDirectory like the disk listing: skipped
 * and dot folders passed over, links never followed (their entries carry the SymbolicLink bit), bounded in depth and
 * count. Not workspace.findFiles: it needs a search provider for the scheme, which a remote web workbench may lack.
 */
export async function findSources(p: FindFilesParams): Promise<FindFilesResult> {
  const max = Math.max(0, Math.min(MAX_FILES, Number(p.maxFiles) || MAX_FILES));
  const files: string[] = [];
  const problems: FindFilesResult['problems'] = [];
  const walk = async (dir: vscode.Uri, depth: number): Promise<void> => {
    if (files.length >= max || depth > MAX_DEPTH) return;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch (err) {
      problems.push({ where: dir.toString(), why: err instanceof vscode.FileSystemError ? err.code : String(err) });
      return;
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, type] of entries) {
      if (files.length >= max) return;
      if (type & vscode.FileType.SymbolicLink) continue;
      if (type === vscode.FileType.Directory) {
        if (!SKIP_DIRS.has(name) && !name.startsWith('.')) await walk(vscode.Uri.joinPath(dir, name), depth + 1);
      } else if (type === vscode.FileType.File && C_SOURCE.test(name)) {
        files.push(vscode.Uri.joinPath(dir, name).toString());
      }
    }
  };
  await walk(vscode.Uri.parse(p.folder), 0);
  return { files, problems };
}

/** One file as text: refused when it is a link, not a file, over the limit or binary. */
export async function readSourceFile(p: ReadFileParams): Promise<ReadFileResult> {
  try {
    const uri = vscode.Uri.parse(p.uri);
    const st = await vscode.workspace.fs.stat(uri);
    if (st.type & vscode.FileType.SymbolicLink) return { ok: false, why: 'a symbolic link' };
    if (!(st.type & vscode.FileType.File)) return { ok: false, why: 'not a regular file' };
    if (st.size > p.maxBytes) return { ok: false, why: tooLargeWhy(st.size, p.maxBytes), size: st.size };
    return decodeSource(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    return { ok: false, why: err instanceof vscode.FileSystemError ? err.code : err instanceof Error ? err.message : String(err) };
  }
}

export function registerWebFiles(client: BaseLanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    client.onRequest(FIND_FILES, (p: FindFilesParams) => findSources(p)),
    client.onRequest(READ_FILE, (p: ReadFileParams): Promise<unknown> => readSourceFile(p)),
  );
}
