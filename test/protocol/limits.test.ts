// condis.maxFileSize over the wire: a document over the limit gets one information diagnostic and a log line, hover
// and signature help still answer, and raising the limit brings the real findings.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, PublishDiagnosticsParams, SignatureHelp } from 'vscode-languageserver-protocol';
import { FIXTURES, clientInitializeParams, fixture, positionOf, startServer, waitFor, within, type RunningServer } from './lsp';

const MS = 5_000;
const NDIS6 = fixture('ndis6-call-manager.c'); // 28 KB
const BROKEN = NDIS6.text.replace(/NdisCmCloseCallComplete\(\s*Status,/, (m) => m.replace('Status,', 'NDIS_STATUS_PENDING,'));
const URI = pathToFileURL(join(FIXTURES, 'too-large.c')).href;

describe('a document over condis.maxFileSize', () => {
  const server: RunningServer = startServer();
  const pushed: PublishDiagnosticsParams[] = [];
  server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { pushed.push(p); });
  after(() => server.kill());
  const latest = () => pushed.filter((p) => p.uri === URI).at(-1);

  test('gets one information diagnostic saying it was not checked, why, and what still works', async () => {
    assert.notEqual(BROKEN, NDIS6.text);
    const params = { ...clientInitializeParams(), initializationOptions: { settings: { maxFileSize: 0.01 } } };
    await within(MS, 'initialize', server.connection.sendRequest('initialize', params));
    await server.connection.sendNotification('initialized', {});
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'c', version: 1, text: BROKEN } });
    const p = await waitFor(MS, 'diagnostics for version 1', () => (latest()?.version === 1 ? latest() : undefined));
    assert.equal(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
    const [d] = p.diagnostics;
    assert.equal(d.code, 'file-too-large');
    assert.equal(d.source, 'condis');
    assert.equal(d.severity, 3);
    assert.equal(d.range.start.line, 0);
    assert.match(d.message as string, /^Not checked: this file is 27\.\d KB, above the 0\.01 MB set by condis\.maxFileSize\. Hover and signature help for CoNDIS names still work; raise the setting to check it\.$/);
    const logged = await waitFor(MS, 'the log line', () => server.log.filter((l) => l.includes(`Not parsing or checking ${URI}`)).at(0));
    assert.match(logged, /above condis\.maxFileSize \(0\.01 MB\)/);
  });

  test('hover and signature help on CoNDIS names still answer', async () => {
    const h = await within(MS, 'hover', server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: URI }, position: positionOf(BROKEN, 'NdisCmCloseCallComplete(NDIS_STATUS_PENDING', 5),
    }));
    assert.ok(h, 'a hover');
    assert.match((h.contents as { value: string }).value, /NdisCmCloseCallComplete/);
    const sh = await within(MS, 'signatureHelp', server.connection.sendRequest<SignatureHelp | null>('textDocument/signatureHelp', {
      textDocument: { uri: URI }, position: positionOf(BROKEN, 'NDIS_STATUS_PENDING,', 'NDIS_STATUS_PENDING,'.length),
      context: { triggerKind: 1, isRetrigger: false },
    }));
    assert.match(sh?.signatures[0].label ?? '', /NdisCmCloseCallComplete/);
    assert.equal(sh?.activeParameter, 1);
  });

  test('raising the limit checks the file: the real findings replace the notice', async () => {
    const before = pushed.length;
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { condis: { maxFileSize: 8 } } });
    const p = await waitFor(MS, 'fresh diagnostics', () => pushed.slice(before).filter((x) => x.uri === URI && x.diagnostics.some((d) => d.code === 'complete-with-pending')).at(-1));
    assert.ok(!p.diagnostics.some((d) => d.code === 'file-too-large'), JSON.stringify(p.diagnostics));
  });

  test('lowering it again drops the findings for the notice', async () => {
    const before = pushed.length;
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { condis: { maxFileSize: 0.02 } } });
    const p = await waitFor(MS, 'the notice again', () => pushed.slice(before).filter((x) => x.uri === URI && x.diagnostics.length === 1 && x.diagnostics[0].code === 'file-too-large').at(-1));
    assert.match(p.diagnostics[0].message as string, /above the 0\.02 MB/);
  });
});

describe('a document over condis.maxFileSize, for a client that pulls diagnostics', () => {
  const server: RunningServer = startServer();
  after(() => server.kill());

  test('the pulled report is the one notice', async () => {
    const params = clientInitializeParams();
    params.capabilities.textDocument!.diagnostic = {};
    params.initializationOptions = { settings: { maxFileSize: 0.01 } };
    await within(MS, 'initialize', server.connection.sendRequest('initialize', params));
    await server.connection.sendNotification('initialized', {});
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'c', version: 1, text: BROKEN } });
    const report = await within(MS, 'diagnostic', server.connection.sendRequest<{ items: { code?: unknown }[] }>('textDocument/diagnostic', { textDocument: { uri: URI } }));
    assert.deepEqual(report.items.map((d) => d.code), ['file-too-large']);
  });
});
