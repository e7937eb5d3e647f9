// The close-call family first: complete-with-pending, double-completion, missing-completion.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';
import { CM_HEADER, CM_REGISTRATION, assertFixRoundTrip } from './ruleTestKit';

const GOOD_CLOSE = `${CM_HEADER}
_Use_decl_annotations_
NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    NDIS_STATUS Status;

    if (CloseData != NULL && Size != 0) {
        return NDIS_STATUS_INVALID_DATA;
    }
    Status = NdisCmDeactivateVc(Vc->NdisVcHandle);
    if (Status != NDIS_STATUS_PENDING) {
        CmDeactivateVcDone(Status, Vc);
    }
    return NDIS_STATUS_PENDING;
}

VOID CmDeactivateVcDone(NDIS_STATUS Status, PCM_VC Vc)
{
    NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
    if (Vc->CreatedByCm) {
        Status = NdisCoDeleteVc(Vc->NdisVcHandle);
    }
}
${CM_REGISTRATION}`;

describe('complete-with-pending', () => {
  test('reports NDIS_STATUS_PENDING passed as the Status of NdisCmCloseCallComplete', async () => {
    const r = await check(GOOD_CLOSE.replace('NdisCmCloseCallComplete(Status,', 'NdisCmCloseCallComplete(NDIS_STATUS_PENDING,'));
    const [f] = r.of('complete-with-pending');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'NDIS_STATUS_PENDING');
    assert.equal(f.severityName, 'error');
    assert.match(f.message, /NdisCmCloseCallComplete/);
  });

  test('reports a status variable that holds NDIS_STATUS_PENDING on the path to the completion', async () => {
    const src = `${CM_HEADER}
VOID Finish(PCM_VC Vc)
{
    NDIS_STATUS Status = NDIS_STATUS_PENDING;
    NdisMCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
}`;
    const [f] = (await check(src)).of('complete-with-pending');
    assert.ok(f);
    assert.match(f.message, /holds NDIS_STATUS_PENDING/);
  });

  test('reports PENDING in every other completion of a pend/complete pair (make call, drop party, OID, NDIS 5 style)', async () => {
    const src = `
VOID A(IN NDIS_HANDLE Vc, IN NDIS_HANDLE Party OPTIONAL) { NdisCmMakeCallComplete(NDIS_STATUS_PENDING, Vc, Party, NULL, NULL); }
VOID B(IN NDIS_HANDLE Party) { NdisCmDropPartyComplete(STATUS_PENDING, Party); }
VOID C(NDIS_HANDLE Af, PNDIS_OID_REQUEST R) { NdisCoOidRequestComplete(Af, NULL, NULL, R, NDIS_STATUS_PENDING); }
`;
    assert.equal((await check(src)).of('complete-with-pending').length, 3);
  });

  test('does not report a final status, a variable known not to be PENDING, or a status it cannot know', async () => {
    const src = `
VOID A(NDIS_HANDLE Vc) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL); }
VOID B(NDIS_HANDLE Vc) {
    NDIS_STATUS Status = NdisCmDeactivateVc(Vc);
    if (Status != NDIS_STATUS_PENDING) { NdisCmCloseCallComplete(Status, Vc, NULL); }
}
VOID C(NDIS_STATUS Status, NDIS_HANDLE Vc) { NdisCmCloseCallComplete(Status, Vc, NULL); }
VOID D(NDIS_HANDLE Vc) { NDIS_STATUS Status = NDIS_STATUS_PENDING; Status = NDIS_STATUS_FAILURE; NdisCmCloseCallComplete(Status, Vc, NULL); }
`;
    assert.deepEqual((await check(src)).of('complete-with-pending'), []);
  });

  test('the fix replaces PENDING with NDIS_STATUS_SUCCESS, or a failure status', async () => {
    const files = { 'cm.c': GOOD_CLOSE.replace('NdisCmCloseCallComplete(Status,', 'NdisCmCloseCallComplete(NDIS_STATUS_PENDING,') };
    const fixed = await assertFixRoundTrip(files, 'complete-with-pending', 0);
    assert.match(fixed, /NdisCmCloseCallComplete\(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL\)/);
    const failed = await assertFixRoundTrip(files, 'complete-with-pending', 1);
    assert.match(failed, /NdisCmCloseCallComplete\(NDIS_STATUS_FAILURE,/);
  });
});

const COMPLETES_THEN_SUCCEEDS = `${CM_HEADER}
_Use_decl_annotations_
NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    return NDIS_STATUS_SUCCESS;
}
${CM_REGISTRATION}`;

describe('double-completion', () => {
  test('reports a ProtocolCmCloseCall that completes the close and then returns a final status', async () => {
    const r = await check(COMPLETES_THEN_SUCCEEDS);
    const [f] = r.of('double-completion');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'return NDIS_STATUS_SUCCESS;');
    assert.match(f.message, /ProtocolCmCloseCall/);
  });

  test('reports it on the one path of several that completes and returns a status variable set to SUCCESS', async () => {
    const src = `${CM_HEADER}
NDIS_STATUS CmCloseCall(NDIS_HANDLE C, NDIS_HANDLE P, PVOID D, UINT S)
{
    PCM_VC Vc = (PCM_VC)C;
    NDIS_STATUS Status = NDIS_STATUS_PENDING;
    switch (Vc->State) {
    case 1:
        NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
        Status = NDIS_STATUS_SUCCESS;
        break;
    default:
        QueueClose(Vc);
        break;
    }
    return Status;
}`;
    const found = (await check(src)).of('double-completion');
    assert.equal(found.length, 1);
  });

  test('finds the handler through a handler table in another file (cross-file, NDIS 5 characteristics)', async () => {
    const files = {
      'close.c': `
NDIS_STATUS
LegacyCloseCall(IN NDIS_HANDLE CallMgrVcContext, IN NDIS_HANDLE CallMgrPartyContext OPTIONAL, IN PVOID CloseData OPTIONAL, IN UINT Size OPTIONAL)
{
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, ((PCM_VC)CallMgrVcContext)->NdisVcHandle, NULL);
    return NDIS_STATUS_SUCCESS;
}`,
      'register.c': `
VOID Register(NDIS_HANDLE Binding, PCO_ADDRESS_FAMILY Af)
{
    NDIS_CALL_MANAGER_CHARACTERISTICS Cm;
    Cm.CmCloseCallHandler = LegacyCloseCall;
    (VOID)NdisCmRegisterAddressFamily(Binding, Af, &Cm, sizeof(Cm));
}`,
    };
    assert.equal((await check(files, { target: 'close.c' })).of('double-completion').length, 1);
  });

  test('reports a second completion of the same VC on one path', async () => {
    const src = `VOID Twice(PCM_VC Vc) {
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    NdisCmCloseCallComplete(NDIS_STATUS_FAILURE, Vc->NdisVcHandle, NULL);
}`;
    const [f] = (await check(src)).of('double-completion');
    assert.match(f.message, /second time/);
  });

  test('accepts a completion made before the handler returns PENDING (the quick fix\'s shape)', async () => {
    const src = COMPLETES_THEN_SUCCEEDS.replace('return NDIS_STATUS_SUCCESS;', 'return NDIS_STATUS_PENDING;');
    assert.deepEqual((await check(src)).of('double-completion'), []);
  });

  test('does not report the documented pattern, a completion on another path, or an unrelated function', async () => {
    assert.deepEqual((await check(GOOD_CLOSE)).of('double-completion'), []);
    const src = `${CM_HEADER}
NDIS_STATUS CmCloseCall(NDIS_HANDLE C, NDIS_HANDLE P, PVOID D, UINT S)
{
    PCM_VC Vc = (PCM_VC)C;
    if (Vc->Fast) {
        return NDIS_STATUS_SUCCESS;
    }
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    return NDIS_STATUS_PENDING;
}
NDIS_STATUS NotAHandler(PCM_VC Vc) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL); return NDIS_STATUS_SUCCESS; }
`;
    assert.deepEqual((await check(src)).of('double-completion').filter((f) => f.severityName === 'error'), []);
  });

  test('the fix returns NDIS_STATUS_PENDING after completing', async () => {
    const fixed = await assertFixRoundTrip({ 'cm.c': COMPLETES_THEN_SUCCEEDS }, 'double-completion');
    assert.match(fixed, /NULL\);\n    return NDIS_STATUS_PENDING;/);
  });
});

describe('missing-completion', () => {
  const PENDS = `${CM_HEADER}
NDIS_STATUS CmCloseCall(NDIS_HANDLE C, NDIS_HANDLE P, PVOID D, UINT S)
{
    QueueCloseWork((PCM_VC)C);
    return NDIS_STATUS_PENDING;
}
${CM_REGISTRATION}`;

  test('reports a ProtocolCmCloseCall that pends when nothing calls NdisCmCloseCallComplete', async () => {
    const [f] = (await check(PENDS)).of('missing-completion');
    assert.ok(f);
    assert.match(f.message, /NdisCmCloseCallComplete/);
    assert.equal(f.severityName, 'warning');
  });

  test('reports pended make-call and add-party handlers bound through a handler table', async () => {
    const src = `
NDIS_STATUS MyMake(NDIS_HANDLE a, PCO_CALL_PARAMETERS b, NDIS_HANDLE c, PNDIS_HANDLE d) { return NDIS_STATUS_PENDING; }
NDIS_STATUS MyAdd(NDIS_HANDLE a, PCO_CALL_PARAMETERS b, NDIS_HANDLE c, PNDIS_HANDLE d) { return NDIS_STATUS_PENDING; }
NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H = { .CmMakeCallHandler = MyMake, .CmAddPartyHandler = MyAdd };`;
    assert.equal((await check(src)).of('missing-completion').length, 2);
  });

  test('reports it when the only pend path is behind a branch', async () => {
    const src = PENDS.replace('return NDIS_STATUS_PENDING;', 'if (S) return NDIS_STATUS_PENDING;\n    return NDIS_STATUS_SUCCESS;');
    assert.equal((await check(src)).of('missing-completion').length, 1);
  });

  test('does not report when the completion is called in another file (a DPC or work item)', async () => {
    const r = await check({
      'close.c': PENDS,
      'dpc.c': 'VOID CloseWorker(PCM_VC Vc) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL); }',
    });
    assert.deepEqual(r.of('missing-completion'), []);
  });

  test('does not report an MCM that completes with the NdisMCm spelling, nor a handler that never pends', async () => {
    assert.deepEqual((await check(PENDS + '\nVOID W(PCM_VC v) { NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, v->NdisVcHandle, NULL); }')).of('missing-completion'), []);
    assert.deepEqual((await check(PENDS.replace('NDIS_STATUS_PENDING', 'NDIS_STATUS_SUCCESS'))).of('missing-completion'), []);
  });

  test('can be turned off or re-graded by setting, and silenced by a comment', async () => {
    assert.deepEqual((await check(PENDS, { settings: { diagnostics: { rules: { 'missing-completion': 'off' } } } })).of('missing-completion'), []);
    assert.equal((await check(PENDS, { settings: { diagnostics: { rules: { 'missing-completion': 'error' } } } })).of('missing-completion')[0].severityName, 'error');
    const silenced = PENDS.replace('    return NDIS_STATUS_PENDING;', '    // condis-ignore-next-line missing-completion\n    return NDIS_STATUS_PENDING;');
    assert.deepEqual((await check(silenced)).of('missing-completion'), []);
  });
});
