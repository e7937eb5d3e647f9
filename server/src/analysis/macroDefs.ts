// Macro definitions as item facts: what `#define NAME(params) body` says, read from the syntax tree once per item, and
// the questions asked of a definition's text alone (which names it mentions, which it calls).
import type { Node } from 'web-tree-sitter';

/** One `#define`: `params` null for an object-like macro; `start` relative to the item (an item is the definition). */
export interface MacroFact {
  name: string;
  params: string[] | null;
  /** The replacement text, line continuations joined. */
  body: string;
  start: number;
}

/** A definition found anywhere: where it is, for messages and for opening it. `line` is 1-based. */
export interface MacroDef {
  name: string;
  params: string[] | null;
  body: string;
  uri: string;
  line: number;
  /** Offset of the `#define` in its file. */
  start: number;
}

/** The macro an item defines, when it is a `#define` with a plain name. */
export function macroFactOf(node: Node, text: string, itemStart: number): MacroFact | undefined {
  const type = node.type;
  if (type !== 'preproc_def' && type !== 'preproc_function_def') return undefined;
  const name = node.childForFieldName('name');
  if (!name || name.type !== 'identifier') return undefined;
  const value = node.childForFieldName('value');
  const raw = value ? text.slice(value.startIndex, value.endIndex) : '';
  let params: string[] | null = null;
  if (type === 'preproc_function_def') {
    const list = node.childForFieldName('parameters');
    params = [];
    for (const p of list?.namedChildren ?? []) if (p?.type === 'identifier') params.push(text.slice(p.startIndex, p.endIndex));
    // `...` is an anonymous token: its arguments arrive as __VA_ARGS__.
    if (list && text.slice(list.startIndex, list.endIndex).includes('...')) params.push('__VA_ARGS__');
  }
  return { name: text.slice(name.startIndex, name.endIndex), params, body: raw.replace(/\\\r?\n/g, ' ').trim(), start: node.startIndex - itemStart };
}

const IDENT = /[A-Za-z_]\w*/g;

/** The identifiers a body mentions (string and character literals skipped), deduplicated. */
export function mentionedNames(body: string): string[] {
  const out = new Set<string>();
  const code = body.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ' ');
  for (const m of code.matchAll(IDENT)) out.add(m[0]);
  return [...out];
}

/** The names a body calls (an identifier followed by `(`), deduplicated, in order. */
export function calledNames(body: string): string[] {
  const out = new Set<string>();
  const code = body.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ' ');
  for (const m of code.matchAll(/(?<!\w)([A-Za-z_]\w*)\s*\(/g)) out.add(m[1]);
  return [...out];
}

/**
 * The calls a use of `name` makes, through nested macros (bounded in depth, a macro never inside its own expansion):
 * what a use counts as in the workspace's call counts. Function names only; macros are looked through.
 */
export function expandedCallees(name: string, lookup: (n: string) => { body: string } | undefined, maxDepth = 16): string[] {
  const out = new Set<string>();
  // A budget of steps as well as of depth: a body mentioning many macros that mention many more must not explode.
  let steps = 0;
  const walk = (n: string, depth: number, hide: Set<string>) => {
    if (++steps > 2000) return;
    const def = lookup(n);
    if (!def) { if (depth > 0) out.add(n); return; }
    if (depth >= maxDepth || hide.has(n)) return;
    hide.add(n);
    const called = calledNames(def.body);
    // Object-like macros mentioned without a call may expand to calls (`#define LOCK_ALL NdisAcquireSpinLock(&g)`).
    const others = mentionedNames(def.body).filter((x) => !called.includes(x) && lookup(x));
    for (const c of [...called, ...others]) walk(c, depth + 1, hide);
    hide.delete(n);
  };
  walk(name, 0, new Set());
  return [...out];
}
