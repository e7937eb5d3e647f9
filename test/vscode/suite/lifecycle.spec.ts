/// <reference types="mocha" />
// The lifecycle at a glance in the real extension host: the code lens above the example call manager's close-call
// handler and the places its click peeks, the "CoNDIS Driver" view's data provider, and the lifecycle webview's page.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, assertMentions, openWorkspaceFile, positionOf, waitFor } from './helpers';

/** What the extension's activate() returns that these tests read (client/src/extension.ts CondisApi). */
interface Api {
  driverView: vscode.TreeDataProvider<unknown>;
  lifecycleHtml(): string | undefined;
}

interface LspLocation { uri: string; range: { start: { line: number; character: number } } }

/** "file.c:line" (1-based) for a location the server sent, for messages and comparisons. */
const where = (l: LspLocation) => `${decodeURIComponent(l.uri.slice(l.uri.lastIndexOf('/') + 1))}:${l.range.start.line + 1}`;

async function api(): Promise<Api> {
  return (await activeExtension()).exports as Api;
}

/** Every row of a tree, depth first, as "label — description". */
async function treeRows(provider: vscode.TreeDataProvider<unknown>, parent?: unknown, depth = 0): Promise<string[]> {
  const rows: string[] = [];
  for (const node of (await provider.getChildren(parent)) ?? []) {
    const item = await provider.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    rows.push(`${'  '.repeat(depth)}${label} — ${typeof item.description === 'string' ? item.description : ''}`);
    if (depth < 6) rows.push(...await treeRows(provider, node, depth + 1));
  }
  return rows;
}

describe('the request lifecycle at a glance', () => {
  it('shows a lens above the close-call handler whose click peeks the completion in the work item', async () => {
    const doc = await openWorkspaceFile('callManager.c');
    const name = positionOf(doc, 'CmCloseCall(\n');
    const completion = positionOf(doc, 'NdisCmCloseCallComplete(Status, VcHandle, NULL);');
    const lens = await waitFor(async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
      const shown = (lenses ?? []).map((l) => `${l.range.start.line + 1}: ${l.command?.title ?? '(unresolved)'} [${l.command?.command ?? ''}]`);
      // The lens sits on the handler's definition: its first line (annotations, return type) down to its name.
      const found = (lenses ?? []).find((l) => l.command?.command === 'condis.showLocations'
        && l.range.start.line <= name.line && l.range.start.line >= name.line - 3 && /ProtocolCmCloseCall/.test(l.command.title));
      assert.ok(found, `a lens above CmCloseCall (line ${name.line + 1}); the lenses are:\n${shown.join('\n')}`);
      assertMentions(found.command!.title, 'pends', 'the lens says the request pends');
      assertMentions(found.command!.title, 'CmCloseCallWorker', 'the lens names the function that completes it');
      return found;
    });
    const [uri, position, locations] = lens.command!.arguments as [string, unknown, LspLocation[]];
    assert.equal(vscode.Uri.parse(uri).toString(), doc.uri.toString(), 'the peek opens in the handler\'s file');
    assert.ok(position, 'the peek has a position');
    const places = locations.map(where);
    assert.ok(places.includes(`callManager.c:${completion.line + 1}`), `the peek lists the completion in CmCloseCallWorker; it lists ${places.join(', ')}`);
    // The command runs VS Code's own peek (editor.action.showReferences); it must accept the lens's arguments.
    await vscode.commands.executeCommand(lens.command!.command, ...lens.command!.arguments!);
    await vscode.commands.executeCommand('closeReferenceSearch').then(undefined, () => undefined);
  });

  it('lists the handlers in the CoNDIS Driver view with where their requests are completed', async () => {
    const doc = await openWorkspaceFile('callManager.c');
    const completion = positionOf(doc, 'NdisCmCloseCallComplete(Status, VcHandle, NULL);');
    const { driverView } = await api();
    const rows = await waitFor(async () => {
      const rows = await treeRows(driverView);
      const text = rows.join('\n');
      assertMentions(text, 'stand-alone call manager', 'the driver\'s kind');
      const closeCall = rows.find((r) => /^\s*CmCloseCall — /.test(r) && r.includes('completed in'));
      assert.ok(closeCall, `CmCloseCall is listed with its completion state; the view shows:\n${text}`);
      assertMentions(closeCall, 'CmCloseCallWorker', 'the close call\'s completion');
      return rows;
    });
    const text = rows.join('\n');
    assertMentions(text, `CmCloseCallWorker — callManager.c:${completion.line + 1} · NdisCmCloseCallComplete`, 'the completion call, with its place');
    assert.ok(rows.some((r) => /^\s*CmMakeCall — /.test(r)), `CmMakeCall is listed too:\n${text}`);
  });

  it('follows an edit that removes a completion call: the view drops it when the server says the model changed, and gets it back', async () => {
    const doc = await openWorkspaceFile('callManager.c');
    const call = 'NdisCmCloseCallComplete(Status, VcHandle, NULL);';
    const line = positionOf(doc, call).line;
    const entry = `CmCloseCallWorker — callManager.c:${line + 1} · NdisCmCloseCallComplete`;
    const { driverView } = await api();
    const listed = async (present: boolean) => waitFor(async () => {
      const text = (await treeRows(driverView)).join('\n');
      assert.equal(text.includes(entry), present, `${entry} is ${present ? '' : 'no longer '}listed; the view shows:\n${text}`);
    });
    await listed(true);
    const original = doc.getText();
    const edit = new vscode.WorkspaceEdit();
    const at = doc.positionAt(original.indexOf(call));
    edit.replace(doc.uri, new vscode.Range(at, at.translate(0, call.length)), '/* completion removed */');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    try {
      await listed(false);
    } finally {
      const back = new vscode.WorkspaceEdit();
      back.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
      assert.ok(await vscode.workspace.applyEdit(back), 'the original text is restored');
    }
    await listed(true);
  });

  it('registers its commands and contributes the view to the Explorer', async () => {
    const ext = await activeExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['condis.showLifecycle', 'condis.showLocations']) assert.ok(commands.includes(c), `${c} is registered`);
    const views = (ext.packageJSON.contributes?.views?.explorer ?? []) as { id: string; name: string }[];
    assert.deepEqual(views.map((v) => [v.id, v.name]), [['condis.driverView', 'CoNDIS Driver']]);
  });

  it('draws the close call\'s lifecycle with the author\'s function names on it', async () => {
    const doc = await openWorkspaceFile('callManager.c');
    const position = positionOf(doc, 'CmClose|Call(\n');
    const { lifecycleHtml } = await api();
    const html = await waitFor(async () => {
      assert.equal(await vscode.commands.executeCommand('condis.showLifecycle', doc.uri, position), true, 'the command shows a lifecycle');
      const html = lifecycleHtml() ?? '';
      assertMentions(html, '<code>CmCloseCall</code>', 'the handler');
      assertMentions(html, '<code>CmCloseCallWorker</code>', 'the function that completes the close');
      return html;
    });
    assertMentions(html, 'NdisCmCloseCallComplete', 'the completion step');
    assertMentions(html, "default-src 'none'", 'the content security policy');
    // The panel opened beside the editor, keeping the focus there: closing the other group closes only the panel.
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
  });
});
