// Closing a document hands its file back to the disk: the index drops the editor's text (an unsaved edit, or a file
// deleted on disk while it was open) and takes the file as it is on disk, and the other files' answers follow.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import type { MemoryReport } from '../../server/src/memory';
import { clientInitializeParams, positionOf, startServer, waitFor, within, type RunningServer } from './lsp';

const MS = 5_000;
const DELETED = 3;
const table = (field: string, fn: string) => `NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS Handlers = { .${field} = ${fn} };\n`;
/** The document watched: two functions that are handlers only because tables in other files say so. */
const MAIN = 'NDIS_STATUS CloseA(NDIS_HANDLE a, NDIS_HANDLE b, PVOID c, UINT d) { return 0; }\n' +
  'NDIS_STATUS MakeB(NDIS_HANDLE a, NDIS_HANDLE b, NDIS_HANDLE c, PCO_CALL_PARAMETERS d) { return 0; }\n';

describe('closing a document', () => {
  let dir: string;
  let server: RunningServer;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  const isHandler = async (name: string) => /implements/i.test(JSON.stringify((await within(MS, `hover ${name}`, server.connection.sendRequest<Hover | null>('textDocument/hover', {
    textDocument: { uri: uri('main.c') }, position: positionOf(MAIN, `${name}(`, 1),
  })))?.contents ?? ''));
  /** Hovers until `name`'s role is `expected`, or fails after MS: the index is updated asynchronously. */
  async function expectHandler(name: string, expected: boolean, why: string): Promise<void> {
    const deadline = Date.now() + MS;
    let seen = await isHandler(name);
    while (seen !== expected && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      seen = await isHandler(name);
    }
    assert.equal(seen, expected, `${why}: ${name} a handler? ${server.log.join('')}`);
  }
  /** Polls `probe` until it holds, or fails after MS. */
  async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + MS;
    while (!(await probe())) {
      assert.ok(Date.now() < deadline, `${what}: not seen within ${MS} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  let version = 1;
  const open = (name: string, text: string) => server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'c', version: version++, text } });
  const replace = (name: string, text: string) => server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(name), version: version++ }, contentChanges: [{ text }] });
  const close = (name: string) => server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(name) } });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'condis-close-'));
    writeFileSync(join(dir, 'a.c'), table('CmCloseCallHandler', 'CloseA'));
    writeFileSync(join(dir, 'b.c'), table('CmMakeCallHandler', 'MakeB'));
    writeFileSync(join(dir, 'main.c'), MAIN);
    server = startServer();
    const params = { ...clientInitializeParams(), rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }] };
    await within(MS, 'initialize', server.connection.sendRequest('initialize', params));
    await server.connection.sendNotification('initialized', {});
    await waitFor(MS, 'the index built', () => (server.log.some((l) => /Indexed 3 C files/.test(l)) ? true : undefined));
    await open('main.c', MAIN);
  });
  after(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an unsaved edit counts while the document is open, and the disk\'s text again once it is closed', async () => {
    await expectHandler('CloseA', true, 'a.c as on disk');
    await open('a.c', table('CmCloseCallHandler', 'CloseA'));
    await replace('a.c', '/* the table removed, not saved */\n');
    await expectHandler('CloseA', false, 'the editor\'s text of a.c');
    await close('a.c');
    await expectHandler('CloseA', true, 'a.c closed without saving: its file on disk binds CloseA again');
  });

  test('a file deleted on disk while it was open is forgotten once it is closed', async () => {
    await open('b.c', table('CmMakeCallHandler', 'MakeB'));
    await expectHandler('MakeB', true, 'b.c open');
    rmSync(join(dir, 'b.c'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('b.c'), type: DELETED }] });
    await expectHandler('MakeB', true, 'the open document still stands for b.c');
    await close('b.c');
    await expectHandler('MakeB', false, 'b.c closed: gone from the disk, gone from the index');
  });

  test('a file saved and closed keeps its facts', async () => {
    const text = table('CmMakeCallHandler', 'MakeB');
    writeFileSync(join(dir, 'b2.c'), text);
    await open('b2.c', text);
    await expectHandler('MakeB', true, 'b2.c open');
    await close('b2.c');
    await new Promise((r) => setTimeout(r, 200));
    await expectHandler('MakeB', true, 'b2.c closed: the disk says the same');
  });

  test('a file from outside the workspace folders leaves the index when it is closed', async () => {
    const indexed = async () => (await within(MS, 'condis/memory', server.connection.sendRequest<MemoryReport>('condis/memory'))).indexedFiles;
    const outside = mkdtempSync(join(tmpdir(), 'condis-outside-'));
    try {
      const file = join(outside, 'other.c');
      writeFileSync(file, table('CmCloseCallHandler', 'Elsewhere'));
      const before = await indexed();
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(file).href, languageId: 'c', version: 1, text: table('CmCloseCallHandler', 'Elsewhere') } });
      await until(async () => (await indexed()) === before + 1, 'the outside file in the index while open');
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: pathToFileURL(file).href } });
      await until(async () => (await indexed()) === before, 'the outside file gone from the index once closed');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
