// Answers condis/memory from the services: the wasm heap's size and counts of what the open documents keep.
import type { Services } from './services';
import type { MemoryReport } from './memory';
import { wasmHeapBytes } from './syntax/parser';
import { liveTreeCount } from './syntax/parsedText';

export function memoryReport(s: Services): MemoryReport {
  let documents = 0;
  let derivedEntries = 0;
  let documentChars = 0;
  for (const d of s.documents.all()) {
    documents++;
    derivedEntries += d.derived.size;
    documentChars += d.parsed.text.length;
  }
  return { wasmHeapBytes: wasmHeapBytes(), liveTrees: liveTreeCount(), documents, derivedEntries, documentChars, indexedFiles: s.workspace.size };
}
