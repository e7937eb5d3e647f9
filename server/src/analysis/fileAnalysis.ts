// Everything the rules ask of one file, computed lazily and at most once per version: its top-level items and their
// facts (reused across versions for unchanged text, see chunks.ts), its functions, their flow facts, its handler
// bindings and its summary for the workspace index. A view narrows the file to one item, for checking item by item.
import type { Node } from 'web-tree-sitter';
import { type Syntax } from '../syntax/parsedText';
import type { Catalog } from '../catalog';
import type { Lifecycle } from '../catalog/lifecycle';
import { analyzeFunction, type FunctionFlow } from './flow';
import type { HandlerBinding, HandlerQueries } from './handlers';
import { chunkFile, functionParts, type CarriedChunks, type Chunk } from './chunks';
import { linesAt, semanticKeys, summarize, useLineIndex, type FileSummary } from './summary';
import { ItemIndexes, type IndexMaps } from './itemIndex';
import type { WorkspaceView } from './workspace';
import { MacroTable } from './macroExpansion';
import { localMacros } from './macroSource';
import { macroSummary } from './macroSummary';
import { flowResolver, helperResolver, mergeSources, type HelperResolve, type HelperSource, type ResolvedEffect } from './helperEffects';

export interface FunctionInfo {
  name: string;
  node: Node;
  /** The name identifier (for ranges). */
  nameNode: Node;
  body: Node;
  params: string[];
}

export interface FileAnalysis {
  uri: string;
  text: string;
  /** The syntax trees (see ParsedText: one, or a large file's segments). */
  syntax: Syntax;
  /** The smallest node spanning [start, end), from the tree holding that offset. */
  nodeAt(start: number, end?: number): Node | null;
  /** The top-level items of the file, in order. */
  chunks(): Chunk[];
  /** The item this view is narrowed to; undefined for the whole file. */
  readonly chunk?: Chunk;
  /** The function definitions in scope (the whole file, or the view's item). */
  functions(): FunctionInfo[];
  /** Whether the file defines a function of this name (anywhere, also in a view). */
  defines(name: string): boolean;
  /** Subtrees to search for syntax in scope: the root, or the view's item. */
  scopeNodes(): Node[];
  /** Whether an offset lies in scope. */
  inScope(offset: number): boolean;
  flowOf(fn: FunctionInfo): FunctionFlow;
  /**
   * What a call to workspace function `name` does (helperEffects.ts): the lifecycle calls it makes, directly or through
   * what it calls; undefined when it makes none or is not defined in the workspace.
   */
  helper(name: string): readonly ResolvedEffect[] | undefined;
  bindings(): Map<string, HandlerBinding[]>;
  /** The handler bindings of one name in this file: what rules ask (cheaper than the whole map on a large file). */
  bindingsOf(name: string): HandlerBinding[];
  summary(): FileSummary;
  /** A hash of the file's cross-item facts (the summary without offsets): equal keys, same answers to other items. */
  semanticKey(): string;
  /** This version's items and facts, for the next version's analyzeFile (with the edits made in between). */
  carried(): Omit<CarriedChunks, 'edits'>;
  /**
   * Computes `compute` once per version of the file, for all its views: what a rule derives from the file's or the
   * workspace's cross-item facts (every VC created anywhere, ...), which would cost as much again for every item.
   */
  memo<T>(key: string, compute: () => T): T;
  /**
   * Like memo, and carried to the next versions while the file's cross-item facts and the other files' are unchanged
   * (its semantic key and the workspace generation): only for values that hold no offsets and nothing of a version.
   */
  keep<T>(key: string, compute: () => T): T;
  /** Drops the per-function flow facts (recomputed if asked again): the rules have run, nothing else reads them. */
  release(): void;
  /**
   * The workspace whose macros this file's uses expand (with the file's own): set before the rules run. A change of
   * its generation drops what was expanded with the previous one.
   */
  useWorkspace(ws: WorkspaceView): void;
  /** The macros seen through at uses in this file (macroExpansion.ts), for this version and workspace generation. */
  macros(): MacroTable;
  /** The same file narrowed to one item. */
  view(chunk: Chunk): FileAnalysis;
}

export interface AnalysisServices {
  catalog: Catalog;
  lifecycle: Lifecycle;
  handlers: HandlerQueries;
  /** Where other files' helper summaries are (the workspace index); without it only this file's helpers count. */
  workspace?: HelperIndex;
}

/** The part of the workspace index the flow reads: other files' helper summaries, and when they last changed. */
export interface HelperIndex {
  helperSummary(fn: string, exceptUri: string): HelperSource | undefined;
  generation(exceptUri: string): number;
}

export function analyzeFile(uri: string, text: string, syntax: Syntax, s: AnalysisServices, previous?: CarriedChunks): FileAnalysis {
  // `previous` holds the last version's state only (carriedOf), never the versions before it.
  useLineIndex(syntax);
  let listed: Chunk[] | undefined;
  let functions: FunctionInfo[] | undefined;
  let names: Set<string> | undefined;
  const bindingsByName = new Map<string, HandlerBinding[]>();
  let itemIndexes: ItemIndexes | undefined;
  // Name -> items, carried while the items are the same ones (itemIndex.ts).
  const indexes = () => {
    if (!itemIndexes) {
      const prev = previous?.indexes?.() as IndexMaps | undefined;
      itemIndexes = ItemIndexes.next(prev, !!prev && previous?.semanticKey?.() === self.semanticKey(), list);
      state.indexes = itemIndexes.maps;
    }
    return itemIndexes;
  };
  let summary: FileSummary | undefined;
  let semantic: string | undefined;
  const flows = new Map<number, FunctionFlow>();
  const memos = new Map<string, unknown>();
  const infos = new WeakMap<Chunk, FunctionInfo | null>();
  let workspace: WorkspaceView | undefined;
  let wsGeneration: number | undefined;
  let table: { t: MacroTable; generation: number } | undefined;
  // Helper summaries: this file's own (from its items' facts) first, then the workspace's, composed anew whenever the
  // other files' cross-file facts change (their generation).
  const ownHelpers = new Map<string, HelperSource | undefined>();
  let resolver: { gen: number; resolve: HelperResolve } | undefined;
  let flowsBy: HelperResolve | undefined;
  const helpers = (): HelperResolve => {
    const gen = s.workspace?.generation(uri) ?? 0;
    if (resolver?.gen === gen) return resolver.resolve;
    // This file's own definitions of a name (two under `#if` arms: what both do for certain, see mergeSources).
    const own = (name: string): HelperSource | undefined => {
      if (ownHelpers.has(name)) return ownHelpers.get(name);
      const defs = indexes().items('function', name);
      const sources = defs.filter((c) => c.facts.helper).map((c): HelperSource => ({ summary: c.facts.helper!, uri, start: c.start }));
      const merged = sources.length && sources.length < defs.length ? mergeSources([...sources, { summary: { effects: [], calls: [] }, uri }]) : mergeSources(sources);
      ownHelpers.set(name, merged);
      return merged;
    };
    // A name that is no function but a macro (defined here or anywhere in the driver) is summarised from its definition.
    const language = syntax.segments[0]?.tree.language;
    const viaMacro = (name: string): HelperSource | undefined => {
      const def = language ? self.macros().definition(name) : undefined;
      const summary = def && macroSummary(def, language!, s.lifecycle, s.catalog);
      return summary && { summary, uri: def!.uri };
    };
    const resolve = helperResolver((name) => own(name) ?? (self.defines(name) ? undefined : (workspace ?? s.workspace)?.helperSummary(name, uri)), viaMacro);
    resolver = { gen, resolve };
    return resolve;
  };
  // What the next version may reuse: plain values, so that versions do not keep each other alive.
  const state: CarriedState = { syntax };
  const list = () => {
    listed ??= chunkFile(syntax, text, s, previous);
    return listed;
  };
  const infoOf = (c: Chunk): FunctionInfo | null => {
    let info = infos.get(c);
    if (info === undefined) {
      const node = c.facts.type === 'function_definition' ? c.node() : null;
      const parts = node && functionParts(node);
      info = node && parts ? { name: parts.nameNode.text, node, ...parts } : null;
      infos.set(c, info);
    }
    return info;
  };
  const self: FileAnalysis = {
    uri, text, syntax,
    nodeAt: (start, end = start) => syntax.treeAt(start)?.rootNode.descendantForIndex(start, end) ?? null,
    chunks: () => list(),
    functions: () => (functions ??= self.chunks().map(infoOf).filter((f): f is FunctionInfo => !!f)),
    defines: (name) => {
      if (!names) {
        // Function names are cross-item facts: the same semantic key, the same names.
        const prev = previous?.names?.();
        names = prev && previous?.semanticKey?.() === self.semanticKey() ? prev
          : new Set(self.chunks().map((c) => c.facts.fn?.name).filter((n): n is string => !!n));
        state.names = names;
      }
      return names.has(name);
    },
    scopeNodes: () => self.chunks().map((c) => c.node()),
    inScope: () => true,
    flowOf: (fn) => {
      const resolve = helpers();
      if (resolve !== flowsBy) { flows.clear(); flowsBy = resolve; } // other files' helpers changed: so may the flows
      let f = flows.get(fn.node.id);
      if (!f) { f = analyzeFunction(fn.body, s.lifecycle, fn.params, self.macros(), flowResolver(resolve)); flows.set(fn.node.id, f); }
      return f;
    },
    helper: (name) => helpers()(name),
    bindings: () => {
      const all = new Map<string, HandlerBinding[]>();
      for (const name of indexes().names('binding')) all.set(name, self.bindingsOf(name));
      return all;
    },
    bindingsOf: (name) => {
      // From the items' facts at their current places, never carried through the edits: an offset inside a replaced
      // range lands at the edit's boundary (fuzz case 3202 of seed 20261208: a message named the line above its entry).
      // Made per name asked (the rules of one item ask for a few): all of a 10k-line file's cost 0.3 ms per edit.
      let list = bindingsByName.get(name);
      if (list) return list;
      list = [];
      for (const c of indexes().items('binding', name)) {
        for (const b of c.facts.bindings) {
          const entry = b.name === name ? s.catalog.entry(b.entry) : undefined;
          if (!entry) continue;
          const binding: HandlerBinding = { name: b.name, entry, via: b.via, start: c.start + b.start, end: c.start + b.end };
          if (b.field) binding.field = b.field;
          list.push(binding);
        }
      }
      bindingsByName.set(name, list);
      return list;
    },
    summary: () => {
      if (summary) return summary;
      const prev = previous?.summary?.();
      const same = prev && previous?.semanticKey?.() === self.semanticKey() ? { summary: prev, edits: previous!.edits } : undefined;
      summary = summarize(uri, self.chunks(), same, text);
      semanticKeys.set(summary, self.semanticKey());
      state.summary = summary;
      return summary;
    },
    semanticKey: () => {
      if (semantic !== undefined) return semantic;
      // Order-free (two sums of per-item hashes): moving an item changes no cross-item fact.
      let h1 = 0;
      let h2 = 0;
      const list = self.chunks();
      for (let i = 0; i < list.length; i++) {
        const h = list[i].facts.sem;
        h1 = (h1 + h) | 0;
        h2 = (h2 + Math.imul(h ^ (h >>> 15), 0x2c1b3c6d)) | 0;
      }
      // Other files name a macro's line in their messages ("defined at foo.h:14"), and the last of two definitions of a
      // name wins: each definition's line and hash, in file order, so a macro that moves or swaps changes the key.
      const macroStarts: number[] = [];
      const macroSems: number[] = [];
      for (const c of list) if (c.facts.macros) { macroStarts.push(c.start); macroSems.push(c.facts.sem); }
      const lines = macroStarts.length
        ? `:${linesAt(text, macroStarts).map((line, i) => `${line}.${(macroSems[i] >>> 0).toString(36)}`).join(',')}` : '';
      semantic = `${list.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}${lines}`;
      state.semanticKey = semantic;
      return semantic;
    },
    carried: () => carriedOf(state, list()),
    release: () => flows.clear(),
    useWorkspace: (ws) => {
      const gen = ws.generation(uri);
      if (workspace === ws && wsGeneration === gen) return;
      workspace = ws;
      wsGeneration = gen;
      table = undefined;
      resolver = undefined; // its macros were looked up in the previous workspace
      flows.clear();
      // What rules derived from the workspace (a function's roles from other files' tables, ...) was about the previous
      // one: a document opened before the index had read its driver kept roles from none (no missing-completion ever).
      memos.clear();
    },
    macros: () => {
      if (!table) {
        const local = localMacros(uri, text, self.chunks(), (name) => indexes().items('macro', name));
        const ws = workspace;
        table = {
          t: new MacroTable({ lookup: (name, at) => local.lookup(name, at) ?? (ws?.macro(name)?.uri === uri ? undefined : ws?.macro(name)) }, s.catalog, s.lifecycle),
          generation: ws ? ws.generation(uri) : -1,
        };
      }
      return table.t;
    },
    memo: <T>(key: string, compute: () => T): T => {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
    keep: <T>(key: string, compute: () => T): T => self.memo(`keep:${key}`, () => {
      const at = `${self.semanticKey()}|${(workspace ?? s.workspace)?.generation(uri) ?? 0}`;
      const had = (previous?.kept?.() as Map<string, { at: string; value: unknown }> | undefined)?.get(key);
      const value = had && had.at === at ? had.value as T : compute();
      (state.kept ??= new Map()).set(key, { at, value });
      return value;
    }),
    view: (chunk) => ({
      ...self,
      chunk,
      functions: () => { const f = infoOf(chunk); return f ? [f] : []; },
      scopeNodes: () => [chunk.node()],
      inScope: (offset) => offset >= chunk.start && offset < chunk.end,
    }),
  };
  return self;
}

/**
 * Made outside analyzeFile, so that the closures hold `state` and not the scope that holds the previous version. The
 * items are not in it: the closures would keep their nodes alive after the carried list has been trimmed of them
 * (Validator.trim).
 */
interface CarriedState { syntax?: Syntax; semanticKey?: string; summary?: FileSummary; names?: Set<string>; indexes?: IndexMaps;
  kept?: Map<string, { at: string; value: unknown }> }

function carriedOf(state: CarriedState, chunks: readonly Chunk[]): Omit<CarriedChunks, 'edits'> {
  return {
    syntax: state.syntax, chunks, semanticKey: () => state.semanticKey, summary: () => state.summary, names: () => state.names,
    indexes: () => state.indexes, kept: () => state.kept,
  };
}

