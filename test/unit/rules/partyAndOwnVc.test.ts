// party-handle-mismatch on the VC's own context or handle passed as the party handle, and missing-vc-delete when the
// only delete of a VC the call manager created runs before the call leading to its close completion (or before the
// completion itself): each directly and through a completion macro of the workspace.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';
import { CM_HEADER, CM_REGISTRATION } from './ruleTestKit';

const at = (text: string, f: { start: number; end: number }) => text.slice(f.start, f.end);
const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
const lineOf = (text: string, needle: string) => lineAt(text, text.indexOf(needle));

/** A close completion with `party` as the party handle: a plain call, or the same through a header macro. */
const complete = (party: string, macro: boolean) => macro ? `    CM_COMPLETE_CLOSE(Vc, NDIS_STATUS_SUCCESS, ${party});` : `    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, ${party});`;
const MACRO_H = `#define CM_COMPLETE_CLOSE(_Vc, _S, _P) NdisCmCloseCallComplete((_S), (_Vc)->NdisVcHandle, (_P))
#define CM_COMPLETE_CLOSE_VC(_Vc, _S) NdisCmCloseCallComplete((_S), (_Vc)->NdisVcHandle, (_Vc))
`;

/** A helper (not a handler) that finishes a close: nothing tells it whether the call is multipoint. */
const retire = (line: string) => ({
  'retire.c': `${CM_HEADER}#include "cm.h"
VOID CmRetireVc(PCM_VC Vc)
{
${line}
}
${CM_REGISTRATION}`,
  'cm.h': MACRO_H,
});

/** A close-call handler completing synchronously with `line`. */
const handler = (line: string) => ({
  'close.c': `${CM_HEADER}#include "cm.h"
NDIS_STATUS CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    NDIS_HANDLE Ctx = CallMgrVcContext;
${line}
    return NDIS_STATUS_PENDING;
}
${CM_REGISTRATION}`,
  'cm.h': MACRO_H,
});

describe('party-handle-mismatch: the VC itself passed as the party handle', () => {
  for (const macro of [false, true]) {
    const how = macro ? 'through a workspace macro' : 'directly';
    test(`the VC context, in a helper that is not a handler, ${how}`, async () => {
      const r = await check(retire(complete('Vc', macro)));
      const [f, more] = r.of('party-handle-mismatch');
      assert.ok(f, 'reported');
      assert.equal(more, undefined);
      assert.equal(at(r.text, f), 'Vc');
      assert.equal(lineAt(r.text, f.start), lineOf(r.text, macro ? 'CM_COMPLETE_CLOSE(' : 'NdisCmCloseCallComplete('));
      assert.match(f.message, /passes `Vc` as the party handle, but that is the VC's context/);
      if (macro) assert.match(f.message, /through `CM_COMPLETE_CLOSE`, defined at cm\.h:1/);
    });

    test(`the handler's CallMgrVcContext (or a copy), and the VC handle itself, ${how}`, async () => {
      for (const party of ['CallMgrVcContext', 'Ctx', '(NDIS_HANDLE)Vc', 'Vc->NdisVcHandle']) {
        const r = await check(handler(complete(party, macro)));
        assert.equal(r.of('party-handle-mismatch').length, 1, party);
      }
    });

    test(`a party handle, NULL or the party context is not reported, ${how}`, async () => {
      for (const party of ['NULL', 'Vc->NdisPartyHandle', 'CallMgrPartyContext']) {
        assert.deepEqual((await check(retire(complete(party, macro)))).of('party-handle-mismatch'), [], party);
      }
      assert.deepEqual((await check(handler(complete('NULL', macro)))).of('party-handle-mismatch'), []);
    });
  }

  test('the VC context substituted into the macro body for its party handle: reported at the use, the fix not offered', async () => {
    const r = await check(retire('    CM_COMPLETE_CLOSE_VC(Vc, NDIS_STATUS_SUCCESS);'));
    const [f] = r.of('party-handle-mismatch');
    assert.ok(f);
    assert.equal(lineAt(r.text, f.start), lineOf(r.text, 'CM_COMPLETE_CLOSE_VC('));
    assert.equal(f.fixes, undefined, 'no edit: the argument is also the VC whose handle is passed');
  });

  test('neutral: the direct call and the macro give the same finding on the same line', async () => {
    const direct = await check(retire(complete('Vc', false)));
    const macro = await check(retire(complete('Vc', true)));
    assert.equal(direct.of('party-handle-mismatch').length, macro.of('party-handle-mismatch').length);
    assert.equal(lineAt(direct.text, direct.of('party-handle-mismatch')[0].start), lineAt(macro.text, macro.of('party-handle-mismatch')[0].start));
  });
});

/** A call manager that creates a VC for an incoming call and retires it when the line goes down. */
const INCOMING = `${CM_HEADER}
NDIS_STATUS CmOfferIncomingCall(NDIS_HANDLE Binding, NDIS_HANDLE Af, PCM_VC Vc)
{
    return NdisCoCreateVc(Binding, Af, Vc, &Vc->NdisVcHandle);
}

VOID CmDeleteOwnVc(PCM_VC pVc)
{
    if (NdisCoDeleteVc(pVc->NdisVcHandle) == NDIS_STATUS_SUCCESS) {
        pVc->NdisVcHandle = NULL;
    }
}
${CM_REGISTRATION}`;

/** The function completing the close (directly or through the macro), and a caller that may delete before or after. */
const lineDown = (macro: boolean, caller: string) => ({
  'close.c': `${CM_HEADER}#include "cm.h"
VOID CmDeleteOwnVc(PCM_VC pVc);

VOID CmCloseDone(PCM_VC Vc)
{
${macro ? '    CM_COMPLETE_CLOSE(Vc, NDIS_STATUS_SUCCESS, NULL);' : '    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);'}
}

VOID CmLineDown(PCM_VC Vc)
{
${caller}
}
`,
  'incoming.c': INCOMING,
  'cm.h': MACRO_H,
});

const DELETE_FIRST = `    if (!Vc->CreatedByCm) {
        CmDeleteOwnVc(Vc);      /* never offered: nothing to close */
        return;
    }
    CmCloseDone(Vc);`;
const DELETE_AFTER = `    CmCloseDone(Vc);
    if (Vc->CreatedByCm) {
        CmDeleteOwnVc(Vc);
    }`;

describe('missing-vc-delete: the delete must come after the completion', () => {
  for (const macro of [false, true]) {
    const how = macro ? 'through a workspace macro' : 'directly';
    test(`a caller's delete on another path before its call leading to the completion does not count, ${how}`, async () => {
      const r = await check(lineDown(macro, DELETE_FIRST));
      const [f] = r.of('missing-vc-delete');
      assert.ok(f, 'reported');
      assert.equal(lineAt(r.text, f.start), lineOf(r.text, macro ? 'CM_COMPLETE_CLOSE(' : 'NdisCmCloseCallComplete('));
      assert.match(f.message, /nothing deletes it afterwards/);
    });

    test(`a caller deleting after its call leading to the completion is not reported, ${how}`, async () => {
      assert.deepEqual((await check(lineDown(macro, DELETE_AFTER))).of('missing-vc-delete'), []);
    });

    test(`a delete just before the completion is vc-used-after-delete, not a missing delete, ${how}`, async () => {
      const files = {
        'close.c': `${CM_HEADER}#include "cm.h"
VOID CmCloseDone(PCM_VC Vc)
{
    if (Vc->CreatedByCm) {
        (VOID)NdisCoDeleteVc(Vc->NdisVcHandle);
    }
${complete('NULL', macro)}
}
`,
        'incoming.c': INCOMING,
        'cm.h': MACRO_H,
      };
      const r = await check(files);
      assert.deepEqual(r.of('missing-vc-delete'), []);
      assert.equal(r.of('vc-used-after-delete').length, 1);
    });
  }

  test('neutral: the direct completion and the macro give the same findings', async () => {
    for (const caller of [DELETE_FIRST, DELETE_AFTER]) {
      const a = (await check(lineDown(false, caller))).of('missing-vc-delete').length;
      const b = (await check(lineDown(true, caller))).of('missing-vc-delete').length;
      assert.equal(a, b);
    }
  });
});
