// What differs between the Node language server and the one in a Web Worker: how the analysis and the grammar are
// loaded, where files are read, where the rule pages are.
import type { InitializeParams } from 'vscode-languageserver';
import type { SourceFiles } from './sourceFiles';
import type { WasmFiles } from './syntax/parser';
import type * as Core from './core';
import type { FileSummarizer } from './summaryTransfer';

/** What differs between the Node server and the web worker. */
export interface ServerPlatform {
  /** The analysis half: required from dist/serverCore.js in Node, bundled in the worker. */
  loadCore(): Promise<typeof Core>;
  /** Where the grammar's wasm files are (the worker learns it from initialize, so it may wait for it). */
  wasm(init: Promise<InitializeParams>): Promise<WasmFiles>;
  /** Where the workspace files are read. */
  files: SourceFiles;
  /** The URI prefix of the rule pages (docs/rules), for the diagnostics' links. */
  docsBase(init: InitializeParams): string;
  /** Whether a location may be opened by the lens command (a file of this kind of workspace). */
  opens(uri: string): boolean;
  /** Told the client's initialize parameters, before anything is read (the Node server learns whether the client reads files). */
  initialize?(init: InitializeParams): void;
  /**
   * Summarises the workspace files off this thread for one build of the index (Node: a worker thread), falling back
   * to `inThread` if it cannot. Absent (the web worker): the index is built in this thread.
   */
  summarizer?(inThread: FileSummarizer): FileSummarizer;
  /** The process' own memory figures in bytes, where the platform has them (condis/memory). */
  memory?(): Record<string, number>;
  /** A full garbage collection, after the server has dropped memoised versions in a pause (Validator.trim). */
  collect?(): void;
}

/** Any workspace scheme (file:, vscode-vfs:, vscode-remote:), never one that runs something. */
export const openableUri = (uri: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(uri) && !/^(command|javascript|data|vbscript):/i.test(uri);
