// Navigation over the lifecycle model (navigate.ts): implementation from a handler or its PENDING return, definition
// only on completion calls, references with and without the definition.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../../server/src/catalog/index';
import { createLifecycle } from '../../../server/src/catalog/lifecycle';
import { definitions, implementations, references } from '../../../server/src/features/navigation/navigate';
import type { HandlerInfo, Place } from '../../../server/src/features/lifecycle/types';

const catalog = createCatalog();
const lifecycle = createLifecycle(catalog);
const at = (line: number, uri = 'file:///d/call.c'): Place => ({ uri, range: { start: { line, character: 4 }, end: { line, character: 9 } } });
const close: HandlerInfo = {
  name: 'MyCloseCall', role: 'PROTOCOL_CM_CLOSE_CALL', conventional: 'ProtocolCmCloseCall', definition: at(10),
  registrations: [at(3, 'file:///d/driver.c')], pendable: true, ending: 'pends',
  completions: [{ callee: 'NdisCmCloseCallComplete', caller: 'MyDone', place: at(40) }, { callee: 'NdisCmCloseCallComplete', caller: 'MyDone', place: at(40) }],
  findings: [],
};
const createVc: HandlerInfo = { ...close, name: 'MyCreateVc', role: 'PROTOCOL_CO_CREATE_VC', pendable: false, ending: 'not-pendable', completions: [], definition: at(60) };
const model = { handlers: [close, createVc] };
const loc = (p: Place) => ({ uri: p.uri, range: p.range });

describe('navigation over the model', () => {
  test('implementation from the handler\'s name or its PENDING return: the completion calls, once each', () => {
    assert.deepEqual(implementations({ kind: 'name', name: 'MyCloseCall', start: 0, end: 1 }, model), [loc(at(40))]);
    assert.deepEqual(implementations({ kind: 'pending', fn: 'MyCloseCall', start: 0, end: 1 }, model), [loc(at(40))]);
  });

  test('implementation on a handler that cannot pend, or any other name: nothing', () => {
    assert.equal(implementations({ kind: 'name', name: 'MyCreateVc', start: 0, end: 1 }, model), null);
    assert.equal(implementations({ kind: 'name', name: 'MyHelper', start: 0, end: 1 }, model), null);
  });

  test('definition only on a completion call: the handlers it completes; the MCM spelling completes the same role', () => {
    assert.deepEqual(definitions({ kind: 'completion', callee: 'NdisCmCloseCallComplete', caller: 'MyDone', start: 0, end: 1 }, model, lifecycle, catalog), [loc(at(10))]);
    assert.deepEqual(definitions({ kind: 'completion', callee: 'NdisMCmCloseCallComplete', caller: 'Other', start: 0, end: 1 }, model, lifecycle, catalog), [loc(at(10))]);
    assert.equal(definitions({ kind: 'completion', callee: 'NdisCmMakeCallComplete', caller: 'MyDone', start: 0, end: 1 }, model, lifecycle, catalog), null);
    assert.equal(definitions({ kind: 'name', name: 'MyCloseCall', start: 0, end: 1 }, model, lifecycle, catalog), null);
  });

  test('references: registrations and completions; the definition with includeDeclaration', () => {
    const t = { kind: 'name' as const, name: 'MyCloseCall', start: 0, end: 1 };
    assert.deepEqual(references(t, model, false), [loc(at(3, 'file:///d/driver.c')), loc(at(40))]);
    assert.deepEqual(references(t, model, true), [loc(at(10)), loc(at(3, 'file:///d/driver.c')), loc(at(40))]);
    assert.equal(references({ kind: 'name', name: 'MyHelper', start: 0, end: 1 }, model, true), null);
  });
});
