// Results and handler tables: unchecked-status, handler-without-role-type, handler-table-mismatch.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';
import { assertFixRoundTrip } from './ruleTestKit';
import { CM_FIELDS, CM_REGISTRATION, MCM_REGISTRATION, cmTable, handlerFor } from './apiAndIrqlKit';

describe('unchecked-status', () => {
  test('reports NdisClCloseCall called as a bare statement and explains the PENDING protocol', async () => {
    const r = await check('VOID Hangup(PCL_VC Vc) { NdisClCloseCall(Vc->NdisVcHandle, NULL, NULL, 0); }');
    const [f] = r.of('unchecked-status');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'NdisClCloseCall');
    assert.equal(f.severityName, 'warning');
    assert.match(f.message, /NDIS_STATUS_PENDING `ProtocolClCloseCallComplete` finishes the work; on any other status NDIS does not call it/);
  });

  test('reports a (VOID) cast on a call that may pend: the cast does not decide who completes', async () => {
    const src = 'VOID Call(PCL_VC Vc) { (VOID)NdisClMakeCall(Vc->NdisVcHandle, Vc->Params, NULL, NULL); }';
    const [f] = (await check(src)).of('unchecked-status');
    assert.match(f.message, /casting it to VOID does not change that/);
  });

  test('reports a bare NdisCoDeleteVc with the failures it can report', async () => {
    const src = 'VOID Gone(PCM_VC Vc) { NdisCoDeleteVc(Vc->NdisVcHandle); }';
    const [f] = (await check(src)).of('unchecked-status');
    assert.match(f.message, /it can report NDIS_STATUS_CLOSING, NDIS_STATUS_NOT_ACCEPTED/);
  });

  test('reports ignored statuses in NDIS 5 style code and for the MCM registration', async () => {
    const src = `
VOID LegacyOpen(IN NDIS_HANDLE Binding, IN PCO_ADDRESS_FAMILY Af, IN NDIS_HANDLE Ctx, IN PNDIS_CLIENT_CHARACTERISTICS Cl, OUT PNDIS_HANDLE AfHandle)
{
    NdisClOpenAddressFamily(Binding, Af, Ctx, Cl, sizeof(*Cl), AfHandle);
    ((NdisMCmRegisterAddressFamilyEx(Binding, Af)));
}`;
    assert.equal((await check(src)).of('unchecked-status').length, 2);
  });

  test('does not report a status that is assigned, compared, returned or passed on', async () => {
    const src = `
NDIS_STATUS A(PCL_VC Vc) {
    NDIS_STATUS Status = NdisClCloseCall(Vc->NdisVcHandle, NULL, NULL, 0);
    if (NdisClDropParty(Vc->Party, NULL, 0) != NDIS_STATUS_PENDING) { ClDropDone(Vc); }
    Log(NdisCoDeleteVc(Vc->NdisVcHandle));
    return NdisClModifyCallQoS(Vc->NdisVcHandle, Vc->Params);
}`;
    assert.deepEqual((await check(src)).of('unchecked-status'), []);
  });

  test('does not report a deliberate (VOID) cast on a call that cannot pend', async () => {
    const src = 'VOID Gone(PCM_VC Vc) { (VOID)NdisCoDeleteVc(Vc->NdisVcHandle); (void)NdisCmRegisterAddressFamilyEx(Vc->B, &Vc->Af); }';
    assert.deepEqual((await check(src)).of('unchecked-status'), []);
  });

  test('does not report calls without _Must_inspect_result_ (completions, VOID functions)', async () => {
    const src = 'VOID Done(PCM_VC Vc) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL); NdisMCmActivateVc(Vc->NdisVcHandle, Vc->P); }';
    assert.deepEqual((await check(src)).of('unchecked-status'), []);
  });
});

describe('handler-without-role-type', () => {
  const UNDECLARED = `
NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    return NDIS_STATUS_SUCCESS;
}

VOID CmFillHandlers(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H)
{
    H->CmCloseCallHandler = CmCloseCall;
}
`;

  test('reports a function in a handler table with no role-type declaration, as information', async () => {
    const r = await check(UNDECLARED);
    const [f] = r.of('handler-without-role-type');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'CmCloseCall');
    assert.equal(f.severityName, 'information');
    assert.match(f.message, /assigned to `CmCloseCallHandler` \(at line 10\).*ProtocolCmCloseCall handler.*`PROTOCOL_CM_CLOSE_CALL CmCloseCall;`/);
  });

  test('reports a definition whose table assignment is in another file', async () => {
    const r = await check({
      'call.c': 'NDIS_STATUS CmMakeCall(NDIS_HANDLE a, PCO_CALL_PARAMETERS b, NDIS_HANDLE c, PNDIS_HANDLE d) { return NDIS_STATUS_PENDING; }\n',
      'driver.c': 'VOID Fill(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H) { H->CmMakeCallHandler = CmMakeCall; }\n',
    });
    const [f] = r.of('handler-without-role-type');
    assert.match(f.message, /assigned to `CmMakeCallHandler` \(in driver\.c\)/);
  });

  test('reports NDIS 5 handlers assigned to NDIS_CALL_MANAGER_CHARACTERISTICS', async () => {
    const src = `
NDIS_STATUS LegacyOpenAf(IN NDIS_HANDLE Ctx, IN PCO_ADDRESS_FAMILY Af, IN NDIS_HANDLE NdisAfHandle, OUT PNDIS_HANDLE CallMgrAfContext)
{
    return NDIS_STATUS_SUCCESS;
}
VOID Fill(OUT PNDIS_CALL_MANAGER_CHARACTERISTICS Cm) { Cm->CmOpenAfHandler = LegacyOpenAf; }`;
    assert.equal((await check(src)).of('handler-without-role-type').length, 1);
  });

  test('says nothing of an NDIS 5 request handler, whose CO_REQUEST_HANDLER is a pointer type with no role type to declare', async () => {
    const table = (fill: string) => `
NDIS_STATUS LegacyRequest(IN NDIS_HANDLE Af, IN NDIS_HANDLE Vc OPTIONAL, IN NDIS_HANDLE Party OPTIONAL, IN OUT PNDIS_REQUEST Req)
{
    return NDIS_STATUS_NOT_SUPPORTED;
}
VOID Fill(OUT PNDIS_CALL_MANAGER_CHARACTERISTICS Cm, PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H) { ${fill} }
${UNDECLARED}`;
    // Beside an NDIS 6 table (so not left alone as legacy code): the request handler gets no finding, CmCloseCall does.
    const r = await check(table('Cm->CmRequestHandler = LegacyRequest;'));
    assert.deepEqual(r.of('handler-without-role-type').map((f) => r.text.slice(f.start, f.end)), ['CmCloseCall']);
    // The same function in a role-typed entry is reported: the pointer typedef alone was what kept it quiet.
    const typed = await check(table('Cm->CmRequestHandler = LegacyRequest; H->CmOidRequestHandler = (CM_OID_REQUEST_HANDLER)LegacyRequest;'));
    assert.ok(typed.of('handler-without-role-type').some((f) => typed.text.slice(f.start, f.end) === 'LegacyRequest'));
  });

  test('the fix inserts the role-type declaration on its own line before the definition', async () => {
    const fixed = await assertFixRoundTrip({ 'cm.c': UNDECLARED }, 'handler-without-role-type');
    assert.match(fixed, /\nPROTOCOL_CM_CLOSE_CALL CmCloseCall;\nNDIS_STATUS\nCmCloseCall\(/);
  });

  test('the fix goes above leading annotations and keeps a static definition static', async () => {
    const src = `
// Closes a call.
_Use_decl_annotations_
static NDIS_STATUS CmCloseCall(NDIS_HANDLE C, NDIS_HANDLE P, PVOID D, UINT S)
{
    return NDIS_STATUS_SUCCESS;
}
VOID Fill(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS *Cm) { Cm->CmCloseCallHandler = CmCloseCall; }`;
    const fixed = await assertFixRoundTrip({ 'cm.c': src }, 'handler-without-role-type');
    assert.match(fixed, /\/\/ Closes a call\.\nstatic PROTOCOL_CM_CLOSE_CALL CmCloseCall;\n_Use_decl_annotations_\nstatic NDIS_STATUS/);
  });

  test('does not report handlers of a legacy NDIS 5 driver, whose characteristics tables predate role types', async () => {
    const src = `
NDIS_STATUS LegacyCloseCall(IN NDIS_HANDLE C, IN NDIS_HANDLE P OPTIONAL, IN PVOID D OPTIONAL, IN UINT S OPTIONAL) { return NDIS_STATUS_SUCCESS; }
VOID Fill(NDIS_HANDLE B, PCO_ADDRESS_FAMILY Af) { NDIS_CALL_MANAGER_CHARACTERISTICS Cm; Cm.CmCloseCallHandler = LegacyCloseCall; (VOID)NdisCmRegisterAddressFamily(B, Af, &Cm, sizeof(Cm)); }`;
    assert.deepEqual((await check(src)).of('handler-without-role-type'), []);
  });

  test('does not report a handler declared with its role type in a header', async () => {
    const r = await check({ 'cm.c': UNDECLARED, 'cm.h': 'PROTOCOL_CM_CLOSE_CALL CmCloseCall;\n' });
    assert.deepEqual(r.of('handler-without-role-type'), []);
  });

  test('does not report a handler declared in the same file, nor functions in no handler table', async () => {
    assert.deepEqual((await check(`PROTOCOL_CM_CLOSE_CALL CmCloseCall;\n${UNDECLARED}`)).of('handler-without-role-type'), []);
    const src = 'VOID Helper(PVOID p) { }\nstruct OPS Ops = { .Handler = Helper };\nVOID Other(PVOID p) { g.Callback = Helper; }';
    assert.deepEqual((await check(src)).of('handler-without-role-type'), []);
  });

  test('does not report a function whose table assignment lives elsewhere but is declared there too', async () => {
    const r = await check({
      'call.c': 'NDIS_STATUS CmMakeCall(NDIS_HANDLE a, PCO_CALL_PARAMETERS b, NDIS_HANDLE c, PNDIS_HANDLE d) { return NDIS_STATUS_SUCCESS; }\n',
      'driver.c': 'PROTOCOL_CM_MAKE_CALL CmMakeCall;\nVOID Fill(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H) { H->CmMakeCallHandler = CmMakeCall; }\n',
    });
    assert.deepEqual(r.of('handler-without-role-type'), []);
  });
});

describe('handler-table-mismatch', () => {
  test('reports a function declared with one role but assigned to another role\'s field (role type from a header)', async () => {
    const r = await check({
      'table.c': 'VOID Fill(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H) {\n    H->CmCloseCallHandler = CmMakeCall;\n}\n',
      'cm.h': 'PROTOCOL_CM_MAKE_CALL CmMakeCall;\n',
    });
    const [f] = r.of('handler-table-mismatch');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'H->CmCloseCallHandler = CmMakeCall');
    assert.equal(f.severityName, 'warning');
    assert.match(f.message, /declared `PROTOCOL_CM_MAKE_CALL` \(cm\.h\) but assigned to `CmCloseCallHandler`, which NDIS calls as ProtocolCmCloseCall/);
  });

  test('reports an NDIS 5 handler defined with fewer parameters than its field\'s callback', async () => {
    const src = `
NDIS_STATUS LegacyCloseCall(IN NDIS_HANDLE CallMgrVcContext, IN PVOID CloseData OPTIONAL, IN UINT Size OPTIONAL)
{
    return NDIS_STATUS_SUCCESS;
}
VOID Fill(OUT PNDIS_CALL_MANAGER_CHARACTERISTICS Cm) { Cm->CmCloseCallHandler = LegacyCloseCall; }`;
    const r = await check(src);
    const [f] = r.of('handler-table-mismatch');
    // At the entry, where the mistake is (issue 12, point 6), naming the definition.
    assert.equal(r.text.slice(f.start, f.end), 'Cm->CmCloseCallHandler = LegacyCloseCall');
    assert.match(f.message, /with 4 arguments \(CallMgrVcContext, CallMgrPartyContext, CloseData, Size\), but it is defined with 3 \(line 2\)/);
  });

  test('reports a stand-alone call manager\'s table that leaves entries out, as an error', async () => {
    const src = `${cmTable(CM_FIELDS.filter((f) => f !== 'CmAddPartyHandler' && f !== 'CmDropPartyHandler'))}${CM_REGISTRATION}`;
    const r = await check(src);
    const [f] = r.of('handler-table-mismatch');
    assert.equal(r.text.slice(f.start, f.end), 'ExCmHandlers');
    assert.equal(f.severityName, 'error');
    assert.match(f.message, /leaves `CmAddPartyHandler`, `CmDropPartyHandler` unset, but a stand-alone call manager \(it calls `NdisCmRegisterAddressFamilyEx` at line \d+\)/);
  });

  test('reports NULL entries, and fields left out of a table filled by assignments, with the role from another file', async () => {
    const r = await check({
      'cm/register.c': `
VOID CmSetHandlers(NDIS_HANDLE DriverHandle)
{
    NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H;
    NdisZeroMemory(&H, sizeof(H));
${CM_FIELDS.filter((f) => f !== 'CmModifyCallQoSHandler').map((f) => `    H.${f} = ${f === 'CmOidRequestCompleteHandler' ? 'NULL' : handlerFor(f)};`).join('\n')}
    (VOID)NdisSetOptionalHandlers(DriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&H);
}`,
      'cm/bind.c': CM_REGISTRATION,
    });
    const found = r.of('handler-table-mismatch');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /leaves `CmModifyCallQoSHandler` unset.*bind\.c calls `NdisCmRegisterAddressFamilyEx`/);
    assert.match(found[1].message, /`CmOidRequestCompleteHandler` is NULL/);
    assert.equal(r.text.slice(found[1].start, found[1].end), 'NULL');
  });

  test('does not report matching roles and parameter lists, including one VC handler in both the client and CM fields', async () => {
    const src = `
PROTOCOL_CO_CREATE_VC CoCreateVc;
NDIS_STATUS CoCreateVc(NDIS_HANDLE, NDIS_HANDLE, PNDIS_HANDLE);
NDIS_STATUS CoCreateVc(NDIS_HANDLE Af, NDIS_HANDLE Vc, PNDIS_HANDLE Ctx) { return NDIS_STATUS_SUCCESS; }
NDIS_STATUS LegacyDeleteVc(IN NDIS_HANDLE ProtocolVcContext) { return NDIS_STATUS_SUCCESS; }
NDIS_CO_CLIENT_OPTIONAL_HANDLERS Cl = { .ClCreateVcHandler = CoCreateVc, .ClDeleteVcHandler = LegacyDeleteVc };
VOID Fill(NDIS_CALL_MANAGER_CHARACTERISTICS *Cm) { Cm->CmCreateVcHandler = CoCreateVc; Cm->CmDeleteVcHandler = LegacyDeleteVc; }`;
    assert.deepEqual((await check(src)).of('handler-table-mismatch'), []);
  });

  test('does not report a complete table, nor an incomplete one in a miniport call manager', async () => {
    assert.deepEqual((await check(`${cmTable()}${CM_REGISTRATION}`)).of('handler-table-mismatch'), []);
    assert.deepEqual((await check(`${cmTable(['CmCloseCallHandler'])}${MCM_REGISTRATION}`)).of('handler-table-mismatch'), []);
  });

  test('does not report a table that a helper fills, or one copied from a template', async () => {
    const src = `
VOID CmSetHandlers(NDIS_HANDLE DriverHandle)
{
    NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H = { 0 };
    H.CmCloseCallHandler = ExCmCloseCall;
    CmFillRemainingHandlers(&H);
    (VOID)NdisSetOptionalHandlers(DriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&H);
}
NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS Copy = CmTemplate;
${CM_REGISTRATION}`;
    assert.deepEqual((await check(src)).of('handler-table-mismatch'), []);
  });
});
