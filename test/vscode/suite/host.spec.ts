/// <reference types="mocha" />
// Which extension host this run is in, proved from inside it: the suite is built once per host (buildSuite.mjs
// defines CONDIS_EXPECTED_HOST), and the Node host and the web worker host differ in what they offer.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension } from './helpers';

declare const CONDIS_EXPECTED_HOST: 'node' | 'web';

describe('extension host', () => {
  it(`runs CoNDIS Assist in the ${CONDIS_EXPECTED_HOST === 'web' ? 'web worker' : 'Node'} extension host`, async () => {
    const ext = await activeExtension();
    const g = globalThis as { process?: { versions?: { node?: string } }; navigator?: unknown; importScripts?: unknown };
    const nodeRuntime = typeof g.process?.versions?.node === 'string';
    if (CONDIS_EXPECTED_HOST === 'web') {
      // The web worker host runs extensions on the UI side, in a worker: no Node, a navigator and importScripts.
      assert.equal(ext.extensionKind, vscode.ExtensionKind.UI, 'the extension runs on the UI side');
      assert.equal(nodeRuntime, false, 'no Node runtime in the web worker host');
      assert.equal(typeof g.importScripts, 'function', 'a worker scope');
      assert.equal(typeof g.navigator, 'object', 'a navigator');
    } else {
      // code-server runs it in the remote (workspace) host, which is Node.
      assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace, 'the extension runs on the workspace side');
      assert.equal(nodeRuntime, true, 'a Node runtime');
    }
  });
});
