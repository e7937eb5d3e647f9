/// <reference types="mocha" />
// The start-up marks bench/startup.ts reads (client/src/startupMarks.ts, through the extension's API): every step is
// recorded, in the order the extension goes through them, in both hosts (the web one also marks its server worker).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, assertMentions, hoverText, openWorkspaceFile, positionOf, waitFor } from './helpers';

declare const CONDIS_EXPECTED_HOST: 'node' | 'web';

type Marks = Record<string, number | undefined>;

describe('start-up marks', () => {
  it('records activate, the server start, the first hover and the first findings, in order', async () => {
    const doc = await openWorkspaceFile('mistakes/closeCallCompletedWithPending.c');
    const api = (await activeExtension()).exports as { startupMarks(): Marks };
    const position = positionOf(doc, 'NdisCmClose|CallComplete(NDIS_STATUS_PENDING');
    await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
      assertMentions(hoverText(hovers), 'DISPATCH_LEVEL', 'our hover');
    });
    await waitFor(() => assert.ok(vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'condis'), 'a CoNDIS finding'));
    const m = api.startupMarks();
    const order = ['activate', 'clientStarting', ...(CONDIS_EXPECTED_HOST === 'web' ? ['serverStarted'] : []), 'clientReady', 'firstHoverRequest', 'firstHoverAnswer'];
    for (const name of [...order, 'firstDiagnostics']) assert.equal(typeof m[name], 'number', `${name} is marked: ${JSON.stringify(m)}`);
    for (let i = 1; i < order.length; i++) {
      assert.ok(m[order[i - 1]]! <= m[order[i]]!, `${order[i - 1]} comes before ${order[i]}: ${JSON.stringify(m)}`);
    }
    assert.ok(m.clientStarting! <= m.firstDiagnostics!, `findings arrive after the client started: ${JSON.stringify(m)}`);
    // The marks are the first of each: reading them again later gives the same values.
    assert.deepEqual(api.startupMarks(), m);
  });
});
