// The workspace index follows the disk: files deleted, renamed (a delete and a create) or turned into something that
// cannot be read are reported by workspace/didChangeWatchedFiles, and the cross-file answers change with them.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { clientInitializeParams, positionOf, startServer, waitFor, within, type RunningServer } from './lsp';

const MS = 5_000;
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;
const table = (field: string, fn: string) => `NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS Handlers = { .${field} = ${fn} };\n`;
/** The open document: three functions that are handlers only because tables in other files say so. */
const MAIN = 'NDIS_STATUS CloseA(NDIS_HANDLE a, NDIS_HANDLE b, PVOID c, UINT d) { return 0; }\n' +
  'NDIS_STATUS MakeB(NDIS_HANDLE a, NDIS_HANDLE b, NDIS_HANDLE c, PCO_CALL_PARAMETERS d) { return 0; }\n' +
  'NDIS_STATUS OpenC(NDIS_HANDLE a, PCO_ADDRESS_FAMILY b, NDIS_HANDLE c, PNDIS_HANDLE d) { return 0; }\n';

describe('watched-file changes', () => {
  let dir: string;
  let server: RunningServer;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  const hover = (name: string) => within(MS, `hover ${name}`, server.connection.sendRequest<Hover | null>('textDocument/hover', {
    textDocument: { uri: uri('main.c') }, position: positionOf(MAIN, `${name}(`, 1),
  }));
  /** Whether hovering `name` says it implements a CoNDIS role (from a table in another file). */
  const isHandler = async (name: string) => /implements/i.test(JSON.stringify((await hover(name))?.contents ?? ''));
  /** Hovers until `name`'s role is `expected`, or fails after MS: the server applies watched-file events asynchronously. */
  async function expectHandler(name: string, expected: boolean): Promise<void> {
    const deadline = Date.now() + MS;
    let seen = await isHandler(name);
    while (seen !== expected && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      seen = await isHandler(name);
    }
    assert.equal(seen, expected, `${name} a handler: ${server.log.join('')}`);
  }
  const notify = (changes: { name: string; type: number }[]) =>
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: uri(c.name), type: c.type })) });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'condis-watch-'));
    writeFileSync(join(dir, 'a.c'), table('CmCloseCallHandler', 'CloseA'));
    writeFileSync(join(dir, 'b.c'), table('CmMakeCallHandler', 'MakeB'));
    writeFileSync(join(dir, 'c.c'), table('CmOpenAfHandler', 'OpenC'));
    server = startServer();
    const params = { ...clientInitializeParams(), rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }] };
    await within(MS, 'initialize', server.connection.sendRequest('initialize', params));
    await server.connection.sendNotification('initialized', {});
    await waitFor(MS, 'the index built', () => (server.log.some((l) => /Indexed 3 C files/.test(l)) ? true : undefined));
    writeFileSync(join(dir, 'main.c'), MAIN);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('main.c'), languageId: 'c', version: 1, text: MAIN } });
  });
  after(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the other files\' tables make the open file\'s functions handlers', async () => {
    for (const name of ['CloseA', 'MakeB', 'OpenC']) await expectHandler(name, true);
  });

  test('a deleted file no longer binds its handler', async () => {
    rmSync(join(dir, 'a.c'));
    await notify([{ name: 'a.c', type: DELETED }]);
    await expectHandler('CloseA', false);
    await expectHandler('MakeB', true);
  });

  test('a renamed file (delete + create) binds its handler under its new name', async () => {
    renameSync(join(dir, 'b.c'), join(dir, 'b-renamed.c'));
    await notify([{ name: 'b.c', type: DELETED }, { name: 'b-renamed.c', type: CREATED }]);
    await expectHandler('MakeB', true);
    // Proof that the old summary went: the new file changing its table drops the binding altogether.
    writeFileSync(join(dir, 'b-renamed.c'), '/* emptied */\n');
    await notify([{ name: 'b-renamed.c', type: CHANGED }]);
    await expectHandler('MakeB', false);
  });

  // chmod 000 does not stop root (these tests may run as root), so "unreadable" is made in ways that hold for every
  // user: a dangling symbolic link in place of the file, and a directory with a C file's name.
  test('a file turned into a dangling link, or a directory named like a C file, is dropped and the server still answers', async () => {
    rmSync(join(dir, 'c.c'));
    symlinkSync(join(dir, 'nowhere.c'), join(dir, 'c.c'));
    mkdirSync(join(dir, 'dir.c'));
    await notify([{ name: 'c.c', type: CHANGED }, { name: 'dir.c', type: CREATED }, { name: 'missing.c', type: CHANGED }]);
    await expectHandler('OpenC', false);
    assert.equal(await isHandler('CloseA'), false, 'still answering, with the earlier deletion kept');
    assert.equal(server.child.exitCode, null);
  });
});
