// Helpers shared by rules: which callbacks a function implements, line numbers, argument edits.
import type { Node } from 'web-tree-sitter';
import type { CatalogEntry } from '../catalog';
import type { FunctionInfo } from '../analysis/fileAnalysis';
import type { RuleContext } from './types';
import { siteOf } from '../analysis/macroExpansion';
import { arityOf } from '../analysis/chunks';
import { trusted } from './trustedRoles';

/**
 * The callbacks `fn` implements, from this file's bindings and every other file's, leaving out table entries that
 * contradict its role-type declaration or its parameter list (trustedRoles.ts: those entries are the mistake).
 */
export function rolesOf(fn: FunctionInfo, ctx: RuleContext): CatalogEntry[] {
  const arity = arityOf(fn.node) ?? -1;
  // Once per name, shape and version: a file of repeated code binds one name thousands of times, for each definition.
  return ctx.file.memo(`rolesOf:${fn.name}:${arity}`, () => {
    const all: { entry: string; via: string; field?: string }[] = ctx.file.bindingsOf(fn.name).map((b) => ({ entry: b.entry.name, via: b.via, field: b.field }));
    for (const b of ctx.workspace.bindingsOf(fn.name)) if (b.uri !== ctx.file.uri) all.push(b);
    const names = new Set(trusted(all, arity, ctx.catalog).map((b) => b.entry));
    return [...names].map((n) => ctx.catalog.entry(n)).filter((e): e is CatalogEntry => !!e);
  });
}

/**
 * The 1-based line of an offset, for messages that point at another place: a reference that the diagnostics engine
 * turns into the number (features/diagnostics.ts), so that a finding kept across versions follows its line.
 */
export function lineOf(_text: string, offset: number): string {
  return lineRef(offset);
}

/** Marks a line reference in a message: `\uE000<offset>\uE001`. */
export const lineRef = (offset: number) => `\uE000${offset}\uE001`;
export const LINE_REF = /\uE000(-?\d+)\uE001/g;

/** Where a node is in the file; a node of a macro's expansion is at the macro's use. */
export function range(n: Node): { start: number; end: number } {
  const at = siteOf(n) ?? n;
  return { start: at.startIndex, end: at.endIndex };
}

/** `name` as the user wrote it in a message: backticked. */
export const code = (s: string) => `\`${s}\``;

/** The file's own line break for inserted lines, read once per version (a scan per fix was quadratic on a 20 MB file). */
export const lineBreak = (file: RuleContext['file']): string => file.memo('lineBreak', () => (file.text.includes('\r\n') ? '\r\n' : '\n'));
