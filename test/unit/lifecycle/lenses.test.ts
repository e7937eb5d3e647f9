// Lenses from the lifecycle models, and the work they cost: one model build per driver state, none for a second ask
// or a resolve, and an edit rebuilds its own driver's model only (counted, never timed).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createServices, type Services } from '../../../server/src/services';
import { Validator } from '../../../server/src/validation';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { LifecycleModels } from '../../../server/src/features/lifecycle/models';
import { provideCodeLenses, resolveCodeLens } from '../../../server/src/features/codeLens';
import { endingRuns } from '../../../server/src/features/lifecycle/endings';
import { CM_HEADER, CM_REGISTRATION } from '../rules/ruleTestKit';
import { ROOT } from '../helpers';

const CALL_C = `${CM_HEADER}
NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    return NDIS_STATUS_PENDING;
}
${CM_REGISTRATION}`;
const VC_C = `${CM_HEADER}
VOID Finish(NDIS_STATUS Status, PCM_VC Vc)
{
    NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
}
`;

describe('lifecycle lenses', () => {
  let s: Services;
  let models: LifecycleModels;
  let validator: Validator;
  before(async () => {
    s = await createServices(join(ROOT, 'dist'));
    validator = new Validator(s, () => DEFAULT_SETTINGS, 'file:///docs', undefined, () => undefined);
    models = new LifecycleModels(s, { analysis: (d) => validator.analysis(d), diagnostics: (d) => validator.diagnostics(d), readText: () => undefined });
    for (const [uri, text] of [['file:///a/call.c', CALL_C], ['file:///a/vc.c', VC_C], ['file:///b/call.c', CALL_C.replace(/CmCloseCall/g, 'BCloseCall')]]) {
      validator.diagnostics(s.documents.open(uri, 'c', 1, text)); // puts its summary in the index
    }
  });
  const lensesOf = (uri: string) => {
    const doc = s.documents.get(uri)!;
    const list = provideCodeLenses(doc, validator.analysis(doc), models.forUri(uri));
    return { list, resolved: list.map((l) => resolveCodeLens(l, models.forUri(uri), s.lifecycle, (u) => u)) };
  };

  test('the list carries no command; resolve gives the title and the locations', () => {
    const { list, resolved } = lensesOf('file:///a/call.c');
    assert.equal(list.length, 1);
    assert.equal(list[0].command, undefined);
    assert.equal(resolved[0].command?.title, `ProtocolCmCloseCall · pends → completed by NdisCmCloseCallComplete in Finish (vc.c:${VC_C.split('\n').findIndex((l) => l.includes('NdisCmCloseCallComplete')) + 1})`);
    assert.deepEqual((resolved[0].command?.arguments?.[2] as { uri: string }[]).map((l) => l.uri), ['file:///a/vc.c']);
    const other = lensesOf('file:///a/vc.c').resolved;
    assert.deepEqual(other.map((l) => l.command?.title), [`completes CmCloseCall (call.c:${CALL_C.split('\n').findIndex((l) => l.startsWith('CmCloseCall(')) + 1})`]);
  });

  test('one build per driver state: asking again and resolving build nothing; an edit keeping the facts builds nothing', () => {
    models.forUri('file:///a/call.c');
    models.forUri('file:///b/call.c');
    const start = models.builds;
    const flows = endingRuns.n;
    lensesOf('file:///a/call.c');
    lensesOf('file:///a/vc.c');
    models.forUri('file:///b/call.c');
    assert.equal(models.builds, start, 'nothing changed: nothing built');
    // A comment typed into a.c keeps its semantic key: no model is built, and the places follow the new line.
    const line = CALL_C.split('\n').findIndex((l) => l.startsWith('CmCloseCall(')) + 1;
    const doc = s.documents.change('file:///a/call.c', 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// note\n' }])!;
    validator.diagnostics(doc);
    lensesOf('file:///a/call.c');
    lensesOf('file:///a/vc.c');
    models.forUri('file:///b/call.c');
    assert.equal(models.builds, start);
    assert.equal(endingRuns.n, flows, 'the handler\'s text and the cross-file facts are unchanged: its flow is not run again');
    assert.equal(lensesOf('file:///a/vc.c').resolved[0].command?.title, `completes CmCloseCall (call.c:${line + 1})`);
    assert.equal(lensesOf('file:///a/call.c').list[0].range.start.line, line);
    // Lines typed inside the completing function, above its completion call: that item is read again (same facts,
    // other text); still no build, and the completion's place is read from the new text.
    const vc = s.documents.get('file:///a/vc.c')!;
    const call = VC_C.split('\n').findIndex((l) => l.includes('NdisCmCloseCallComplete'));
    s.documents.change(vc.clientUri, 2, [{ range: { start: { line: call, character: 0 }, end: { line: call, character: 0 } }, text: '    /* first */\n    /* then */\n' }]);
    validator.diagnostics(vc);
    const [title] = lensesOf('file:///a/call.c').resolved.map((l) => l.command?.title);
    assert.equal(title, `ProtocolCmCloseCall · pends → completed by NdisCmCloseCallComplete in Finish (vc.c:${call + 3})`);
    assert.equal(models.builds, start);
  });

  test('an edit that removes the completion changes the handler\'s lens and drops the completing function\'s', () => {
    const doc = s.documents.get('file:///a/vc.c')!;
    const line = VC_C.split('\n').findIndex((l) => l.includes('NdisCmCloseCallComplete'));
    const built = models.builds;
    s.documents.change(doc.clientUri, 4, [{ range: { start: { line: line + 2, character: 0 }, end: { line: line + 3, character: 0 } }, text: '' }]);
    validator.diagnostics(doc);
    assert.deepEqual(lensesOf('file:///a/call.c').resolved.map((l) => l.command?.title), ['ProtocolCmCloseCall · pends · no completion found']);
    assert.deepEqual(lensesOf('file:///a/vc.c').list, []);
    assert.equal(models.builds, built + 1, 'a completion removed changes the semantic key: the driver\'s model is built again, once');
  });
});
