// Spelling rules: stand-alone vs MCM names (cm-api-in-miniport, mcm-api-in-protocol) and wrong-argument-count.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';
import { assertFixRoundTrip } from './ruleTestKit';
import { CM_REGISTRATION, MCM5_REGISTRATION, MCM_REGISTRATION } from './apiAndIrqlKit';

const MCM_CLOSE = `
typedef struct _MP_VC { NDIS_HANDLE NdisVcHandle; } MP_VC, *PMP_VC;

VOID MpCloseCallDone(PMP_VC Vc, NDIS_STATUS Status)
{
    NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
}
${MCM_REGISTRATION}`;

describe('cm-api-in-miniport', () => {
  test('reports NdisCmCloseCallComplete in a miniport call manager and names the NdisMCm call and the registration line', async () => {
    const r = await check(MCM_CLOSE);
    const [f] = r.of('cm-api-in-miniport');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'NdisCmCloseCallComplete');
    assert.equal(f.severityName, 'error');
    assert.match(f.message, /NdisMCmCloseCallComplete/);
    const line = r.text.slice(0, r.text.indexOf('NdisMCmRegisterAddressFamilyEx')).split('\n').length;
    assert.match(f.message, new RegExp(`NdisMCmRegisterAddressFamilyEx\` at line ${line}\\)`));
  });

  test('takes the driver kind from another file\'s registration and reports every stand-alone spelling', async () => {
    const r = await check({
      'mcm/call.c': `
NDIS_STATUS MpIncoming(NDIS_HANDLE Adapter, NDIS_HANDLE Af, NDIS_HANDLE Sap, PCO_CALL_PARAMETERS P, PNDIS_HANDLE Vc)
{
    NDIS_STATUS Status = NdisCoCreateVc(Adapter, Af, NULL, Vc);
    if (Status == NDIS_STATUS_SUCCESS) Status = NdisCmActivateVc(*Vc, P);
    if (Status == NDIS_STATUS_SUCCESS) Status = NdisCmDispatchIncomingCall(Sap, *Vc, P);
    return Status;
}`,
      'mcm/init.c': MCM_REGISTRATION,
    });
    const found = r.of('cm-api-in-miniport');
    assert.deepEqual(found.map((f) => r.text.slice(f.start, f.end)), ['NdisCoCreateVc', 'NdisCmActivateVc', 'NdisCmDispatchIncomingCall']);
    assert.match(found[0].message, /init\.c calls `NdisMCmRegisterAddressFamilyEx`/);
  });

  test('reports NDIS 5 code in a miniport that fills NDIS_CALL_MANAGER_CHARACTERISTICS', async () => {
    const src = `
VOID MpRemoteRelease(IN NDIS_HANDLE NdisVcHandle, IN NDIS_STATUS Cause)
{
    NdisCmDispatchIncomingCloseCall(Cause, NdisVcHandle, NULL, 0);
}
${MCM5_REGISTRATION}`;
    const [f] = (await check(src)).of('cm-api-in-miniport');
    assert.match(f.message, /NdisMCmDispatchIncomingCloseCall/);
    assert.match(f.message, /it uses `NDIS_MINIPORT_CHARACTERISTICS` at line \d+/);
  });

  test('the fix renames only the callee token to the NdisMCm name', async () => {
    const fixed = await assertFixRoundTrip({ 'mcm.c': MCM_CLOSE }, 'cm-api-in-miniport');
    assert.match(fixed, /NdisMCmCloseCallComplete\(Status, Vc->NdisVcHandle, NULL\);/);
  });

  test('the fix for NdisCoOidRequest also drops the binding handle that NdisMCmOidRequest does not take', async () => {
    const src = `
NDIS_STATUS MpQueryClient(NDIS_HANDLE Binding, NDIS_HANDLE Af, NDIS_HANDLE Vc, PNDIS_OID_REQUEST Req)
{
    return NdisCoOidRequest(Binding, Af, Vc, NULL, Req);
}
${MCM_REGISTRATION}`;
    const fixed = await assertFixRoundTrip({ 'mcm.c': src }, 'cm-api-in-miniport');
    assert.match(fixed, /return NdisMCmOidRequest\(Af, Vc, NULL, Req\);/);
  });

  test('does not report the same code in a stand-alone call manager, or where the driver kind is unknown', async () => {
    const standalone = MCM_CLOSE.replace(MCM_REGISTRATION, CM_REGISTRATION);
    assert.deepEqual((await check(standalone)).of('cm-api-in-miniport'), []);
    assert.deepEqual((await check(MCM_CLOSE.replace(MCM_REGISTRATION, ''))).of('cm-api-in-miniport'), []);
  });

  test('does not report the NdisMCm spellings, nor calls that have no MCM counterpart', async () => {
    const src = `
VOID MpDone(NDIS_HANDLE Vc, NDIS_HANDLE Party, NDIS_HANDLE MiniportVcContext)
{
    NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL);
    NdisMCoActivateVcComplete(NDIS_STATUS_SUCCESS, Vc, NULL);
    NdisMCoDeactivateVcComplete(NDIS_STATUS_SUCCESS, Vc);
}
${MCM_REGISTRATION}`;
    assert.deepEqual((await check(src)).of('cm-api-in-miniport'), []);
  });

  test('follows the driver-role setting over the evidence', async () => {
    assert.deepEqual((await check(MCM_CLOSE, { role: 'call-manager' })).of('cm-api-in-miniport'), []);
    assert.equal((await check(MCM_CLOSE.replace(MCM_REGISTRATION, ''), { role: 'miniport-call-manager' })).of('cm-api-in-miniport').length, 1);
  });
});

const CM_CLOSE = `
typedef struct _CM_VC { NDIS_HANDLE NdisVcHandle; } CM_VC, *PCM_VC;

VOID CmCloseCallDone(PCM_VC Vc, NDIS_STATUS Status)
{
    NdisMCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
}
${CM_REGISTRATION}`;

describe('mcm-api-in-protocol', () => {
  test('reports NdisMCmCloseCallComplete in a stand-alone call manager and names NdisCmCloseCallComplete', async () => {
    const r = await check(CM_CLOSE);
    const [f] = r.of('mcm-api-in-protocol');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'NdisMCmCloseCallComplete');
    assert.match(f.message, /Call `NdisCmCloseCallComplete` instead/);
    assert.match(f.message, /NdisCmRegisterAddressFamilyEx` at line/);
  });

  test('reports MCM-only VC calls when the protocol registration is in another file', async () => {
    const r = await check({
      'cm/vc.c': `
NDIS_STATUS CmOfferCall(NDIS_HANDLE Binding, NDIS_HANDLE Af, PVOID Ctx, PNDIS_HANDLE Vc)
{
    NDIS_STATUS Status = NdisMCmCreateVc(Binding, Af, Ctx, Vc);
    if (Status != NDIS_STATUS_SUCCESS) return Status;
    Status = NdisMCmDeleteVc(*Vc);
    return Status;
}`,
      'cm/bind.c': CM_REGISTRATION,
    });
    assert.deepEqual(r.of('mcm-api-in-protocol').map((f) => r.text.slice(f.start, f.end)), ['NdisMCmCreateVc', 'NdisMCmDeleteVc']);
  });

  test('reports NDIS 5 code registered through NDIS_CALL_MANAGER_CHARACTERISTICS, without a fix when the parameters differ', async () => {
    const src = `
NDIS_STATUS CmQuery(IN NDIS_HANDLE Af, IN NDIS_HANDLE Vc OPTIONAL, IN PNDIS_REQUEST Request)
{
    return NdisMCmRequest(Af, Vc, NULL, Request);
}
VOID CmRegister(IN NDIS_HANDLE Binding, IN PCO_ADDRESS_FAMILY Af)
{
    NDIS_CALL_MANAGER_CHARACTERISTICS Chars;
    NDIS_STATUS Status = NdisCmRegisterAddressFamily(Binding, Af, &Chars, sizeof(Chars));
}`;
    const [f] = (await check(src)).of('mcm-api-in-protocol');
    assert.match(f.message, /Call `NdisCoRequest` instead, passing its parameters \(NdisBindingHandle, /);
    assert.equal(f.fixes, undefined);
  });

  test('the fix renames NdisMCmCloseCallComplete back to the stand-alone name', async () => {
    const fixed = await assertFixRoundTrip({ 'cm.c': CM_CLOSE }, 'mcm-api-in-protocol');
    assert.match(fixed, /    NdisCmCloseCallComplete\(Status, Vc->NdisVcHandle, NULL\);/);
  });

  test('the fix renames NdisMCmCreateVc to NdisCoCreateVc, whose parameters line up', async () => {
    const src = `
NDIS_STATUS Offer(NDIS_HANDLE B, NDIS_HANDLE Af, PNDIS_HANDLE Vc) { return NdisMCmCreateVc(B, Af, NULL, Vc); }
VOID Reject(NDIS_HANDLE Vc) { NDIS_STATUS s = NdisCoDeleteVc(Vc); }
${CM_REGISTRATION}`;
    const fixed = await assertFixRoundTrip({ 'cm.c': src }, 'mcm-api-in-protocol');
    assert.match(fixed, /return NdisCoCreateVc\(B, Af, NULL, Vc\);/);
  });

  test('does not report NdisMCm calls in a miniport call manager or in a client', async () => {
    assert.deepEqual((await check(CM_CLOSE.replace(CM_REGISTRATION, MCM_REGISTRATION))).of('mcm-api-in-protocol'), []);
    const client = CM_CLOSE.replace(CM_REGISTRATION, 'VOID Open(NDIS_HANDLE B, PCO_ADDRESS_FAMILY Af, PNDIS_HANDLE H) { NDIS_STATUS s = NdisClOpenAddressFamilyEx(B, Af, NULL, H); }');
    assert.deepEqual((await check(client)).of('mcm-api-in-protocol'), []);
  });

  test('does not report the stand-alone spellings or a project function that happens to share an NdisMCm name', async () => {
    const src = `
VOID Done(NDIS_HANDLE Vc) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL); }
VOID NdisMCmDeactivateVc(NDIS_HANDLE Vc) { }
VOID Use(NDIS_HANDLE Vc) { NdisMCmDeactivateVc(Vc); }
${CM_REGISTRATION}`;
    assert.deepEqual((await check(src)).of('mcm-api-in-protocol'), []);
  });
});

describe('mcm-api-in-protocol (names that are not calls)', () => {
  test('does not report an NdisMCm name that only appears in a comment, a string or a macro body', async () => {
    const src = `
// An MCM would call NdisMCmCloseCallComplete here.
#define EXCM_MCM_NOTE "NdisMCmCloseCallComplete"
#define EXCM_COMPLETE(s, v) NdisMCmCloseCallComplete(s, v, NULL)
VOID Done(NDIS_HANDLE Vc) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL); }
${CM_REGISTRATION}`;
    assert.deepEqual((await check(src)).of('mcm-api-in-protocol'), []);
  });
});

describe('wrong-argument-count', () => {
  test('reports NdisCmCloseCallComplete without its party handle and says to pass NULL', async () => {
    const r = await check('VOID Done(NDIS_HANDLE Vc) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc); }');
    const [f] = r.of('wrong-argument-count');
    assert.equal(r.text.slice(f.start, f.end), '(NDIS_STATUS_SUCCESS, Vc)');
    assert.match(f.message, /takes 3 arguments \(Status, NdisVcHandle, NdisPartyHandle\) but this call passes 2/);
    assert.equal(f.fixes?.[0].title, 'Add the missing NULL party handle');
  });

  test('reports too few and too many arguments, with no fix when the gap is not a trailing handle', async () => {
    const src = `
VOID A(NDIS_HANDLE Vc) { NDIS_STATUS s = NdisClCloseCall(Vc, NULL, NULL); }
VOID B(NDIS_HANDLE Vc) { NDIS_STATUS s = NdisCoDeleteVc(Vc, NULL); }
VOID C(NDIS_HANDLE Af) { NDIS_STATUS s = NdisClOpenAddressFamilyEx(Af); }`;
    const found = (await check(src)).of('wrong-argument-count');
    assert.equal(found.length, 3);
    assert.match(found[1].message, /1 too many/);
    assert.match(found[2].message, /3 are missing/);
    assert.ok(found.every((f) => !f.fixes));
  });

  test('reports NDIS 5 calls and the NdisMCm macros too', async () => {
    const src = `
VOID Reg(IN NDIS_HANDLE Binding, IN PCO_ADDRESS_FAMILY Af, IN PNDIS_CALL_MANAGER_CHARACTERISTICS Cm)
{
    NDIS_STATUS Status = NdisCmRegisterAddressFamily(Binding, Af, Cm);
    NdisMCmCloseCallComplete(Status, Binding);
}`;
    const found = (await check(src)).of('wrong-argument-count');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /NdisCmRegisterAddressFamily` takes 4 arguments/);
  });

  test('the fix appends NULL for the party handle', async () => {
    const src = `
VOID Done(NDIS_HANDLE Vc, NDIS_STATUS Status)
{
    NdisCmCloseCallComplete(Status, Vc /* point-to-point */);
}`;
    const fixed = await assertFixRoundTrip({ 'cm.c': src }, 'wrong-argument-count');
    assert.match(fixed, /NdisCmCloseCallComplete\(Status, Vc, NULL \/\* point-to-point \*\/\);/);
  });

  test('the fix appends NULL for an MCM macro call in NDIS 5 style code', async () => {
    const src = 'VOID Done(IN NDIS_HANDLE Vc) { NdisMCmCloseCallComplete(NDIS_STATUS_FAILURE, Vc); }\n';
    const fixed = await assertFixRoundTrip({ 'mcm.c': src }, 'wrong-argument-count');
    assert.match(fixed, /NdisMCmCloseCallComplete\(NDIS_STATUS_FAILURE, Vc, NULL\)/);
  });

  test('does not report calls with the right count, nor functions outside the catalog', async () => {
    const src = `
VOID A(NDIS_HANDLE Vc, NDIS_HANDLE P) {
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, P);
    NDIS_STATUS s = NdisClCloseCall(Vc, NULL, NULL, 0);
    MyHelper(Vc);
    NdisMCoDeactivateVcComplete(NDIS_STATUS_SUCCESS, Vc);
}`;
    assert.deepEqual((await check(src)).of('wrong-argument-count'), []);
  });

  test('does not report a call the user is still typing, or one whose argument list is broken', async () => {
    const src = `
VOID A(NDIS_HANDLE Vc) {
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc,
}
VOID B(NDIS_HANDLE Vc) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, , Vc); }`;
    assert.deepEqual((await check(src)).of('wrong-argument-count'), []);
  });

  test('does not report when an upper-case macro may supply several arguments, or the project defines the name itself', async () => {
    const src = `
#define VC_AND_NO_PARTY(v) (v)->NdisVcHandle, NULL
VOID A(PCM_VC Vc) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, VC_AND_NO_PARTY(Vc)); }
VOID B(PCM_VC Vc) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, CLOSE_ARGS); }
NDIS_STATUS NdisCoGetTapiCallId(NDIS_HANDLE Vc) { return NDIS_STATUS_SUCCESS; }
VOID C(NDIS_HANDLE Vc) { NDIS_STATUS s = NdisCoGetTapiCallId(Vc); }`;
    assert.deepEqual((await check(src)).of('wrong-argument-count'), []);
  });
});
