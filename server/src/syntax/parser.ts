// Loads the web-tree-sitter runtime and the tree-sitter-c grammar (wasm files beside the bundle, or at given URLs or
// bytes in a web worker) and hands out parsers.
import { Language, Parser } from 'web-tree-sitter';

export interface CLanguage {
  language: Language;
  /** A new parser for C; callers own it (one per document store is enough). */
  createParser(): Parser;
}

/**
 * Where the two wasm files are: a directory (path or URL) holding web-tree-sitter.wasm and tree-sitter-c.wasm, or
 * each file's own URL or bytes (the web worker: its files are the extension's, at URLs the client resolved).
 */
export type WasmFiles = string | { runtime: string | Uint8Array; grammar: string | Uint8Array };

const loaded = new Map<string | object, Promise<CLanguage>>();

/**
 * The options object the wasm runtime was first started with: emscripten makes it the runtime's Module and keeps its
 * current memory views on it (HEAP8), so its length is the wasm heap's size. The runtime is started once per process.
 */
let runtimeModule: { HEAP8?: Int8Array } | undefined;

/** The wasm heap's size in bytes (0 before the runtime is loaded). A wasm memory grows and never shrinks. */
export function wasmHeapBytes(): number {
  return runtimeModule?.HEAP8?.length ?? 0;
}

/** The runtime's options: where it finds its wasm, or the wasm itself. */
function runtimeOptions(where: WasmFiles): object {
  if (typeof where === 'string') return { locateFile: (file: string) => `${where}/${file}` };
  const runtime = where.runtime;
  // With the bytes given, locateFile still names the file: without it the runtime makes a URL from its own script's,
  // which a worker started from a blob: URL does not have (the web server's prefetched wasm).
  return typeof runtime === 'string' ? { locateFile: () => runtime } : { wasmBinary: runtime, locateFile: (file: string) => file };
}

/**
 * Loads the C grammar from `where`. The wasm runtime is process-wide, so loads are shared per location.
 */
export function loadCLanguage(where: WasmFiles): Promise<CLanguage> {
  let p = loaded.get(where);
  if (!p) {
    p = (async () => {
      const options = runtimeOptions(where);
      await Parser.init(options);
      runtimeModule ??= options;
      const language = await Language.load(typeof where === 'string' ? `${where}/tree-sitter-c.wasm` : where.grammar);
      return {
        language,
        createParser() {
          const parser = new Parser();
          parser.setLanguage(language);
          return parser;
        },
      };
    })();
    loaded.set(where, p);
  }
  return p;
}
