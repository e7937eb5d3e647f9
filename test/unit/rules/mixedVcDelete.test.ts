// delete-foreign-vc when one field holds VCs of both origins: a client creates its outgoing VCs into Vc->NdisVcHandle
// and its ProtocolCoCreateVc stores the call manager's there too. Deleting every VC whose call closed deletes the call
// manager's; a delete after a test of the VC (its outgoing flag) or in the make-call completion (own VCs only) is fine.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';

const common = `typedef struct _MY_VC { NDIS_HANDLE NdisVcHandle; ULONG Flags; NDIS_HANDLE Af; } MY_VC, *PMY_VC;
#define MY_VC_OUTGOING 0x1
PROTOCOL_CO_CREATE_VC MyCreateVc;
PROTOCOL_CL_CLOSE_CALL_COMPLETE MyCloseCallComplete;
PROTOCOL_CL_MAKE_CALL_COMPLETE MyMakeCallComplete;
NDIS_STATUS MyCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle, PNDIS_HANDLE ProtocolVcContext)
{
    PMY_VC Vc = NdisAllocateMemoryWithTagPriority(ProtocolAfContext, sizeof(MY_VC), 'cvyM', NormalPoolPriority);
    if (Vc == NULL) return NDIS_STATUS_RESOURCES;
    Vc->NdisVcHandle = NdisVcHandle;
    *ProtocolVcContext = Vc;
    return NDIS_STATUS_SUCCESS;
}
NDIS_STATUS MyPlaceCall(NDIS_HANDLE Binding, NDIS_HANDLE Af, PMY_VC Vc)
{
    NDIS_STATUS Status;
    Vc->Flags = MY_VC_OUTGOING;
    Status = NdisCoCreateVc(Binding, Af, Vc, &Vc->NdisVcHandle);
    return Status;
}
VOID MyRegister(NDIS_HANDLE Af)
{
    NdisClOpenAddressFamilyEx(Af, NULL, NULL, NULL);
}
`;
const closed = (guard: string) => `VOID MyCallClosed(PMY_VC Vc)
{
${guard}    NdisCoDeleteVc(Vc->NdisVcHandle);
}
VOID MyCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext)
{
    MyCallClosed((PMY_VC)ProtocolVcContext);
}
`;

describe('delete-foreign-vc: a field holding VCs of both origins', () => {
  test('a client deleting every VC whose call closed is reported at the delete', async () => {
    const r = await check({ 'vc.c': common + closed('') });
    const found = r.of('delete-foreign-vc');
    assert.equal(found.length, 1);
    assert.equal(r.text.slice(found[0].start, found[0].end), 'NdisCoDeleteVc(Vc->NdisVcHandle)');
    assert.match(found[0].message, /from `MyCloseCallComplete`.*VCs the call manager created \(`MyCreateVc` stores/);
  });

  test('an early return on the outgoing flag, an enclosing test, or a test at the call site: nothing', async () => {
    for (const guard of ['    if ((Vc->Flags & MY_VC_OUTGOING) == 0) {\n        return;\n    }\n', '    if (Vc->Flags & MY_VC_OUTGOING)\n']) {
      assert.deepEqual((await check({ 'vc.c': common + closed(guard) })).of('delete-foreign-vc'), [], guard);
    }
    const atCaller = closed('').replace('    MyCallClosed((PMY_VC)ProtocolVcContext);', '    PMY_VC Vc = (PMY_VC)ProtocolVcContext;\n    if (Vc->Flags & MY_VC_OUTGOING) MyCallClosed(Vc);');
    assert.deepEqual((await check({ 'vc.c': common + atCaller })).of('delete-foreign-vc'), []);
  });

  test('the make-call completion deletes its own failed VC: nothing (only own VCs reach it)', async () => {
    const src = common + `VOID MyMakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters)
{
    PMY_VC Vc = (PMY_VC)ProtocolVcContext;
    if (Status == NDIS_STATUS_SUCCESS) {
        return;
    }
    NdisCoDeleteVc(Vc->NdisVcHandle);
}
`;
    assert.deepEqual((await check({ 'vc.c': src })).of('delete-foreign-vc'), []);
  });

  test('a delete reached from no handler (a timer, an unbound helper) is not judged', async () => {
    const src = common + 'VOID MyDeleteLater(PMY_VC Vc)\n{\n    NdisCoDeleteVc(Vc->NdisVcHandle);\n}\n';
    assert.deepEqual((await check({ 'vc.c': src })).of('delete-foreign-vc'), []);
  });

  test('neutral refactor: the delete inline in the handler, the status tested first, is still reported', async () => {
    const src = common + `VOID MyCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext)
{
    PMY_VC Vc = (PMY_VC)ProtocolVcContext;
    if (Status != NDIS_STATUS_SUCCESS) {
        return;
    }
    NdisCoDeleteVc(Vc->NdisVcHandle);
}
`;
    const found = (await check({ 'vc.c': src })).of('delete-foreign-vc');
    assert.equal(found.length, 1);
  });
});
