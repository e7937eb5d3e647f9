// Right after start-up, while the workspace index is still being built, an open document gets no finding that
// depends on the driver kind (or on other files): a stand-alone call manager opened at once must not be judged by the
// neighbouring MCM's registration. Its kind-dependent findings follow once its folder has been read.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { clientInitializeParams, startServer, waitFor, within, type RunningServer } from './lsp';

const MS = 10_000;
/** The open document: stand-alone CM calls (an MCM must not make them) and one NdisMCm call (a stand-alone CM must not). */
const CALL = 'VOID Finish(NDIS_HANDLE Vc)\n{\n    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL);\n' +
  '    NdisCmDispatchCallConnected(Vc);\n    (VOID)NdisMCmActivateVc(Vc, NULL);\n}\n';

describe('diagnostics while the index is being built', () => {
  let dir: string;
  let server: RunningServer;
  const published: PublishDiagnosticsParams[] = [];
  let uri: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'condis-startup-'));
    mkdirSync(join(dir, 'a-mcm'));
    mkdirSync(join(dir, 'b-cm'));
    // The MCM's folder is listed (and read) first, and is large enough that the open document is checked before the
    // call manager's own registration has been read.
    writeFileSync(join(dir, 'a-mcm', 'driver.c'), 'VOID R(NDIS_HANDLE b, PCO_ADDRESS_FAMILY af) { NdisMCmRegisterAddressFamilyEx(b, af); }\n');
    for (let i = 0; i < 200; i++) writeFileSync(join(dir, 'a-mcm', `part${String(i).padStart(3, '0')}.c`), `int Part${i}(int x) { return x + ${i}; }\n`);
    writeFileSync(join(dir, 'b-cm', 'call.c'), CALL);
    writeFileSync(join(dir, 'b-cm', 'driver.c'), 'VOID R(NDIS_HANDLE b, PCO_ADDRESS_FAMILY af) { NdisCmRegisterAddressFamilyEx(b, af); }\n');
    uri = pathToFileURL(join(dir, 'b-cm', 'call.c')).href;
    server = startServer();
    server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { if (p.uri === uri) published.push(p); });
    const base = clientInitializeParams();
    const params = {
      ...base, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
      capabilities: { ...base.capabilities, window: { workDoneProgress: true } },
    };
    // The document opens when the indexer reports its first slice read: the MCM's folder is being read, the call
    // manager's not yet (a progress message, not a timer, says when).
    let opened = false;
    server.connection.onNotification('$/progress', (p: { value?: { kind?: string; message?: string } }) => {
      if (opened || p.value?.kind !== 'report' || !/^\d+\/203 files$/.test(p.value.message ?? '')) return;
      opened = true;
      void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text: CALL } });
    });
    await within(MS, 'initialize', server.connection.sendRequest('initialize', params));
    await server.connection.sendNotification('initialized', {});
  });
  after(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('no cm-api-in-miniport naming the neighbouring MCM at any time; mcm-api-in-protocol once the folder is read', async () => {
    const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));
    await waitFor(MS, 'the index built', () => (server.log.some((l) => /Indexed 203 C files/.test(l)) ? true : undefined));
    await waitFor(MS, 'mcm-api-in-protocol published', () => (published.some((p) => codes(p).includes('mcm-api-in-protocol')) ? true : undefined));

    assert.ok(published.every((p) => !codes(p).includes('cm-api-in-miniport')), JSON.stringify(published.map(codes)));
    assert.ok(published.every((p) => p.version === 1));
    assert.deepEqual(codes(published.at(-1)!), ['mcm-api-in-protocol']);
  });
});
