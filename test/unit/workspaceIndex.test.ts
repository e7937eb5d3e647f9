// The workspace index stays bounded and current: a cap on files, summaries dropped with their files, and the indexer
// leaving out (and naming once) files over condis.maxFileSize.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import { summarizeFile, type Services } from '../../server/src/services';
import { applyFileEvents, indexFiles, indexFolders } from '../../server/src/indexer';
import { nodeSourceFiles } from '../../server/src/nodeSourceFiles';
import { services } from './helpers';

const TABLE = (fn: string) => `NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H = { .CmCloseCallHandler = ${fn} };\n`;
const noProgress = { report: () => undefined, cancelled: () => false };

describe('workspace index bounds', () => {
  let s: Services;
  before(async () => { s = await services(); });

  test('holds at most maxFiles summaries, while files already in it can still be updated', () => {
    const index = new WorkspaceIndex('auto', 3);
    for (let i = 0; i < 5; i++) index.set(summarizeFile(s, `file:///w/${i}.c`, TABLE(`Close${i}`))!);
    assert.equal(index.size, 3);
    assert.ok(!index.has('file:///w/3.c') && !index.has('file:///w/4.c'));
    index.set(summarizeFile(s, 'file:///w/0.c', TABLE('Renamed'))!);
    assert.equal(index.size, 3);
    assert.deepEqual(index.bindingsOf('Renamed').map((b) => b.uri), ['file:///w/0.c']);
    assert.deepEqual(index.bindingsOf('Close0'), []);
  });

  test('a deleted file takes its bindings with it, and frees a place under the cap', () => {
    const index = new WorkspaceIndex('auto', 2);
    index.set(summarizeFile(s, 'file:///w/a.c', TABLE('CloseA'))!);
    index.set(summarizeFile(s, 'file:///w/b.c', TABLE('CloseB'))!);
    assert.equal(index.bindingsOf('CloseA').length, 1);
    index.delete('file:///w/a.c');
    assert.deepEqual(index.bindingsOf('CloseA'), []);
    // A rename is a delete and a create: the new name takes the freed place.
    index.set(summarizeFile(s, 'file:///w/renamed.c', TABLE('CloseA'))!);
    assert.deepEqual(index.bindingsOf('CloseA').map((b) => b.uri), ['file:///w/renamed.c']);
    index.delete('file:///w/never-indexed.c');
    assert.equal(index.size, 2);
  });

  describe('indexer and the size limit', () => {
    let dir: string;
    let saved: WorkspaceIndex;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'condis-index-'));
      writeFileSync(join(dir, 'small.c'), TABLE('SmallClose'));
      writeFileSync(join(dir, 'big.c'), TABLE('BigClose') + '// filler\n'.repeat(2000));
      saved = s.workspace;
      s.workspace = new WorkspaceIndex();
    });
    after(() => {
      s.workspace = saved;
      rmSync(dir, { recursive: true, force: true });
    });

    test('leaves out files over the limit and names them in one log line', async () => {
      const log: string[] = [];
      const r = await indexFolders(s, nodeSourceFiles, [pathToFileURL(dir).href], 10_000, noProgress, (m) => log.push(m));
      assert.equal(r.done, 2);
      assert.deepEqual([...r.tooLarge.keys()], [pathToFileURL(join(dir, 'big.c')).href]);
      assert.ok(s.workspace.has(pathToFileURL(join(dir, 'small.c')).href));
      assert.ok(!s.workspace.has(pathToFileURL(join(dir, 'big.c')).href));
      assert.equal(log.length, 1, log.join('\n'));
      assert.match(log[0], /^Not indexed: 1 file above condis\.maxFileSize \(0\.01 MB\): .*big\.c \(19\.\d KB\)\. Raise the setting to include them\.$/);
    });

    test('a watched file that grows past the limit loses its summary, and is logged once however often it changes', async () => {
      const log: string[] = [];
      const tooLarge = new Map<string, number>();
      const small = pathToFileURL(join(dir, 'small.c')).href;
      writeFileSync(join(dir, 'small.c'), TABLE('SmallClose') + '// filler\n'.repeat(2000));
      for (let i = 0; i < 3; i++) await applyFileEvents(s, nodeSourceFiles, [{ uri: small, type: 2 }], 10_000, tooLarge, (m) => log.push(m));
      assert.ok(!s.workspace.has(small));
      assert.deepEqual([...tooLarge.keys()], [small]);
      assert.equal(log.length, 1, log.join('\n'));
      writeFileSync(join(dir, 'small.c'), TABLE('SmallClose'));
      await applyFileEvents(s, nodeSourceFiles, [{ uri: small, type: 2 }], 10_000, tooLarge, (m) => log.push(m));
      assert.ok(s.workspace.has(small));
      assert.equal(tooLarge.size, 0);
    });

    test('indexes them once the limit is raised', async () => {
      const r = await indexFiles(s, nodeSourceFiles, [pathToFileURL(join(dir, 'big.c')).href], 1_000_000, noProgress, () => undefined);
      assert.equal(r.tooLarge.size, 0);
      assert.deepEqual(s.workspace.bindingsOf('BigClose').map((b) => b.uri), [pathToFileURL(join(dir, 'big.c')).href]);
    });
  });
});
