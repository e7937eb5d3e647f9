// party-handle-mismatch: inside ProtocolCmCloseCall, the party handle given to the close-call completion contradicts
// what the handler knows on that path about its CallMgrPartyContext (2nd parameter, whatever it is named, and plain
// local copies of it): NULL passed where the context was checked non-NULL (a multipoint VC: the last party's handle is
// expected), or a handle passed where it was checked NULL (point-to-point: there is no party). Paths that never test
// the context are not judged. In any function, a completion given the VC's own context or handle as the party handle
// (partyHandleIsVc.ts).
import type { Node } from 'web-tree-sitter';
import { exprKey } from '../analysis/cfg';
import { isNullLiteral, parameterCopies, stripCasts } from '../analysis/expressions';
import type { FunctionInfo } from '../analysis/fileAnalysis';
import type { Finding, Fix, Rule } from './types';
import { code, range, rolesOf } from './util';
import { paramIndex } from './vcUtil';
import { vcAsParty } from './partyHandleIsVc';

/** A party-handle field reached through the party context or the VC context (`Party->NdisPartyHandle`), if the body has one. */
function evidentPartyHandle(fn: FunctionInfo, party: string[], vc: string[]): Node | undefined {
  // Outermost field expressions only (`a->b->PartyHandle`, not its `a->b`), found from above: `.parent` costs O(depth).
  const all = fn.body.descendantsOfType('field_expression').filter((f): f is Node => !!f);
  const inner = new Set<number>();
  for (const f of all) {
    const arg = f.childForFieldName('argument');
    if (arg?.type === 'field_expression') inner.add(arg.id);
  }
  const found = all.filter((f) => !inner.has(f.id) && /PartyHandle$/i.test(f.childForFieldName('field')?.text ?? ''));
  const base = (f: Node) => exprKey(stripCasts(f.childForFieldName('argument')) ?? f);
  return found.find((f) => party.includes(base(f))) ?? found.find((f) => vc.includes(base(f)));
}

export const partyHandleMismatch: Rule = {
  id: 'party-handle-mismatch',
  defaultSeverity: 'warning',
  scope: 'workspace',
  presence: true,
  summary: 'A close-call completion passes NULL for a multipoint party, or a party handle for a point-to-point call.',
  check(ctx) {
    const out: Finding[] = [];
    for (const fn of ctx.file.functions()) {
      const role = rolesOf(fn, ctx).find((r) => r.name === 'PROTOCOL_CM_CLOSE_CALL');
      const [vcParam, partyParam] = fn.params;
      const copies = role ? parameterCopies(fn.body, fn.params) : undefined;
      const aliasesOf = (p: string) => [p, ...[...copies ?? []].filter(([, from]) => from === p).map(([local]) => local)];
      const judged = new Set<number>();
      for (const obs of ctx.file.flowOf(fn).calls) {
        const f = vcAsParty(ctx, fn, obs, role && vcParam ? aliasesOf(vcParam) : []);
        if (f) { out.push(f); judged.add(obs.call.node.startIndex); }
      }
      if (!role || !partyParam) continue;
      const party = aliasesOf(partyParam);
      const completions = ctx.lifecycle.completionsOf(role);
      let evident: { handle: Node | undefined } | undefined; // once per function: it walks the whole body
      for (const obs of ctx.file.flowOf(fn).calls) {
        if (!completions.includes(obs.call.name) || judged.has(obs.call.node.startIndex)) continue;
        const arg = obs.call.args[paramIndex(ctx, obs.call.name, 'NdisPartyHandle') ?? -1];
        if (!arg) continue;
        // NULL written out, or a variable that holds NULL on this path (`h = Party ? Party->NdisPartyHandle : NULL;`).
        const passesNull = isNullLiteral(arg);
        const argKey = exprKey(arg);
        const nullIn = obs.states.map((s) => passesNull || s.conds.get(argKey) === false);
        const knownIn = obs.states.map((s) => party.map((p) => s.nulls.get(p)).find((v) => v !== undefined));
        // Judged per path: the party context's NULL-ness and the handle passed on that same path.
        const known = knownIn.map((k, i) => (k === undefined ? undefined : k === nullIn[i] ? undefined : k));
        const tested = (isNull: boolean) => {
          const p = party.find((a) => obs.states.some((s) => s.nulls.get(a) === isNull)) ?? partyParam;
          return p === partyParam ? code(partyParam) : `${code(partyParam)} (tested as ${code(p)})`;
        };
        if (passesNull && known.includes(false)) {
          evident ??= { handle: evidentPartyHandle(fn, party, vcParam ? aliasesOf(vcParam) : []) };
          const { handle } = evident;
          const fixes: Fix[] = handle ? [{ title: `Pass ${exprKey(handle)} as the party handle`, changes: [{ ...range(arg), newText: exprKey(handle) }], preferred: true }] : [];
          out.push({
            ...range(arg), fixes,
            message: `${code(obs.call.name)} passes NULL as the party handle, but ${tested(false)} is not NULL on this path, ` +
              `so ${code(fn.name)} is closing a multipoint call and NDIS expects the handle of its last party. ` +
              `Pass that party's handle${handle ? ` (${code(exprKey(handle))})` : ''}.`,
          });
        } else if (!passesNull && known.includes(true)) {
          out.push({
            ...range(arg),
            fixes: [{ title: 'Pass NULL as the party handle', changes: [{ ...range(arg), newText: 'NULL' }], preferred: true }],
            message: `${code(obs.call.name)} passes ${code(exprKey(arg))} as the party handle, but ${tested(true)} is NULL on this path, ` +
              `so ${code(fn.name)} is closing a point-to-point call, which has no party. Pass NULL.`,
          });
        }
      }
    }
    return out;
  },
};
