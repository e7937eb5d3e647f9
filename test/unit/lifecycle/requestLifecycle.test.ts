// condis/requestLifecycle: the steps of every pendable request come from the catalog (requestSteps.ts), and the
// author's functions, missing steps and rule findings are placed on them (requestLifecycle.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../../server/src/catalog/index';
import { createLifecycle } from '../../../server/src/catalog/lifecycle';
import { requestShape } from '../../../server/src/features/lifecycle/requestSteps';
import { FINDING_STEP, requestLifecycle, type DriverFacts } from '../../../server/src/features/lifecycle/requestLifecycle';
import { RULE_IDS } from '../../../server/src/rules';
import type { HandlerInfo, Place } from '../../../server/src/features/lifecycle/types';

const catalog = createCatalog();
const lifecycle = createLifecycle(catalog);
const at = (uri: string, line: number): Place => ({ uri, range: { start: { line, character: 0 }, end: { line, character: 4 } } });

function handler(over: Partial<HandlerInfo> = {}): HandlerInfo {
  return {
    name: 'MyCloseCall', role: 'PROTOCOL_CM_CLOSE_CALL', conventional: 'ProtocolCmCloseCall', definition: at('file:///d/call.c', 10),
    registrations: [], pendable: true, ending: 'pends',
    completions: [{ callee: 'NdisCmCloseCallComplete', caller: 'MyDeactivateDone', place: at('file:///d/vc.c', 40) }],
    findings: [], ...over,
  };
}

function facts(over: Partial<DriverFacts> = {}): DriverFacts {
  return { kind: 'call-manager', callersOf: () => [], boundTo: () => [], vcCreators: [], vcDeleters: [], ...over };
}

const ids = (r: { steps: { id: string }[] } | null) => r?.steps.map((s) => s.id);
const step = (r: ReturnType<typeof requestLifecycle>, id: string) => r!.steps.find((s) => s.id === id)!;

describe('request shapes from the catalog', () => {
  test('every callback with a completion function gets a picture with the handler, PENDING and the completion', () => {
    let pendable = 0;
    for (const e of catalog.entries) {
      if (e.kind !== 'callback' || !lifecycle.completionsOf(e).length) continue;
      pendable++;
      const s = requestShape(e, 'call-manager', catalog, lifecycle);
      assert.ok(s, e.name);
      for (const id of ['handler', 'pending', 'complete']) assert.ok(s.steps.some((x) => x.id === id), `${e.name} has ${id}`);
      for (const x of s.steps) if (x.id !== 'pending') assert.ok(catalog.entry(x.api) || catalog.byConventionalName(x.api), `${e.name}: ${x.api} is a catalog name`);
      for (const edge of s.edges) assert.ok(s.steps.some((x) => x.id === edge.from) && s.steps.some((x) => x.id === edge.to), `${e.name}: edge ${edge.from}->${edge.to}`);
    }
    assert.ok(pendable >= 15, `${pendable} pendable roles`);
  });

  test('roles that cannot pend have no picture', () => {
    for (const n of ['PROTOCOL_CO_CREATE_VC', 'PROTOCOL_CO_DELETE_VC', 'PROTOCOL_CL_CALL_CONNECTED']) {
      assert.equal(requestShape(catalog.entry(n)!, 'call-manager', catalog, lifecycle), undefined, n);
    }
  });

  test('close call: client NdisClCloseCall, the CM handler, the completion, the client callback, then the VC delete', () => {
    const s = requestShape(catalog.entry('PROTOCOL_CM_CLOSE_CALL')!, 'call-manager', catalog, lifecycle)!;
    assert.equal(s.request, 'CloseCall');
    assert.deepEqual(s.steps.map((x) => [x.id, x.actor, x.api]), [
      ['initiate', 'client', 'NdisClCloseCall'], ['handler', 'call-manager', 'ProtocolCmCloseCall'],
      ['pending', 'call-manager', 'NDIS_STATUS_PENDING'], ['complete', 'call-manager', 'NdisCmCloseCallComplete'],
      ['callback', 'client', 'ProtocolClCloseCallComplete'], ['vc-delete', 'call-manager', 'NdisCoDeleteVc']]);
    assert.match(s.steps[3].docUrl ?? '', /^https:\/\/learn\.microsoft\.com\/.*ndiscmclosecallcomplete/);
  });

  test('an MCM gets the NdisMCm spellings of its own calls, never of the client\'s', () => {
    const close = requestShape(catalog.entry('PROTOCOL_CM_CLOSE_CALL')!, 'miniport-call-manager', catalog, lifecycle)!;
    assert.equal(close.steps.find((x) => x.id === 'complete')!.api, 'NdisMCmCloseCallComplete');
    assert.equal(close.steps.find((x) => x.id === 'vc-delete')!.api, 'NdisMCmDeleteVc');
    const oid = requestShape(catalog.entry('PROTOCOL_CO_OID_REQUEST')!, 'miniport-call-manager', catalog, lifecycle)!;
    assert.equal(oid.steps.find((x) => x.id === 'initiate')!.api, 'NdisCoOidRequest', 'the client starts the OID request');
    assert.equal(oid.steps.find((x) => x.id === 'complete')!.api, 'NdisMCmOidRequestComplete');
  });

  test('a request the client serves runs the other way: the CM dispatches, the client completes', () => {
    const s = requestShape(catalog.entry('PROTOCOL_CL_INCOMING_CALL')!, 'client', catalog, lifecycle)!;
    assert.deepEqual(s.steps.map((x) => x.actor), ['call-manager', 'client', 'client', 'client', 'call-manager']);
    assert.equal(s.steps[0].api, 'NdisCmDispatchIncomingCall');
  });

  test('NDIS 5 requests (no conventional names in the facts) still get their initiator and callback', () => {
    const s = requestShape(catalog.entry('CO_REQUEST_HANDLER')!, 'call-manager', catalog, lifecycle)!;
    assert.deepEqual(ids(s), ['initiate', 'handler', 'pending', 'complete', 'callback']);
    assert.equal(s.steps[0].api, 'NdisCoRequest');
    assert.equal(s.steps[4].api, 'CO_REQUEST_COMPLETE_HANDLER');
  });
});

describe('the author\'s functions on the steps', () => {
  test('a pending handler completed elsewhere: handler, PENDING and completion implemented, with their places', () => {
    const r = requestLifecycle(handler(), facts(), catalog, lifecycle)!;
    assert.equal(r.request, 'CloseCall');
    assert.deepEqual(r.handler, { name: 'MyCloseCall', role: 'PROTOCOL_CM_CLOSE_CALL', place: at('file:///d/call.c', 10) });
    assert.equal(step(r, 'handler').state, 'implemented');
    assert.equal(step(r, 'pending').state, 'implemented');
    assert.deepEqual(step(r, 'complete').implementedBy, [{ name: 'MyDeactivateDone', place: at('file:///d/vc.c', 40) }]);
    assert.equal(step(r, 'complete').state, 'implemented');
    assert.equal(step(r, 'initiate').state, 'not-applicable', 'the client\'s call is not this driver\'s');
    assert.equal(step(r, 'callback').state, 'not-applicable');
    assert.equal(step(r, 'vc-delete').state, 'not-applicable', 'a CM that creates no VC deletes none');
  });

  test('a pending handler without completion: the completion step is missing', () => {
    const r = requestLifecycle(handler({ completions: [] }), facts(), catalog, lifecycle)!;
    assert.equal(step(r, 'complete').state, 'missing');
  });

  test('a synchronous handler: PENDING and completion are not applicable', () => {
    const r = requestLifecycle(handler({ ending: 'sync', completions: [] }), facts(), catalog, lifecycle)!;
    assert.equal(step(r, 'pending').state, 'not-applicable');
    assert.equal(step(r, 'complete').state, 'not-applicable');
  });

  test('rule findings on the handler mark their step wrong or missing, with the message as the note', () => {
    const r = requestLifecycle(handler({ findings: [{ rule: 'complete-with-pending', message: 'completes with PENDING', place: at('file:///d/vc.c', 40) }] }),
      facts(), catalog, lifecycle)!;
    assert.equal(step(r, 'complete').state, 'wrong');
    assert.equal(step(r, 'complete').note, 'completes with PENDING');
    const unknown = requestLifecycle(handler({ findings: [{ rule: 'irql-passive-only', message: 'x', place: at('file:///d/call.c', 12) }] }), facts(), catalog, lifecycle)!;
    assert.equal(step(unknown, 'handler').state, 'wrong');
  });

  test('a VC-creating CM: its deleters implement the VC delete, or the step is missing', () => {
    const del = { name: 'MyDeleteOwnVc', place: at('file:///d/vc.c', 80) };
    const r = requestLifecycle(handler(), facts({ vcCreators: ['MyOnSetup'], vcDeleters: [del] }), catalog, lifecycle)!;
    assert.equal(step(r, 'vc-delete').state, 'implemented');
    assert.deepEqual(step(r, 'vc-delete').implementedBy, [del]);
    const none = requestLifecycle(handler(), facts({ vcCreators: ['MyOnSetup'] }), catalog, lifecycle)!;
    assert.equal(step(none, 'vc-delete').state, 'missing');
  });

  test('both sides in one workspace: the client\'s call and callback are placed too', () => {
    const cl = { name: 'ClClose', place: at('file:///d/cl.c', 5) };
    const cb = { name: 'ClCloseDone', place: at('file:///d/cl.c', 50) };
    const r = requestLifecycle(handler(), facts({
      callersOf: (n) => (n === 'NdisClCloseCall' ? [cl] : []),
      boundTo: (role) => (role === 'PROTOCOL_CL_CLOSE_CALL_COMPLETE' ? [cb] : []),
    }), catalog, lifecycle)!;
    assert.deepEqual(step(r, 'initiate').implementedBy, [cl]);
    assert.deepEqual(step(r, 'callback').implementedBy, [cb]);
  });

  test('a handler of a role that cannot pend has no lifecycle', () => {
    assert.equal(requestLifecycle(handler({ role: 'PROTOCOL_CO_CREATE_VC', pendable: false }), facts(), catalog, lifecycle), null);
  });
});

test('every finding that marks a lifecycle step is a rule the checker has', () => {
  assert.deepEqual(Object.keys(FINDING_STEP).filter((id) => !RULE_IDS.has(id)), []);
});
