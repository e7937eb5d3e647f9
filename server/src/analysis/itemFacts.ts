// The facts of one top-level item, read from its text alone: calls and callees, role evidence, VC creations and
// deletions, parameter stores, handler and context bindings, macro definitions and the helper summary; and the facts
// shared by single-token items. chunks.ts lists the items and decides which need their facts read again.
import type { Node } from 'web-tree-sitter';
import type { Syntax } from '../syntax/parsedText';
import { exprKey } from './cfg';
import { COPY_NODES, stripCasts } from './expressions';
import { functionNameOf, type HandlerBinding } from './handlers';
import { findContextBindings, type ContextBinding } from './contexts';
import { declaratorName, typeList } from '../syntax/nodes';
import { macroFactOf } from './macroDefs';
import { CONDITIONAL_NODES, liveFilter } from './preproc';
import { summarizeFunction, type LocalSummary } from './helperSummary';
import type { WalkedNode } from './certainCalls';
import { helperKey } from './helperEffects';
import { endingOf } from './pendingReturn';
import { own, ROLE_EVIDENCE, type ChunkFacts, type ChunkServices } from './chunks';

/** The function a definition defines: its name node, body and parameter names; null for anything else. */
export function functionParts(node: Node): { nameNode: Node; body: Node; params: string[] } | null {
  if (node.type !== 'function_definition') return null;
  const body = node.childForFieldName('body');
  let fd: Node | null = node.childForFieldName('declarator');
  while (fd && fd.type !== 'function_declarator') fd = fd.childForFieldName('declarator');
  const nameNode = declaratorName(fd);
  if (!nameNode || !body || !fd) return null;
  const params = (fd.childForFieldName('parameters')?.namedChildren ?? [])
    .map((p) => (p ? declaratorName(p.childForFieldName('declarator'))?.text : undefined))
    .filter((x): x is string => !!x);
  return { nameNode, body, params };
}

/** How many parameters a function definition declares: unnamed ones count, `(VOID)` is none; null when variadic or unreadable. */
export function arityOf(node: Node): number | null {
  let d: Node | null = node.childForFieldName('declarator');
  while (d && d.type !== 'function_declarator') d = d.childForFieldName('declarator');
  const list = d?.childForFieldName('parameters');
  if (!list || list.hasError) return null;
  const params = list.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  if (params.some((p) => p.type !== 'parameter_declaration')) return null;
  if (params.length === 1 && !params[0].childForFieldName('declarator') && /^(void|VOID)$/.test(params[0].childForFieldName('type')?.text ?? '')) return 0;
  return params.length;
}

/** Lvalues that `key` is copied to or from in `body`: one step of plain assignment, casts ignored. */
function copiesOf(body: Node | null, key: string): string[] {
  const out = new Set<string>();
  for (const n of body?.descendantsOfType(COPY_NODES) ?? []) {
    const decl = n?.type === 'init_declarator';
    const l = n?.childForFieldName(decl ? 'declarator' : 'left');
    const r = stripCasts(n?.childForFieldName(decl ? 'value' : 'right') ?? null);
    if (!l || !r || (!decl && n!.childForFieldName('operator')?.text !== '=')) continue;
    if (exprKey(r) === key) out.add(exprKey(l));
    else if (exprKey(l) === key && (r.type === 'identifier' || r.type === 'field_expression')) out.add(exprKey(r));
  }
  out.delete(key);
  return [...out];
}

/** Computes the facts of one item; `start` is its offset in `text`. */
export function factsOf(node: Node, start: number, text: string, s: ChunkServices, found?: Found): ChunkFacts {
  const parts = functionParts(node);
  const fn = parts && parts.nameNode.type === 'identifier' ? { name: parts.nameNode.text, params: parts.params, arity: arityOf(node) ?? -1 } : undefined;
  const calls = new Map<string, number>();
  const callees: string[] = [];
  /** Pairs (index in `callees`, offset of the callee's name in the item): the call hierarchy's call sites. */
  const callSites: number[] = [];
  const evidence = new Set<string>();
  /** Where each evidence name is first met (relative): the lifecycle model shows it (lifecycleSummary.ts). */
  const evidenceAt = new Map<string, number>();
  const saw = (name: string, n: Node) => { evidence.add(name); if (!evidenceAt.has(name)) evidenceAt.set(name, n.startIndex - start); };
  const vcCreated: { handle: string; start: number; end: number; aliases: string[] }[] = [];
  const vcDeleted: { handle: string; aliases: string[] }[] = [];
  const paramStores: { param: number; target: string }[] = [];
  const bodyStart = parts ? parts.body.startIndex : Infinity;
  // One walk for the three kinds of node (each walk crosses into wasm for the whole subtree); text read from the text.
  // Handler bindings, as handlers.ts's query finds them: `ROLE_TYPEDEF Name;` declarations, and handler fields given a
  // function in designated initializers or assignments. Found in the same walk (the query cost a third of a first check).
  const handlerBindings: HandlerBinding[] = [];
  const fieldBinding = (field: Node, value: Node | null, site: Node) => {
    const entry = value && s.catalog.byHandlerField(text.slice(field.startIndex, field.endIndex));
    const name = entry && functionNameOf(value);
    if (entry && name) handlerBindings.push({ name, entry, via: 'handler-field', field: entry && text.slice(field.startIndex, field.endIndex), start: site.startIndex, end: site.endIndex });
  };
  // A leaf holds nothing but itself: the walk into wasm is skipped for it. (Leaves of other types never get here: they
  // take leafFacts.)
  const leaf = node.childCount === 0;
  const live = liveFilter(); // calls and bindings in a dead `#if 0` arm inside the item are no facts
  // What the helper summary reads of the walk (helperSummary.ts): each node with its type, and a call's callee.
  const walked: WalkedNode[] = [];
  for (const n of leaf ? (FACT_NODES.includes(node.type) ? [node] : []) : node.descendantsOfType(WALKED)) {
    if (!n || !live(n)) continue;
    const type = n.type;
    const w: WalkedNode | undefined = fn && type !== 'type_identifier' && type !== 'initializer_pair' ? { n, type, start: n.startIndex } : undefined;
    if (w) walked.push(w);
    if (type === 'type_identifier') {
      const t = text.slice(n.startIndex, n.endIndex);
      if (ROLE_EVIDENCE.has(t)) saw(t, n);
      if (t.startsWith('MINIPORT_CO_') && s.catalog.entry(t)) evidence.add('MINIPORT_CO_*');
      const role = s.catalog.entry(t);
      if (role?.kind === 'callback') {
        const decl = n.parent;
        if (decl?.type === 'declaration' && decl.childForFieldName('type')?.startIndex === n.startIndex) {
          for (const d of decl.childrenForFieldName('declarator')) {
            if (d?.type === 'identifier') handlerBindings.push({ name: text.slice(d.startIndex, d.endIndex), entry: role, via: 'role-type', start: decl.startIndex, end: decl.endIndex });
          }
        }
      }
      continue;
    }
    if (type === 'initializer_pair') {
      const value = n.childForFieldName('value');
      for (const d of n.childrenForFieldName('designator')) {
        const f = d?.type === 'field_designator' ? d.namedChild(0) : null;
        if (f?.type === 'field_identifier') fieldBinding(f, value, n);
      }
      continue;
    }
    if (type === 'assignment_expression') {
      const l = n.childForFieldName('left');
      if (l?.type !== 'field_expression') continue;
      const f = l.childForFieldName('field');
      if (f?.type === 'field_identifier') fieldBinding(f, n.childForFieldName('right'), n);
      if (!fn || n.startIndex < bodyStart) continue;
      const r = stripCasts(n.childForFieldName('right'));
      const param = r?.type === 'identifier' ? fn.params.indexOf(text.slice(r.startIndex, r.endIndex)) : -1;
      if (param >= 0) paramStores.push({ param, target: exprKey(l) });
      continue;
    }
    if (type !== 'call_expression') continue; // a declarator, return, goto or break: for the helper summary only
    const call = n;
    const f = call.childForFieldName('function');
    if (!f || f.type !== 'identifier') { if (w) w.name = ''; continue; }
    const name = text.slice(f.startIndex, f.endIndex);
    if (w) w.name = name;
    calls.set(name, (calls.get(name) ?? 0) + 1);
    if (ROLE_EVIDENCE.has(name)) saw(name, n);
    if (fn && !callees.includes(name)) callees.push(name);
    if (fn && call.startIndex >= bodyStart) callSites.push(callees.indexOf(name), f.startIndex - start);
    if (name !== 'NdisCoCreateVc' && name !== 'NdisMCmCreateVc' && name !== 'NdisCoDeleteVc' && name !== 'NdisMCmDeleteVc') continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') ?? [];
    const owner = fn ? node : null;
    if (name === 'NdisCoCreateVc' || name === 'NdisMCmCreateVc') {
      const out = args[3];
      const target = out && (out.type === 'pointer_expression' ? out.childForFieldName('argument') : out);
      if (target) vcCreated.push({ handle: exprKey(target), start: call.startIndex - start, end: call.endIndex - start, aliases: copiesOf(owner, exprKey(target)) });
    } else if (args[0]) {
      vcDeleted.push({ handle: exprKey(args[0]), aliases: copiesOf(owner, exprKey(args[0])) });
    }
  }
  const end = node.endIndex;
  handlerBindings.sort((a, b) => a.start - b.start);
  // Every string kept is copied out of the text (see own).
  const bindings = handlerBindings.map((b) => ({
    name: own(b.name), entry: b.entry.name, via: b.via, ...(b.field ? { field: own(b.field) } : {}), start: b.start - start, end: b.end - start,
  }));
  const contexts = (found ? found.contextsIn(start, end) : findContextBindings(node, text, start, end))
    .map((c) => ({ ...c, name: own(c.name), type: own(c.type), start: c.start - start, end: c.end - start }));
  const macro = macroFactOf(node, text, start);
  const helper = fn && parts && s.lifecycle ? helperOf(parts.body, walked, fn.params, callees, s as Required<ChunkServices>) : undefined;
  const ending = fn && parts ? endingOf(parts.body, walked) : undefined;
  const facts = makeFacts({
    type: node.type,
    fn: fn && { name: own(fn.name), params: fn.params.map(own), arity: fn.arity },
    calls: new Map([...calls].map(([name, count]) => [own(name), count])),
    callees: callees.map(own),
    callSites: callSites.length ? callSites : undefined,
    evidence: [...evidence].sort().map(own),
    vcCreated: vcCreated.map((v) => ({ ...v, handle: own(v.handle), aliases: v.aliases.map(own) })),
    vcDeleted: vcDeleted.map((v) => ({ handle: own(v.handle), aliases: v.aliases.map(own) })),
    paramStores: paramStores.map((p) => ({ param: p.param, target: own(p.target) })),
    bindings,
    contexts,
    macros: macro ? [{ name: own(macro.name), params: macro.params && macro.params.map(own), body: own(macro.body), start: macro.start }] : undefined,
    helper,
    ending: ending && parts ? ending : undefined,
    nameAt: ending && parts ? parts.nameNode.startIndex - start : undefined,
    evidenceAt: evidenceAt.size ? [...evidenceAt].map(([name, at]) => ({ name: own(name), at })) : undefined,
    sem: 0,
  });
  const semantic = JSON.stringify([
    node.type, facts.fn, [...facts.calls], facts.callees, facts.evidence, facts.vcCreated.map((v) => [v.handle, v.aliases]), facts.vcDeleted,
    facts.paramStores, bindings.map((b) => [b.name, b.entry, b.via, b.field]), contexts.map((c) => [c.name, c.type]),
    // Only definitions add to the hash, so the other items' hashes stay what leafFacts computes.
    ...(macro ? [[macro.name, macro.params, macro.body]] : []),
    ...(facts.helper ? [helperKey(facts.helper)] : []),
    // Whether a handler can pend is a cross-file fact of the lifecycle model (lifecycleSummary.ts).
    ...(ending && ending !== 'sync' ? [ending] : []),
  ]);
  facts.sem = hash(semantic);
  return facts;
}

/**
 * Every item's facts in one object shape, all fields present in one order (absent ones undefined), `findings` too:
 * the passes over a file's items (bindings, helpers, macros, summary) read them at every version, and facts built
 * with optional spreads had dozens of shapes, which made each of those reads a slow, megamorphic one.
 */
function makeFacts(f: Omit<ChunkFacts, 'findings' | 'sem'> & { sem: number }): ChunkFacts & { sem: number } {
  return {
    type: f.type, fn: f.fn, calls: f.calls, callees: f.callees, callSites: f.callSites, evidence: f.evidence, vcCreated: f.vcCreated,
    vcDeleted: f.vcDeleted, paramStores: f.paramStores, bindings: f.bindings, contexts: f.contexts, macros: f.macros, helper: f.helper,
    ending: f.ending, nameAt: f.nameAt, evidenceAt: f.evidenceAt, sem: f.sem, findings: undefined,
  };
}

/**
 * The function's helper summary, its strings copied out of the text (a JSON round trip: see own). A body the flow
 * cannot read gives no summary rather than no facts.
 */
function helperOf(body: Node, walked: WalkedNode[], params: string[], callees: string[], s: Required<ChunkServices>): LocalSummary | undefined {
  try {
    const h = summarizeFunction(body, walked, params, callees, s.lifecycle, s.catalog);
    return h && (JSON.parse(JSON.stringify(h)) as LocalSummary);
  } catch {
    return undefined;
  }
}

/** (Declarators and the statements that leave or break are for the helper summary: see helperSummary.ts.) */
export const FACT_NODES = ['call_expression', 'type_identifier', 'assignment_expression', 'initializer_pair', 'init_declarator',
  'return_statement', 'goto_statement', 'seh_leave_statement', 'break_statement', 'continue_statement'];
const WALKED = typeList(...FACT_NODES, ...CONDITIONAL_NODES);

/** Facts of leaf items by type and text, shared within one listing (see leafFacts). */
export type LeafFacts = Map<string, ChunkFacts>;

const NO_FACTS_SEM = new Map<string, number>();

/**
 * The facts of an item that is a single token of a type that holds no facts: what factsOf computes for it (a unit
 * test holds them equal), without a node. Items with the same type and text share one object, and so one cached set of
 * findings (findings depend only on an item's text and its context).
 */
export function leafFacts(type: string, itemText: string, memo: LeafFacts): ChunkFacts {
  const key = `${type}\u0000${itemText}`;
  let facts = memo.get(key);
  if (!facts) {
    let sem = NO_FACTS_SEM.get(type);
    if (sem === undefined) NO_FACTS_SEM.set(type, sem = hash(JSON.stringify([type, undefined, [], [], [], [], [], [], [], []])));
    facts = makeFacts({ type, fn: undefined, calls: new Map(), callees: [], evidence: [], vcCreated: [], vcDeleted: [], paramStores: [], bindings: [], contexts: [], sem });
    memo.set(key, facts);
  }
  return facts;
}

/** Context bindings found once for a whole file (a first analysis), handed out by item. */
export interface Found {
  contextsIn(start: number, end: number): ContextBinding[];
}

export function foundIn(syntax: Syntax, text: string): Found {
  const contexts: ContextBinding[] = [];
  for (const seg of syntax.segments) contexts.push(...findContextBindings(seg.tree.rootNode, text, seg.start, seg.end));
  contexts.sort((a, b) => a.start - b.start);
  const slice = <T extends { start: number }>(list: T[], start: number, end: number): T[] => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid].start < start) lo = mid + 1; else hi = mid; }
    const out: T[] = [];
    for (let i = lo; i < list.length && list[i].start < end; i++) out.push(list[i]);
    return out;
  };
  return { contextsIn: (a, b) => slice(contexts, a, b) };
}

/** FNV-1a over UTF-16 units, 32 bits. */
export function hash(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
