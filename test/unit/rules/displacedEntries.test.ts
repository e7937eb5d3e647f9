// handler-table-mismatch without role-type declarations (NDIS 5 characteristics tables): an entry holding a function
// of the same shape written for another of its entries (its parameter names are that role's prototype, and this
// entry's own handler is bound nowhere, or its body completes that role's request). A stub shared by several
// entries, whose definition names no role, is never reported.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';

const CLOSE_AF = 'NDIS_STATUS AcmCloseAf(IN NDIS_HANDLE CallMgrAfContext)\n{\n    return NDIS_STATUS_SUCCESS;\n}\n';
const DEREG_SAP = 'NDIS_STATUS AcmDeregisterSap(IN NDIS_HANDLE CallMgrSapContext)\n{\n    return NDIS_STATUS_SUCCESS;\n}\n';
const cmTable = (close: string, dereg: string) => `VOID AcmRegister(NDIS_HANDLE B)
{
    NDIS_CALL_MANAGER_CHARACTERISTICS CmChars;
    CO_ADDRESS_FAMILY Family;
    NdisZeroMemory(&CmChars, sizeof(CmChars));
    CmChars.CmCloseAfHandler = ${close};
    CmChars.CmDeregisterSapHandler = ${dereg};
    NdisCmRegisterAddressFamily(B, &Family, &CmChars, sizeof(CmChars));
}
`;
const CL_CLOSE = 'VOID ArpcCloseAfComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolAfContext)\n{\n    UNREFERENCED_PARAMETER(Status);\n}\n';
const CL_DEREG = 'VOID ArpcDeregisterSapComplete(IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolSapContext)\n{\n    UNREFERENCED_PARAMETER(Status);\n}\n';
const clTable = (close: string, dereg: string) => `VOID ArpcOpen(NDIS_HANDLE B)
{
    NDIS_CLIENT_CHARACTERISTICS ClChars;
    NdisZeroMemory(&ClChars, sizeof(ClChars));
    ClChars.ClCloseAfCompleteHandler = ${close};
    ClChars.ClDeregisterSapCompleteHandler = ${dereg};
    NdisClOpenAddressFamily(B, NULL, NULL, &ClChars, sizeof(ClChars), NULL);
}
`;

describe('handler-table-mismatch: an NDIS 5 entry holding another entry\'s handler', () => {
  test('call manager: the close-AF entry holds the deregister-SAP handler while AcmCloseAf is in no table', async () => {
    const r = await check({ 'af.c': CLOSE_AF + DEREG_SAP + cmTable('AcmDeregisterSap', 'AcmDeregisterSap') });
    const found = r.of('handler-table-mismatch');
    assert.equal(found.length, 1);
    assert.equal(r.text.slice(found[0].start, found[0].end), 'CmChars.CmCloseAfHandler = AcmDeregisterSap');
    assert.match(found[0].message, /written as a ProtocolCmDeregisterSap handler: its parameters are those of `PROTOCOL_CM_DEREGISTER_SAP`.*`AcmCloseAf` \(line 1\).* is in no table: assign it here/);
  });

  test('client: the close-AF-complete entry holds the deregister-SAP-complete routine, handlers in another file', async () => {
    const r = await check({ 'aftable.c': clTable('ArpcDeregisterSapComplete', 'ArpcDeregisterSapComplete'), 'handlers.c': CL_CLOSE + CL_DEREG });
    const found = r.of('handler-table-mismatch');
    assert.equal(found.length, 1);
    assert.equal(r.text.slice(found[0].start, found[0].end), 'ClChars.ClCloseAfCompleteHandler = ArpcDeregisterSapComplete');
    assert.match(found[0].message, /`ArpcCloseAfComplete` \(handlers\.c\)/);
  });

  test('a body that completes the other role\'s request is evidence enough, with no orphan', async () => {
    const dereg = 'NDIS_STATUS AcmDeregisterSap(IN NDIS_HANDLE CallMgrSapContext)\n{\n    NdisCmDeregisterSapComplete(NDIS_STATUS_SUCCESS, CallMgrSapContext);\n    return NDIS_STATUS_PENDING;\n}\n';
    const r = await check({ 'af.c': dereg + cmTable('AcmDeregisterSap', 'AcmDeregisterSap') });
    const found = r.of('handler-table-mismatch');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /it calls `NdisCmDeregisterSapComplete`/);
  });

  test('the correct tables: nothing', async () => {
    assert.deepEqual((await check({ 'af.c': CLOSE_AF + DEREG_SAP + cmTable('AcmCloseAf', 'AcmDeregisterSap') })).of('handler-table-mismatch'), []);
    assert.deepEqual((await check({ 'a.c': clTable('ArpcCloseAfComplete', 'ArpcDeregisterSapComplete'), 'h.c': CL_CLOSE + CL_DEREG })).of('handler-table-mismatch'), []);
  });

  test('one NOT_SUPPORTED stub in both entries is never reported, with generic or with one role\'s parameter names', async () => {
    const stub = 'NDIS_STATUS AcmNotSupported(IN NDIS_HANDLE Context)\n{\n    UNREFERENCED_PARAMETER(Context);\n    return NDIS_STATUS_NOT_SUPPORTED;\n}\n';
    assert.deepEqual((await check({ 'af.c': stub + cmTable('AcmNotSupported', 'AcmNotSupported') })).of('handler-table-mismatch'), []);
    const named = 'NDIS_STATUS AcmNotSupported(IN NDIS_HANDLE CallMgrAfContext)\n{\n    return NDIS_STATUS_NOT_SUPPORTED;\n}\n';
    assert.deepEqual((await check({ 'af.c': named + cmTable('AcmNotSupported', 'AcmNotSupported') })).of('handler-table-mismatch'), []);
    const empty = 'VOID ArpcIgnore(IN NDIS_STATUS Status, IN NDIS_HANDLE Context)\n{\n}\n';
    assert.deepEqual((await check({ 'a.c': empty + clTable('ArpcIgnore', 'ArpcIgnore') })).of('handler-table-mismatch'), []);
  });

  test('neutral refactor: the handlers moved to another file and the table filled through a pointer change nothing', async () => {
    const ptrTable = `VOID AcmFill(PNDIS_CALL_MANAGER_CHARACTERISTICS C)\n{\n    C->CmCloseAfHandler = AcmDeregisterSap;\n    C->CmDeregisterSapHandler = AcmDeregisterSap;\n}\n`;
    const r = await check({ 'table.c': ptrTable, 'sap.c': DEREG_SAP, 'af.c': CLOSE_AF });
    const found = r.of('handler-table-mismatch');
    assert.equal(found.length, 1);
    assert.equal(r.text.slice(found[0].start, found[0].end), 'C->CmCloseAfHandler = AcmDeregisterSap');
    const fixed = ptrTable.replace('CmCloseAfHandler = AcmDeregisterSap', 'CmCloseAfHandler = AcmCloseAf');
    assert.deepEqual((await check({ 'table.c': fixed, 'sap.c': DEREG_SAP, 'af.c': CLOSE_AF })).of('handler-table-mismatch'), []);
  });
});
