/// <reference types="mocha" />
// Parameter-name inlay hints on CoNDIS calls, through vscode.executeInlayHintProvider.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { inlayHintLabels, insertLineAfter, openWorkspaceFile, positionOf, waitFor } from './helpers';

const CLOSE_CALL = 'NdisCmCloseCallComplete(Status, VcHandle, NULL);';

async function labelsOnLine(doc: vscode.TextDocument, line: number): Promise<string[]> {
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
    'vscode.executeInlayHintProvider', doc.uri, doc.lineAt(line).range);
  return inlayHintLabels(hints);
}

describe('inlay hints', () => {
  it('names the Status, NdisVcHandle and NdisPartyHandle arguments of NdisCmCloseCallComplete', async () => {
    const doc = await openWorkspaceFile('callManager.c');
    const { position, restore } = await insertLineAfter(doc, CLOSE_CALL,
      '    NdisCmCloseCallComplete(NDIS_STATUS_FAILURE, VcHandle, NULL);');
    try {
      await waitFor(async () => {
        const labels = await labelsOnLine(doc, position.line);
        assert.deepEqual(labels, ['Status:', 'NdisVcHandle:', 'NdisPartyHandle:']);
      });
    } finally {
      await restore();
    }
  });

  it('leaves out the name of an argument already spelled like its parameter (Status)', async () => {
    const doc = await openWorkspaceFile('callManager.c');
    const line = positionOf(doc, CLOSE_CALL).line;
    await waitFor(async () => {
      assert.deepEqual(await labelsOnLine(doc, line), ['NdisVcHandle:', 'NdisPartyHandle:']);
    });
  });
});
