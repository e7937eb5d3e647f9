// The VC lifecycle rules on code being typed: they run their checks directly (not through runRules, which would hide
// an exception) and must neither throw nor report anything odd on half-written input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, services } from '../helpers';
import { WorkspaceIndex } from '../../../server/src/analysis/workspace';
import { vcUsedAfterClose } from '../../../server/src/rules/vcUsedAfterClose';
import { vcUsedAfterDelete } from '../../../server/src/rules/vcUsedAfterDelete';
import { missingVcDelete } from '../../../server/src/rules/missingVcDelete';
import { partyHandleMismatch } from '../../../server/src/rules/partyHandleMismatch';
import { missingDeactivateVc } from '../../../server/src/rules/missingDeactivateVc';
import { deleteForeignVc } from '../../../server/src/rules/deleteForeignVc';

const RULES = [vcUsedAfterClose, vcUsedAfterDelete, missingVcDelete, partyHandleMismatch, missingDeactivateVc, deleteForeignVc];

const BROKEN = [
  '',
  'NDIS_STATUS CmCloseCall(NDIS_HANDLE a, NDIS_HANDLE',
  'PROTOCOL_CM_CLOSE_CALL CmCloseCall;\nNDIS_STATUS CmCloseCall(NDIS_HANDLE a, NDIS_HANDLE b) { if (b != NULL) { NdisCmCloseCallComplete(',
  'VOID F(PCM_VC Vc) { NdisCoDeleteVc(); NdisCoDeleteVc(Vc->); NdisCoSendNetBufferLists(Vc->NdisVcHandle; }',
  'VOID G() { NdisCoCreateVc(a, b, c, &); NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, , NULL); NdisCmDropPartyComplete(); }',
  'NDIS_STATUS CmCreateVc(NDIS_HANDLE Af, NDIS_HANDLE Vc, PNDIS_HANDLE Ctx) { ->NdisVcHandle = Vc; }\nNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H = { .CmCreateVcHandler = CmCreateVc, .CmCloseCallHandler = };',
  'VOID H(void) { while (1) { NdisCmActivateVc(h, p) NdisCoDeleteVc(h); goto; } NdisCmRegisterAddressFamilyEx(x, y); }',
];

test('the VC lifecycle rules do not throw on incomplete or broken code', async () => {
  const s = await services();
  for (const role of ['auto', 'call-manager', 'miniport-call-manager'] as const) {
    for (const text of BROKEN) {
      const { file } = await check(text, { role });
      const workspace = new WorkspaceIndex(role);
      workspace.set(file.summary());
      for (const rule of RULES) {
        assert.doesNotThrow(() => rule.check({ file, catalog: s.catalog, lifecycle: s.lifecycle, workspace }), `${rule.id} on ${JSON.stringify(text)}`);
      }
    }
  }
});
