/// <reference types="mocha" />
// The extension loads in the real extension host when a C file of the workspace opens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openWorkspaceFile } from './helpers';

describe('activation', () => {
  it('activates CoNDIS Assist when a C file of a call manager is opened', async () => {
    await openWorkspaceFile('callManager.c');
    const ext = await activeExtension();
    assert.equal(ext.packageJSON.name, 'condis-assist');
  });

  it('registers the CoNDIS commands', async () => {
    await activeExtension();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('condis.restartServer'), 'condis.restartServer is registered');
    assert.ok(commands.includes('condis.showOutput'), 'condis.showOutput is registered');
  });
});
