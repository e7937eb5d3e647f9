/// <reference types="mocha" />
// Quick fixes for the CoNDIS findings, through vscode.executeCodeActionProvider: each mistakes/ file's
// finding offers its fix, "Suppress <rule> on this line" and "Show documentation for <rule>"; the
// preferred fix's edit, applied with workspace.applyEdit, changes exactly the intended text, the finding
// goes and no other CoNDIS finding appears anywhere. Every case reverts its document (never saved).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openWorkspaceFile, waitFor } from './helpers';
import { allFindingKeys, findingsOf, mistake, revert, ruleOf, theFinding, describe as describeFindings } from './findings';

interface FixCase {
  rule: string;
  /** Every fix title the finding must offer (besides suppress and documentation), the preferred one first. */
  fixes: string[];
  /** The preferred fix turns `from` (once in the file) into `to`; nothing else in the file changes. */
  from: string;
  to: string;
  /** How the case reads in the report. */
  says: string;
}

const CASES: FixCase[] = [
  {
    rule: 'complete-with-pending',
    fixes: ['Complete with NDIS_STATUS_SUCCESS', 'Complete with NDIS_STATUS_FAILURE'],
    from: 'NdisCmCloseCallComplete(NDIS_STATUS_PENDING, VcHandle, NULL);',
    to: 'NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, VcHandle, NULL);',
    says: 'completes the pended close with NDIS_STATUS_SUCCESS instead of NDIS_STATUS_PENDING',
  },
  {
    rule: 'double-completion',
    fixes: ['Return NDIS_STATUS_PENDING'],
    from: '        NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n' +
      '        // MISTAKE: the close was just completed; a final status makes NDIS complete it again.\n' +
      '        return NDIS_STATUS_SUCCESS;',
    to: '        NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n' +
      '        // MISTAKE: the close was just completed; a final status makes NDIS complete it again.\n' +
      '        return NDIS_STATUS_PENDING;',
    says: 'returns NDIS_STATUS_PENDING from a close-call handler that already completed the close',
  },
  {
    rule: 'missing-vc-delete',
    fixes: ['Delete the VC with NdisCoDeleteVc after completing the close'],
    from: '    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Call->IncomingVcHandle, NULL);\n',
    to: '    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Call->IncomingVcHandle, NULL);\n' +
      '    if (NdisCoDeleteVc(Call->IncomingVcHandle) == NDIS_STATUS_SUCCESS) {\n' +
      '        Call->IncomingVcHandle = NULL;\n' +
      '    }\n',
    says: 'inserts NdisCoDeleteVc after the close completion of a VC the call manager created',
  },
  {
    rule: 'wrong-argument-count',
    fixes: ['Add the missing NULL party handle'],
    from: 'NdisCmCloseCallComplete(Status, Vc->NdisVcHandle);',
    to: 'NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);',
    says: 'adds the missing NULL party handle to NdisCmCloseCallComplete',
  },
  {
    rule: 'mcm-api-in-protocol',
    fixes: ['Use NdisCmCloseCallComplete'],
    from: 'NdisMCmCloseCallComplete(Status, VcHandle, NULL);',
    to: 'NdisCmCloseCallComplete(Status, VcHandle, NULL);',
    says: 'renames NdisMCmCloseCallComplete to NdisCmCloseCallComplete in a stand-alone call manager',
  },
];

/** The code actions VS Code offers at the finding's range (the quick-fix menu's content). */
async function actionsAt(doc: vscode.TextDocument, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

/** Waits for the finding's actions to include `titles` (the server may still be answering for an older version). */
async function offered(doc: vscode.TextDocument, d: vscode.Diagnostic, titles: string[]): Promise<vscode.CodeAction[]> {
  return waitFor(async () => {
    const actions = await actionsAt(doc, d);
    const have = actions.map((a) => a.title);
    for (const t of titles) assert.ok(have.includes(t), `"${t}" is offered; the quick fixes are: ${have.join(' | ') || 'none'}`);
    return actions;
  });
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0 && text.indexOf(from, at + 1) < 0, `the text to fix occurs once: ${JSON.stringify(from)}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Applies `action`'s edit and checks the result; always reverts the document and waits for the finding to return. */
async function applyAndCheck(doc: vscode.TextDocument, rule: string, action: vscode.CodeAction, expected: string): Promise<void> {
  const original = doc.getText();
  const before = allFindingKeys();
  const mine = before.filter((k) => k.startsWith(`${vscode.workspace.asRelativePath(doc.uri)}:`));
  assert.equal(mine.length, 1, `one finding in the file before the fix: ${mine.join(', ')}`);
  try {
    assert.ok(action.edit, `"${action.title}" carries an edit`);
    assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" applies`);
    assert.equal(doc.getText(), expected, `"${action.title}" changes exactly the intended text`);
    // The finding goes, and nothing new appears in any open file (the workspace rules look across files).
    const rest = before.filter((k) => !mine.includes(k));
    await waitFor(() => {
      assert.deepEqual(findingsOf(doc.uri).map(ruleOf), [], `after "${action.title}" the file shows no condis finding; it shows ${describeFindings(findingsOf(doc.uri))}`);
      assert.deepEqual(allFindingKeys(), rest, 'the other condis findings are unchanged');
    });
  } finally {
    await revert(doc, original);
    await theFinding(doc, rule);
  }
}

describe('code actions', () => {
  for (const c of CASES) {
    it(`offers a fix for ${c.rule} that ${c.says}, and the finding goes`, async () => {
      const m = mistake(c.rule);
      const doc = await openWorkspaceFile(m.file);
      const d = await theFinding(doc, c.rule);
      const actions = await offered(doc, d, [...c.fixes, `Suppress ${c.rule} on this line`, `Show documentation for ${c.rule}`]);
      for (const a of actions) assert.equal(a.kind?.value, vscode.CodeActionKind.QuickFix.value, `"${a.title}" is a quick fix`);
      const preferred = actions.filter((a) => a.isPreferred);
      assert.deepEqual(preferred.map((a) => a.title), [c.fixes[0]], `"${c.fixes[0]}" is the one preferred fix`);
      await applyAndCheck(doc, c.rule, preferred[0], replaceOnce(doc.getText(), c.from, c.to));
    });
  }

  it('offers "Complete with NDIS_STATUS_FAILURE" as the alternative for complete-with-pending, which also clears the finding', async () => {
    const doc = await openWorkspaceFile(mistake('complete-with-pending').file);
    const d = await theFinding(doc, 'complete-with-pending');
    const [failure] = (await offered(doc, d, ['Complete with NDIS_STATUS_FAILURE'])).filter((a) => a.title === 'Complete with NDIS_STATUS_FAILURE');
    assert.equal(failure.isPreferred ?? false, false, 'the failure status is not the preferred fix');
    const expected = replaceOnce(doc.getText(), 'NdisCmCloseCallComplete(NDIS_STATUS_PENDING, VcHandle, NULL);', 'NdisCmCloseCallComplete(NDIS_STATUS_FAILURE, VcHandle, NULL);');
    await applyAndCheck(doc, 'complete-with-pending', failure, expected);
  });

  it('suppresses complete-with-pending on its line with a condis-ignore-next-line comment, and the finding goes', async () => {
    const doc = await openWorkspaceFile(mistake('complete-with-pending').file);
    const d = await theFinding(doc, 'complete-with-pending');
    const title = 'Suppress complete-with-pending on this line';
    const [suppress] = (await offered(doc, d, [title])).filter((a) => a.title === title);
    const line = '    NdisCmCloseCallComplete(NDIS_STATUS_PENDING, VcHandle, NULL);';
    const expected = replaceOnce(doc.getText(), `\n${line}`, `\n    // condis-ignore-next-line complete-with-pending\n${line}`);
    await applyAndCheck(doc, 'complete-with-pending', suppress, expected);
  });

  it('opens docs/rules/complete-with-pending.md from "Show documentation for complete-with-pending"', async () => {
    const doc = await openWorkspaceFile(mistake('complete-with-pending').file);
    const d = await theFinding(doc, 'complete-with-pending');
    const title = 'Show documentation for complete-with-pending';
    const [show] = (await offered(doc, d, [title])).filter((a) => a.title === title);
    assert.ok(show.command, `"${title}" runs a command`);
    assert.equal(show.edit, undefined, `"${title}" edits nothing`);
    await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []));
    // The page opens rendered (a Markdown preview tab), not as Markdown source.
    const tab = await waitFor(() => {
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
      const t = tabs.find((x) => x.label.includes('complete-with-pending.md'));
      assert.ok(t, `the rule page is open; tabs: ${tabs.map((x) => x.label).join(', ')}`);
      return t;
    });
    assert.match(tab.label, /^Preview /, `a rendered preview, not the source: ${tab.label}`);
    await vscode.window.tabGroups.close(tab);
  });
});
