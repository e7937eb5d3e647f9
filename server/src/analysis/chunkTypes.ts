// The shapes of a file's items and their facts (see chunks.ts, which lists them, and itemFacts.ts, which reads them).
import type { Syntax, EditRange } from '../syntax/parsedText';
import type { FileSummary } from './summary';
import type { MacroFact } from './macroDefs';
import type { Catalog } from '../catalog';
import type { HandlerQueries } from './handlers';
import type { Lifecycle } from '../catalog/lifecycle';
import type { LocalSummary } from './helperSummary';
import type { Ending } from './pendingReturn';
import type { Node } from 'web-tree-sitter';

export const ROLE_EVIDENCE = new Set([
  'NdisRegisterProtocolDriver', 'NdisCmRegisterAddressFamilyEx', 'NdisCmRegisterAddressFamily',
  'NdisMRegisterMiniportDriver', 'NdisMCmRegisterAddressFamilyEx', 'NdisMCmRegisterAddressFamily',
  'NdisClOpenAddressFamilyEx', 'NdisClOpenAddressFamily',
  'NDIS_CALL_MANAGER_CHARACTERISTICS', 'NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS', 'NDIS_CO_CLIENT_OPTIONAL_HANDLERS',
  'NDIS_CLIENT_CHARACTERISTICS', 'NDIS_MINIPORT_CO_CHARACTERISTICS', 'NDIS_MINIPORT_DRIVER_CHARACTERISTICS',
  'NDIS_PROTOCOL_DRIVER_CHARACTERISTICS', 'NDIS_MINIPORT_CHARACTERISTICS', 'NDIS_PROTOCOL_CHARACTERISTICS',
]);

/** A finding of one rule, with every offset relative to the item's start and `line` references kept relative too. */
export interface CachedFindings {
  /** The context the findings were computed in (settings, driver kind, the file's and the workspace's cross-item facts). */
  key: string;
  /** Rule id -> findings (relative offsets); null when there are none. */
  byRule: Map<string, import('../rules/types').Finding[]> | null;
}

export interface ChunkFacts {
  readonly type: string;
  /** The function this item defines, when it is a function definition with a plain name. */
  /** `arity`: how many parameters it declares (unnamed ones count, `(VOID)` is none); -1 when variadic or unreadable. */
  readonly fn?: { name: string; params: string[]; arity: number };
  /** Called names -> count. */
  readonly calls: ReadonlyMap<string, number>;
  /** Called names in order, deduplicated (the call graph entry of `fn`). */
  readonly callees: readonly string[];
  /**
   * A function's calls in its body, as pairs (index in `callees`, offset of the callee's name in the item): where
   * each call is, for navigation. Offsets only, so not part of `sem`.
   */
  readonly callSites?: readonly number[];
  readonly evidence: readonly string[];
  readonly vcCreated: readonly { handle: string; start: number; end: number; aliases: string[] }[];
  readonly vcDeleted: readonly { handle: string; aliases: string[] }[];
  readonly paramStores: readonly { param: number; target: string }[];
  readonly bindings: readonly { name: string; entry: string; via: 'role-type' | 'handler-field'; field?: string; start: number; end: number }[];
  readonly contexts: readonly { name: string; type: string; start: number; end: number }[];
  /** The macro this item defines (`#define`), if any: other items' uses expand it. */
  readonly macros?: readonly MacroFact[];
  /** What the function does to the requests and handles its callers pass it (helperSummary.ts). */
  readonly helper?: LocalSummary;
  /** A function's ending as its syntax tells (pendingReturn.ts), and its name's offset (relative): lifecycleSummary.ts. */
  readonly ending?: Ending;
  readonly nameAt?: number;
  /** Where each of `evidence` is first named (relative offsets). */
  readonly evidenceAt?: readonly { name: string; at: number }[];
  /** A hash of everything above but offsets: what other items may depend on. */
  readonly sem: number;
  /** Rule findings for this text, under the context they were computed in; null when they point outside the item. */
  findings?: CachedFindings | null;
}

/** One item of the current version: where it is, its facts, and (on demand) its node. */
export interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly facts: ChunkFacts;
  node(): Node;
}

export interface ChunkServices { catalog: Catalog; handlers: HandlerQueries; lifecycle?: Lifecycle }

/** What a version's analysis leaves for the next: its items' places and facts, and the edits made since. */
export interface CarriedChunks {
  /** The parsed text the items were listed from: their nodes are only valid in its trees. */
  syntax?: Syntax;
  chunks: readonly { start: number; end: number; facts: ChunkFacts }[];
  edits: readonly EditRange[];
  /** That version's semantic key and summary, when they were computed: reused while the key stays the same. */
  semanticKey?: () => string | undefined;
  summary?: () => FileSummary | undefined;
  /** That version's defined function names, when asked for. */
  names?: () => Set<string> | undefined;
  /** That version's name -> items indexes (itemIndex.ts), when made. */
  indexes?: () => unknown;
  /** That version's values kept across versions (FileAnalysis.keep). */
  kept?: () => unknown;
}

/**
 * Lists the items of `tree` and their facts, reusing `previous` facts for items the edits since did not touch (same
 * type, same extent once shifted). Costs a walk of the top level plus the changed items.
 */
