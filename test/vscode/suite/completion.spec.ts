/// <reference types="mocha" />
// Completion of CoNDIS names, through vscode.executeCompletionItemProvider.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionLabel, completionLabels, insertLineAfter, openWorkspaceFile, waitFor } from './helpers';

describe('completion', () => {
  it('offers NdisCmCloseCallComplete after typing NdisCmClo', async () => {
    const doc = await openWorkspaceFile('callManager.c');
    const { position, restore } = await insertLineAfter(doc, 'NdisCmCloseCallComplete(Status, VcHandle, NULL);',
      '    NdisCmClo');
    try {
      await waitFor(async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider', doc.uri, position);
        // The word is also in the file, so VS Code's word-based suggestions offer it as Text:
        // the language server's item is the Function.
        const item = list?.items.find((i) => completionLabel(i) === 'NdisCmCloseCallComplete' && i.kind === vscode.CompletionItemKind.Function);
        assert.ok(item, `NdisCmCloseCallComplete is offered as a function (got ${completionLabels(list).filter((l) => l.startsWith('Ndis')).slice(0, 20).join(', ') || 'no Ndis* items'})`);
      });
    } finally {
      await restore();
    }
  });
});
