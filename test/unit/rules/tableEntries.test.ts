// Findings where the mistake is (issue 12, point 6): a handler-table entry that holds a function of the wrong role
// or shape is reported at the entry, in the file holding the table, and no change is suggested to a function whose
// other entries use it correctly. `#if`/`#else` arms are alternatives: definitions or declarations in two arms are
// never combined into a mismatch.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';

/** Four parameters: the shape of PROTOCOL_CM_CLOSE_CALL. */
const CLOSE4 = 'NDIS_STATUS CmClose(NDIS_HANDLE VcContext, NDIS_HANDLE PartyContext, PVOID Data, UINT Size)\n{\n    return NDIS_STATUS_SUCCESS;\n}\n';
const table = (...entries: string[]) => `VOID Fill(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H)\n{\n${entries.map((e) => `    H->${e};\n`).join('')}}\n`;

describe('handler-table-mismatch at the entry', () => {
  test('a wrong-shape entry is reported in the table\'s file, at the entry; nothing at the definition in the other file', async () => {
    const files = { 'table.c': table('CmCreateVcHandler = CmClose'), 'close.c': CLOSE4 };
    const r = await check(files);
    const [f] = r.of('handler-table-mismatch');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'H->CmCreateVcHandler = CmClose');
    assert.match(f.message, /with 3 arguments .* but it is defined with 4 \(close\.c\)\. Assign a ProtocolCoCreateVc handler here, or give `CmClose` the parameter list of `PROTOCOL_CO_CREATE_VC`/);
    assert.deepEqual((await check(files, { target: 'close.c' })).of('handler-table-mismatch'), []);
  });

  test('when another entry uses the function as it is, only the wrong entry is blamed and no change to the function is suggested', async () => {
    const r = await check({ 'table.c': table('CmCloseCallHandler = CmClose', 'CmCreateVcHandler = CmClose'), 'close.c': CLOSE4 });
    const found = r.of('handler-table-mismatch');
    assert.equal(found.length, 1);
    assert.equal(r.text.slice(found[0].start, found[0].end), 'H->CmCreateVcHandler = CmClose');
    assert.match(found[0].message, /Its entry `CmCloseCallHandler` \(line 3\) fits that definition, so this entry is the mistake: assign a ProtocolCoCreateVc handler here\.$/);
    assert.doesNotMatch(found[0].message, /parameter list of/);
    assert.equal(found[0].fixes, undefined);
  });

  test('a wrong-role entry names the entry that agrees with the declaration instead of suggesting to change it', async () => {
    const r = await check({
      'table.c': table('CmCloseCallHandler = CmClose', 'CmMakeCallHandler = CmClose'),
      'close.c': `PROTOCOL_CM_CLOSE_CALL CmClose;\n${CLOSE4}`,
    });
    const found = r.of('handler-table-mismatch');
    assert.equal(found.length, 1);
    assert.equal(r.text.slice(found[0].start, found[0].end), 'H->CmMakeCallHandler = CmClose');
    assert.match(found[0].message, /Its entry `CmCloseCallHandler` \(line 3\) fits the declaration, so this entry is the mistake/);
    assert.doesNotMatch(found[0].message, /correct the declaration/);
  });

  test('the same table in the function\'s own file: the same finding, at the entry (a neutral move)', async () => {
    const r = await check({ 'one.c': CLOSE4 + table('CmCreateVcHandler = CmClose') });
    const [f] = r.of('handler-table-mismatch');
    assert.equal(r.text.slice(f.start, f.end), 'H->CmCreateVcHandler = CmClose');
    assert.match(f.message, /defined with 4 \(line 1\)/);
  });

  test('definitions in #if/#else arms, each bound in its arm\'s table, are not combined into a mismatch', async () => {
    const src = `#ifdef CM_V2
NDIS_STATUS Handler(NDIS_HANDLE VcContext, NDIS_HANDLE PartyContext, PVOID Data, UINT Size) { return NDIS_STATUS_SUCCESS; }
VOID Fill2(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H) { H->CmCloseCallHandler = Handler; }
#else
NDIS_STATUS Handler(NDIS_HANDLE AfContext, NDIS_HANDLE NdisVcHandle, PNDIS_HANDLE VcContext) { return NDIS_STATUS_SUCCESS; }
VOID Fill1(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H) { H->CmCreateVcHandler = Handler; }
#endif
`;
    assert.deepEqual((await check(src)).of('handler-table-mismatch'), []);
  });

  test('role-type declarations in #if/#else arms are alternatives: an entry fitting one of them is not a mismatch', async () => {
    const src = `#ifdef CM_V2
PROTOCOL_CM_CLOSE_CALL Handler;
VOID Fill2(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H) { H->CmCloseCallHandler = Handler; }
#else
PROTOCOL_CO_CREATE_VC Handler;
VOID Fill1(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H) { H->CmCreateVcHandler = Handler; }
#endif
`;
    assert.deepEqual((await check(src)).of('handler-table-mismatch'), []);
  });
});

describe('rules that judge a function by its role ignore a wrong entry', () => {
  test('a declared ProtocolCmMakeCall wrongly put in CmCreateVcHandler: reported at the entry, not as a VC handler that pends', async () => {
    const r = await check({
      'mk.c': `PROTOCOL_CM_MAKE_CALL CmMake;
NDIS_STATUS CmMake(NDIS_HANDLE VcContext, PCO_CALL_PARAMETERS Params, NDIS_HANDLE Party, PNDIS_HANDLE PartyContext)
{
    return NDIS_STATUS_PENDING;
}
VOID Done(NDIS_HANDLE Vc, PCO_CALL_PARAMETERS P) { NdisCmMakeCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL, NULL, P); }
`,
      'table.c': table('CmMakeCallHandler = CmMake', 'CmCreateVcHandler = CmMake'),
    });
    assert.deepEqual(r.of('vc-handler-pends'), []);
    const t = await check({ 'table.c': table('CmMakeCallHandler = CmMake', 'CmCreateVcHandler = CmMake'), 'mk.c': 'PROTOCOL_CM_MAKE_CALL CmMake;\n' });
    assert.equal(t.of('handler-table-mismatch').length, 1);
  });

  test('handler-without-role-type: two definitions in #if/#else arms, each bound in its arm, are each named their own role (declared by hand: one declaration would contradict the other arm)', async () => {
    const src = `#ifdef CM_V2
NDIS_STATUS Handler(NDIS_HANDLE VcContext, NDIS_HANDLE PartyContext, PVOID Data, UINT Size) { return NDIS_STATUS_SUCCESS; }
VOID Fill2(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H) { H->CmCloseCallHandler = Handler; }
#else
NDIS_STATUS Handler(NDIS_HANDLE AfContext, NDIS_HANDLE NdisVcHandle, PNDIS_HANDLE VcContext) { return NDIS_STATUS_SUCCESS; }
VOID Fill1(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H) { H->CmCreateVcHandler = Handler; }
#endif
`;
    const found = (await check(src)).of('handler-without-role-type');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /Declare it as `PROTOCOL_CM_CLOSE_CALL Handler;`/);
    assert.match(found[1].message, /Declare it as `PROTOCOL_CO_CREATE_VC Handler;`/);
    assert.deepEqual(found.map((f) => f.fixes), [undefined, undefined]);
  });

  test('handler-without-role-type offers the role of the entries that fit the definition, not of a wrong entry', async () => {
    const r = await check({ 'close.c': CLOSE4, 'table.c': table('CmCloseCallHandler = CmClose', 'CmCreateVcHandler = CmClose') }, { settings: { diagnostics: { rules: {} } } });
    const [f] = r.of('handler-without-role-type');
    assert.ok(f);
    assert.equal(f.fixes?.length, 1);
    assert.match(f.fixes![0].title, /Declare CmClose as PROTOCOL_CM_CLOSE_CALL/);
  });
});
