// The condis/memory request's name and answer: what the server holds, for benchmarks and leak hunting (docs/protocol.md).
// No imports, so the routing table can name it without loading the analysis.

export const MEMORY_REQUEST = 'condis/memory';

export interface MemoryReport {
  /** The wasm heap (web-tree-sitter's memory) in bytes: it grows and never shrinks, so it shows the peak. */
  wasmHeapBytes: number;
  /** Parse trees alive in the process (open documents' whole-file and segment trees). */
  liveTrees: number;
  /** Open documents, and the per-version results memoised on them (OpenDocument.derived entries, all together). */
  documents: number;
  derivedEntries: number;
  /** The open documents' text in UTF-16 units, all together (what one version of each costs as a string, at least). */
  documentChars: number;
  /** Files summarised in the workspace index. */
  indexedFiles: number;
  /** The platform's own figures, in bytes where it has them (Node: process.memoryUsage()). */
  process?: Record<string, number>;
}
