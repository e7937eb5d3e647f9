// The rules see through macros defined in the workspace: a completion, a status, a spin lock or an NdisMCm name
// wrapped in the driver's own macro is checked at the macro's use, and the finding names the macro and its definition.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';
import { assertFixRoundTrip, CM_HEADER, CM_REGISTRATION } from './ruleTestKit';

const MACROS_H = `
#define FOO_COMPLETE_CLOSE(_Vc, _S) NdisCmCloseCallComplete((_S), (_Vc)->NdisVcHandle, NULL)
#define FOO_CLOSE_DONE(_Vc) do { \\
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, (_Vc)->NdisVcHandle, NULL); \\
    (_Vc)->CreatedByCm = 0; \\
} while (0)
#define FOO_PENDING NDIS_STATUS_PENDING
#define FOO_SUCCESS NDIS_STATUS_SUCCESS
`;

/** A close-call handler whose body is `body`, with the macros defined in the same file. */
const handler = (body: string, macros = MACROS_H) => `${CM_HEADER}${macros}
NDIS_STATUS CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
${body}
}
${CM_REGISTRATION}`;

const at = (text: string, f: { start: number; end: number }) => text.slice(f.start, f.end);
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('macros: firing', () => {
  test('complete-with-pending: NDIS_STATUS_PENDING passed to a completion macro, reported at the argument with the macro named', async () => {
    const r = await check(handler('    FOO_COMPLETE_CLOSE(Vc, NDIS_STATUS_PENDING);\n    return NDIS_STATUS_PENDING;'));
    const [f] = r.of('complete-with-pending');
    assert.ok(f, 'reported');
    assert.equal(at(r.text, f), 'NDIS_STATUS_PENDING');
    assert.match(f.message, new RegExp(`through \`FOO_COMPLETE_CLOSE\`, defined at line ${lineOf(r.text, '#define FOO_COMPLETE_CLOSE')}\\)`));
    assert.ok(f.fixes?.length, 'the argument at the use is the user\'s own: the fix is offered');
  });

  test('complete-with-pending: the fix at the use site round-trips', async () => {
    await assertFixRoundTrip({ 'driver.c': handler('    FOO_COMPLETE_CLOSE(Vc, NDIS_STATUS_PENDING);\n    return NDIS_STATUS_PENDING;') }, 'complete-with-pending');
  });

  test('complete-with-pending through an object-like status macro at the use site', async () => {
    const r = await check(handler('    FOO_COMPLETE_CLOSE(Vc, FOO_PENDING);\n    return NDIS_STATUS_PENDING;'));
    const [f] = r.of('complete-with-pending');
    assert.ok(f);
    assert.equal(at(r.text, f), 'FOO_PENDING');
  });

  test('a fix that would edit the macro body is not offered: the finding says so and offers to open the definition', async () => {
    const macros = `${MACROS_H}#define FOO_PEND_CLOSE(_Vc) NdisCmCloseCallComplete(NDIS_STATUS_PENDING, (_Vc)->NdisVcHandle, NULL)\n`;
    const r = await check(handler('    FOO_PEND_CLOSE(Vc);\n    return NDIS_STATUS_PENDING;', macros));
    const [f] = r.of('complete-with-pending');
    assert.ok(f);
    assert.equal(at(r.text, f), 'FOO_PEND_CLOSE(Vc)');
    assert.equal(f.fixes, undefined, 'no edit inside the macro');
    assert.match(f.message, /The fix would have to change `FOO_PEND_CLOSE` itself/);
    assert.deepEqual(f.opens?.map((o) => [o.title, o.line]), [['Open the definition of FOO_PEND_CLOSE', lineOf(r.text, '#define FOO_PEND_CLOSE')]]);
  });

  test('double-completion: a do/while(0) completion macro after a completion macro', async () => {
    const r = await check(handler('    FOO_COMPLETE_CLOSE(Vc, NDIS_STATUS_SUCCESS);\n    FOO_CLOSE_DONE(Vc);\n    return NDIS_STATUS_PENDING;'));
    const [f] = r.of('double-completion');
    assert.ok(f);
    assert.equal(at(r.text, f), 'FOO_CLOSE_DONE(Vc)');
    assert.match(f.message, /through `FOO_CLOSE_DONE`/);
  });

  test('double-completion: the same do/while(0) macro used twice; once is fine', async () => {
    const twice = await check(handler('    FOO_CLOSE_DONE(Vc);\n    FOO_CLOSE_DONE(Vc);\n    return NDIS_STATUS_PENDING;'));
    assert.equal(twice.of('double-completion').length, 1);
    const once = await check(handler('    FOO_CLOSE_DONE(Vc);\n    return NDIS_STATUS_PENDING;'));
    assert.deepEqual(once.of('double-completion'), []);
  });

  test('double-completion: completing, then returning a status macro that is a final status', async () => {
    const r = await check(handler('    FOO_CLOSE_DONE(Vc);\n    return FOO_SUCCESS;'));
    const [f] = r.of('double-completion');
    assert.ok(f);
    assert.equal(at(r.text, f), 'return FOO_SUCCESS;');
    await assertFixRoundTrip({ 'driver.c': handler('    FOO_CLOSE_DONE(Vc);\n    return FOO_SUCCESS;') }, 'double-completion');
    // FOO_PENDING is PENDING: completing and returning it is the accepted shape.
    assert.deepEqual((await check(handler('    FOO_CLOSE_DONE(Vc);\n    return FOO_PENDING;'))).of('double-completion'), []);
  });

  test('irql-passive-only: a lock macro held across a PASSIVE_LEVEL-only call', async () => {
    const src = (unlockFirst: boolean) => `
#define FOO_LOCK(_a) NdisAcquireSpinLock(&(_a)->Lock)
#define FOO_UNLOCK(_a) NdisReleaseSpinLock(&(_a)->Lock)
typedef struct _ADAPTER { NDIS_SPIN_LOCK Lock; NDIS_HANDLE Binding; NDIS_HANDLE AfHandle; } ADAPTER, *PADAPTER;
NDIS_STATUS OpenAf(PADAPTER A, PCO_ADDRESS_FAMILY Af)
{
    NDIS_STATUS Status;
    FOO_LOCK(A);
${unlockFirst ? '    FOO_UNLOCK(A);\n' : ''}    Status = NdisClOpenAddressFamilyEx(A->Binding, Af, A, &A->AfHandle);
${unlockFirst ? '' : '    FOO_UNLOCK(A);\n'}    return Status;
}`;
    const r = await check(src(false));
    const [f] = r.of('irql-passive-only');
    assert.ok(f);
    assert.equal(at(r.text, f), 'NdisClOpenAddressFamilyEx');
    assert.match(f.message, new RegExp(`NdisAcquireSpinLock\` at line ${lineOf(r.text, 'FOO_LOCK(A);')}\\)`));
    assert.deepEqual((await check(src(true))).of('irql-passive-only'), [], 'released before the call');
  });

  test('mcm-api-in-protocol: a stand-alone call manager whose macro spells NdisMCmCloseCallComplete', async () => {
    const macros = '#define FOO_MCM_DONE(_Vc) NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, (_Vc)->NdisVcHandle, NULL)\n';
    const r = await check({ 'cm/close.c': handler('    FOO_MCM_DONE(Vc);\n    return NDIS_STATUS_PENDING;', macros) });
    const [f] = r.of('mcm-api-in-protocol');
    assert.ok(f);
    assert.equal(at(r.text, f), 'FOO_MCM_DONE');
    assert.match(f.message, /`NdisMCmCloseCallComplete` is for miniport call managers.*through `FOO_MCM_DONE`/s);
    assert.equal(f.fixes, undefined, 'renaming the macro at its use would not fix it');
    assert.equal(f.opens?.length, 1);
    // A macro spelling the stand-alone name is right in a stand-alone call manager.
    const fine = await check({ 'cm/close.c': handler('    FOO_CLOSE_DONE(Vc);\n    return NDIS_STATUS_PENDING;') });
    assert.deepEqual(fine.of('mcm-api-in-protocol'), []);
  });

  test('a macro defined in a header in another folder is named with its file and line', async () => {
    const r = await check({
      'src/close.c': handler('    FOO_COMPLETE_CLOSE(Vc, NDIS_STATUS_PENDING);\n    return NDIS_STATUS_PENDING;', ''),
      'include/foo.h': MACROS_H,
    });
    const [f] = r.of('complete-with-pending');
    assert.ok(f);
    assert.match(f.message, new RegExp(`through \`FOO_COMPLETE_CLOSE\`, defined at foo.h:${lineOf(MACROS_H, '#define FOO_COMPLETE_CLOSE')}\\)`));
  });
});

describe('macros: not firing', () => {
  const pends = handler('    NdisQueueIoWorkItem(Vc->CloseWork, CmCloseWork, Vc);\n    return NDIS_STATUS_PENDING;', '');
  const worker = (complete: string) => `${CM_HEADER}
NDIS_IO_WORKITEM_ROUTINE CmCloseWork;
VOID CmCloseWork(PVOID Context, NDIS_HANDLE WorkItem)
{
    PCM_VC Vc = (PCM_VC)Context;
    ${complete}
}
`;

  test('missing-completion: the only completion is in a macro from a header in another folder, used in another file', async () => {
    const r = await check({ 'src/close.c': pends, 'src/work.c': worker('FOO_COMPLETE_CLOSE(Vc, NDIS_STATUS_SUCCESS);'), 'include/foo.h': MACROS_H });
    assert.deepEqual(r.of('missing-completion'), []);
    // Without the use, the request is never completed: the rule still fires.
    const none = await check({ 'src/close.c': pends, 'src/work.c': worker('Vc->CreatedByCm = 0;'), 'include/foo.h': MACROS_H });
    assert.equal(none.of('missing-completion').length, 1);
  });

  test('missing-completion: a completion macro used in the same file counts', async () => {
    const r = await check({ 'src/close.c': `${pends}\n${worker('FOO_CLOSE_DONE(Vc);').replace(CM_HEADER, '')}`, 'include/foo.h': MACROS_H });
    assert.deepEqual(r.of('missing-completion'), []);
  });

  test('a status macro that is PENDING returned by a handler that queued its completion is fine', async () => {
    const r = await check({ 'src/close.c': pends.replace('return NDIS_STATUS_PENDING', 'return FOO_PENDING'), 'src/work.c': worker('FOO_CLOSE_DONE(Vc);'), 'include/foo.h': MACROS_H });
    assert.deepEqual(r.findings.filter((f) => f.rule !== 'missing-deactivate-vc').map((f) => f.rule), []);
  });
});

describe('macros: neutral refactor', () => {
  test('the same driver with completions written out and through macros has the same findings', async () => {
    const bodies = [
      ['    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n    return NDIS_STATUS_PENDING;',
        '    FOO_COMPLETE_CLOSE(Vc, NDIS_STATUS_SUCCESS);\n    return NDIS_STATUS_PENDING;'],
      ['    if (Vc->CreatedByCm) {\n        NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n        return NDIS_STATUS_PENDING;\n    }\n    return NDIS_STATUS_SUCCESS;',
        '    if (Vc->CreatedByCm) {\n        FOO_CLOSE_DONE(Vc);\n        return FOO_PENDING;\n    }\n    return FOO_SUCCESS;'],
    ];
    for (const [plain, wrapped] of bodies) {
      const a = await check({ 'src/close.c': handler(plain, ''), 'include/foo.h': MACROS_H });
      const b = await check({ 'src/close.c': handler(wrapped, ''), 'include/foo.h': MACROS_H });
      const key = (r: typeof a) => r.findings.map((f) => `${f.rule}@${r.text.slice(0, f.start).split('\n').length}`).sort();
      assert.deepEqual(key(b), key(a), wrapped);
      assert.deepEqual(a.findings.filter((f) => f.rule !== 'missing-deactivate-vc').map((f) => f.rule), [], 'a correct handler');
    }
  });

  test('macros that mention nothing the rules read, and uses of undefined names, change nothing', async () => {
    const plain = handler('    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n    return NDIS_STATUS_PENDING;', '');
    const noisy = handler('    DBG_TRACE(("close %p", Vc));\n    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n    UNDEFINED_THING(Vc);\n    return NDIS_STATUS_PENDING;',
      '#define DBG_TRACE(_x) DbgPrint _x\n');
    const a = await check(plain);
    const b = await check(noisy);
    assert.deepEqual(b.findings.map((f) => f.rule).sort(), a.findings.map((f) => f.rule).sort());
  });
});
