/// <reference types="mocha" />
// Signature help while typing a CoNDIS call, through vscode.executeSignatureHelpProvider.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { insertLineAfter, openWorkspaceFile, waitFor } from './helpers';

describe('signature help', () => {
  it('highlights NdisVcHandle as the second argument of NdisCmCloseCallComplete', async () => {
    const doc = await openWorkspaceFile('callManager.c');
    const { position, restore } = await insertLineAfter(doc, 'NdisCmCloseCallComplete(Status, VcHandle, NULL);',
      '    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, ');
    try {
      await waitFor(async () => {
        const help = await vscode.commands.executeCommand<vscode.SignatureHelp>(
          'vscode.executeSignatureHelpProvider', doc.uri, position);
        assert.ok(help && help.signatures.length > 0, 'a signature is offered');
        const signature = help.signatures[help.activeSignature] ?? help.signatures[0];
        assert.match(signature.label, /NdisVcHandle/, 'the signature names NdisVcHandle');
        assert.equal(signature.activeParameter ?? help.activeParameter, 1, 'the second parameter is active');
      });
    } finally {
      await restore();
    }
  });
});
