/// <reference types="mocha" />
// A finding that needs the driver's other files, in both extension hosts: mistakes/crossfile/table.c (never opened) makes
// XfDropParty in cm.c a drop-party handler; it pends, and only work.c could complete the drop. In the web worker host
// table.c reaches the server only through the client (condis/findFiles, condis/readFile), so the finding proves the
// index read it; adding the completion in work.c clears it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { insertLineAfter, openWorkspaceFile, waitFor, workspaceUri } from './helpers';
import { describe as describeFindings, findingsOf, ruleOf } from './findings';

const rulesIn = (uri: vscode.Uri) => findingsOf(uri).map(ruleOf);

describe('cross-file findings', () => {
  it('reports missing-completion for a handler registered in a closed file, and clears it when the other file completes the drop', async () => {
    const cm = await openWorkspaceFile('mistakes/crossfile/cm.c');
    await waitFor(() => assert.ok(rulesIn(cm.uri).includes('missing-completion'), `missing-completion in cm.c: ${describeFindings(findingsOf(cm.uri))}`));
    // Beside cm.c, so both stay visible: VS Code pulls diagnostics again for the documents it shows.
    const work = await vscode.workspace.openTextDocument(workspaceUri('mistakes/crossfile/work.c'));
    await vscode.window.showTextDocument(work, { viewColumn: vscode.ViewColumn.Beside });
    const { restore } = await insertLineAfter(work, 'UNREFERENCED_PARAMETER(Party);', '    NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party);');
    try {
      await waitFor(() => assert.ok(!rulesIn(cm.uri).includes('missing-completion'), `cleared by the completion in work.c: ${describeFindings(findingsOf(cm.uri))}`));
    } finally {
      await restore();
    }
    await waitFor(() => assert.ok(rulesIn(cm.uri).includes('missing-completion'), `back without it: ${describeFindings(findingsOf(cm.uri))}`));
  });
});
