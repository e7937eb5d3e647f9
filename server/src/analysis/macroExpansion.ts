// Expands the workspace's own macros at their uses, for the control-flow graph and the call-site rules: a use of
// `FOO_COMPLETE_CLOSE(Vc, S)` is read as what its definition says, arguments substituted, parsed with the real parser.
// Only definitions that (through nested macros) mention something the analysis reads are expanded: a catalog function,
// a status constant, a spin-lock call. Nodes of an expansion belong to a tree of their own ("foreign" nodes): events
// made from them are moved to the use site (`adopt`), and `siteOf` gives the use site of any of them.
import { Parser, type Language, type Node, type Tree } from 'web-tree-sitter';
import type { Catalog } from '../catalog';
import type { Lifecycle } from '../catalog/lifecycle';
import type { Event, MacroHooks, MacroVia } from './cfg';
import { presetStatus, STATUS_CONST } from './flowFacts';
import { expandedCallees, mentionedNames, type MacroDef } from './macroDefs';
import { substitute } from './macroText';

export const LOCK_CALL = /^(NdisAcquireSpinLock|NdisDprAcquireSpinLock|KeAcquireSpinLock|KeAcquireSpinLockAtDpcLevel|NdisAcquireRWLockWrite|NdisAcquireRWLockRead|WdfSpinLockAcquire|NdisReleaseSpinLock|NdisDprReleaseSpinLock|KeReleaseSpinLock|KeReleaseSpinLockFromDpcLevel|NdisReleaseRWLock|WdfSpinLockRelease)$/;

/** Bounds: nesting depth, expansion size, and the steps spent deciding which definitions matter. */
const MAX_DEPTH = 16;
const MAX_TEXT = 16_384;
const MAX_INTEREST_STEPS = 20_000;
const PREFIX = 'void __condis_macro(void)\n{\n';

/** One expansion: its tree, the use site it stands for (the outermost), what substituted arguments map back to. */
interface Frame {
  site: Node;
  via: MacroVia;
  /** Names not expanded again inside (the macros being expanded, as the C preprocessor does). */
  hidden: ReadonlySet<string>;
  depth: number;
  /** `start:end` of a substituted argument in this tree -> the argument node it came from. */
  args: Map<string, Node>;
}

/** An expanded use in the file, for findings: where it is, where its arguments are, which macro. */
export interface MacroUse { start: number; end: number; nameStart: number; nameEnd: number; args: { start: number; end: number }[]; via: MacroVia }

const sites = new WeakMap<Tree, Node>();
const parsers = new WeakMap<Language, Parser>();

/** The use site a node of an expansion stands for; undefined for a node of the file itself. */
export function siteOf(n: Node): Node | undefined {
  return sites.get(n.tree);
}

export interface MacroSource {
  /** The definition of `name` in force at `offset` of this file: its own earlier definitions first, then the workspace's. */
  lookup(name: string, offset: number): MacroDef | undefined;
}

export class MacroTable implements MacroHooks {
  private readonly frames = new WeakMap<Tree, Frame>();
  private readonly interest = new Map<MacroDef, boolean>();
  private readonly expansions = new Map<string, Node | null>();
  /** Expansion text -> its parse, shared by the uses that expand to it (treeOf). */
  private readonly parsed = new Map<string, Tree | null>();
  private steps = 0;
  /** The outermost uses expanded so far, by start offset. */
  readonly uses = new Map<number, MacroUse>();

  constructor(private readonly source: MacroSource, private readonly catalog: Catalog, private readonly lifecycle: Lifecycle) {}

  foreign(n: Node): boolean { return this.frames.has(n.tree); }

  /** Names defined as macros (here or in the driver), and not catalog names: per name, once per table (version). */
  private readonly macroNames = new Map<string, boolean>();
  mayExpand(name: string): boolean {
    let v = this.macroNames.get(name);
    if (v === undefined) {
      v = !this.catalog.entry(name) && !this.lifecycle.effectOf(name) && this.source.lookup(name, Infinity) !== undefined;
      this.macroNames.set(name, v);
    }
    return v;
  }

  /** The function-like macro a call to `name` uses, wherever defined (catalog names are never macros here). */
  definition(name: string): MacroDef | undefined {
    if (this.catalog.entry(name) || this.lifecycle.effectOf(name)) return undefined;
    const def = this.source.lookup(name, Infinity);
    return def?.params ? def : undefined;
  }

  /** The argument node a node of an expansion was substituted from, followed out to the file's own node if it can be. */
  real(n: Node): Node | undefined {
    let at: Node | undefined;
    for (let cur: Node = n, i = 0; i <= MAX_DEPTH; i++) {
      const f = this.frames.get(cur.tree);
      const m = f?.args.get(`${cur.startIndex}:${cur.endIndex}`);
      if (!m) break;
      at = m;
      cur = m;
    }
    return at;
  }

  /** An event made inside an expansion, moved to the use site (events of the file's own nodes are returned as they are). */
  adopt(ev: Event): Event {
    if (ev.k === 'pp') return ev;
    const node = ev.k === 'assume' ? ev.cond : ev.node;
    const f = this.frames.get(node.tree);
    if (!f) return ev;
    const arg = (a: Node) => this.real(strip(a)) ?? a;
    if (ev.k === 'call') return { k: 'call', node: f.site, name: ev.name, args: ev.args.map(arg), via: f.via };
    if (ev.k === 'return') return { k: 'return', node: f.site, value: ev.value && arg(ev.value) };
    if (ev.k === 'assign') return { ...ev, value: ev.value && arg(ev.value) };
    return ev;
  }

  /**
   * The body (a compound statement) to read in place of a macro use (a call, or an identifier for an object-like
   * macro); undefined when `use` is not a use of a macro worth expanding. An object-like macro that stands for a
   * status gives its use that status (flowFacts.presetStatus) and nothing to walk.
   */
  expand(use: Node): Node | undefined {
    const outer = this.frames.get(use.tree);
    const call = use.type === 'call_expression';
    const nameNode = call ? use.childForFieldName('function') : use;
    if (!nameNode || nameNode.type !== 'identifier') return undefined;
    const name = nameNode.text;
    // Catalog names are keyed as spelled (NdisMCm* are WDK macros): never looked through, whoever defines them.
    if (this.catalog.entry(name) || this.lifecycle.effectOf(name)) return undefined;
    if (outer && (outer.hidden.has(name) || outer.depth >= MAX_DEPTH)) return undefined;
    const site = outer?.site ?? use;
    const def = this.source.lookup(name, site.startIndex);
    if (!def || (def.params !== null) !== call) return undefined;
    if (!call) {
      const status = this.statusOf(def, site.startIndex, 0);
      if (status) presetStatus(use, status);
    }
    if (!this.interesting(def, 0, new Set()) || (!call && !def.body.includes('('))) return undefined;
    const key = `${outer ? `${outer.depth}:${outer.site.startIndex}:` : ''}${use.startIndex}:${use.endIndex}:${name}`;
    const had = this.expansions.get(key);
    if (had !== undefined) return had ?? undefined;
    const body = this.parse(use, def, outer, call, site);
    this.expansions.set(key, body ?? null);
    return body;
  }

  private parse(use: Node, def: MacroDef, outer: Frame | undefined, call: boolean, site: Node): Node | undefined {
    const argNodes = call ? (use.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'comment') : [];
    const sub = substitute(def, argNodes.map((a) => a.text));
    if (!sub || sub.text.length > MAX_TEXT) return undefined;
    const tree = this.treeOf(sub.text, use.tree.language);
    const fn = tree?.rootNode.namedChild(0);
    const body = fn?.type === 'function_definition' ? onceBody(fn.childForFieldName('body')) : null;
    if (!tree || !body || tree.rootNode.namedChildCount !== 1) return undefined;
    const args = new Map<string, Node>();
    for (const r of sub.ranges) args.set(`${r.start + PREFIX.length}:${r.end + PREFIX.length}`, argNodes[r.arg]);
    const via = outer?.via ?? { macro: def.name, uri: def.uri, line: def.line, start: def.start };
    this.frames.set(tree, { site, via, hidden: new Set([...(outer?.hidden ?? []), def.name]), depth: (outer?.depth ?? 0) + 1, args });
    sites.set(tree, site);
    if (!outer) {
      const n = call ? use.childForFieldName('function')! : use;
      this.uses.set(use.startIndex, { start: use.startIndex, end: use.endIndex, nameStart: n.startIndex, nameEnd: n.endIndex, args: argNodes.map((a) => ({ start: a.startIndex, end: a.endIndex })), via });
    }
    return body;
  }

  /**
   * A tree of its own for one expansion text. Uses that expand to the same text (`LOCK(Vc)` in every handler) share one
   * parse: each gets a copy of it (web-tree-sitter's `Tree.copy`, which shares the syntax and costs no parse), so that
   * its nodes still name its own frame. Parses once per distinct text per table (version).
   */
  private treeOf(text: string, language: Language): Tree | null {
    let base = this.parsed.get(text);
    if (base === undefined) {
      let parser = parsers.get(language);
      if (!parser) { parser = new Parser(); parser.setLanguage(language); parsers.set(language, parser); }
      base = parser.parse(`${PREFIX}${text}\n;}`);
      this.parsed.set(text, base);
    }
    return base && base.copy();
  }

  /** The status constant an object-like macro stands for (`#define FOO_PENDING NDIS_STATUS_PENDING`), through nesting. */
  statusOf(def: MacroDef, at: number, depth: number): string | undefined {
    if (def.params !== null || depth > MAX_DEPTH) return undefined;
    const body = def.body.replace(/^\(+|\)+$/g, '').trim();
    if (STATUS_CONST.test(body)) return body;
    const inner = /^[A-Za-z_]\w*$/.test(body) && body !== def.name ? this.source.lookup(body, at) : undefined;
    return inner ? this.statusOf(inner, at, depth + 1) : undefined;
  }

  /** Whether a definition mentions, through nested macros, anything the analysis reads. Decided once per definition. */
  interesting(def: MacroDef, depth: number, stack: Set<MacroDef>): boolean {
    const known = this.interest.get(def);
    if (known !== undefined) return known;
    if (depth > MAX_DEPTH || stack.has(def) || ++this.steps > MAX_INTEREST_STEPS) return false;
    stack.add(def);
    let yes = false;
    let cut = false;
    for (const n of mentionedNames(def.body)) {
      if (n === def.name) continue;
      if (STATUS_CONST.test(n) || LOCK_CALL.test(n) || this.lifecycle.effectOf(n) || this.catalog.entry(n)?.kind === 'function') { yes = true; break; }
      const inner = this.source.lookup(n, Infinity);
      if (!inner) continue;
      if (stack.has(inner) || depth + 1 > MAX_DEPTH) { cut = true; continue; }
      if (this.interesting(inner, depth + 1, stack)) { yes = true; break; }
    }
    stack.delete(def);
    // A "no" reached by cutting a cycle or the depth is not final for other starting points: not kept.
    if (yes || !cut) this.interest.set(def, yes);
    return yes;
  }

  /** What this file's calls of macros count as (name -> count), from its summary's call counts. */
  callsThrough(calls: Readonly<Record<string, number>>): Map<string, number> {
    const out = new Map<string, number>();
    const lookup = (n: string) => (this.catalog.entry(n) ? undefined : this.source.lookup(n, Infinity));
    for (const [name, count] of Object.entries(calls)) {
      if (!lookup(name)) continue;
      for (const inner of expandedCallees(name, lookup)) out.set(inner, (out.get(inner) ?? 0) + count);
    }
    return out;
  }

  /** The calls a use makes through its expansion (nested macros followed), as names with the use site: for callSites. */
  callsOf(use: Node): string[] {
    const out: string[] = [];
    const walk = (n: Node, depth: number) => {
      if (depth > 400) return;
      if (n.type === 'call_expression') {
        const inner = this.expand(n);
        if (inner) { walk(inner, depth + 1); return; }
        const fn = n.childForFieldName('function');
        if (fn?.type === 'identifier') out.push(fn.text);
      } else if (n.type === 'identifier') {
        const inner = this.expand(n);
        if (inner) walk(inner, depth + 1);
        return;
      }
      for (const c of n.namedChildren) if (c) walk(c, depth + 1);
    };
    const body = this.expand(use);
    if (body) walk(body, 0);
    return out;
  }
}

/**
 * `do { ... } while (0)` (or FALSE) is how a statement-like macro is written: it runs once, so its block is read
 * instead (unless a `break` or `continue` in it needs the loop). The wrapper's statements otherwise.
 */
function onceBody(body: Node | null): Node | null {
  const first = body?.namedChildren.filter((c) => !!c && c.type !== 'comment' && !(c.type === 'expression_statement' && c.text === ';')) ?? [];
  const d = first.length === 1 ? first[0] : null;
  if (d?.type !== 'do_statement') return body;
  const cond = d.childForFieldName('condition')?.text.replace(/[\s()]/g, '');
  const inner = d.childForFieldName('body');
  if ((cond !== '0' && cond !== 'FALSE') || !inner || /\b(break|continue)\b/.test(inner.text)) return body;
  return inner;
}

function strip(n: Node): Node {
  let at = n;
  for (let i = 0; i < 32 && at.type === 'parenthesized_expression'; i++) {
    const c = at.namedChild(0);
    if (!c) break;
    at = c;
  }
  return at;
}
