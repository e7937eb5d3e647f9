// A document checked before the workspace index has read the rest of its driver is checked again, with what the
// other files say, once they are in: nothing a rule derived from the workspace of the first check may be kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServices, summarizeFile } from '../../server/src/services';
import { Validator } from '../../server/src/validation';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { join } from 'node:path';
import { ROOT } from './helpers';

const CM = `#include <ndis.h>
VOID XfQueueDropWork(NDIS_HANDLE Party);
NDIS_STATUS XfDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    XfQueueDropWork(CallMgrPartyContext);
    return NDIS_STATUS_PENDING;
}
`;
/** What makes XfDropParty a drop-party handler, in another file. */
const TABLE = `#include <ndis.h>
NDIS_STATUS XfDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size);
VOID XfFillTable(PNDIS_CALL_MANAGER_CHARACTERISTICS Cm)
{
    Cm->CmDropPartyHandler = XfDropParty;
}
`;
const REGISTER = `#include <ndis.h>
NDIS_STATUS XfRegister(NDIS_HANDLE Binding, PCO_ADDRESS_FAMILY Af, PNDIS_CALL_MANAGER_CHARACTERISTICS Cm)
{
    return NdisCmRegisterAddressFamily(Binding, Af, Cm, sizeof(*Cm));
}
`;

test('a handler whose table the index reads after the document was first checked gets its finding (same version)', async () => {
  const s = await createServices(join(ROOT, 'dist')); // its own index: the shared one holds other tests' files
  const uri = 'file:///drv/cm.c';
  const validator = new Validator(s, () => DEFAULT_SETTINGS, 'file:///docs', undefined, () => undefined);
  const doc = s.documents.open(uri, 'c', 1, CM);
  assert.deepEqual(validator.diagnostics(doc).map((d) => d.code), [], 'nothing is known of XfDropParty yet');
  for (const [name, text] of [['table.c', TABLE], ['register.c', REGISTER]]) {
    const summary = summarizeFile(s, `file:///drv/${name}`, text);
    assert.ok(summary);
    s.workspace.set(summary);
  }
  doc.derived.delete('diagnostics'); // as validation.ts does when the index changes (othersChanged, all)
  const codes = validator.diagnostics(doc).map((d) => d.code);
  assert.ok(codes.includes('missing-completion'), codes.join(', '));
});
