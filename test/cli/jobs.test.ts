// `check --jobs N` (worker threads): the report, the skipped files, the summary and the exit status are the same as a
// one-thread run's, in every format, on the example drivers, the cross-file test workspace and generated trees; a file
// that fails in a worker (an exception, or the worker thread ending) is reported like a one-thread failure.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, cli, scratch, type Run } from './cliKit';
import { generateDriver } from '../../bench/generate';

const FORMATS = ['text', 'json', 'sarif'];

function sameRuns(a: Run, b: Run, what: string): void {
  assert.equal(b.stdout, a.stdout, `${what}: the report`);
  assert.equal(b.stderr, a.stderr, `${what}: stderr (skipped files, summary)`);
  assert.equal(b.code, a.code, `${what}: exit status`);
}

describe('check --jobs N reports exactly what --jobs 1 does', () => {
  let tmp: ReturnType<typeof scratch>;
  before(() => {
    tmp = scratch();
    // Generated drivers in sibling folders (sizes spread so the largest-first order differs from the path order),
    // the cross-file workspace with its mistakes, and files that cannot be checked (binary, too large).
    [1500, 200, 900, 60, 2500].forEach((n, i) => {
      const dir = join(tmp.dir, 'gen', ['callmgr', 'common', 'af'][i % 3]);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `unit${i}.c`), generateDriver(n, 40 + i).text);
    });
    cpSync(join(ROOT, 'test', 'vscode-workspace'), join(tmp.dir, 'ws'), { recursive: true });
    writeFileSync(join(tmp.dir, 'ws', 'blob.c'), Buffer.from([0, 1, 2, 3, 0, 0, 255]));
    writeFileSync(join(tmp.dir, 'ws', 'big.c'), `// ${'x'.repeat(1024 * 1024 + 10)}\n`);
  });
  after(() => tmp.cleanup());

  const trees: [string, () => { cwd: string; args: string[] }][] = [
    ['examples/', () => ({ cwd: ROOT, args: ['examples'] })],
    ['test/vscode-workspace/ with skipped files', () => ({ cwd: tmp.dir, args: ['ws', '--max-file-size', '1'] })],
    ['generated trees', () => ({ cwd: tmp.dir, args: ['gen'] })],
    ['everything at once', () => ({ cwd: tmp.dir, args: ['gen', 'ws', join(ROOT, 'examples')] })],
  ];
  for (const [name, tree] of trees) {
    for (const format of FORMATS) {
      test(`${name}, ${format}`, () => {
        const { cwd, args } = tree();
        const one = cli(['check', '--jobs', '1', '-f', format, ...args], cwd);
        assert.ok(one.code === 0 || one.code === 1 || one.code === 2, one.stderr);
        for (const jobs of ['2', '3']) sameRuns(one, cli(['check', '--jobs', jobs, '-f', format, ...args], cwd), `--jobs ${jobs}`);
      });
    }
  }

  test('the default (every core) is the same report too, and the findings are real ones', () => {
    const one = cli(['check', '--jobs', '1', '-f', 'json', 'ws'], tmp.dir);
    sameRuns(one, cli(['check', '-f', 'json', 'ws'], tmp.dir), 'default jobs');
    assert.ok(JSON.parse(one.stdout).findings.length > 0, 'the workspace has findings to compare');
  });

  test('bad --jobs values are usage errors', () => {
    for (const bad of ['0', '-1', 'x', '1.5', '100']) {
      const r = cli(['check', `--jobs=${bad}`, 'ws'], tmp.dir);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /bad --jobs/);
    }
  });
});

describe('a file that fails in a worker is reported, and the others are checked', () => {
  const ws = join(ROOT, 'test', 'vscode-workspace');
  const run = (jobs: string, fail: string) => cli(['check', '--jobs', jobs, '-f', 'json', '.'], ws, {}, { CONDIS_CLI_FAIL: fail });
  for (const pass of ['index', 'check']) {
    const verb = pass === 'index' ? 'indexing' : 'checking';
    test(`an exception while ${verb} one file: the same report and skip line as one thread`, () => {
      const one = run('1', `throw:${pass}:callManagerAf.c`);
      assert.match(one.stderr, new RegExp(`skipped callManagerAf\\.c: internal error while ${verb}: .*CONDIS_CLI_FAIL`));
      assert.equal(one.code, 2);
      sameRuns(one, run('2', `throw:${pass}:callManagerAf.c`), '--jobs 2');
    });
    test(`the worker thread ends while ${verb} one file: that file is reported, every other one is checked`, () => {
      const one = run('1', `throw:${pass}:callManagerAf.c`);
      const two = run('2', `exit:${pass}:callManagerAf.c`);
      assert.match(two.stderr, new RegExp(`skipped callManagerAf\\.c: internal error while ${verb}: the worker stopped`));
      assert.equal(two.stdout, one.stdout, 'the other files\' findings');
      assert.equal(two.code, 2);
      assert.match(two.stderr, /in 11 files checked, 1 skipped/);
    });
  }
});
