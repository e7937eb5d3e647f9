// missing-completion: a handler returns NDIS_STATUS_PENDING but no completion for it is called anywhere in the workspace.
import { resolveStatus } from '../analysis/flow';
import type { Finding, Rule } from './types';
import { code, range, rolesOf } from './util';

export const missingCompletion: Rule = {
  id: 'missing-completion',
  defaultSeverity: 'warning',
  scope: 'workspace',
  summary: 'A handler pends its request, but nothing in the workspace ever completes it.',
  check(ctx) {
    const out: Finding[] = [];
    const { file, lifecycle, workspace } = ctx;
    const local = file.summary().calls;
    // Uses of this file's macros count as the calls they expand to (the workspace's count leaves this file out).
    let viaMacros: Map<string, number> | undefined;
    for (const fn of file.functions()) {
      for (const role of rolesOf(fn, ctx)) {
        const completions = lifecycle.completionsOf(role);
        if (!completions.length) continue;
        // Once, not per item, and kept while no cross-item fact changes: the file's calls through its macros (names and
        // counts only; it was 0.65 ms an item on a 100k-line file, then 0.15 ms an edit on a 10k-line one).
        viaMacros ??= file.keep('missingCompletion:callsThrough', () => file.macros().callsThrough(local));
        const called = completions.some((c) => (local[c] ?? 0) + (viaMacros!.get(c) ?? 0) + workspace.callCount(c, file.uri) > 0);
        if (called) continue;
        for (const exit of file.flowOf(fn).exits) {
          if (!exit.node || !exit.states.some((s) => resolveStatus(exit.value, s) === 'NDIS_STATUS_PENDING')) continue;
          out.push({
            ...range(exit.node),
            message: `${code(fn.name)} (${role.conventionalName ?? role.name}) returns NDIS_STATUS_PENDING, but nothing in the workspace calls ` +
              `${completions.map(code).join(' or ')}: the request would never complete.`,
          });
        }
      }
    }
    return out;
  },
};
