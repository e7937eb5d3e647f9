// `condis.showLocations`, the command the server's code lenses carry (LSP JSON: uri, position, locations): VS Code's
// own peek of references at that position, so clicking a lens shows where the request is completed or registered.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { LspPosition, Place } from './protocol';

export const SHOW_LOCATIONS = 'condis.showLocations';

export function registerShowLocations(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_LOCATIONS, async (uri: unknown, position: unknown, locations: unknown) => {
    if (typeof uri !== 'string' || !isPosition(position) || !Array.isArray(locations)) return;
    const p2c = client.protocol2CodeConverter;
    await vscode.commands.executeCommand('editor.action.showReferences',
      p2c.asUri(uri), p2c.asPosition(position), (locations as Place[]).filter(isPlace).map((l) => p2c.asLocation(l)));
  });
}

function isPosition(p: unknown): p is LspPosition {
  return typeof p === 'object' && p !== null && typeof (p as LspPosition).line === 'number' && typeof (p as LspPosition).character === 'number';
}

function isPlace(l: unknown): l is Place {
  return typeof l === 'object' && l !== null && typeof (l as Place).uri === 'string'
    && typeof (l as Place).range === 'object' && isPosition((l as Place).range?.start) && isPosition((l as Place).range?.end);
}
