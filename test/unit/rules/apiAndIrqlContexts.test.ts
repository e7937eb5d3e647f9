// Rules about where a function runs: vc-handler-pends (synchronous-only handlers), irql-passive-only, irql-dispatch-only.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';
import { assertFixRoundTrip } from './ruleTestKit';
import { CM_REGISTRATION } from './apiAndIrqlKit';

describe('vc-handler-pends', () => {
  const CREATE_VC_PENDS = `
PROTOCOL_CO_CREATE_VC CmCreateVc;

NDIS_STATUS
CmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle, PNDIS_HANDLE ProtocolVcContext)
{
    PCM_VC Vc = CmAllocateVc(ProtocolAfContext, NdisVcHandle);
    if (Vc == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    *ProtocolVcContext = Vc;
    CmQueueVcSetup(Vc);
    return NDIS_STATUS_PENDING;
}
${CM_REGISTRATION}`;

  test('reports a ProtocolCoCreateVc handler that returns NDIS_STATUS_PENDING, naming the role and its declaration', async () => {
    const r = await check(CREATE_VC_PENDS);
    const [f] = r.of('vc-handler-pends');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'return NDIS_STATUS_PENDING;');
    assert.equal(f.severityName, 'error');
    assert.match(f.message, /ProtocolCoCreateVc handler \(declared `PROTOCOL_CO_CREATE_VC` at line 2\)/);
    assert.match(f.message, /VC creation/);
  });

  test('reports a MiniportCoDeleteVc bound in another file\'s characteristics that returns a status holding PENDING', async () => {
    const r = await check({
      'vc.c': `
NDIS_STATUS MpCoDeleteVc(NDIS_HANDLE MiniportVcContext)
{
    NDIS_STATUS Status = NDIS_STATUS_SUCCESS;
    if (((PMP_VC)MiniportVcContext)->SendsOutstanding) {
        Status = NDIS_STATUS_PENDING;
    }
    return Status;
}`,
      'init.c': `
VOID MpSetCoHandlers(NDIS_MINIPORT_CO_CHARACTERISTICS *Co)
{
    Co->CoCreateVcHandler = MpCoCreateVc;
    Co->CoDeleteVcHandler = MpCoDeleteVc;
}`,
    });
    const [f] = r.of('vc-handler-pends');
    assert.ok(f);
    assert.match(f.message, /MiniportCoDeleteVc handler \(assigned to `CoDeleteVcHandler` in init\.c\)/);
    assert.match(f.message, /`Status` holds it on this path/);
    assert.equal(f.fixes, undefined, 'no fix: swapping the variable would change the other paths');
  });

  test('reports an NDIS 5 ProtocolCoDeleteVc bound through NDIS_CALL_MANAGER_CHARACTERISTICS that returns STATUS_PENDING', async () => {
    const src = `
NDIS_STATUS
LegacyDeleteVc(IN NDIS_HANDLE ProtocolVcContext)
{
    CmScheduleFree(ProtocolVcContext);
    return STATUS_PENDING;
}
VOID Register(IN NDIS_HANDLE Binding, IN PCO_ADDRESS_FAMILY Af)
{
    NDIS_CALL_MANAGER_CHARACTERISTICS Cm;
    Cm.CmDeleteVcHandler = LegacyDeleteVc;
    (VOID)NdisCmRegisterAddressFamily(Binding, Af, &Cm, sizeof(Cm));
}`;
    const [f] = (await check(src)).of('vc-handler-pends');
    assert.match(f.message, /ProtocolCoDeleteVc handler .*VC deletion/);
  });

  test('the fix returns NDIS_STATUS_SUCCESS in place of the literal PENDING', async () => {
    const fixed = await assertFixRoundTrip({ 'vc.c': CREATE_VC_PENDS }, 'vc-handler-pends');
    assert.match(fixed, /CmQueueVcSetup\(Vc\);\n    return NDIS_STATUS_SUCCESS;/);
  });

  test('does not report VC handlers that return a final status on every path', async () => {
    const src = CREATE_VC_PENDS.replace('return NDIS_STATUS_PENDING;', 'return NDIS_STATUS_SUCCESS;');
    assert.deepEqual((await check(src)).of('vc-handler-pends'), []);
    const guarded = `
PROTOCOL_CO_DELETE_VC CmDeleteVc;
NDIS_STATUS CmDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
    NDIS_STATUS Status = CmTryFree(ProtocolVcContext);
    if (Status == NDIS_STATUS_PENDING) {
        return NDIS_STATUS_FAILURE;
    }
    return Status;
}`;
    assert.deepEqual((await check(guarded)).of('vc-handler-pends'), []);
  });

  test('does not report handlers that may pend (make call) or helpers that are no handler', async () => {
    const src = `
PROTOCOL_CM_MAKE_CALL CmMakeCall;
NDIS_STATUS CmMakeCall(NDIS_HANDLE a, PCO_CALL_PARAMETERS b, NDIS_HANDLE c, PNDIS_HANDLE d) { return NDIS_STATUS_PENDING; }
NDIS_STATUS CmCreateVcWorker(PCM_VC Vc) { return NDIS_STATUS_PENDING; }
VOID Done(PCM_VC Vc) { NdisCmMakeCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL, NULL, Vc->Params); }`;
    assert.deepEqual((await check(src)).of('vc-handler-pends'), []);
  });

  test('does not report a create-VC role declared for another function of the same file', async () => {
    const src = `
PROTOCOL_CO_CREATE_VC CmCreateVc;
NDIS_STATUS CmCreateVc(NDIS_HANDLE a, NDIS_HANDLE b, PNDIS_HANDLE c) { return NDIS_STATUS_SUCCESS; }
NDIS_STATUS CmOpenAf(NDIS_HANDLE a, PCO_ADDRESS_FAMILY b, NDIS_HANDLE c, PNDIS_HANDLE d) { return NDIS_STATUS_PENDING; }`;
    assert.deepEqual((await check(src)).of('vc-handler-pends'), []);
  });
});

describe('irql-passive-only', () => {
  test('reports NdisCmNotifyCloseAddressFamily in a ProtocolCmCloseCall handler, which may run at DISPATCH_LEVEL', async () => {
    const src = `
PROTOCOL_CM_CLOSE_CALL CmCloseCall;
NDIS_STATUS CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    if (Vc->Af->LastCall) {
        NDIS_STATUS Status = NdisCmNotifyCloseAddressFamily(Vc->Af->NdisAfHandle);
    }
    return NDIS_STATUS_SUCCESS;
}`;
    const r = await check(src);
    const [f] = r.of('irql-passive-only');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'NdisCmNotifyCloseAddressFamily');
    assert.match(f.message, /may only be called at PASSIVE_LEVEL, but `CmCloseCall` is a ProtocolCmCloseCall handler \(declared `PROTOCOL_CM_CLOSE_CALL` at line 2\)/);
    assert.match(f.message, /work item/);
  });

  test('reports a call made while a spin lock is held, naming the line that took the lock', async () => {
    const src = `
VOID ClOpenAll(PCL_ADAPTER A, PCO_ADDRESS_FAMILY Af)
{
    NDIS_STATUS Status;
    NdisAcquireSpinLock(&A->Lock);
    Status = NdisClOpenAddressFamilyEx(A->Binding, Af, A, &A->AfHandle);
    NdisReleaseSpinLock(&A->Lock);
    Status = NdisClOpenAddressFamilyEx(A->Binding, Af, A, &A->AfHandle2);
}`;
    const found = (await check(src)).of('irql-passive-only');
    assert.equal(found.length, 1, 'only the call inside the lock');
    assert.match(found[0].message, /spin lock is held here \(`NdisAcquireSpinLock` at line 5\)/);
  });

  test('reports a timer function declared in a header of another file (cross-file context)', async () => {
    const r = await check({
      'timer.c': `
VOID CmRetryTimer(PVOID S1, PVOID Ctx, PVOID S2, PVOID S3)
{
    PCM_BINDING B = (PCM_BINDING)Ctx;
    B->Status = NdisCmRegisterAddressFamilyEx(B->Binding, &B->Af);
}`,
      'cm.h': 'NDIS_TIMER_FUNCTION CmRetryTimer;\n',
    });
    const [f] = r.of('irql-passive-only');
    assert.match(f.message, /`CmRetryTimer` is an NDIS timer function \(bound as `NDIS_TIMER_FUNCTION` in cm\.h\)/);
  });

  test('reports a DPC registered with KeInitializeDpc and an NDIS 5 handler bound through NDIS_CALL_MANAGER_CHARACTERISTICS', async () => {
    const src = `
VOID LegacyDpc(IN PKDPC Dpc, IN PVOID Ctx, IN PVOID A1, IN PVOID A2)
{
    NDIS_STATUS s = NdisClOpenAddressFamily(Ctx, NULL, NULL, NULL, 0, NULL);
}
NDIS_STATUS LegacyOpenAf(IN NDIS_HANDLE Ctx, IN PCO_ADDRESS_FAMILY Af, IN NDIS_HANDLE NdisAfHandle, OUT PNDIS_HANDLE CallMgrAfContext)
{
    return NdisCmNotifyCloseAddressFamily(NdisAfHandle);
}
VOID Init(IN PKDPC Dpc, IN NDIS_HANDLE Binding, IN PCO_ADDRESS_FAMILY Af)
{
    NDIS_CALL_MANAGER_CHARACTERISTICS Cm;
    KeInitializeDpc(Dpc, LegacyDpc, NULL);
    Cm.CmOpenAfHandler = LegacyOpenAf;
}`;
    const found = (await check(src)).of('irql-passive-only');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /a DPC routine \(bound as `KDEFERRED_ROUTINE` at line 13\)/);
    assert.match(found[1].message, /ProtocolCmOpenAf handler \(assigned to `CmOpenAfHandler` at line 14\)/);
  });

  test('does not report PASSIVE_LEVEL callbacks, DriverEntry, or a work item', async () => {
    const src = `
PROTOCOL_CO_AF_REGISTER_NOTIFY ClAfRegisterNotify;
VOID ClAfRegisterNotify(NDIS_HANDLE ProtocolBindingContext, PCO_ADDRESS_FAMILY Af)
{
    NDIS_STATUS Status = NdisClOpenAddressFamilyEx(((PCL_ADAPTER)ProtocolBindingContext)->Binding, Af, NULL, NULL);
}
NDIS_STATUS DriverEntry(PDRIVER_OBJECT D, PUNICODE_STRING R)
{
    return NdisCmRegisterAddressFamilyEx(NULL, NULL);
}
NDIS_IO_WORKITEM_FUNCTION CmNotifyWork;
VOID CmNotifyWork(PVOID Ctx, NDIS_HANDLE WorkItem)
{
    NDIS_STATUS Status = NdisCmNotifyCloseAddressFamily(((PCM_AF)Ctx)->NdisAfHandle);
}`;
    assert.deepEqual((await check(src)).of('irql-passive-only'), []);
  });

  test('reports a timer function registered through NDIS_TIMER_CHARACTERISTICS.TimerFunction', async () => {
    const src = `
VOID ClRetry(PVOID S1, PVOID Ctx, PVOID S2, PVOID S3)
{
    NDIS_STATUS Status = NdisClOpenAddressFamilyEx(((PCL_ADAPTER)Ctx)->Binding, &((PCL_ADAPTER)Ctx)->Af, Ctx, &((PCL_ADAPTER)Ctx)->AfHandle);
}
NDIS_TIMER_CHARACTERISTICS ClTimerChars = { .TimerFunction = ClRetry };`;
    const [f] = (await check(src)).of('irql-passive-only');
    assert.match(f.message, /an NDIS timer function \(bound as `NDIS_TIMER_FUNCTION` at line 6\)/);
  });

  test('does not report a handler that checks KeGetCurrentIrql and picks its path at run time', async () => {
    const src = `
PROTOCOL_CM_CLOSE_AF CmCloseAf;
NDIS_STATUS CmCloseAf(NDIS_HANDLE CallMgrAfContext)
{
    PCM_AF Af = (PCM_AF)CallMgrAfContext;
    if (KeGetCurrentIrql() == PASSIVE_LEVEL) {
        NDIS_STATUS Status = NdisCmNotifyCloseAddressFamily(Af->NdisAfHandle);
    } else {
        NdisQueueIoWorkItem(Af->WorkItem, CmNotifyWork, Af);
    }
    return NDIS_STATUS_PENDING;
}`;
    assert.deepEqual((await check(src)).of('irql-passive-only'), []);
  });

  test('does not report helpers of unknown context, or a lock held on only one of the paths to the call', async () => {
    const src = `
NDIS_STATUS CmRegisterAll(PCM_BINDING B) { return NdisCmRegisterAddressFamilyEx(B->Binding, &B->Af); }
VOID Maybe(PCM_BINDING B, BOOLEAN Locked)
{
    NDIS_STATUS Status;
    if (Locked) NdisAcquireSpinLock(&B->Lock);
    Status = NdisCmRegisterAddressFamilyEx(B->Binding, &B->Af);
}`;
    assert.deepEqual((await check(src)).of('irql-passive-only'), []);
  });

  test('does not report calls that are allowed at DISPATCH_LEVEL inside DISPATCH_LEVEL handlers', async () => {
    const src = `
PROTOCOL_CM_CLOSE_CALL CmCloseCall;
NDIS_STATUS CmCloseCall(NDIS_HANDLE C, NDIS_HANDLE P, PVOID D, UINT S)
{
    NDIS_STATUS Status = NdisCmDeactivateVc(((PCM_VC)C)->NdisVcHandle);
    return NDIS_STATUS_PENDING;
}`;
    assert.deepEqual((await check(src)).of('irql-passive-only'), []);
  });
});

describe('irql-dispatch-only', () => {
  test('reports NdisCoAssignInstanceName in ProtocolCoAfRegisterNotify, which runs at PASSIVE_LEVEL', async () => {
    const src = `
PROTOCOL_CO_AF_REGISTER_NOTIFY ClAfRegisterNotify;
VOID ClAfRegisterNotify(NDIS_HANDLE ProtocolBindingContext, PCO_ADDRESS_FAMILY Af)
{
    PCL_ADAPTER A = (PCL_ADAPTER)ProtocolBindingContext;
    NDIS_STATUS Status = NdisCoAssignInstanceName(A->SignallingVc, &A->BaseName, NULL);
}`;
    const r = await check(src);
    const [f] = r.of('irql-dispatch-only');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'NdisCoAssignInstanceName');
    assert.match(f.message, /must be called at DISPATCH_LEVEL, but `ClAfRegisterNotify` is a ProtocolCoAfRegisterNotify handler \(declared `PROTOCOL_CO_AF_REGISTER_NOTIFY` at line 2\)/);
  });

  test('reports NdisCoGetTapiCallId in DriverEntry (NDIS 5 style parameters)', async () => {
    const src = `
NDIS_STATUS DriverEntry(IN PDRIVER_OBJECT DriverObject, IN PUNICODE_STRING RegistryPath)
{
    VAR_STRING Id;
    NDIS_STATUS Status = NdisCoGetTapiCallId(NULL, &Id);
    return Status;
}`;
    const [f] = (await check(src)).of('irql-dispatch-only');
    assert.match(f.message, /`DriverEntry` is the DriverEntry routine, which runs at PASSIVE_LEVEL/);
  });

  test('reports a work item declared in another file that looks up a VC by TAPI call id', async () => {
    const r = await check({
      'work.c': `
VOID ClTapiWork(PVOID Ctx, NDIS_HANDLE WorkItem)
{
    NDIS_HANDLE VcContext;
    NDIS_STATUS Status = NdisClGetProtocolVcContextFromTapiCallId(((PCL_REQ)Ctx)->CallId, &VcContext);
}`,
      'cl.h': 'NDIS_IO_WORKITEM_FUNCTION ClTapiWork;\n',
    });
    const [f] = r.of('irql-dispatch-only');
    assert.match(f.message, /an NDIS work item \(bound as `NDIS_IO_WORKITEM_FUNCTION` in cl\.h\)/);
  });

  test('does not report the call inside a spin lock, after KeRaiseIrql, or in a DISPATCH_LEVEL handler', async () => {
    const src = `
PROTOCOL_CO_AF_REGISTER_NOTIFY A;
VOID A(NDIS_HANDLE Ctx, PCO_ADDRESS_FAMILY Af)
{
    PCL_ADAPTER X = (PCL_ADAPTER)Ctx;
    NDIS_STATUS Status;
    NdisAcquireSpinLock(&X->Lock);
    Status = NdisCoAssignInstanceName(X->Vc, &X->BaseName, NULL);
    NdisReleaseSpinLock(&X->Lock);
}
NDIS_STATUS DriverEntry(PDRIVER_OBJECT D, PUNICODE_STRING R)
{
    KIRQL Old;
    VAR_STRING Id;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    NDIS_STATUS Status = NdisCoGetTapiCallId(NULL, &Id);
    KeLowerIrql(Old);
    return Status;
}
PROTOCOL_CL_INCOMING_CALL ClIncomingCall;
NDIS_STATUS ClIncomingCall(NDIS_HANDLE Sap, NDIS_HANDLE Vc, PCO_CALL_PARAMETERS P)
{
    return NdisCoAssignInstanceName(((PCL_VC)Vc)->NdisVcHandle, &((PCL_VC)Vc)->Name, NULL);
}`;
    assert.deepEqual((await check(src)).of('irql-dispatch-only'), []);
  });

  test('does not report helpers of unknown context', async () => {
    const src = 'NDIS_STATUS Name(NDIS_HANDLE Vc, PNDIS_STRING N) { return NdisCoAssignInstanceName(Vc, N, NULL); }';
    assert.deepEqual((await check(src)).of('irql-dispatch-only'), []);
  });

  test('does not report a routine that is also bound to a DISPATCH_LEVEL context', async () => {
    const src = `
NDIS_IO_WORKITEM_FUNCTION Both;
NDIS_TIMER_FUNCTION Both;
VOID Both(PVOID Ctx, NDIS_HANDLE W) { NDIS_STATUS s = NdisCoAssignInstanceName(Ctx, NULL, NULL); }`;
    assert.deepEqual((await check(src)).of('irql-dispatch-only'), []);
  });
});
