// cm-api-in-miniport: a miniport call manager spells a stand-alone call manager's name (`NdisCmCloseCallComplete`,
// `NdisCoCreateVc`, ...). Many NdisMCm* names are macros over the NdisCm* functions, so only the spelled token tells.
import type { Finding, Rule } from './types';
import { code, range } from './util';
import { counterpartFix, kindReason } from './roleUtil';
import { callSites } from './callSites';

export const cmApiInMiniport: Rule = {
  id: 'cm-api-in-miniport',
  defaultSeverity: 'error',
  scope: 'workspace',
  summary: 'A miniport call manager calls a stand-alone call manager function instead of its NdisMCm counterpart.',
  check(ctx) {
    if (ctx.workspace.roleOf(ctx.file.uri) !== 'miniport-call-manager') return [];
    const out: Finding[] = [];
    let reason: string | undefined;
    for (const { call, callee, name } of callSites(ctx, { throughMacros: true })) {
      const mcm = callee && ctx.lifecycle.mcmNameOf(name);
      if (!callee || !mcm || ctx.file.defines(name)) continue;
      reason ??= kindReason('miniport-call-manager', ctx);
      const fix = counterpartFix(call, callee, name, mcm, ctx);
      const params = ctx.catalog.entry(mcm)?.params.map((p) => p.name).join(', ') ?? '';
      out.push({
        ...range(callee),
        message: `${code(name)} is for stand-alone call managers (protocol drivers), but this driver is a miniport ` +
          `call manager (${reason}). Call ${code(mcm)} instead${fix ? '' : `, passing its parameters (${params})`}.`,
        fixes: fix ? [fix] : undefined,
      });
    }
    return out;
  },
};

