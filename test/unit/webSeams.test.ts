// The seams that let the server run in a web worker: the portable stand-ins for Node built-ins, the web SourceFiles
// (requests to the client) and the build's check for Node built-ins.
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, test } from 'node:test';
import { latin1, normalizePosix, utf8Length } from '../../server/src/portable';
import { clientSourceFiles, type Requester } from '../../server/src/web/clientSourceFiles';
import { FIND_FILES, READ_FILE } from '../../server/src/web/fileProtocol';
import { indexFolders } from '../../server/src/indexer';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import { services as getServices } from './helpers';
import { routedSourceFiles, type SourceFiles } from '../../server/src/sourceFiles';
// @ts-expect-error: a build script without types
import { nodeImports } from '../../scripts/webBuild.mjs';

describe('portable stand-ins', () => {
  test('normalizePosix matches path.posix.normalize', () => {
    for (const p of ['/a/b/../c', '/a//b/./c/', '/../a', 'a/../..', '', '/', 'a/./b', '/drv (v2)/x.c', '//x', 'a/b/../../', '/c:/Drv/../x.c']) {
      assert.equal(normalizePosix(p), posix.normalize(p), p);
    }
  });
  test('utf8Length and latin1 agree with Buffer', () => {
    const g = globalThis as { Buffer?: unknown };
    const saved = g.Buffer;
    try {
      for (const t of ['', 'abc', 'é€😀', 'a\ud800b', 'x'.repeat(20000) + '€']) {
        const expected = Buffer.byteLength(t, 'utf8');
        g.Buffer = undefined;
        assert.equal(utf8Length(t), expected, JSON.stringify(t.slice(0, 10)));
        g.Buffer = saved;
      }
      const bytes = Uint8Array.from({ length: 20000 }, (_, i) => i % 256);
      assert.equal(latin1(bytes), Buffer.from(bytes).toString('latin1'));
    } finally {
      g.Buffer = saved;
    }
  });
});

/** A client stand-in answering the two file requests from a map of URI -> text. */
function fakeClient(files: Record<string, string>, calls: string[]): Requester {
  return {
    sendRequest: (async (method: string, params: { folder?: string; uri?: string; maxBytes?: number }) => {
      calls.push(method);
      if (method === FIND_FILES) return { files: Object.keys(files).filter((u) => u.startsWith(params.folder!)), problems: [] };
      if (method === READ_FILE) {
        const text = files[params.uri!];
        if (text === undefined) return { ok: false, why: 'FileNotFound' };
        return text.length > params.maxBytes! ? { ok: false, why: 'too large', size: text.length } : { ok: true, text, encoding: 'utf-8' };
      }
      throw new Error(`unexpected ${method}`);
    }) as Requester['sendRequest'],
  };
}

const CM = 'vscode-vfs://github/me/drv';
const TABLE = `NDIS_CALL_MANAGER_CHARACTERISTICS cm = { .CmCloseCallHandler = MyCloseCall };\nNDIS_STATUS MyCloseCall(NDIS_HANDLE a, NDIS_HANDLE b, PVOID c, UINT d) { return NDIS_STATUS_SUCCESS; }\n`;

describe('the web SourceFiles (requests to the client)', () => {
  test('lists and reads through the client, and the index holds the virtual files under their own URIs', async () => {
    const s = await getServices();
    const saved = s.workspace;
    s.workspace = new WorkspaceIndex();
    try {
      const calls: string[] = [];
      const files = clientSourceFiles(fakeClient({ [`${CM}/cm.c`]: TABLE, [`${CM}/big.c`]: TABLE + '//\n'.repeat(5000) }, calls));
      const r = await indexFolders(s, files, [CM], 10_000, { report: () => undefined, cancelled: () => false }, () => undefined);
      assert.equal(r.done, 2);
      assert.deepEqual([...r.tooLarge.keys()], [`${CM}/big.c`]);
      assert.ok(s.workspace.has(`${CM}/cm.c`));
      assert.deepEqual(s.workspace.bindingsOf('MyCloseCall').map((b) => b.uri), [`${CM}/cm.c`]);
      assert.deepEqual(calls, [FIND_FILES, READ_FILE, READ_FILE]);
    } finally {
      s.workspace = saved;
    }
  });

  test('a client that fails or answers nonsense is a problem, never a throw', async () => {
    const failing: Requester = { sendRequest: (async () => { throw new Error('no handler'); }) as Requester['sendRequest'] };
    const problems: string[] = [];
    assert.deepEqual(await clientSourceFiles(failing).list(CM, (w, why) => problems.push(`${w}: ${why}`)), []);
    assert.match(problems[0], /no handler/);
    assert.equal((await clientSourceFiles(failing).read(`${CM}/x.c`, 10)).ok, false);
    const odd: Requester = { sendRequest: (async () => ({ files: [1, null, 'a.c'], ok: 'yes' })) as Requester['sendRequest'] };
    assert.deepEqual(await clientSourceFiles(odd).list(CM, () => undefined), ['a.c']);
    assert.equal((await clientSourceFiles(odd).read('a.c', 10)).ok, false);
    assert.equal(clientSourceFiles(odd).readNow('a.c', 10), undefined);
  });
});

describe('the build refuses Node built-ins in the web bundles', () => {
  test('external built-ins and resolved node: imports are named; packages\' disabled modules are only listed', () => {
    const clean = nodeImports({ inputs: { 'a.ts': { imports: [] }, '(disabled):fs/promises': { imports: [] } }, outputs: { 'o.js': { imports: [{ path: 'vscode', external: true }] } } });
    assert.deepEqual(clean, { bad: [], disabled: ['fs/promises'] });
    const bad = nodeImports({ inputs: { 'a.ts': { imports: [{ path: 'node:fs' }] } }, outputs: { 'o.js': { imports: [{ path: 'path', external: true }, { path: 'child_process', external: true }] } } });
    assert.equal(bad.bad.length, 3, bad.bad.join('\n'));
  });
});

describe('the Node server\'s routed SourceFiles (disk, else the client)', () => {
  const stub = (name: string, reaches: (u: string) => boolean, calls: string[]): SourceFiles => ({
    reaches,
    list: async (f) => { calls.push(`${name} list ${f}`); return []; },
    read: async (u) => { calls.push(`${name} read ${u}`); return { ok: false, why: 'stub' }; },
    readNow: (u) => { calls.push(`${name} readNow ${u}`); return undefined; },
  });
  test('file: URIs go to the disk; other schemes to the client only once it serves files; a file: URI of another host never', async () => {
    for (const serves of [false, true]) {
      const calls: string[] = [];
      const r = routedSourceFiles(stub('disk', (u) => u.startsWith('file:///'), calls), stub('client', () => true, calls), () => serves);
      assert.equal(r.reaches('file:///c%3A/drv/a.c'), true);
      assert.equal(r.reaches('file://server/share/a.c'), false);
      assert.equal(r.reaches(`${CM}/a.c`), serves);
      await r.read('file:///c%3A/drv/a.c', 10);
      await r.list(CM, () => undefined);
      r.readNow(`${CM}/a.c`, 10);
      assert.deepEqual(calls, ['disk read file:///c%3A/drv/a.c', serves ? `client list ${CM}` : `disk list ${CM}`, ...(serves ? [`client readNow ${CM}/a.c`] : [])]);
    }
  });
});
