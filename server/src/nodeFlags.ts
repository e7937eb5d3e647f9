// The Node flags every launcher of dist/server.js passes: the VS Code extension, the Neovim setup in the README and
// the benchmark. No imports: the client bundle takes it too.

/**
 * V8's young generation capped at 4 MB per semi-space (8 MB in all) instead of V8's 16 (32 MB). A server keeps the
 * young generation committed, and in its RSS, for good once one large check has made it grow: with the 100k-line
 * file open that was 34 MB of the server's RSS, now 8 (bench/README.md, "Memory"). The flag must be on the command
 * line: V8 reads it only when the heap is made (set at run time, it changes nothing). No CPU cost was measurable on
 * the open and edit paths (bench/coldOpen.ts, `npm run bench`).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
