// A workspace macro read as a helper: `#define FOO_COMPLETE_CLOSE(_Vc, _S) NdisCmCloseCallComplete((_S), ...)` used
// in a helper's body is, to the helper's summary, a call to `FOO_COMPLETE_CLOSE`. A function's summary is computed from
// its own item's text, where a macro defined in another file cannot be seen, so the macro is summarised here, when the
// summaries are composed (helperEffects.ts) and the workspace's definitions are known: its body is parsed as the body of
// a function whose parameters are the macro's, and summarised as any function is (its parameters are the use's arguments).
import { Parser, type Language } from 'web-tree-sitter';
import type { Catalog } from '../catalog';
import type { Lifecycle } from '../catalog/lifecycle';
import type { WalkedNode } from './certainCalls';
import { summarizeFunction, type LocalSummary } from './helperSummary';
import type { MacroDef } from './macroDefs';
import { typeList } from '../syntax/nodes';

/** A macro body longer than this is not read (a summary stays cheap whatever the header). */
const MAX_BODY = 16_384;
const WALKED = typeList('call_expression', 'init_declarator', 'assignment_expression', 'return_statement', 'goto_statement',
  'seh_leave_statement', 'break_statement', 'continue_statement');

/** Per definition (a definition object lives as long as the index generation that made it): its summary or null. */
const cache = new WeakMap<MacroDef, LocalSummary | null>();
const parsers = new WeakMap<Language, Parser>();

/**
 * The summary of a function-like macro as a helper, or undefined when it makes no lifecycle call and calls nothing that
 * could reach one, or its body does not read as statements (token pasting, a fragment of a statement).
 */
export function macroSummary(def: MacroDef, language: Language, lc: Lifecycle, catalog: Catalog): LocalSummary | undefined {
  const had = cache.get(def);
  if (had !== undefined) return had ?? undefined;
  const out = summarize(def, language, lc, catalog) ?? null;
  cache.set(def, out);
  return out ?? undefined;
}

function summarize(def: MacroDef, language: Language, lc: Lifecycle, catalog: Catalog): LocalSummary | undefined {
  // Object-like macros have no arguments to map; `#` and `##` make text the parser cannot read as it will be.
  if (def.params === null || def.body.length > MAX_BODY || /#/.test(def.body.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ''))) return undefined;
  const params = def.params;
  if (params.some((p) => !/^[A-Za-z_]\w*$/.test(p))) return undefined;
  let parser = parsers.get(language);
  if (!parser) { parser = new Parser(); parser.setLanguage(language); parsers.set(language, parser); }
  const tree = parser.parse(`void __condis_macro(${params.map((p) => `int ${p}`).join(', ') || 'void'})\n{\n${def.body}\n;}`);
  if (!tree) return undefined;
  try {
    const fn = tree.rootNode.namedChild(0);
    const body = fn?.type === 'function_definition' ? fn.childForFieldName('body') : null;
    if (!body || tree.rootNode.namedChildCount !== 1 || tree.rootNode.hasError) return undefined;
    const walked: WalkedNode[] = [];
    const callees = new Set<string>();
    for (const n of body.descendantsOfType(WALKED)) {
      if (!n) continue;
      const f = n.type === 'call_expression' ? n.childForFieldName('function') : null;
      const name = f?.type === 'identifier' ? f.text : undefined;
      if (name) callees.add(name);
      walked.push({ n, type: n.type, start: n.startIndex, ...(n.type === 'call_expression' ? { name: name ?? '' } : {}) });
    }
    const s = summarizeFunction(body, walked, params, [...callees], lc, catalog);
    // The macro's own name in its body is not expanded again (as the preprocessor does): no call to follow.
    if (s) s.calls = s.calls.filter((c) => c.callee !== def.name);
    // Plain values only: the tree is freed below, and nothing may keep it alive.
    return s && (JSON.parse(JSON.stringify(s)) as LocalSummary);
  } finally {
    tree.delete();
  }
}
