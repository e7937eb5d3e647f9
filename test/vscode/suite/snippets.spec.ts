/// <reference types="mocha" />
// The contributed snippets (snippets/c.json): VS Code offers every condis-* prefix as a Snippet
// completion in a C file, and the close-call pattern the snippets write passes the CoNDIS checker.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeExtension, completionLabel, waitFor } from './helpers';
import { describe as describeFindings, findingsOf, ruleOf } from './findings';

interface SnippetEntry { prefix: string | string[]; body: string | string[]; description?: string }

/** The snippets file the installed extension contributes for C, read from the extension's own folder. */
async function contributedSnippets(): Promise<Map<string, { name: string; body: string; description: string }>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  const contributed = (ext.packageJSON.contributes?.snippets ?? []) as { language: string; path: string }[];
  const forC = contributed.find((s) => s.language === 'c');
  assert.ok(forC, `the extension contributes snippets for c (contributes.snippets: ${JSON.stringify(contributed)})`);
  // Through workspace.fs, so the web worker host (no Node fs) reads it the same way.
  const file = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, forC.path)))) as Record<string, SnippetEntry>;
  const out = new Map<string, { name: string; body: string; description: string }>();
  for (const [name, s] of Object.entries(file)) {
    for (const prefix of Array.isArray(s.prefix) ? s.prefix : [s.prefix]) {
      out.set(prefix, { name, body: Array.isArray(s.body) ? s.body.join('\n') : s.body, description: s.description ?? '' });
    }
  }
  return out;
}

/** A new, never-saved C document in an editor (untitled: nothing reaches the disk). */
async function newCEditor(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'c', content: '' });
  return vscode.window.showTextDocument(doc);
}

/** Closes an untitled editor without saving (and without the save prompt). */
async function discard(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('snippets', () => {
  it('offers every condis-* snippet of snippets/c.json as a Snippet completion in a C file, once each', async () => {
    await activeExtension();
    const snippets = await contributedSnippets();
    assert.equal(snippets.size, 24, `snippets/c.json has 24 prefixes (${[...snippets.keys()].join(', ')})`);
    const editor = await newCEditor();
    try {
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'condis'));
      const at = new vscode.Position(0, 'condis'.length);
      await waitFor(async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at);
        const items = (list?.items ?? []).filter((i) => completionLabel(i).startsWith('condis-'));
        const labels = items.map(completionLabel);
        for (const [prefix, s] of snippets) {
          const mine = items.filter((i) => completionLabel(i) === prefix);
          assert.equal(mine.length, 1, `${prefix} is offered once (condis-* items: ${labels.join(', ') || 'none'})`);
          const [item] = mine;
          assert.equal(item.kind, vscode.CompletionItemKind.Snippet, `${prefix} is a Snippet item`);
          // VS Code's own snippet items name the entry of the contributed file (not the server's items, which it turns off).
          const description = typeof item.label === 'string' ? undefined : item.label.description;
          assert.equal(description, s.name, `${prefix} comes from the contributed snippet "${s.name}"`);
          const insert = item.insertText instanceof vscode.SnippetString ? item.insertText.value : item.insertText;
          assert.equal(insert, s.body, `${prefix} inserts the body from snippets/c.json`);
        }
      });
    } finally {
      await discard(editor);
    }
  });

  it('inserts condis-vc-context, condis-cm-close-call and condis-cm-close-call-complete into a new C file, which the checker finds correct', async () => {
    await activeExtension();
    const snippets = await contributedSnippets();
    const editor = await newCEditor();
    const doc = editor.document;
    try {
      const prefixes = ['condis-vc-context', 'condis-cm-close-call', 'condis-cm-close-call-complete'];
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), '#include <ndis.h>\n\n'));
      for (const prefix of prefixes) {
        const s = snippets.get(prefix);
        assert.ok(s, `${prefix} is in snippets/c.json`);
        const end = doc.positionAt(doc.getText().length);
        assert.ok(await editor.insertSnippet(new vscode.SnippetString(`${s.body}\n\n`), end), `${prefix} is inserted`);
      }
      const text = doc.getText();
      for (const expected of [
        'typedef struct _CM_VC {',
        'PROTOCOL_CM_CLOSE_CALL CmCloseCall;',
        'PROTOCOL_CM_DEACTIVATE_VC_COMPLETE CmDeactivateVcComplete;',
        'NdisCmCloseCallComplete(Status, NdisVcHandle, NdisPartyHandle);',
        'Status = NdisCoDeleteVc(NdisVcHandle);',
      ]) assert.ok(text.includes(expected), `the expansion contains "${expected}"`);
      assert.ok(!/\$\{?\d/.test(text), 'no snippet syntax is left in the text');

      // An empty list could mean "not checked yet": the mutation (PENDING as the close's Status) must be
      // reported first, and be gone once the snippet's text is back.
      const call = 'NdisCmCloseCallComplete(Status, NdisVcHandle, NdisPartyHandle);';
      const at = text.indexOf(call) + 'NdisCmCloseCallComplete('.length;
      const status = new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'Status'.length));
      assert.ok(await editor.edit((e) => e.replace(status, 'NDIS_STATUS_PENDING')), 'the mutation applies');
      await waitFor(() => {
        const ds = findingsOf(doc.uri);
        assert.ok(ds.some((d) => ruleOf(d) === 'complete-with-pending'), `the mutated snippet is reported (complete-with-pending); it shows ${describeFindings(ds)}`);
      });
      const pending = new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'NDIS_STATUS_PENDING'.length));
      assert.ok(await editor.edit((e) => e.replace(pending, 'Status')), 'the mutation is undone');
      assert.equal(doc.getText(), text, 'the text is the three expansions again');
      await waitFor(() => {
        const ds = findingsOf(doc.uri);
        assert.equal(ds.length, 0, `the snippets' code has no condis findings; it shows ${describeFindings(ds)}`);
      });
    } finally {
      await discard(editor);
    }
  });
});
