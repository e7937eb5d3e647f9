/// <reference types="mocha" />
// Hover on CoNDIS calls, through vscode.executeHoverProvider.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertMentions, hoverText, openWorkspaceFile, positionOf, waitFor } from './helpers';

describe('hover', () => {
  it('explains NdisCmCloseCallComplete in a deferred completion routine', async () => {
    const doc = await openWorkspaceFile('callManager.c');
    const position = positionOf(doc, 'NdisCmClose|CallComplete(Status, VcHandle, NULL);');
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
      const text = hoverText(hovers);
      assertMentions(text, 'NdisMCmCloseCallComplete', 'names the MCM form of the call');
      assertMentions(text, 'NDIS_STATUS_PENDING', 'says which status it completes');
      assertMentions(text, 'DISPATCH_LEVEL', 'gives the IRQL');
      assertMentions(text, 'learn.microsoft.com/windows-hardware/drivers/ddi/ndis/nf-ndis-ndiscmclosecallcomplete',
        'links the reference page');
      return text;
    });
    assert.ok(text.length > 0);
  });
});
