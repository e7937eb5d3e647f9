// mcm-api-in-protocol: a stand-alone call manager (a protocol driver) spells an NdisMCm* name, which only an
// integrated miniport call manager may call.
import type { Finding, Rule } from './types';
import { code, range } from './util';
import { counterpartFix, kindReason } from './roleUtil';
import { callSites } from './callSites';

export const mcmApiInProtocol: Rule = {
  id: 'mcm-api-in-protocol',
  defaultSeverity: 'error',
  scope: 'workspace',
  summary: 'A stand-alone call manager calls an NdisMCm function that only miniport call managers may call.',
  check(ctx) {
    if (ctx.workspace.roleOf(ctx.file.uri) !== 'call-manager') return [];
    const out: Finding[] = [];
    let reason: string | undefined;
    for (const { call, callee, name } of callSites(ctx, { throughMacros: true })) {
      const standalone = callee && ctx.lifecycle.standaloneNameOf(name);
      if (!callee || !standalone || ctx.file.defines(name)) continue;
      reason ??= kindReason('call-manager', ctx);
      const fix = counterpartFix(call, callee, name, standalone, ctx);
      const params = ctx.catalog.entry(standalone)?.params.map((p) => p.name).join(', ') ?? '';
      out.push({
        ...range(callee),
        message: `${code(name)} is for miniport call managers, but this driver is a stand-alone call manager (${reason}). ` +
          `Call ${code(standalone)} instead${fix ? '' : `, passing its parameters (${params})`}.`,
        fixes: fix ? [fix] : undefined,
      });
    }
    return out;
  },
};
