// What the "CoNDIS Driver" view shows (client/src/driverTree.ts) for hand-written condis/driverModel answers: the
// driver's kind and evidence, its tables, each handler with its role and how its request ends, and places to open.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { driverTree, type DriverNode } from '../../../client/src/driverTree';
import { at, handler, model } from './lifecycleFixtures';

const find = (nodes: DriverNode[], label: string): DriverNode | undefined => {
  for (const n of nodes) {
    if (n.label === label) return n;
    const inside = find(n.children, label);
    if (inside) return inside;
  }
  return undefined;
};
const handlersOf = (nodes: DriverNode[]) => find(nodes, 'Handlers')!.children;
const all = (nodes: DriverNode[]): DriverNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);

describe('driver view', () => {
  test('shows one driver, expanded, with its kind and the registration that decided it, at its place', () => {
    const tree = driverTree(model([handler()]));
    assert.equal(tree.length, 1);
    assert.deepEqual({ label: tree[0].label, description: tree[0].description, expanded: tree[0].expanded },
      { label: 'cm', description: 'stand-alone call manager', expanded: true });
    const evidence = find(tree, 'NdisCmRegisterAddressFamilyEx')!;
    assert.equal(evidence.description, 'callManagerAf.c:41');
    assert.deepEqual(evidence.place, at('callManagerAf.c', 40, 4));
  });

  test('says where a pended request is completed, with each completion call as an entry that opens it', () => {
    const [h] = handlersOf(driverTree(model([handler()])));
    assert.equal(h.label, 'CmCloseCall');
    assert.equal(h.description, 'ProtocolCmCloseCall · completed in CmCloseCallWorker, CmDeactivateVcComplete');
    assert.equal(h.icon, 'completed');
    assert.deepEqual(h.place, at('callManager.c', 121));
    const completions = h.children.filter((c) => c.icon === 'completion');
    assert.deepEqual(completions.map((c) => [c.label, c.description]), [
      ['CmCloseCallWorker', 'callManager.c:168 · NdisCmCloseCallComplete'],
      ['CmDeactivateVcComplete', 'callManagerVc.c:78 · NdisCmCloseCallComplete'],
    ]);
    assert.deepEqual(completions[0].place, at('callManager.c', 167, 4));
    const viaMacro = handlersOf(driverTree(model([handler({ completions: [{ callee: 'NdisCmCloseCallComplete', caller: 'CmFinish', via: 'CM_COMPLETE_CLOSE', place: at('vc.c', 9) }] })])))[0];
    assert.equal(viaMacro.children[0].description, 'vc.c:10 · NdisCmCloseCallComplete through CM_COMPLETE_CLOSE');
    assert.deepEqual(h.children.filter((c) => c.icon === 'registration').map((c) => c.description), ['callManager.c:30']);
  });

  test('says when a pended request has no completion, opens that handler and counts it on the group', () => {
    const tree = driverTree(model([handler({ completions: [], findings: [{ rule: 'missing-completion', message: 'CmCloseCall returns NDIS_STATUS_PENDING but nothing completes it.', place: at('callManager.c', 142, 4) }] })]));
    const [h] = handlersOf(tree);
    assert.equal(h.description, 'ProtocolCmCloseCall · pends · no completion found');
    assert.equal(h.icon, 'no-completion');
    assert.equal(h.expanded, true);
    const finding = h.children.find((c) => c.icon === 'finding')!;
    assert.deepEqual([finding.label, finding.description], ['missing-completion', 'CmCloseCall returns NDIS_STATUS_PENDING but nothing completes it.']);
    assert.deepEqual(finding.place, at('callManager.c', 142, 4));
    assert.equal(find(tree, 'Handlers')!.description, '1 · 1 pending without completion');
  });

  test('tells a synchronous ending, an undetermined one and a handler that cannot pend apart, listing those that can pend first', () => {
    const tree = driverTree(model([
      handler({ name: 'CmCreateVc', role: 'PROTOCOL_CO_CREATE_VC', conventional: 'ProtocolCoCreateVc', pendable: false, ending: 'not-pendable', completions: [] }),
      handler({ name: 'CmOpenAf', role: 'PROTOCOL_CM_OPEN_AF', conventional: 'ProtocolCmOpenAf', ending: 'sync', completions: [] }),
      handler({ name: 'CmMakeCall', role: 'PROTOCOL_CM_MAKE_CALL', conventional: undefined, ending: 'unknown', completions: [] }),
    ]));
    assert.deepEqual(handlersOf(tree).map((h) => [h.label, h.description, h.icon]), [
      ['CmOpenAf', 'ProtocolCmOpenAf · completes synchronously', 'sync'],
      ['CmMakeCall', 'PROTOCOL_CM_MAKE_CALL · completion not determined', 'unknown'],
      ['CmCreateVc', 'ProtocolCoCreateVc', 'handler'],
    ]);
    assert.equal(find(tree, 'Handlers')!.description, '3');
  });

  test('lists each handler table with its entries, each opening the entry', () => {
    const tree = driverTree(model([handler(), handler({ name: 'CmOpenAf', role: 'PROTOCOL_CM_OPEN_AF', ending: 'sync', completions: [] })]));
    const table = find(tree, 'NDIS_CALL_MANAGER_CHARACTERISTICS')!;
    assert.equal(table.description, 'callManager.c:21');
    assert.deepEqual(table.children.map((e) => [e.label, e.description]), [['CmCloseCall', 'CmCmCloseCallHandler'], ['CmOpenAf', 'CmCmOpenAfHandler']]);
    assert.deepEqual(table.children[1].place, at('callManager.c', 26, 4));
    assert.match(table.children[1].tooltip!, /PROTOCOL_CM_OPEN_AF/);
  });

  test('gives every node an id of its own that stays the same for the same model, and collapses several drivers', () => {
    const m = model([handler(), handler({ name: 'CmOpenAf', ending: 'sync', completions: [] })]);
    const ids = all(driverTree(m)).map((n) => n.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(all(driverTree(structuredClone(m))).map((n) => n.id), ids);
    const two = { ...m, drivers: [m.drivers[0], { ...m.drivers[0], root: 'file:///w/client', kind: 'client' as const }] };
    assert.deepEqual(driverTree(two).map((d) => [d.label, d.description, d.expanded]), [['cm', 'stand-alone call manager', false], ['client', 'CoNDIS client', false]]);
  });

  test('names a driver by its folder, also when the folder URI ends in a slash', () => {
    const tree = driverTree(model([handler()], { root: 'file:///tmp/run/vscode%20workspace/' }));
    assert.equal(tree[0].label, 'vscode workspace');
  });

  test('shows nothing for a workspace without drivers (the view then shows its welcome text)', () => {
    assert.deepEqual(driverTree({ drivers: [], indexing: false }), []);
  });
});
