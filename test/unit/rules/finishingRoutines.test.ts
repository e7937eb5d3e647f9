// Patterns the snippets use: a close finished by a routine the handler cannot reach, and a delete guarded by a
// created-by-the-call-manager flag.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';
import { CM_HEADER, CM_REGISTRATION } from './ruleTestKit';

const CLOSE_FINISHED_ON_ANSWER = `${CM_HEADER}
NDIS_STATUS CmCloseCall(NDIS_HANDLE C, NDIS_HANDLE P, PVOID D, UINT S)
{
    SendRelease((PCM_VC)C);              /* the peer's answer arrives in CmReceive */
    return NDIS_STATUS_PENDING;
}

VOID CmReleaseAnswered(PCM_VC Vc)
{
    NDIS_STATUS Status = NdisCmDeactivateVc(Vc->NdisVcHandle);
    if (Status != NDIS_STATUS_PENDING) {
        CmFinishClose(Vc, Status);
    }
}

VOID CmFinishClose(PCM_VC Vc, NDIS_STATUS Status)
{
    NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
}
${CM_REGISTRATION}`;

describe('routines that finish a pended close', () => {
  test('a deactivation in the routine that finishes the close counts, even when the handler cannot reach it', async () => {
    assert.deepEqual((await check(CLOSE_FINISHED_ON_ANSWER)).of('missing-deactivate-vc'), []);
  });

  test('still reported when neither the handler nor the finishing routines deactivate', async () => {
    const src = CLOSE_FINISHED_ON_ANSWER.replace('NDIS_STATUS Status = NdisCmDeactivateVc(Vc->NdisVcHandle);', 'NDIS_STATUS Status = NDIS_STATUS_SUCCESS;');
    assert.equal((await check(src)).of('missing-deactivate-vc').length, 1);
  });
});

const FOREIGN_STORE = `${CM_HEADER}
PROTOCOL_CO_CREATE_VC CmCreateVc;
NDIS_STATUS CmCreateVc(NDIS_HANDLE Af, NDIS_HANDLE NdisVcHandle, PNDIS_HANDLE Ctx)
{
    PCM_VC Vc = AllocVc();
    Vc->NdisVcHandle = NdisVcHandle;
    *Ctx = Vc;
    return NDIS_STATUS_SUCCESS;
}
${CM_REGISTRATION}`;

describe('deleting only the VCs the call manager created', () => {
  test('a delete under a created-by-CM flag test is not a foreign delete', async () => {
    const src = FOREIGN_STORE + `
VOID Done(PCM_VC Vc) {
    if (Vc->Flags & CM_VC_FLAG_CREATED_BY_CM) {
        if (NdisCoDeleteVc(Vc->NdisVcHandle) == NDIS_STATUS_SUCCESS) { Vc->NdisVcHandle = NULL; }
    }
}`;
    assert.deepEqual((await check(src)).of('delete-foreign-vc'), []);
  });

  test('an unguarded delete of the stored client VC is still reported, and a "shutdown" test is no guard', async () => {
    const src = FOREIGN_STORE + `
VOID Done(PCM_VC Vc) {
    if (Vc->State != VcShutDown) {
        if (NdisCoDeleteVc(Vc->NdisVcHandle) == NDIS_STATUS_SUCCESS) { Vc->NdisVcHandle = NULL; }
    }
}`;
    assert.equal((await check(src)).of('delete-foreign-vc').length, 1);
  });
});
