// Which files are C sources and which folders a workspace listing passes over, with the listing's bounds: one
// definition for the disk listing (workspaceFiles.ts) and the web client's (client/src/webFiles.ts).

export const C_SOURCE = /\.(c|h|cc|cpp|cxx|c\+\+|hpp|hh|hxx|h\+\+|inl|ipp)$/i;
/** Build output, version control and tool folders; folders whose name starts with a dot are passed over too. */
export const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'dist', 'out', 'build', 'obj', 'objfre', 'objchk', '.vs', 'x64', 'Debug', 'Release', 'ARM64']);
/** At most this many files are listed per workspace folder. */
export const MAX_FILES = 50_000;
/** Folders deeper than this below the workspace folder are not listed. */
export const MAX_DEPTH = 32;

/** Why a file over the limit is refused, in the words the log shows. */
export function tooLargeWhy(size: number, maxBytes: number): string {
  return `larger than the ${Number((maxBytes / 1048576).toFixed(3))} MB limit (${(size / 1048576).toFixed(1)} MB)`;
}
