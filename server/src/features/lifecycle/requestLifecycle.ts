// The `condis/requestLifecycle` request: the lifecycle of the request a handler serves (requestSteps.ts, from the
// catalog) with the author's functions placed on its steps and the steps the driver lacks or gets wrong marked.
import type { Catalog } from '../../catalog/index';
import type { Lifecycle } from '../../catalog/lifecycle';
import type { DriverKind } from '../../analysis/workspace';
import type { HandlerInfo, Place } from './types';
import { requestShape, type Actor, type StepId } from './requestSteps';

export { REQUEST_LIFECYCLE_REQUEST } from './requestName';

export type StepState = 'implemented' | 'missing' | 'wrong' | 'ndis' | 'not-applicable';

export interface LifecycleStep {
  id: StepId;
  label: string;
  actor: Actor;
  api: string;
  docUrl?: string;
  implementedBy: { name: string; place?: Place }[];
  state: StepState;
  note?: string;
}

export interface RequestLifecycleResult {
  request: string;
  handler: { name: string; role: string; place?: Place };
  steps: LifecycleStep[];
  edges: { from: string; to: string; label?: string }[];
}

/** What the driver's files say beyond the handler itself (from the workspace summaries). */
export interface DriverFacts {
  kind: DriverKind;
  /** Functions calling `name`, with their definitions. */
  callersOf(name: string): { name: string; place?: Place }[];
  /** Functions bound to callback role `role` (typedef), with their definitions. */
  boundTo(role: string): { name: string; place?: Place }[];
  /** Functions creating VCs (`NdisCoCreateVc`, `NdisMCmCreateVc`) and deleting them. */
  vcCreators: string[];
  vcDeleters: { name: string; place?: Place }[];
}

/** Which step a lifecycle rule's finding on the handler marks, and how. */
export const FINDING_STEP: Record<string, { step: StepId; state: 'wrong' | 'missing' }> = {
  'missing-completion': { step: 'complete', state: 'missing' },
  'complete-with-pending': { step: 'complete', state: 'wrong' },
  'double-completion': { step: 'complete', state: 'wrong' },
  'party-handle-mismatch': { step: 'complete', state: 'wrong' },
  'mcm-api-in-protocol': { step: 'complete', state: 'wrong' },
  'cm-api-in-miniport': { step: 'complete', state: 'wrong' },
  'missing-vc-delete': { step: 'vc-delete', state: 'missing' },
  'delete-foreign-vc': { step: 'vc-delete', state: 'wrong' },
  'vc-used-after-close': { step: 'complete', state: 'wrong' },
  'vc-used-after-delete': { step: 'vc-delete', state: 'wrong' },
};

/** The driver's own side: where its handlers and completion calls are. */
function sideOf(kind: DriverKind): Actor | undefined {
  return kind === 'client' ? 'client' : kind === 'call-manager' || kind === 'miniport-call-manager' ? 'call-manager' : kind === 'miniport' ? 'miniport' : undefined;
}

export function requestLifecycle(h: HandlerInfo, facts: DriverFacts, catalog: Catalog, lifecycle: Lifecycle): RequestLifecycleResult | null {
  const role = catalog.entry(h.role);
  const shape = role && requestShape(role, facts.kind, catalog, lifecycle);
  if (!shape) return null;
  const own = sideOf(facts.kind);
  const handlerRef = { name: h.name, ...(h.definition ? { place: h.definition } : {}) };
  const completers = new Map<string, { name: string; place?: Place }>();
  for (const c of h.completions) if (!completers.has(c.caller)) completers.set(c.caller, { name: c.caller, place: c.place });
  const pends = h.ending === 'pends' || (h.ending === 'unknown' && h.completions.length > 0);
  const steps: LifecycleStep[] = shape.steps.map((s) => {
    const base = { id: s.id, label: s.label, actor: s.actor, api: s.api, ...(s.docUrl ? { docUrl: s.docUrl } : {}) };
    const elsewhere = s.actor !== own;
    switch (s.id) {
      case 'initiate': {
        const by = [...s.alternatives, s.api].flatMap((n) => facts.callersOf(n));
        if (by.length) return { ...base, implementedBy: by, state: 'implemented' };
        return { ...base, implementedBy: [], state: 'not-applicable', note: elsewhere ? `made by the ${s.actor}, not in this workspace` : 'not called in this driver' };
      }
      case 'handler':
        return { ...base, implementedBy: [handlerRef], state: h.definition ? 'implemented' : 'missing',
          ...(h.definition ? {} : { note: 'registered, but its definition is not in the workspace' }) };
      case 'pending':
        if (pends) return { ...base, implementedBy: [handlerRef], state: 'implemented' };
        return { ...base, implementedBy: [], state: 'not-applicable',
          note: h.ending === 'sync' ? 'the handler always returns a final status' : 'whether it pends could not be read' };
      case 'complete': {
        const by = [...completers.values()];
        if (by.length) return { ...base, implementedBy: by, state: 'implemented' };
        return pends ? { ...base, implementedBy: [], state: 'missing', note: 'nothing in the driver completes the pended request' }
          : { ...base, implementedBy: [], state: 'not-applicable', note: 'not needed while the handler never pends' };
      }
      case 'callback': {
        const by = s.alternatives.flatMap((r) => facts.boundTo(r));
        if (by.length) return { ...base, implementedBy: by, state: 'implemented' };
        return { ...base, implementedBy: [], state: elsewhere ? 'not-applicable' : 'missing',
          note: elsewhere ? `the ${s.actor}'s callback, not in this workspace` : 'no function is registered for it' };
      }
      case 'vc-delete': {
        // Only the VC's creator deletes it: the driver, for the VCs it created (incoming calls), else the client.
        if (!facts.vcCreators.length) return { ...base, actor: 'client', implementedBy: [], state: 'not-applicable', note: 'the driver creates no VC: the client deletes the VCs it created' };
        return facts.vcDeleters.length ? { ...base, implementedBy: facts.vcDeleters, state: 'implemented', note: 'for the VCs the driver created; the client deletes its own' }
          : { ...base, implementedBy: [], state: 'missing', note: 'the driver creates VCs but never deletes one' };
      }
    }
  });
  // The lifecycle rules' findings on the handler mark the step they are about.
  const noted = new Set<LifecycleStep>();
  for (const f of h.findings) {
    const m = FINDING_STEP[f.rule] ?? { step: 'handler' as StepId, state: 'wrong' as const };
    const step = steps.find((s) => s.id === m.step) ?? steps.find((s) => s.id === 'handler')!;
    step.state = step.state === 'wrong' ? 'wrong' : m.state;
    step.note = noted.has(step) ? `${step.note}; ${f.message}` : f.message;
    noted.add(step);
  }
  return {
    request: shape.request,
    handler: { name: h.name, role: h.role, ...(h.definition ? { place: h.definition } : {}) },
    steps,
    edges: shape.edges,
  };
}
