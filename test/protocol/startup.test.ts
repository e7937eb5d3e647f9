// Start-up over the wire: requests before initialize are refused with ServerNotInitialized, notifications before it
// are dropped, and messages sent right after it (while the grammar and catalog still load) are applied in order.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError } from 'vscode-jsonrpc';
import type { Hover, InitializeResult } from 'vscode-languageserver-protocol';
import { clientInitializeParams, positionOf, startServer, within } from './lsp';

const MS = 5_000;
const SERVER_NOT_INITIALIZED = -32002;

describe('start-up', () => {
  test('a request before initialize gets ServerNotInitialized; a notification before it is dropped', async () => {
    const server = startServer();
    after(() => server.kill());
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///early.c', languageId: 'c', version: 1, text: 'NdisCmActivateVc' } });
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri: 'file:///early.c' }, position: { line: 0, character: 3 } }],
      ['shutdown', undefined],
      ['textDocument/definition', { textDocument: { uri: 'file:///early.c' }, position: { line: 0, character: 3 } }],
    ] as const) {
      const err = await within(MS, method, server.connection.sendRequest(method, params).then(() => null, (e: unknown) => e));
      assert.ok(err instanceof ResponseError, `${method}: ${String(err)}`);
      assert.equal(err.code, SERVER_NOT_INITIALIZED, method);
    }
    const init = await within(MS, 'initialize', server.connection.sendRequest<InitializeResult>('initialize', clientInitializeParams()));
    assert.equal(init.capabilities.hoverProvider, true);
    await server.connection.sendNotification('initialized', {});
    const h = await within(MS, 'hover', server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: 'file:///early.c' }, position: { line: 0, character: 3 },
    }));
    assert.equal(h, null, 'the didOpen sent before initialize was dropped');
    const err = await within(MS, 'unknown method', server.connection.sendRequest('textDocument/declaration', {}).then(() => null, (e: unknown) => e));
    assert.ok(err instanceof ResponseError);
    assert.equal(err.code, -32601, 'after initialize an unknown method is MethodNotFound');
  });

  test('didOpen, didChange and hover sent straight after initialize answer for the edited text', async () => {
    const server = startServer();
    after(() => server.kill());
    const uri = 'file:///quick.c';
    const v1 = 'VOID F(NDIS_HANDLE Vc)\n{\n    NdisCmActivateVc(Vc, NULL);\n}\n';
    const v2 = v1.replace('NdisCmActivateVc', 'NdisCmDeactivateVc');
    await within(MS, 'initialize', server.connection.sendRequest('initialize', clientInitializeParams()));
    // No await between these: they reach the server while its services may still be loading.
    void server.connection.sendNotification('initialized', {});
    void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text: v1 } });
    void server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      // Two changes in one message: the second's positions are in the text the first one made ("NdisCmDeActivateVc").
      contentChanges: [
        { range: { start: positionOf(v1, 'Activate'), end: positionOf(v1, 'Activate') }, text: 'De' },
        { range: { start: positionOf(v1, 'Activate', 2), end: positionOf(v1, 'Activate', 3) }, text: 'a' },
      ],
    });
    const h = await within(MS, 'hover', server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri }, position: positionOf(v2, 'DeactivateVc', 4),
    }));
    assert.ok(h, 'a hover');
    assert.match((h.contents as { value: string }).value, /NdisCmDeactivateVc/);
    assert.deepEqual(h.range, { start: positionOf(v2, 'NdisCmDeactivateVc'), end: positionOf(v2, 'NdisCmDeactivateVc', 'NdisCmDeactivateVc'.length) });
  });
});
