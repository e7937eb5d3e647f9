/// <reference types="mocha" />
// CoNDIS lifecycle diagnostics as VS Code holds them (languages.getDiagnostics, pulled from the server):
// each file in mistakes/ shows its one deliberate mistake, the clean call-manager sources show none.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openWorkspaceFile } from './helpers';
import { MISTAKES, assertCheckedClean, docTarget, markedRange, theFinding } from './findings';

const SEVERITY_NAME: Record<number, string> = { 0: 'Error', 1: 'Warning', 2: 'Information', 3: 'Hint' };

describe('diagnostics', () => {
  for (const m of MISTAKES) {
    it(`reports ${m.rule} in ${m.file}, with its severity, the rule id as code and a link to docs/rules/${m.rule}.md`, async () => {
      const doc = await openWorkspaceFile(m.file);
      const d = await theFinding(doc, m.rule);
      assert.equal(SEVERITY_NAME[d.severity], SEVERITY_NAME[m.severity], `${m.rule} is reported as ${SEVERITY_NAME[m.severity]}`);
      const expected = markedRange(doc, m.covers);
      assert.equal(doc.getText(d.range), doc.getText(expected), `the finding covers the part marked in "${m.covers}"`);
      assert.ok(d.range.isEqual(expected), `the finding's range is exactly the part marked in "${m.covers}"`);
      for (const word of m.mentions) assert.ok(d.message.includes(word), `the message mentions ${word}: ${d.message}`);
      const target = docTarget(d);
      assert.ok(target, `the finding links its rule's documentation (code: ${JSON.stringify(d.code)})`);
      assert.ok(target.path.endsWith(`/docs/rules/${m.rule}.md`), `the link ends in docs/rules/${m.rule}.md: ${target.toString()}`);
      // The page ships with the extension: the link opens a real file.
      const stat = await vscode.workspace.fs.stat(target);
      assert.ok(stat.size > 0, `${target.toString()} exists and is not empty`);
    });
  }

  it('reports nothing in the clean call-manager sources (every file outside mistakes/)', async () => {
    await activeExtension();
    const files = (await vscode.workspace.findFiles('**/*.{c,h}', 'mistakes/**')).map((u) => vscode.workspace.asRelativePath(u)).sort();
    assert.deepEqual(files, ['callManager.c', 'callManager.h', 'callManagerAf.c', 'callManagerVc.c'], 'the clean sources of the workspace');
    for (const file of files) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, file));
      await vscode.window.showTextDocument(doc);
      await assertCheckedClean(doc);
    }
  });
});
