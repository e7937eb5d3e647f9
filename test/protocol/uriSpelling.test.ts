// One file, one summary, however a client spells its URI: VS Code percent-encodes `(`, `)`, `+`, `@`, `!` and the
// drive colon (`file:///c%3A/...`), Node's pathToFileURL does not. The folder below is named `drv (v2)` so the two
// spellings differ on every platform; the index must not keep a stale copy of the file under the other spelling.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { clientInitializeParams, positionAt, startServer, waitFor, within } from './lsp';

const MS = 10_000;
const CHANGED = 2;
const HEADER = `#include <ndis.h>
typedef struct _CM_VC { NDIS_HANDLE NdisVcHandle; } CM_VC, *PCM_VC;
PROTOCOL_CM_CLOSE_CALL CmCloseCall;
NDIS_STATUS CmCloseCall(NDIS_HANDLE C, NDIS_HANDLE P, PVOID D, UINT S)
{
    QueueCloseWork((PCM_VC)C);
    return NDIS_STATUS_PENDING;
}
NDIS_STATUS CmBind(NDIS_HANDLE Binding, PCO_ADDRESS_FAMILY Af) { return NdisCmRegisterAddressFamilyEx(Binding, Af); }
`;
const COMPLETION = 'NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);';
/** A stand-alone CM whose close-call handler pends; the only completion is in the same file. */
const CM = `${HEADER}VOID CloseWorker(PCM_VC Vc) { ${COMPLETION} }\n`;
const WORKER = `VOID CloseWorker(PCM_VC Vc) { ${COMPLETION} }\n`;

const nodeSpelling = (path: string) => pathToFileURL(path).href;
const vscodeSpelling = (path: string) => URI.file(path).toString();

/** A server whose workspace folder is `folderUri` (holding `expectFiles` C files); pushed diagnostics are collected. */
async function serve(folderUri: string, expectFiles: number) {
  const server = startServer();
  const pushed: PublishDiagnosticsParams[] = [];
  server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { pushed.push(p); });
  await within(MS, 'initialize', server.connection.sendRequest('initialize',
    { ...clientInitializeParams(), rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'drv (v2)' }] }));
  await server.connection.sendNotification('initialized', {});
  await waitFor(MS, 'the index built', () => (server.log.some((l) => new RegExp(`Indexed ${expectFiles} C files`).test(l)) ? true : undefined));
  /** The rule ids of the diagnostics pushed for `uri` at `version`, once they arrive. */
  const codes = async (uri: string, version: number) => {
    const p = await waitFor(MS, `diagnostics for ${uri} version ${version}: ${server.log.join('')}`,
      () => pushed.filter((x) => x.uri === uri && x.version === version).at(-1));
    return p.diagnostics.map((d) => String(d.code));
  };
  /** Waits until the latest diagnostics pushed for `uri` include `code`. */
  const eventually = (uri: string, code: string) => waitFor(MS, `${code} pushed for ${uri}: ${server.log.join('')}`,
    () => (pushed.filter((x) => x.uri === uri).at(-1)?.diagnostics.some((d) => d.code === code) ? true : undefined));
  return { server, codes, eventually };
}

describe('one summary per file, whatever the URI spelling', () => {
  let root: string;
  let dir: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'condis-uris-'));
    dir = join(root, 'drv (v2)');
    mkdirSync(dir);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const [folderSpelling, docSpelling, name] of [
    [nodeSpelling, vscodeSpelling, 'folder as Node spells it, document as VS Code does'],
    [vscodeSpelling, nodeSpelling, 'folder as VS Code spells it, document as Node does'],
  ] as const) {
    test(`${name}: deleting the only completion reports missing-completion, restoring it clears it`, async () => {
      assert.notEqual(nodeSpelling(join(dir, 'cm.c')), vscodeSpelling(join(dir, 'cm.c')), 'the two spellings differ');
      writeFileSync(join(dir, 'cm.c'), CM);
      const { server, codes } = await serve(folderSpelling(dir), 1);
      try {
        const uri = docSpelling(join(dir, 'cm.c'));
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text: CM } });
        assert.ok(!(await codes(uri, 1)).includes('missing-completion'), 'the completion is there');
        const at = CM.indexOf(COMPLETION);
        const range = { start: positionAt(CM, at), end: positionAt(CM, at + COMPLETION.length) };
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range, text: '' }] });
        assert.ok((await codes(uri, 2)).includes('missing-completion'), 'the stale copy from the disk must not complete the request');
        const deleted = CM.slice(0, at) + CM.slice(at + COMPLETION.length);
        const back = { start: positionAt(deleted, at), end: positionAt(deleted, at) };
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: back, text: COMPLETION }] });
        assert.ok(!(await codes(uri, 3)).includes('missing-completion'));
      } finally {
        server.kill();
      }
    });
  }

  test('a watched-file event in VS Code\'s spelling replaces the summary the index read under Node\'s', async () => {
    // The handler is open; the completion lives in a second file on disk, indexed from the listing (Node's spelling).
    writeFileSync(join(dir, 'cm.c'), HEADER);
    writeFileSync(join(dir, 'worker.c'), WORKER);
    const { server, codes, eventually } = await serve(nodeSpelling(dir), 2);
    try {
      const uri = vscodeSpelling(join(dir, 'cm.c'));
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text: HEADER } });
      assert.ok(!(await codes(uri, 1)).includes('missing-completion'), 'worker.c completes the request');
      writeFileSync(join(dir, 'worker.c'), '/* the completion moved out */\n');
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: vscodeSpelling(join(dir, 'worker.c')), type: CHANGED }] });
      // The server re-checks the open files after a watched-file change (version 1 is published again).
      await eventually(uri, 'missing-completion');
    } finally {
      server.kill();
    }
  });
});
