// Diagnostics and quick fixes over the wire: pushed to a client without pull support, pulled by one with it,
// a fix applied as the client would, and the rule's documentation opened through the server.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, InitializeResult, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { FIXTURES, clientInitializeParams, fixture, offsetOf, positionAt, startServer, waitFor, within, type RunningServer } from './lsp';

const MS = 10_000;
const NDIS6 = fixture('ndis6-call-manager.c');
const CALL = /NdisCmCloseCallComplete\(\s*Status,/;
const BROKEN = NDIS6.text.replace(CALL, (m) => m.replace('Status,', 'NDIS_STATUS_PENDING,'));
const URI = pathToFileURL(join(FIXTURES, 'broken-close.c')).href;

function applyEdits(text: string, edits: TextEdit[]): string {
  const offs = edits.map((e) => ({ s: offsetAt(text, e.range.start), e: offsetAt(text, e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  for (const x of offs) text = text.slice(0, x.s) + x.t + text.slice(x.e);
  return text;
}
function offsetAt(text: string, p: { line: number; character: number }): number {
  let off = 0;
  for (let l = 0; l < p.line; l++) off = text.indexOf('\n', off) + 1;
  return off + p.character;
}

describe('pushed diagnostics and quick fixes', () => {
  const server: RunningServer = startServer();
  const pushed: PublishDiagnosticsParams[] = [];
  server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { pushed.push(p); });
  let shown: string | undefined;
  server.connection.onRequest('window/showDocument', (p: { uri: string }) => { shown = p.uri; return { success: true }; });
  after(() => server.kill());
  const latest = (version: number) => pushed.filter((p) => p.uri === URI && p.version === version).at(-1);

  test('reports NDIS_STATUS_PENDING passed to NdisCmCloseCallComplete with a link to the rule page', async () => {
    assert.ok(BROKEN !== NDIS6.text, 'the fixture has the completion call to break');
    await within(MS, 'initialize', server.connection.sendRequest('initialize', clientInitializeParams()));
    await server.connection.sendNotification('initialized', {});
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'c', version: 1, text: BROKEN } });
    const p = await waitFor(MS, 'diagnostics for version 1', () => latest(1));
    const d = p.diagnostics.find((x) => x.code === 'complete-with-pending');
    assert.ok(d, JSON.stringify(p.diagnostics));
    assert.equal(d.source, 'condis');
    assert.equal(d.severity, 1);
    assert.match(d.codeDescription!.href, /docs\/rules\/complete-with-pending\.md$/);
    const start = offsetAt(BROKEN, d.range.start);
    assert.equal(BROKEN.slice(start, start + 'NDIS_STATUS_PENDING'.length), 'NDIS_STATUS_PENDING');
  });

  test('offers the fix, suppression and documentation; the preferred fix clears the finding and adds nothing', async () => {
    const d = latest(1)!.diagnostics.find((x) => x.code === 'complete-with-pending') as Diagnostic;
    const actions = await within(MS, 'codeAction', server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Complete with NDIS_STATUS_SUCCESS'), titles.join(' | '));
    assert.ok(titles.includes('Suppress complete-with-pending on this line'));
    assert.ok(titles.includes('Show documentation for complete-with-pending'));
    const fix = actions.find((a) => a.isPreferred)!;
    const edits = fix.edit!.changes![URI];
    const fixed = applyEdits(BROKEN, edits);
    assert.equal(fixed, NDIS6.text.replace(CALL, (m) => m.replace('Status,', 'NDIS_STATUS_SUCCESS,')));
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    const p = await waitFor(MS, 'diagnostics for version 2', () => latest(2));
    assert.deepEqual(p.diagnostics.map((x) => x.code), []);
  });

  test('a fix computed for an older version is not offered', async () => {
    const d = latest(1)!.diagnostics.find((x) => x.code === 'complete-with-pending') as Diagnostic;
    const actions = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
    assert.ok(!actions.some((a) => a.title === 'Complete with NDIS_STATUS_SUCCESS'));
  });

  test('"Show documentation" asks the client to open the rule page', async () => {
    await within(MS, 'executeCommand', server.connection.sendRequest('workspace/executeCommand', { command: 'condis.showRuleDocumentation', arguments: ['complete-with-pending'] }));
    await waitFor(MS, 'window/showDocument', () => shown);
    assert.match(shown!, /^file:.*docs\/rules\/complete-with-pending\.md$/);
  });
});

describe('pulled diagnostics', () => {
  const server: RunningServer = startServer();
  const pushed: PublishDiagnosticsParams[] = [];
  server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { pushed.push(p); });
  after(() => server.kill());

  test('a client with pull support gets a diagnostic provider and answers on request, with nothing pushed', async () => {
    const params = clientInitializeParams();
    params.capabilities.textDocument!.diagnostic = { dynamicRegistration: false };
    const init = await within(MS, 'initialize', server.connection.sendRequest('initialize', params)) as InitializeResult;
    assert.ok(init.capabilities.diagnosticProvider);
    await server.connection.sendNotification('initialized', {});
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'c', version: 1, text: BROKEN } });
    const report = await within(MS, 'textDocument/diagnostic', server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { kind: string; items: Diagnostic[] };
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => d.code), ['complete-with-pending']);
    const pos = positionAt(BROKEN, offsetOf(BROKEN, 'NDIS_STATUS_PENDING,\n'));
    assert.deepEqual(report.items[0].range.start, pos);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(pushed.filter((p) => p.diagnostics.length > 0).length, 0);
  });
});
