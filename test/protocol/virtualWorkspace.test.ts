// The Node server in a virtual workspace (a desktop window on vscode-vfs:, say): it cannot read those files itself, so
// it indexes them through the client (condis/findFiles, condis/readFile), as the web worker does, once the client has
// said it serves them (initializationOptions.clientReadsFiles). The cross-file finding proves a closed file was read.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { clientInitializeParams, ROOT, startServer, waitFor, within, type RunningServer } from './lsp';
import { FIND_FILES, READ_FILE, type FindFilesParams, type ReadFileParams, type ReadFileResult } from '../../server/src/web/fileProtocol';

const MS = 15_000;
const DIR = join(ROOT, 'test', 'vscode-workspace', 'mistakes', 'crossfile');
const FOLDER = 'vscode-vfs://github/someone/driver';
const files = new Map(readdirSync(DIR).map((name) => [`${FOLDER}/src/${name}`, readFileSync(join(DIR, name), 'utf8')]));
const CM = `${FOLDER}/src/cm.c`;

const servers: RunningServer[] = [];

async function run(clientReadsFiles: boolean): Promise<{ rules: string[]; asked: string[]; server: RunningServer }> {
  const server = startServer();
  servers.push(server);
  const asked: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { if (p.uri === CM) published.push(p); });
  server.connection.onRequest(FIND_FILES, (p: FindFilesParams) => { asked.push(FIND_FILES); return { files: [...files.keys()].filter((u) => u.startsWith(`${p.folder}/`)), problems: [] }; });
  server.connection.onRequest<ReadFileResult, unknown>(READ_FILE, (p: ReadFileParams) => {
    asked.push(`${READ_FILE} ${p.uri.slice(FOLDER.length + 1)}`);
    const text = files.get(p.uri);
    return text === undefined ? { ok: false, why: 'FileNotFound' } : { ok: true, text, encoding: 'utf-8' };
  });
  const base = clientInitializeParams();
  await within(MS, 'initialize', server.connection.sendRequest('initialize', {
    ...base, rootUri: FOLDER, workspaceFolders: [{ uri: FOLDER, name: 'driver' }], initializationOptions: { clientReadsFiles },
  }));
  await server.connection.sendNotification('initialized', {});
  // With the client's files, the check waits for the index; without them there is no index to wait for.
  if (clientReadsFiles) await waitFor(MS, 'the index built', () => (server.log.some((l) => /Indexed \d+ C files/.test(l)) ? true : undefined));
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: CM, languageId: 'c', version: 1, text: files.get(CM) } });
  const last = await waitFor(MS, 'diagnostics of cm.c', () => published.at(-1));
  return { rules: last.diagnostics.map((d) => String(d.code)), asked, server };
}

describe('the Node server in a virtual workspace', () => {
  after(() => { for (const s of servers) s.kill(); });

  test('indexes the folder through the client and reports the finding that needs the closed table.c', async () => {
    const r = await run(true);
    assert.equal(r.asked[0], FIND_FILES);
    assert.ok(r.asked.includes(`${READ_FILE} src/table.c`), r.asked.join(', '));
    assert.ok(r.rules.includes('missing-completion'), `${r.rules.join(', ')}\n${r.server.log.join('')}`);
  });

  test('a client that does not serve files is never asked, and nothing is indexed', async () => {
    const r = await run(false);
    assert.deepEqual(r.asked, []);
    assert.ok(!r.rules.includes('missing-completion'), r.rules.join(', '));
  });
});
