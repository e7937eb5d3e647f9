// double-completion: a handler that completes its own request and then returns a final status (NDIS completes it again),
// or a completion made twice on one path. Completing and then returning NDIS_STATUS_PENDING is the quick fix's shape,
// so it is not reported (NDIS accepts a completion that arrives before the handler returns PENDING). A workspace helper
// that completes on every path through it (helperEffects.ts) completes at its call; one that completes only on some
// paths is not counted, so that no path is claimed that might not run.
import { exprKey } from '../analysis/cfg';
import { resolveStatus } from '../analysis/flow';
import type { Finding, Rule } from './types';
import { code, lineOf, range, rolesOf } from './util';
import { helperEffects, throughAt, via } from './helperVia';
import { handleAt } from '../analysis/helperEffects';
import type { CallEffect } from '../catalog/lifecycle';

const COMPLETES = (e: CallEffect) => e.completes;

export const doubleCompletion: Rule = {
  id: 'double-completion',
  defaultSeverity: 'error',
  scope: 'workspace',
  presence: true,
  summary: 'A request is completed twice: by the completion call and by a final status, or by two completion calls.',
  check(ctx) {
    const out: Finding[] = [];
    const { file, lifecycle } = ctx;
    for (const fn of file.functions()) {
      const flow = file.flowOf(fn);
      // Two completions of the same object on one path, in any function (made here or through a helper).
      for (const obs of flow.calls) {
        const effect = lifecycle.effectOf(obs.call.name);
        const made = effect?.completes
          ? [{ effect, handle: effect.handleArg !== undefined ? (obs.call.args[effect.handleArg] ? exprKey(obs.call.args[effect.handleArg]) : '') : '', through: '' }]
          : helperEffects(ctx, obs.call, COMPLETES).flatMap(({ e, effect }) => {
            // A handle the helper's caller cannot name could be any object: no claim that it is the same one.
            const handle = e.handle ? handleAt(obs.call, e.handle) : '';
            return handle ? [{ effect, handle, through: `, through ${via(ctx, obs.call.name, e)}` }] : [];
          });
        for (const { effect, handle, through } of made) {
          const names = effect.completesHandler ? lifecycle.completionsOf(effect.completesHandler) : [obs.call.name];
          const earlier = obs.states.map((s) => names.map((n) => s.completed.get(`${n}|${handle}`)).find((o) => o !== undefined)).find((o) => o !== undefined);
          if (earlier === undefined) continue;
          out.push({
            ...range(obs.call.node),
            message: `${code(obs.call.name)} completes the same request a second time on this path${through} (first completed at line ${lineOf(file.text, earlier)}` +
              `${throughAt(ctx, flow.calls, earlier, COMPLETES)}).`,
            related: [{ start: earlier, end: earlier + obs.call.name.length, message: 'first completion' }],
          });
          break;
        }
      }
      // The handler's own request: completion call + final status, or completion + PENDING on every path.
      for (const role of rolesOf(fn, ctx)) {
        const completions = lifecycle.completionsOf(role);
        if (!completions.length) continue;
        for (const exit of flow.exits) {
          if (!exit.node) continue;
          const done = exit.states.map((s) => completions.map((c) => [...s.completed].find(([k]) => k.startsWith(`${c}|`))?.[1]).find((o) => o !== undefined));
          const values = exit.states.map((s) => resolveStatus(exit.value, s));
          // A status the path does not know (the result of a call such as NdisCmDeactivateVc) may be a final one: after
          // completing, only NDIS_STATUS_PENDING is right, so an unknown value counts as well.
          const finalWithDone = exit.states.findIndex((_, i) => done[i] !== undefined && values[i] !== 'NDIS_STATUS_PENDING' &&
            (values[i] === undefined || !values[i]!.startsWith('!') || values[i] === '!NDIS_STATUS_PENDING'));
          if (finalWithDone >= 0 && exit.value) {
            const at = done[finalWithDone]!;
            const through = throughAt(ctx, flow.calls, at, COMPLETES);
            out.push({
              ...range(exit.node),
              message: `${code(fn.name)} (${role.conventionalName ?? role.name}) already completed this request at line ${lineOf(file.text, at)}` +
                `${through ? `${through},` : ''} and then returns a final status: ` +
                `NDIS completes the request for a final status as well, so the client sees two completions. Return NDIS_STATUS_PENDING after calling the completion.`,
              related: [{ start: at, end: at + 1, message: 'completion call' }],
              fixes: [{ title: 'Return NDIS_STATUS_PENDING', changes: [{ ...range(exit.value), newText: 'NDIS_STATUS_PENDING' }], preferred: true }],
            });
          }
        }
      }
    }
    return out;
  },
};
