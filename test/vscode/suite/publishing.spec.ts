/// <reference types="mocha" />
// What the published extension adds around the server: the language status items (driver kind and why, index
// state), the getting-started walkthrough and its example commands, and the $condis-assist problem matcher that puts
// a CLI task's findings in the Problems panel.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeExtension, EXTENSION_ID, hoverText, openWorkspaceFile, positionOf, waitFor, workspaceUri } from './helpers';

interface Snapshot {
  kind: { text: string; detail?: string; command?: string; busy: boolean };
  index: { text: string; detail?: string; command?: string; busy: boolean };
}
type Api = { languageStatus(): Promise<Snapshot> };

/** 1-based line of the first line of a workspace file that uses `name` outside a // comment. */
function firstUse(file: string, name: string): number {
  const lines = fs.readFileSync(workspaceUri(file).fsPath, 'utf8').split('\n');
  return lines.findIndex((l) => new RegExp(`\\b${name}\\b`).test(l) && !l.trimStart().startsWith('//')) + 1;
}

describe('language status, walkthrough and problem matcher', () => {
  it('the language status item names the driver kind of a C file and the handler table that showed it, with a link to it', async () => {
    await openWorkspaceFile('callManager.c');
    const api = (await activeExtension()).exports as Api;
    assert.equal(typeof api?.languageStatus, 'function', 'activate() returns the test API');
    const line = firstUse('callManager.c', 'NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS');
    const s = await waitFor(async () => {
      const x = await api.languageStatus();
      assert.equal(x.kind.text, 'CoNDIS: stand-alone call manager', JSON.stringify(x));
      assert.equal(x.index.busy, false, 'indexing is done');
      return x;
    });
    assert.equal(s.kind.detail, 'from NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS');
    assert.equal(s.kind.command, `callManager.c:${line}`);
    assert.deepEqual({ text: s.index.text, detail: s.index.detail, command: s.index.command },
      { text: 'CoNDIS Assist', detail: 'workspace indexed', command: 'Show Output' });
  });

  it('the language status item says when condis.driverRole forces the kind', async () => {
    await openWorkspaceFile('callManager.c');
    const api = (await activeExtension()).exports as Api;
    const config = vscode.workspace.getConfiguration('condis');
    await config.update('driverRole', 'miniport-call-manager', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(async () => {
        const x = await api.languageStatus();
        assert.deepEqual([x.kind.text, x.kind.detail], ['CoNDIS: miniport call manager (MCM)', 'set by condis.driverRole']);
      });
    } finally {
      await config.update('driverRole', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(async () => assert.equal((await api.languageStatus()).kind.text, 'CoNDIS: stand-alone call manager'));
  });

  it('contributes a walkthrough whose media ship with the extension, and opens it', async () => {
    const ext = await activeExtension();
    const [walkthrough] = ext.packageJSON.contributes.walkthroughs as { id: string; steps: { id: string; media: { markdown?: string } }[] }[];
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['hover', 'finding', 'snippets', 'ci']);
    for (const step of walkthrough.steps) {
      const media = path.join(ext.extensionPath, step.media.markdown ?? '');
      assert.ok(fs.existsSync(media), `${step.id}: ${media} exists`);
    }
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough.id}`, false);
  });

  it('the walkthrough\'s examples: hover on the call manager, and the mistake\'s finding fixed by its quick fix', async () => {
    await vscode.commands.executeCommand('condis.openExample', 'call-manager');
    const clean = vscode.window.activeTextEditor!.document;
    assert.equal(clean.languageId, 'c');
    const at = positionOf(clean, 'NdisCmCloseCallComplete(');
    await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', clean.uri, at.translate(0, 3));
      assert.match(hoverText(hovers), /DISPATCH_LEVEL/);
    });

    await vscode.commands.executeCommand('condis.openExample', 'mistake');
    const doc = vscode.window.activeTextEditor!.document;
    const finding = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(doc.uri).find((x) => x.source === 'condis' && String((x.code as { value?: unknown })?.value ?? x.code) === 'complete-with-pending');
      assert.ok(d, 'the deliberate mistake is found');
      return d;
    });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, finding.range);
    const fix = actions.find((a) => a.title === 'Complete with NDIS_STATUS_SUCCESS');
    assert.ok(fix?.edit, `the fix is offered: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.workspace.applyEdit(fix.edit);
    await waitFor(() => assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'condis'), []));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a task running the CLI with the $condis-assist problem matcher fills the Problems panel', async () => {
    const ext = await activeExtension();
    const folder = vscode.workspace.workspaceFolders![0];
    const cli = path.join(ext.extensionPath, 'dist', 'cli.js');
    const task = new vscode.Task({ type: 'shell', id: 'condis-check' }, folder, 'CoNDIS check', 'condis',
      new vscode.ShellExecution(process.execPath, [cli, 'check', 'mistakes'], { cwd: folder.uri.fsPath }), '$condis-assist');
    const ended = new Promise<void>((resolve) => {
      const sub = vscode.tasks.onDidEndTaskProcess((e) => { if (e.execution.task.name === 'CoNDIS check') { sub.dispose(); resolve(); } });
    });
    await vscode.tasks.executeTask(task);
    await ended;
    const file = workspaceUri('mistakes/closeCallCompletedWithPending.c');
    const text = fs.readFileSync(file.fsPath, 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('NdisCmCloseCallComplete(NDIS_STATUS_PENDING'));
    await waitFor(() => {
      const fromTask = vscode.languages.getDiagnostics(file).filter((d) => d.source === 'condis-assist');
      const d = fromTask.find((x) => String((x.code as { value?: unknown })?.value ?? x.code) === 'complete-with-pending');
      assert.ok(d, `the task's finding is listed: ${JSON.stringify(fromTask.map((x) => [x.code, x.message]))}`);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(d.range.start.line, line);
      assert.equal(d.range.start.character, text[line].indexOf('NDIS_STATUS_PENDING'));
      assert.match(d.message, /NDIS_STATUS_PENDING/);
    });
  });
});
