// The one seam between the workspace index and where files live: listing and reading C sources by URI. The Node server
// reads the disk (nodeSourceFiles.ts); the web worker asks the VS Code client (web/clientSourceFiles.ts).
import type { SourceEncoding } from './decodeSource';

/** A refusal carries `size` (bytes) when the file was refused for being larger than the limit. */
export type SourceRead = { ok: true; text: string; encoding: SourceEncoding } | { ok: false; why: string; size?: number };

export interface SourceFiles {
  /** Whether this source can reach the files under a URI at all (the Node one: file: URIs of this host). */
  reaches(uri: string): boolean;
  /**
   * The C sources below a folder URI, as URIs in a stable order: bounded in count and depth, following no links,
   * build and version-control folders left out. Problems (an unreadable folder) are reported, not thrown.
   */
  list(folderUri: string, onProblem: (where: string, why: string) => void): Promise<string[]>;
  /** A source's text, refused when over `maxBytes`, binary, or not a regular file. */
  read(uri: string, maxBytes: number): Promise<SourceRead>;
  /**
   * The text of a closed file at once, for the features that answer synchronously (navigation previews), or
   * undefined when the files are not at hand (the web worker, whose files are behind the client).
   */
  readNow(uri: string, maxBytes: number): string | undefined;
}

/** How a file is named in a log line: its path when it has one on this host, else its URI. */
export type NameOf = (uri: string) => string;

/**
 * The Node server's files: this host's disk where it reaches them (file: URIs), else the client's (a virtual workspace
 * on the desktop, vscode-vfs: for instance) once the client has said it serves condis/findFiles and condis/readFile.
 */
export function routedSourceFiles(local: SourceFiles, client: SourceFiles, clientServes: () => boolean): SourceFiles {
  const pick = (uri: string): SourceFiles | undefined => (local.reaches(uri) ? local : clientServes() && !uri.startsWith('file:') ? client : undefined);
  return {
    reaches: (uri) => pick(uri) !== undefined,
    list: (folder, onProblem) => (pick(folder) ?? local).list(folder, onProblem),
    read: (uri, maxBytes) => (pick(uri) ?? local).read(uri, maxBytes),
    readNow: (uri, maxBytes) => pick(uri)?.readNow(uri, maxBytes),
  };
}
