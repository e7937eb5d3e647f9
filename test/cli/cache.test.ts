// `check --cache`: a repeat run reports the same and analyses nothing; an edit re-analyses the edited file, and
// re-checks other files only when the facts their rules read of it changed (and then exactly its driver's files); a
// cache that is corrupt, of another version or made under other settings is ignored and rebuilt, the report the same.
// Work is counted through CONDIS_CLI_STATS (never timed).
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, cli, scratch, type Run } from './cliKit';
import { cacheKey } from '../../server/src/cli/cache';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/settings';

interface Stats { unchanged: number; reused: number; analysedFiles: string[]; checkedFiles: string[] }

const STD = ['-f', 'json', 'ws', 'examples'];

function statsOf(r: Run): Stats {
  const m = /condis-assist: stats (.*)/.exec(r.stderr);
  assert.ok(m, r.stderr);
  return JSON.parse(m[1]) as Stats;
}

/** Inserts `line` after the first line matching `after` (a line inside a function body). */
function insertAfter(path: string, after: RegExp, line: string): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  const at = lines.findIndex((l) => after.test(l));
  assert.ok(at >= 0, `${after} in ${path}`);
  lines.splice(at + 1, 0, line);
  writeFileSync(path, lines.join('\n'));
}

describe('check --cache', () => {
  let tmp: ReturnType<typeof scratch>;
  const run = (args: string[], env: Record<string, string> = {}) => cli(['check', ...args], tmp.dir, {}, { CONDIS_CLI_STATS: '1', ...env });
  const fresh = (args = STD) => cli(['check', ...args], tmp.dir);
  beforeEach(() => {
    tmp = scratch();
    cpSync(join(ROOT, 'test', 'vscode-workspace'), join(tmp.dir, 'ws'), { recursive: true });
    cpSync(join(ROOT, 'examples'), join(tmp.dir, 'examples'), { recursive: true });
  });
  afterEach(() => tmp.cleanup());

  test('a repeat run reports the same and analyses nothing; no cache file without --cache', () => {
    const plain = fresh();
    assert.equal(existsSync(join(tmp.dir, '.condiscache')), false, 'no --cache, no file');
    const cold = run(['--cache', ...STD]);
    assert.ok(existsSync(join(tmp.dir, '.condiscache')));
    const n = statsOf(cold).analysedFiles.length;
    assert.ok(n > 20, `${n} files analysed cold`);
    assert.equal(statsOf(cold).checkedFiles.length, n);
    for (const jobs of ['1', '2']) {
      const warm = run(['--cache', '--jobs', jobs, ...STD]);
      assert.equal(warm.stdout, plain.stdout);
      assert.equal(warm.code, plain.code);
      assert.deepEqual(statsOf(warm), { ...statsOf(warm), unchanged: n, reused: n, analysedFiles: [], checkedFiles: [] });
      assert.match(warm.stderr, new RegExp(`cache: ${n} unchanged, 0 read afresh; findings of ${n} reused, 0 checked`));
    }
    assert.ok(JSON.parse(plain.stdout).findings.length > 0, 'findings to keep');
    assert.deepEqual(readdirSync(tmp.dir).filter((f) => f.includes('.tmp')), [], 'no temporary file left');
  });

  test('an edit inside a function body that moves no cross-file fact re-checks that file only', () => {
    run(['--cache', ...STD]);
    // At the top of the file: every later offset moves, no cross-file fact changes.
    insertAfter(join(tmp.dir, 'examples', 'mcm', 'vc.c'), /^\{/, '    /* a note */ ULONG Unused = 0; Unused++;');
    const r = run(['--cache', ...STD]);
    assert.deepEqual(statsOf(r).analysedFiles, ['examples/mcm/vc.c']);
    assert.deepEqual(statsOf(r).checkedFiles, ['examples/mcm/vc.c']);
    assert.equal(r.stdout, fresh().stdout);
  });

  test('an edit that changes a cross-file fact re-checks the files of that driver, and no other driver\'s', () => {
    run(['--cache', ...STD]);
    insertAfter(join(tmp.dir, 'examples', 'mcm', 'vc.c'), /^\{/, '    McmNewHelper();');
    const r = run(['--cache', ...STD]);
    assert.deepEqual(statsOf(r).analysedFiles, ['examples/mcm/vc.c']);
    const mcm = readdirSync(join(tmp.dir, 'examples', 'mcm')).map((f) => `examples/mcm/${f}`).sort();
    assert.deepEqual(statsOf(r).checkedFiles, mcm);
    assert.equal(r.stdout, fresh().stdout);
  });

  test('an edit in one file that settles another file\'s finding: that file is re-checked and its finding gone', () => {
    run(['--cache', '-f', 'json', 'ws']);
    // The cross-file fixture pends a drop-party in cm.c and completes it nowhere: work.c now completes it.
    const before = JSON.parse(fresh(['-f', 'json', 'ws']).stdout).findings as { file: string; rule: string }[];
    assert.ok(before.some((f) => f.file === 'ws/mistakes/crossfile/cm.c' && f.rule === 'missing-completion'));
    insertAfter(join(tmp.dir, 'ws', 'mistakes', 'crossfile', 'work.c'), /UNREFERENCED_PARAMETER\(Party\)/, '    NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party);');
    const r = run(['--cache', '-f', 'json', 'ws']);
    assert.equal(r.stdout, fresh(['-f', 'json', 'ws']).stdout);
    assert.deepEqual(statsOf(r).analysedFiles, ['ws/mistakes/crossfile/work.c']);
    assert.ok(statsOf(r).checkedFiles.includes('ws/mistakes/crossfile/cm.c'), 'cm.c re-checked');
    const after = JSON.parse(r.stdout).findings as { file: string; rule: string }[];
    assert.ok(!after.some((f) => f.file === 'ws/mistakes/crossfile/cm.c' && f.rule === 'missing-completion'), 'its finding is gone');
  });

  test('swapping two definitions of a macro in a header (the last one wins) re-checks the files that use it', () => {
    const drv = join(tmp.dir, 'swap');
    mkdirSync(drv);
    const done = '#define FOO_DONE(_Vc) NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, (_Vc)->NdisVcHandle, NULL)';
    const quiet = '#define FOO_DONE(_Vc) ((void)(_Vc))';
    writeFileSync(join(drv, 'foo.h'), `${done}\n#undef FOO_DONE\n${quiet}\n`);
    writeFileSync(join(drv, 'close.c'), [
      '#include "foo.h"',
      'typedef struct _CM_VC { NDIS_HANDLE NdisVcHandle; } CM_VC, *PCM_VC;',
      'VOID CmWork(PCM_VC Vc) { FOO_DONE(Vc); }',
      'NDIS_STATUS CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)',
      '{',
      '    CmQueue((PCM_VC)CallMgrVcContext, CmWork);',
      '    return NDIS_STATUS_PENDING;',
      '}',
      'NDIS_CALL_MANAGER_CHARACTERISTICS Cm = { .CmCloseCallHandler = CmCloseCall };',
      'VOID CmBind(NDIS_HANDLE b, PCO_ADDRESS_FAMILY af) { NdisCmRegisterAddressFamilyEx(b, af); }',
      '',
    ].join('\n'));
    const args = ['-f', 'json', 'swap'];
    run(['--cache', ...args]);
    writeFileSync(join(drv, 'foo.h'), `${quiet}\n#undef FOO_DONE\n${done}\n`);
    const warm = run(['--cache', ...args]);
    assert.equal(warm.stdout, fresh(args).stdout, 'the cache kept the findings of the other definition');
    assert.ok(statsOf(warm).checkedFiles.some((f) => f.endsWith('close.c')), JSON.stringify(statsOf(warm)));
  });

  test('a new file and a deleted file change the driver: its files are re-checked', () => {
    run(['--cache', ...STD]);
    writeFileSync(join(tmp.dir, 'examples', 'mcm', 'extra.c'), 'void McmExtra(void) { }\n');
    const r = run(['--cache', ...STD]);
    assert.deepEqual(statsOf(r).analysedFiles, ['examples/mcm/extra.c']);
    assert.ok(statsOf(r).checkedFiles.includes('examples/mcm/vc.c'));
    assert.ok(!statsOf(r).checkedFiles.some((f) => f.startsWith('examples/standalone-cm/')));
    assert.equal(r.stdout, fresh().stdout);
  });

  describe('a cache that cannot be trusted is ignored and rebuilt, with the same report', () => {
    const file = () => join(tmp.dir, '.condiscache');
    const body = () => readFileSync(file(), 'utf8').split('\n').slice(1).join('\n');
    const header = () => JSON.parse(readFileSync(file(), 'utf8').split('\n')[0]) as { format: number; key: string; sum: string };
    const sum = (b: string) => createHash('sha256').update(b).digest('base64url');
    const damages: [string, () => void][] = [
      ['truncated', () => { const t = readFileSync(file()); writeFileSync(file(), t.subarray(0, Math.floor(t.length / 2))); }],
      ['empty', () => writeFileSync(file(), '')],
      ['not JSON', () => writeFileSync(file(), 'this is not a cache\n{{{')],
      ['a changed byte (checksum)', () => writeFileSync(file(), readFileSync(file(), 'utf8').replace(/"line":(\d+)/, (_m, n) => `"line":${Number(n) + 1}`))],
      ['a wrong shape under a right checksum', () => {
        const b = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(body())).map(([p, e]) => [p, { ...(e as object), found: 'none' }])));
        writeFileSync(file(), `${JSON.stringify({ ...header(), sum: sum(b) })}\n${b}`);
      }],
      ['entries that are not objects', () => { const b = '{"x":1}'; writeFileSync(file(), `${JSON.stringify({ ...header(), sum: sum(b) })}\n${b}`); }],
      ['another version (another key)', () => writeFileSync(file(), `${JSON.stringify({ ...header(), key: 'another' })}\n${body()}`)],
      ['another format', () => writeFileSync(file(), `${JSON.stringify({ ...header(), format: 0 })}\n${body()}`)],
    ];
    for (const [name, damage] of damages) {
      test(name, () => {
        const plain = fresh();
        const cold = statsOf(run(['--cache', ...STD]));
        damage();
        const r = run(['--cache', ...STD]);
        assert.equal(r.stdout, plain.stdout);
        assert.equal(statsOf(r).unchanged, 0);
        assert.deepEqual(statsOf(r).analysedFiles, cold.analysedFiles, 'everything analysed again');
        // Rebuilt: the next run is served by it.
        assert.deepEqual(statsOf(run(['--cache', ...STD])).analysedFiles, []);
      });
    }

    test('changed settings: another rule severity, a rule off, another driver role, another size limit', () => {
      run(['--cache', ...STD]);
      for (const extra of [['--rule', 'missing-completion=information'], ['--rule', 'missing-completion=off'], ['--role', 'call-manager'], ['--max-file-size', '4']]) {
        const args = [...extra, ...STD];
        const r = run(['--cache', ...args]);
        assert.equal(r.stdout, fresh(args).stdout, extra.join(' '));
        assert.equal(statsOf(r).unchanged, 0, extra.join(' '));
      }
    });

    test('the key covers the version, the bundles and every setting that changes findings', () => {
      const dist = join(ROOT, 'dist');
      const base = cacheKey('1.0.0', dist, DEFAULT_SETTINGS, 1 << 24);
      assert.equal(cacheKey('1.0.0', dist, DEFAULT_SETTINGS, 1 << 24), base);
      assert.notEqual(cacheKey('1.0.1', dist, DEFAULT_SETTINGS, 1 << 24), base);
      assert.notEqual(cacheKey('1.0.0', dist, DEFAULT_SETTINGS, 1 << 23), base);
      assert.notEqual(cacheKey('1.0.0', dist, readSettings({ driverRole: 'client' }), 1 << 24), base);
      assert.notEqual(cacheKey('1.0.0', dist, readSettings({ diagnostics: { rules: { 'missing-completion': 'off' } } }), 1 << 24), base);
      const other = scratch();
      try {
        for (const f of readdirSync(dist).filter((n) => /^(cli|cliWorker)\.js$|\.wasm$/.test(n))) cpSync(join(dist, f), join(other.dir, f));
        assert.equal(cacheKey('1.0.0', other.dir, DEFAULT_SETTINGS, 1 << 24), base, 'the same bundles');
        writeFileSync(join(other.dir, 'cliWorker.js'), `${readFileSync(join(dist, 'cliWorker.js'), 'utf8')}\n// another build\n`);
        assert.notEqual(cacheKey('1.0.0', other.dir, DEFAULT_SETTINGS, 1 << 24), base, 'another build of the rules');
      } finally {
        other.cleanup();
      }
    });
  });

  test('--cache-location: a folder holds .condiscache, anything else is the file', () => {
    mkdirSync(join(tmp.dir, 'caches'));
    run(['--cache', '--cache-location', 'caches', ...STD]);
    assert.ok(existsSync(join(tmp.dir, 'caches', '.condiscache')));
    run(['--cache', '--cache-location', 'new-dir/', ...STD]);
    assert.ok(existsSync(join(tmp.dir, 'new-dir', '.condiscache')), 'a folder named with a trailing separator is made');
    run(['--cache', '--cache-location', 'my.cache', ...STD]);
    assert.ok(existsSync(join(tmp.dir, 'my.cache')));
    assert.deepEqual(statsOf(run(['--cache', '--cache-location', 'my.cache', ...STD])).analysedFiles, []);
    assert.equal(existsSync(join(tmp.dir, '.condiscache')), false);
    run(['--cache-location', 'other.cache', ...STD]);
    assert.equal(existsSync(join(tmp.dir, 'other.cache')), false, 'never written without --cache');
  });
});
