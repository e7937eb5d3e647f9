// Conditional compilation as the analysis reads it: the arms of an `#if`/`#ifdef` chain, what each arm's directive
// tests (a normalised key and the value under which the arm is compiled, or a literal 0/1), which arms are dead, and
// the words a finding uses to say under which condition its code is compiled.
import type { Node } from 'web-tree-sitter';

/** What one directive tests: the arm is compiled when `key` has `truth`; or a literal `0`/`1` (`constant`). */
export type PpTest = { key: string; truth: boolean; constant?: undefined } | { constant: boolean };

export interface PpArm {
  /** The directive node of the arm (`preproc_if`, `preproc_elif`, ..., `preproc_else`). */
  node: Node;
  /** Null for `#else`. */
  test: PpTest | null;
  /** The arm's own statements or items (its condition and the next arm left out). */
  body: Node[];
}

export const PP_HEADS = new Set(['preproc_if', 'preproc_ifdef']);
export const PP_ARMS = new Set(['preproc_if', 'preproc_ifdef', 'preproc_elif', 'preproc_elifdef', 'preproc_else']);
/** Bounds a chain of `#elif`s walked as one (each is a level of nesting in the tree). */
const MAX_ARMS = 64;

/** The arms of the chain headed by `head` (an `#if` or `#ifdef`), in order. */
export function ppArms(head: Node): PpArm[] {
  const arms: PpArm[] = [];
  let n: Node | null = head;
  while (n && PP_ARMS.has(n.type) && arms.length < MAX_ARMS) {
    const alt: Node | null = n.type === 'preproc_else' ? null : n.childForFieldName('alternative');
    const skip = n.type === 'preproc_if' || n.type === 'preproc_elif' ? n.childForFieldName('condition')
      : n.type === 'preproc_else' ? null : n.childForFieldName('name');
    const body: Node[] = [];
    for (const c of n.namedChildren) {
      if (!c || c.type === 'comment' || (skip && c.id === skip.id) || (alt && c.id === alt.id)) continue;
      body.push(c);
    }
    arms.push({ node: n, test: ppTest(n), body });
    n = alt;
  }
  return arms;
}

/** What the directive `n` tests; null for `#else` (and anything that is not a conditional directive). */
export function ppTest(n: Node): PpTest | null {
  const t = n.type;
  if (t === 'preproc_ifdef' || t === 'preproc_elifdef') {
    const name = n.childForFieldName('name');
    if (!name) return null;
    const negated = (n.child(0)?.type ?? '').endsWith('ndef'); // #ifndef, #elifndef
    return { key: `defined(${name.text})`, truth: !negated };
  }
  if (t !== 'preproc_if' && t !== 'preproc_elif') return null;
  const cond = n.childForFieldName('condition');
  return cond ? testOf(cond, true) : null;
}

function testOf(n: Node, truth: boolean): PpTest {
  let c: Node = n;
  for (let up = 0; up < 64 && c.type === 'parenthesized_expression' && c.namedChild(0); up++) c = c.namedChild(0)!;
  if (c.type === 'unary_expression' && c.childForFieldName('operator')?.text === '!') {
    const arg = c.childForFieldName('argument');
    if (arg) return testOf(arg, !truth);
  }
  if (c.type === 'number_literal' && /^[01][uUlL]*$/.test(c.text)) return { constant: (c.text[0] === '1') === truth };
  if (c.type === 'preproc_defined') {
    const name = c.namedChildren.find((x) => x?.type === 'identifier');
    if (name) return { key: `defined(${name.text})`, truth };
  }
  return { key: c.text.replace(/\s+/g, ''), truth };
}

/** How a test reads in a message: `DBG`, `not DBG`, `not (A&&B)`. */
export function describeTest(test: { key: string; truth: boolean }): string {
  const m = /^defined\((\w+)\)$/.exec(test.key);
  const name = m ? m[1] : /^\w+$/.test(test.key) ? test.key : `(${test.key})`;
  return test.truth ? name.replace(/^\((.*)\)$/, '$1') : `not ${name}`;
}

/**
 * Under which directives the code at `offset` is compiled, outermost first (`['NDIS60', 'not DBG']`), found by walking
 * down from the root to the offset: each step looks at one node's children, so the cost is the depth times the width,
 * never a climb with `.parent` (which costs the depth again at every step).
 */
export function conditionsAt(root: Node, offset: number, armsOf: (head: Node) => PpArm[] = ppArms): string[] {
  const out: string[] = [];
  const childAt = (n: Node): Node | null => {
    const c = n.firstNamedChildForIndex(offset);
    return c && c.startIndex <= offset ? c : null;
  };
  let c = childAt(root);
  for (let depth = 0; c && depth < 400; depth++) {
    if (!PP_HEADS.has(c.type)) { c = childAt(c); continue; }
    // The offset is in this chain: find its arm from the list rather than descending through each `#elif` node.
    const arms = armsOf(c);
    let i = arms.length - 1;
    while (i > 0 && arms[i].node.startIndex > offset) i--;
    const inner = nodeHolding(arms[i].body, offset);
    if (!inner) break; // on the directive itself
    const words = guard(arms) ? undefined : armWords(arms, i);
    if (words) out.push(words);
    c = inner;
  }
  return out;
}

/** The node of `body` (in document order) that holds `offset`: a binary search, as an arm may hold thousands. */
function nodeHolding(body: readonly Node[], offset: number): Node | undefined {
  let lo = 0;
  let hi = body.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = body[mid];
    if (offset < b.startIndex) hi = mid - 1;
    else if (offset >= b.endIndex) lo = mid + 1;
    else return b;
  }
  return undefined;
}

/** An include guard (`#ifndef FOO_H` / `#define FOO_H` / ... / `#endif`) says nothing about a configuration. */
function guard(arms: PpArm[]): boolean {
  const t = arms[0].test;
  if (arms.length !== 1 || !t || t.constant !== undefined || t.truth) return false;
  const first = arms[0].body[0];
  return first?.type === 'preproc_def' && t.key === `defined(${first.childForFieldName('name')?.text})`;
}

/** The words for arm `i` of a chain: its own test, or for `#else` the negation of the tests before it. */
function armWords(arms: PpArm[], i: number): string | undefined {
  const test = arms[i].test;
  if (test) return test.constant !== undefined ? undefined : describeTest(test);
  const before = arms.slice(0, i).map((a) => a.test).filter((t): t is { key: string; truth: boolean } => !!t && t.constant === undefined);
  if (!before.length) return undefined;
  return before.map((t) => describeTest({ key: t.key, truth: !t.truth })).join(' and ');
}

/** The `#if` arms of the chain headed by `head` that are never compiled: a literal 0, or any arm after a literal 1. */
export function deadArms(arms: readonly PpArm[]): Set<number> {
  const dead = new Set<number>();
  let taken = false;
  arms.forEach((a, i) => {
    if (taken || (a.test?.constant === false)) dead.add(i);
    else if (a.test?.constant === true) taken = true;
  });
  return dead;
}

/**
 * For a file, a function from a finding's offset to the words appended to its message (` (when DBG)`), or '' outside
 * any conditional block. A file with findings but no conditional directive costs one scan of its text.
 */
export function conditionNote(file: { text: string; syntax: { treeAt(offset: number): { rootNode: Node } | null } }, findings = Infinity): (offset: number) => string {
  // Whether the file has any `#if` at all, found on the first finding: a file without findings costs nothing. A few
  // findings walk their ancestors instead: scanning the whole text cost every edit of a large file 0.4 ms.
  let any: boolean | undefined = findings <= 32 ? true : undefined;
  // A chain's arms, read once per check: thousands of findings inside one chain (an include guard around a header)
  // asked for its arms each (fuzz case 3938 of seed 20261211: 4,893 findings, 21 s).
  const arms = new Map<number, PpArm[]>();
  const armsOf = (head: Node) => {
    let a = arms.get(head.id);
    if (!a) { a = ppArms(head); arms.set(head.id, a); }
    return a;
  };
  return (offset) => {
    any ??= /#[ \t]*if/.test(file.text);
    if (!any) return '';
    const root = file.syntax.treeAt(offset)?.rootNode;
    const words = root ? conditionsAt(root, offset, armsOf) : [];
    return words.length ? ` (when ${words.join(' and ')})` : '';
  };
}

/**
 * Which part of an `#if`/`#elif` node `n` is never compiled, from its condition: its own body (a literal 0), the arms
 * after it (a literal 1), or nothing. `cond` is the node's condition.
 */
export function deadPart(cond: Node | null): 'body' | 'alternative' | undefined {
  const t = cond ? testOf(cond, true) : undefined;
  return t?.constant === false ? 'body' : t?.constant === true ? 'alternative' : undefined;
}

/** Add these to a `descendantsOfType` walk that `liveFilter` screens. */
export const CONDITIONAL_NODES = ['preproc_if', 'preproc_elif'];

/**
 * A screen for the nodes of one `descendantsOfType` walk (document order) that included CONDITIONAL_NODES: false for
 * those directive nodes themselves and for every node in a dead arm they open, true for the rest.
 */
export function liveFilter(): (n: Node) => boolean {
  // Dead ranges not yet passed (an `#if 1`'s dead `#else` may wait while dead arms inside its live arm come and go).
  const ranges: { from: number; to: number }[] = [];
  return (n) => {
    const start = n.startIndex;
    for (let i = ranges.length - 1; i >= 0; i--) {
      if (ranges[i].to <= start) ranges.splice(i, 1);
      else if (ranges[i].from <= start) return false;
    }
    const t = n.type;
    if (t !== 'preproc_if' && t !== 'preproc_elif') return true;
    const cond = n.childForFieldName('condition');
    const dead = deadPart(cond);
    const alt = dead ? n.childForFieldName('alternative') : null;
    if (dead === 'body') ranges.push({ from: cond?.endIndex ?? start, to: alt?.startIndex ?? n.endIndex });
    else if (alt) ranges.push({ from: alt.startIndex, to: alt.endIndex });
    return false;
  };
}
