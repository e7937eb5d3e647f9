// condis/driverKind over stdio: the kind of driver a file belongs to and the registration that decided it, for the
// editor's language status item; the setting overrides it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DriverKindResult } from '../../server/src/features/driverKind';
import { clientInitializeParams, ROOT, startServer, waitFor, within, type RunningServer } from './lsp';

const MS = 10_000;

/** Asks until `probe` gives a value, or fails after `ms`. */
async function until<T>(ms: number, what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('condis/driverKind', () => {
  let dir: string;
  let server: RunningServer;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  const ask = (name: string) => within(MS, `driverKind ${name}`, server.connection.sendRequest<DriverKindResult | null>('condis/driverKind', { uri: uri(name) }));
  const lineOf = (name: string, needle: string) => readFileSync(join(dir, name), 'utf8').split('\n').findIndex((l) => l.includes(needle) && !l.trimStart().startsWith('//')) + 1;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'condis-kind-'));
    cpSync(join(ROOT, 'examples', 'standalone-cm'), join(dir, 'cm'), { recursive: true });
    cpSync(join(ROOT, 'examples', 'mcm'), join(dir, 'mcm'), { recursive: true });
    server = startServer();
    const params = { ...clientInitializeParams(), rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }] };
    await within(MS, 'initialize', server.connection.sendRequest('initialize', params));
    await server.connection.sendNotification('initialized', {});
    await waitFor(MS, 'the index built', () => (server.log.some((l) => /Indexed \d+ C files/.test(l)) ? true : undefined));
  });
  after(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a stand-alone call manager\'s file: call-manager, decided by NdisCmRegisterAddressFamilyEx in driver.c, at its line', async () => {
    const r = await ask('cm/call.c');
    assert.deepEqual(r, {
      kind: 'call-manager', source: 'detected', indexing: false,
      evidence: { name: 'NdisCmRegisterAddressFamilyEx', uri: uri('cm/driver.c'), line: lineOf('cm/driver.c', 'NdisCmRegisterAddressFamilyEx(') },
    });
  });

  test('an MCM\'s file in the same workspace: miniport-call-manager, by its own folder\'s NdisMCmRegisterAddressFamilyEx', async () => {
    const r = await ask('mcm/vc.c');
    assert.equal(r?.kind, 'miniport-call-manager');
    assert.deepEqual(r?.evidence, { name: 'NdisMCmRegisterAddressFamilyEx', uri: uri('mcm/driver.c'), line: lineOf('mcm/driver.c', 'NdisMCmRegisterAddressFamilyEx(') });
  });

  test('the first use outside comments is the line given, and an open document\'s text is what counts', async () => {
    const text = `// NdisCmRegisterAddressFamilyEx is called below\n/* NdisCmRegisterAddressFamilyEx */\nvoid f(void) {\n  NdisCmRegisterAddressFamilyEx(h, &af);\n}\n`;
    writeFileSync(join(dir, 'cm', 'extra.c'), '');
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('cm/extra.c'), languageId: 'c', version: 1, text } });
    // The open file's own evidence is nearest: it now decides, at line 4.
    await until(MS, 'the open file decides', async () => {
      const r = await ask('cm/extra.c');
      return r?.evidence?.uri === uri('cm/extra.c') ? r : undefined;
    }).then((r) => assert.equal(r.evidence?.line, 4));
  });

  test('condis.driverRole forces the kind, and the answer says so', async () => {
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { condis: { driverRole: 'client' } } });
    const r = await until(MS, 'the setting applies', async () => {
      const x = await ask('cm/call.c');
      return x?.source === 'setting' ? x : undefined;
    });
    assert.deepEqual(r, { kind: 'client', source: 'setting', indexing: false });
  });
});
