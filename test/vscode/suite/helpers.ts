// Shared helpers for the extension-host suite: polling, opening workspace files, finding and
// editing text, and flattening the provider results the vscode API returns.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'condis-assist.condis-assist';

/** How long waitFor polls by default; the harness self-test shortens it (CONDIS_VSCODE_WAIT_MS). */
const DEFAULT_WAIT_MS = Number(typeof process === 'object' ? process.env.CONDIS_VSCODE_WAIT_MS : undefined) || 20_000;

/**
 * Calls `attempt` until it returns without throwing, and returns its value. `attempt` does the
 * asserting; after `timeoutMs` the error of the last attempt is thrown, so a failure shows the
 * final value, not a generic timeout. Short polls, no fixed sleeps.
 */
export async function waitFor<T>(attempt: () => T | Promise<T>, timeoutMs = DEFAULT_WAIT_MS, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** Opens a workspace file in an editor (which activates the extension for C) and returns the document. */
export async function openWorkspaceFile(relativePath: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'c', `${relativePath} opens as C`);
  return doc;
}

/** The extension, once VS Code has activated it. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  return waitFor(() => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed in the extension host`);
    assert.ok(ext.isActive, `${EXTENSION_ID} is active`);
    return ext;
  });
}

/**
 * The position of the `|` in `needle` (which must occur once in the document, `|` removed);
 * without a `|`, the start of the needle.
 */
export function positionOf(doc: vscode.TextDocument, needle: string): vscode.Position {
  const caret = needle.indexOf('|');
  const text = needle.replace('|', '');
  const text0 = doc.getText();
  const at = text0.indexOf(text);
  assert.ok(at >= 0, `"${text}" occurs in ${doc.uri.path}`);
  assert.equal(text0.indexOf(text, at + 1), -1, `"${text}" occurs once in ${doc.uri.path}`);
  return doc.positionAt(at + (caret >= 0 ? caret : 0));
}

/**
 * Inserts `text` on a new line after the line containing `afterNeedle` (in memory; autosave is off),
 * and returns the position at the end of the inserted text and a function that puts the original back.
 */
export async function insertLineAfter(doc: vscode.TextDocument, afterNeedle: string, text: string)
  : Promise<{ position: vscode.Position; restore: () => Promise<void> }> {
  const original = doc.getText();
  const line = positionOf(doc, afterNeedle).line;
  const eol = doc.lineAt(line).range.end;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, eol, `\n${text}`);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
  const position = new vscode.Position(line + 1, text.length);
  const restore = async () => {
    const back = new vscode.WorkspaceEdit();
    back.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(back), 'the original text is restored');
  };
  return { position, restore };
}

/** Asserts `text` contains `needle`; the message quotes the text, so a failure shows what was there. */
export function assertMentions(text: string, needle: string, what: string): void {
  const shown = text.length > 600 ? `${text.slice(0, 600)}...` : text;
  // assert.fail: no false/true diff, and mocha prints the whole message.
  if (!text.includes(needle)) assert.fail(`${what}: no "${needle}" in ${text ? `\n---\n${shown}\n---` : 'an empty result'}`);
}

/** All hover contents as one plain string (markdown source). */
export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

export function completionLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function completionLabels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? []).map(completionLabel);
}

export function inlayHintLabels(hints: vscode.InlayHint[] | undefined): string[] {
  return (hints ?? []).map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')).trim());
}
