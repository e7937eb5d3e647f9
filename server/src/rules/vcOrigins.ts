// Which struct fields hold VC handles that the other side created: those a driver's ProtocolCoCreateVc stores the
// NdisVcHandle parameter into, per side (a call manager's handler meets clients' VCs, a client's the call manager's),
// and whether the driver also creates VCs of its own into the same field.
import type { FileSummary } from '../analysis/summary';
import type { RuleContext } from './types';
import { fieldOf, namesOf } from './vcUtil';

export type VcSide = 'call-manager' | 'client';
export type Origins = ReadonlyMap<string, { fn: string; uri: string; own: boolean }>;

/** The create-VC entry of the other side's table: a function bound there is not this side's ProtocolCoCreateVc. */
const OTHER_FIELD: Record<VcSide, string> = { 'call-manager': 'ClCreateVcHandler', client: 'CmCreateVcHandler' };

/** Per side: field name -> the ProtocolCoCreateVc that stores NDIS's VC handle in it, and whether the driver creates into it too. */
export function vcOrigins(summaries: FileSummary[], ctx: RuleContext): Record<VcSide, Origins> {
  const param = ctx.catalog.entry('PROTOCOL_CO_CREATE_VC')?.params.findIndex((p) => p.name === 'NdisVcHandle') ?? -1;
  const own = new Set<string>();
  for (const s of summaries) for (const c of s.vcCreated) for (const n of namesOf(c)) { const f = fieldOf(n); if (f) own.add(f); }
  const side = (which: VcSide): Origins => {
    const handlers = new Set<string>();
    for (const s of summaries) {
      for (const b of s.bindings) if (b.entry === 'PROTOCOL_CO_CREATE_VC' && b.field !== OTHER_FIELD[which]) handlers.add(b.name);
    }
    const out = new Map<string, { fn: string; uri: string; own: boolean }>();
    for (const s of summaries) {
      for (const st of s.paramStores ?? []) {
        const field = fieldOf(st.target);
        if (field && st.param === param && handlers.has(st.fn)) out.set(field, { fn: st.fn, uri: s.uri, own: own.has(field) });
      }
    }
    return out;
  };
  return { 'call-manager': side('call-manager'), client: side('client') };
}

/** The field of `origins` a delete's handle `k` in function `fn` reaches, directly or through a copy of the handle. */
export function deleteField(ctx: RuleContext, fn: string, k: string, has: (field: string) => boolean): string | undefined {
  const copies = ctx.file.summary().vcDeleted.filter((d) => d.fn === fn && d.handle === k).flatMap(namesOf);
  return [k, ...copies].map(fieldOf).find((f): f is string => f !== undefined && has(f));
}
