// Correlated conditions: a path that tests the same condition twice (a flag bit, a pointer against NULL, a local
// boolean) with nothing it reads assigned in between takes the same branch both times; a value picked by a conditional
// expression is known per branch.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';
import { CM_HEADER, CM_REGISTRATION } from './ruleTestKit';

const handler = (body: string, locals = '') => `${CM_HEADER}
#define VC_FLAG_CLOSE_PENDING 0x0004
#define VC_FLAG_CREATED_BY_CM 0x0008
_Use_decl_annotations_
NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    NDIS_STATUS Status = NDIS_STATUS_PENDING;${locals}
${body}
}
${CM_REGISTRATION}`;

const COMPLETE = 'NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);';
const rule = async (id: string, src: string) => (await check(src)).of(id);

describe('the same condition tested twice takes the same branch', () => {
  test('a flag bit in a context field (a & F, (a & F) == 0, !(a & F))', async () => {
    for (const again of ['(Vc->Flags & VC_FLAG_CLOSE_PENDING) == 0', '!(Vc->Flags & VC_FLAG_CLOSE_PENDING)', '!(VC_FLAG_CLOSE_PENDING & Vc->Flags)']) {
      const src = handler(`
    NdisAcquireSpinLock(&Vc->Lock);
    if (Vc->Flags & VC_FLAG_CLOSE_PENDING) {
        ${COMPLETE}
    }
    NdisReleaseSpinLock(&Vc->Lock);
    TraceVc(Vc);
    if (${again}) {
        ${COMPLETE}
    }
    return NDIS_STATUS_PENDING;`);
      assert.deepEqual(await rule('double-completion', src), [], again);
    }
  });

  test('an assignment to the flags in between lets the second test go either way (a real double completion)', async () => {
    const src = handler(`
    if (Vc->Flags & VC_FLAG_CLOSE_PENDING) {
        ${COMPLETE}
        Vc->Flags &= ~VC_FLAG_CLOSE_PENDING;
    }
    if (!(Vc->Flags & VC_FLAG_CLOSE_PENDING)) {
        ${COMPLETE}
    }
    return NDIS_STATUS_PENDING;`);
    assert.equal((await rule('double-completion', src)).length, 1);
    // A macro given the VC may change its flags as well.
    const macro = src.replace('Vc->Flags &= ~VC_FLAG_CLOSE_PENDING;', 'VC_CLEAR_FLAG(Vc, VC_FLAG_CLOSE_PENDING);');
    assert.equal((await rule('double-completion', macro)).length, 1);
  });

  test('a local pointer against NULL, and a local boolean set on one branch', async () => {
    const pointer = handler(`
    Party = Vc->Party;
    if (Party != NULL) {
        ${COMPLETE}
    }
    TraceVc(Vc);
    if (Party == NULL) {
        ${COMPLETE}
    }
    return NDIS_STATUS_PENDING;`, '\n    PCM_PARTY Party;');
    assert.deepEqual(await rule('double-completion', pointer), []);
    const flag = handler(`
    if (Vc->Fast) {
        ${COMPLETE}
        Completed = TRUE;
    }
    if (!Completed) {
        ${COMPLETE}
    }
    return NDIS_STATUS_PENDING;`, '\n    BOOLEAN Completed = FALSE;');
    assert.deepEqual(await rule('double-completion', flag), []);
    // Set before the test as well: both completions run on the fast path.
    const wrong = flag.replace('        Completed = TRUE;\n', '');
    assert.equal((await rule('double-completion', wrong)).length, 1);
  });

  test('a delete under a flag and a use under the opposite test of it are on different paths', async () => {
    const src = handler(`
    if (Vc->Flags & VC_FLAG_CREATED_BY_CM) {
        Status = NdisCoDeleteVc(Vc->NdisVcHandle);
    }
    if ((Vc->Flags & VC_FLAG_CREATED_BY_CM) == 0) {
        ${COMPLETE}
    }
    return NDIS_STATUS_PENDING;`);
    assert.deepEqual(await rule('vc-used-after-delete', src), []);
    const same = src.replace('(Vc->Flags & VC_FLAG_CREATED_BY_CM) == 0', 'Vc->Flags & VC_FLAG_CREATED_BY_CM');
    assert.equal((await rule('vc-used-after-delete', same)).length, 1);
  });
});

describe('a value picked by a conditional expression', () => {
  const close = (pick: string) => `${CM_HEADER}
NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    PCM_PARTY pParty = (PCM_PARTY)CallMgrPartyContext;
    NDIS_HANDLE PartyHandle;

    if (pParty != NULL) {
        TraceParty(pParty);
    }
    ${pick}
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, PartyHandle);
    return NDIS_STATUS_PENDING;
}
${CM_REGISTRATION}`;

  test('h = (p != NULL) ? p->NdisPartyHandle : NULL is the right party handle on both paths', async () => {
    assert.deepEqual(await rule('party-handle-mismatch', close('PartyHandle = (pParty != NULL) ? pParty->NdisPartyHandle : NULL;')), []);
    assert.deepEqual(await rule('party-handle-mismatch', close('PartyHandle = pParty ? pParty->NdisPartyHandle : (NDIS_HANDLE)NULL;')), []);
  });

  test('the arms the wrong way round are reported on the path that passes a handle for no party', async () => {
    const [f] = await rule('party-handle-mismatch', close('PartyHandle = (pParty != NULL) ? NULL : pParty->NdisPartyHandle;'));
    assert.ok(f);
    assert.match(f.message, /is NULL on this path/);
  });

  test('a declaration initialised by a conditional expression splits the path too', async () => {
    const src = close('').replace('NDIS_HANDLE PartyHandle;', 'NDIS_HANDLE PartyHandle = (pParty == NULL) ? NULL : pParty->NdisPartyHandle;');
    assert.deepEqual(await rule('party-handle-mismatch', src), []);
  });
});
