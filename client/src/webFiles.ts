// The web client's side of the workspace index: answers the worker server's condis/findFiles and condis/readFile
// with workspace.findFiles and workspace.fs, bounded like the disk listing (count, depth, skipped folders, no links,
// size) so a virtual workspace (github.dev, vscode.dev) is indexed the same way as a local one.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { decodeSource } from '../../server/src/decodeSource';
import { C_SOURCE_GLOB, MAX_FILES, SKIP_DIRS, listable, tooLargeWhy } from '../../server/src/sourceNames';
import { FIND_FILES, READ_FILE, type FindFilesParams, type FindFilesResult, type ReadFileParams, type ReadFileResult } from '../../server/src/web/fileProtocol';

const EXCLUDE = `{${[...SKIP_DIRS].map((d) => `**/${d}/**`).join(',')},**/.*/**}`;

/** The C sources below a folder, in path order: findFiles does the walk, listable() the listing's rules. */
export async function findSources(p: FindFilesParams): Promise<FindFilesResult> {
  const folder = vscode.Uri.parse(p.folder);
  const max = Math.max(0, Math.min(MAX_FILES, Number(p.maxFiles) || MAX_FILES));
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  try {
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, C_SOURCE_GLOB), EXCLUDE, max);
    const files = found.filter((u) => u.path.startsWith(base) && listable(u.path.slice(base.length)))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((u) => u.toString());
    return { files, problems: [] };
  } catch (err) {
    return { files: [], problems: [{ where: p.folder, why: err instanceof Error ? err.message : String(err) }] };
  }
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
