// wrong-argument-count: a call of a CoNDIS function with more or fewer arguments than its parameters. Calls the parser
// could not read, and calls where a macro might supply several arguments, are left alone.
import type { Node } from 'web-tree-sitter';
import type { Finding, Fix, Rule } from './types';
import { code, range } from './util';
import { callArguments } from '../syntax/nodes';
import { callSites } from './callSites';

/** Upper-case names that are plainly single values, never argument-list macros. */
const SINGLE_VALUE = /^(NULL|TRUE|FALSE|(NDIS_)?STATUS_[A-Z0-9_]+)$/;

export const wrongArgumentCount: Rule = {
  id: 'wrong-argument-count',
  defaultSeverity: 'error',
  scope: 'file',
  summary: 'A CoNDIS function is called with the wrong number of arguments.',
  check(ctx) {
    const out: Finding[] = [];
    for (const { call, callee, name } of callSites(ctx)) {
      if (!callee) continue;
      const entry = ctx.catalog.entry(name);
      if (entry?.kind !== 'function') continue;
      const list = call.childForFieldName('arguments');
      if (!list || call.hasError || list.hasError) continue;
      if (ctx.file.defines(name)) continue; // the project's own definition (a shim or a test double)
      const args = callArguments(call);
      const params = entry.params;
      if (args.length === params.length || (args.length < params.length && args.some(mayExpandToSeveral))) continue;
      const missing = params.length - args.length;
      const names = params.map((p) => p.name).join(', ');
      const last = params[params.length - 1];
      const fillable = missing === 1 && args.length > 0 && last.optional && last.type === 'NDIS_HANDLE';
      const detail = missing > 0
        ? (fillable ? `${code(last.name)} is missing (optional means it may be NULL, not that it may be left out)` : `${missing} ${missing === 1 ? 'is' : 'are'} missing`)
        : `${-missing} too many`;
      out.push({
        ...range(list),
        message: `${code(name)} takes ${params.length} argument${params.length === 1 ? '' : 's'} (${names}) but this call passes ` +
          `${args.length}: ${detail}. ${fillable ? `Pass NULL for ${code(last.name)} when there is none.` : `Pass exactly ${names}.`}`,
        fixes: fillable ? [appendNull(args[args.length - 1], last.name)] : undefined,
      });
    }
    return out;
  },
};

/** An argument a macro could turn into several: an upper-case name or macro call, or `__VA_ARGS__`. */
function mayExpandToSeveral(arg: Node): boolean {
  const head = arg.type === 'call_expression' ? arg.childForFieldName('function') : arg;
  return head?.type === 'identifier' && /^[A-Z_][A-Z0-9_]*$/.test(head.text) && !SINGLE_VALUE.test(head.text);
}

function appendNull(lastArg: Node, param: string): Fix {
  const title = param === 'NdisPartyHandle' ? 'Add the missing NULL party handle' : `Pass NULL for ${param}`;
  return { title, changes: [{ start: lastArg.endIndex, end: lastArg.endIndex, newText: ', NULL' }], preferred: true };
}
