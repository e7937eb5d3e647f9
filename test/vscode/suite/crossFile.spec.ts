/// <reference types="mocha" />
// A finding that needs another file of the driver, in both extension hosts: crossfile/cm.c's close handler pends and
// only crossfile/work.c completes the close. In the web worker host work.c reaches the server only through the
// client (condis/findFiles, condis/readFile), so a correct answer with work.c closed proves the index read it.
import * as assert from 'node:assert/strict';
import { insertLineAfter, openWorkspaceFile, positionOf, waitFor } from './helpers';
import { describe as describeFindings, findingsOf, ruleOf } from './findings';
import * as vscode from 'vscode';

const rulesIn = (uri: vscode.Uri) => findingsOf(uri).map(ruleOf);

describe('cross-file findings', () => {
  it('missing-completion follows the completion call in the other file (closed, then edited)', async () => {
    const cm = await openWorkspaceFile('crossfile/cm.c');
    // Checked (its role-type notice is there) and no missing-completion: work.c, not open, was read for the index.
    await waitFor(() => {
      const ds = findingsOf(cm.uri);
      assert.ok(ds.some((d) => ruleOf(d) === 'handler-without-role-type'), `cm.c is checked: ${describeFindings(ds)}`);
      assert.ok(!ds.some((d) => ruleOf(d) === 'missing-completion'), `the completion in work.c is seen: ${describeFindings(ds)}`);
    });
    const work = await openWorkspaceFile('crossfile/work.c');
    const line = positionOf(work, 'NdisCmCloseCallComplete(').line;
    const remove = new vscode.WorkspaceEdit();
    remove.delete(work.uri, work.lineAt(line).rangeIncludingLineBreak);
    assert.ok(await vscode.workspace.applyEdit(remove), 'the completion call is removed');
    await waitFor(() => assert.ok(rulesIn(cm.uri).includes('missing-completion'), `missing-completion without it: ${describeFindings(findingsOf(cm.uri))}`));
    const { restore } = await insertLineAfter(work, 'NdisCmDeactivateVc(Vc);', '    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL);');
    await waitFor(() => assert.ok(!rulesIn(cm.uri).includes('missing-completion'), `cleared by the completion: ${describeFindings(findingsOf(cm.uri))}`));
    // Back to the text on disk (restore puts back the text before the insertion, which lacked the call).
    await restore();
    const back = new vscode.WorkspaceEdit();
    back.insert(work.uri, new vscode.Position(line, 0), '    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL);\n');
    assert.ok(await vscode.workspace.applyEdit(back));
    assert.equal(await vscode.workspace.fs.readFile(work.uri).then((b) => new TextDecoder().decode(b)), work.getText(), 'the document reads as on disk again');
  });
});
