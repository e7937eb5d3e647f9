// Loads the web-tree-sitter runtime and the tree-sitter-c grammar (wasm files beside the bundle) and hands out parsers.
import { Language, Parser } from 'web-tree-sitter';

export interface CLanguage {
  language: Language;
  /** A new parser for C; callers own it (one per document store is enough). */
  createParser(): Parser;
}

const loaded = new Map<string, Promise<CLanguage>>();

/**
 * Loads the C grammar from `wasmDir` (which holds web-tree-sitter.wasm and tree-sitter-c.wasm).
 * The wasm runtime is process-wide, so loads are shared per directory.
 */
export function loadCLanguage(wasmDir: string): Promise<CLanguage> {
  let p = loaded.get(wasmDir);
  if (!p) {
    p = (async () => {
      await Parser.init({ locateFile: (file: string) => `${wasmDir}/${file}` });
      const language = await Language.load(`${wasmDir}/tree-sitter-c.wasm`);
      return {
        language,
        createParser() {
          const parser = new Parser();
          parser.setLanguage(language);
          return parser;
        },
      };
    })();
    loaded.set(wasmDir, p);
  }
  return p;
}
