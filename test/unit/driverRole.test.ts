// Which kind of driver a file belongs to, from the registration evidence around it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import type { FileSummary } from '../../server/src/analysis/summary';

const file = (uri: string, evidence: string[]): FileSummary => ({ uri, evidence, bindings: [], callGraph: {}, calls: {}, vcCreated: [], vcDeleted: [] });

describe('driver role detection', () => {
  test('a driver at the root is not outvoted by a sample MCM in a subfolder', () => {
    const ws = new WorkspaceIndex();
    ws.set(file('file:///ws/cm.c', ['NdisCmRegisterAddressFamilyEx', 'NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS']));
    ws.set(file('file:///ws/vc.c', []));
    ws.set(file('file:///ws/samples/mcm/mcm.c', ['NdisMCmRegisterAddressFamilyEx']));
    assert.equal(ws.roleOf('file:///ws/vc.c'), 'call-manager');
    assert.equal(ws.roleOf('file:///ws/samples/mcm/mcm.c'), 'miniport-call-manager');
  });

  test('a header in include/ takes the kind of the driver in src/', () => {
    const ws = new WorkspaceIndex();
    ws.set(file('file:///ws/src/mp.c', ['NdisMRegisterMiniportDriver', 'NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS']));
    ws.set(file('file:///ws/include/mp.h', []));
    assert.equal(ws.roleOf('file:///ws/include/mp.h'), 'miniport-call-manager');
  });

  test('the setting overrides the evidence, and no evidence means unknown', () => {
    const ws = new WorkspaceIndex('client');
    ws.set(file('file:///ws/cm.c', ['NdisCmRegisterAddressFamilyEx']));
    assert.equal(ws.roleOf('file:///ws/cm.c'), 'client');
    assert.equal(new WorkspaceIndex().roleOf('file:///x/y.c'), 'unknown');
  });
});
