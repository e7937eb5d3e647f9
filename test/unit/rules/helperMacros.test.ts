// Helper functions that complete through a workspace macro: the helper's summary sees through the macro use (defined in
// a header of another folder), so a call to the helper counts as the completion the macro makes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check, type Checked } from '../helpers';
import { CM_HEADER, CM_REGISTRATION } from './ruleTestKit';

/** A ProtocolCmCloseCall handler whose body is `body`; the helper is declared in it and defined in drv/call.c. */
const handler = (body: string) => `${CM_HEADER}
#include "../inc/cmmac.h"
VOID CmFinish(PCM_VC Vc, NDIS_STATUS Status);

NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    NDIS_STATUS Status;
${body}
}
${CM_REGISTRATION}`;

/** The completion macros, in a header of another folder; one nests another and one is a do/while(0) statement. */
const MACROS = `#define CM_COMPLETE_CLOSE(_Vc, _S) \\
    NdisCmCloseCallComplete((_S), (_Vc)->NdisVcHandle, NULL)
#define CM_FINISH_CLOSE(_Vc, _S) do { \\
    DbgPrint("closing\\n"); \\
    CM_COMPLETE_CLOSE(_Vc, _S); \\
} while (0)
#define CM_TRACE_ONLY(_Vc) DbgPrint("vc %p\\n", (_Vc))
`;

/** The helper, whose body completes with `stmt`. */
const helper = (stmt: string) => `${CM_HEADER}
#include "../inc/cmmac.h"
VOID CmFinish(PCM_VC Vc, NDIS_STATUS Status)
{
    ${stmt}
}
`;

const sync = (ret: string) => `    Status = NdisCmDeactivateVc(Vc->NdisVcHandle);
    if (Status != NDIS_STATUS_PENDING) {
        CmFinish(Vc, Status);
        return ${ret};
    }
    return NDIS_STATUS_PENDING;`;

const run = (ret: string, stmt: string) => check({ 'drv/cm.c': handler(sync(ret)), 'drv/call.c': helper(stmt), 'inc/cmmac.h': MACROS });
const shape = (r: Checked) => r.findings.map((f) => `${f.rule}@${r.text.slice(f.start, f.end)}`).sort();

describe('double-completion through a helper that completes through a macro', () => {
  test('reports the final status returned after the helper completed through a macro of another folder', async () => {
    const r = await run('NDIS_STATUS_SUCCESS', 'CM_COMPLETE_CLOSE(Vc, Status);');
    const [f] = r.of('double-completion');
    assert.ok(f, 'the completion made by the macro in the helper counts at the helper\'s call');
    assert.equal(r.text.slice(f.start, f.end), 'return NDIS_STATUS_SUCCESS;');
    assert.match(f.message, /CmFinish/);
  });

  test('sees through nested macros and a do/while(0) statement macro', async () => {
    const r = await run('NDIS_STATUS_SUCCESS', 'CM_FINISH_CLOSE(Vc, NDIS_STATUS_SUCCESS);');
    assert.deepEqual(r.of('double-completion').map((f) => r.text.slice(f.start, f.end)), ['return NDIS_STATUS_SUCCESS;']);
  });

  test('accepts NDIS_STATUS_PENDING returned after the helper completed through the macro', async () => {
    const r = await run('NDIS_STATUS_PENDING', 'CM_COMPLETE_CLOSE(Vc, Status);');
    assert.deepEqual(r.of('double-completion'), []);
  });

  test('a macro that completes nothing makes the helper complete nothing', async () => {
    const r = await run('NDIS_STATUS_SUCCESS', 'CM_TRACE_ONLY(Vc);');
    assert.deepEqual(r.of('double-completion'), []);
  });

  test('a macro used only under a condition in the helper is a may-effect: not reported', async () => {
    const r = await run('NDIS_STATUS_SUCCESS', 'if (Status == NDIS_STATUS_SUCCESS) CM_COMPLETE_CLOSE(Vc, Status);');
    assert.deepEqual(r.of('double-completion'), []);
  });

  test('the helper completing directly or through the macro gives the same findings', async () => {
    for (const ret of ['NDIS_STATUS_SUCCESS', 'NDIS_STATUS_PENDING']) {
      const direct = await run(ret, 'NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);');
      const viaMacro = await run(ret, 'CM_COMPLETE_CLOSE(Vc, Status);');
      const nested = await run(ret, 'CM_FINISH_CLOSE(Vc, Status);');
      assert.deepEqual(shape(viaMacro), shape(direct), ret);
      assert.deepEqual(shape(nested), shape(direct), ret);
    }
  });
});
