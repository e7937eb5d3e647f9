// What the CLI reads: cross-file analysis over every PATH, hostile trees (binary, unreadable, oversized, special
// files) reported one by one while the rest is still checked, de-duplication, and progress kept off stdout.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cli, CLI, copyFixtures, FIXTURES, json, only, scratch, write, CLEAN_CM } from './cliKit';

const MB = 1024 * 1024;
const isRoot = process.getuid?.() === 0;
/** Root reads any file whatever its mode, so as root the hostile tree is checked as `nobody`, for whom mode 000 holds. */
const NOBODY = { uid: 65534, gid: 65534 };

describe('condis-assist check: cross-file analysis', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = scratch());
    copyFixtures(dir, { 'drv/closeCall.c': 'closeCall.c', 'drv/dpc/closeWork.c': 'closeWork.c', 'drv/cm.h': 'cm.h' });
  });
  after(() => cleanup());

  test('finds nothing when the completion is called in another file given on the command line (every rule on)', () => {
    const r = cli(['check', '--format', 'json', 'drv/closeCall.c', 'drv/dpc/closeWork.c'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(json(r).findings, []);
  });

  test('finds no missing-completion when the completion is in a subfolder of the folder checked', () => {
    const r = cli(['check', '--format', 'json', 'drv'], dir);
    assert.equal(r.code, 0);
    assert.equal(json(r).files, 3);
  });

  test('reports missing-completion when only the file that pends is checked', () => {
    const r = cli(['check', '--format', 'json', ...only('missing-completion'), 'drv/closeCall.c'], dir);
    assert.equal(r.code, 1);
    assert.deepEqual(json(r).findings.map((f) => [f.file, f.line, f.rule]), [[join('drv', 'closeCall.c'), 23, 'missing-completion']]);
  });

  test('checks a file named twice (directly and inside a folder) once', () => {
    const r = cli(['check', '--format', 'json', 'drv/closeCall.c', 'drv', './drv/cm.h'], dir);
    assert.equal(json(r).files, 3);
  });
});

describe('condis-assist check: a tree with binary, unreadable, special and oversized files', () => {
  let dir: string;
  let cleanup: () => void;
  let run: ReturnType<typeof cli>;
  before(() => {
    ({ dir, cleanup } = scratch());
    copyFixtures(dir, { 'tree/pendingComplete.c': 'pendingComplete.c', 'tree/cm.h': 'cm.h', 'tree/x.c/inner.c': 'closeCall.c' });
    // Binary junk with a C name: NUL bytes among text.
    write(dir, 'tree/binary.c', Buffer.concat([Buffer.from('int x;\n'), Buffer.alloc(64), Buffer.from([0xff, 0xfe, 0x00, 0x01])]));
    // 20 MB of plain C: over the 16 MB default, so refused from its size alone, before reading.
    write(dir, 'tree/huge.c', 'int x;\n'.repeat(Math.ceil((20 * MB) / 7)));
    // Unreadable input: a file and a folder without read permission.
    write(dir, 'tree/secret.c', 'int y;\n');
    chmodSync(join(dir, 'tree/secret.c'), 0);
    mkdirSync(join(dir, 'tree/locked'));
    chmodSync(join(dir, 'tree/locked'), 0);
    // Special files named on the command line: a FIFO (reading it would block forever) and a dangling symbolic link.
    execFileSync('mkfifo', [join(dir, 'pipe.c')]);
    symlinkSync(join(dir, 'nowhere.c'), join(dir, 'dangling.c'));
    // The same inside the tree are passed over without reading them (symbolic links are never followed).
    execFileSync('mkfifo', [join(dir, 'tree', 'pipe.c')]);
    symlinkSync(join(dir, 'nowhere.c'), join(dir, 'tree', 'dangling.c'));
    chmodSync(dir, 0o755);
    run = cli(['check', '--format', 'json', ...only('complete-with-pending', 'missing-completion'), 'tree', 'pipe.c', 'dangling.c', 'tree/x.c'], dir, isRoot ? NOBODY : {});
  });
  after(() => {
    chmodSync(join(dir, 'tree/locked'), 0o755);
    cleanup();
  });

  test('exits 2 because some input could not be checked', () => {
    assert.equal(run.code, 2, run.stderr);
  });

  test('reports the binary file', () => {
    assert.match(run.stderr, /^condis-assist: skipped tree[\\/]binary\.c: binary content \(NUL bytes\)$/m);
  });

  test('reports the 20 MB file with its size, the limit and how to raise it', () => {
    assert.match(run.stderr, /^condis-assist: skipped tree[\\/]huge\.c: larger than the 16 MB limit \(20\.0 MB\); raise it with --max-file-size$/m);
  });

  test('reports a FIFO and a dangling symbolic link named on the command line', () => {
    assert.match(run.stderr, /^condis-assist: skipped pipe\.c: not a regular file$/m);
    assert.match(run.stderr, /^condis-assist: skipped dangling\.c: no such file or directory$/m);
  });

  test('reports a file and a folder without read permission', () => {
    assert.match(run.stderr, /^condis-assist: skipped tree[\\/]secret\.c: permission denied$/m);
    assert.match(run.stderr, /^condis-assist: skipped tree[\\/]locked: permission denied$/m);
  });

  test('still checks everything else and reports its findings', () => {
    const report = json(run);
    // pendingComplete.c, cm.h and x.c/inner.c (a folder named like a C file is searched like any folder).
    assert.equal(report.files, 3);
    assert.deepEqual(report.findings.map((f) => [f.file, f.rule]).sort(), [
      [join('tree', 'pendingComplete.c'), 'complete-with-pending'],
      [join('tree', 'x.c', 'inner.c'), 'missing-completion'],
    ]);
    assert.match(run.stderr, /in 3 files checked, \d+ skipped \(see above\)$/m);
  });

  test('--max-file-size lets a larger file through, and a smaller limit skips it', () => {
    // Mostly one long comment: cheap to parse, so the test measures the limit rather than the parser.
    write(dir, 'sized/one-and-a-half.c', `${readFileSync(join(FIXTURES, 'cm.h'), 'utf8')}/*\n${'padding\n'.repeat(Math.ceil((1.5 * MB) / 8))}*/\n`);
    const skipped = cli(['check', '--max-file-size', '1', 'sized'], dir);
    assert.equal(skipped.code, 2);
    assert.match(skipped.stderr, /larger than the 1 MB limit \(1\.5 MB\)/);
    const checked = cli(['check', '--max-file-size', '2', 'sized'], dir);
    assert.equal(checked.code, 0, checked.stderr);
    assert.match(checked.stderr, /no findings in 1 file checked/);
  });
});

describe('condis-assist check: large trees', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = scratch());
    const unit = readFileSync(join(FIXTURES, 'closeWork.c'), 'utf8');
    for (let i = 0; i < 250; i++) write(dir, `big/d${i % 10}/f${i}.c`, i === 0 ? unit : unit.replace(/CmDeactivateVc(Done|Complete)/g, `$&${i}`));
    copyFixtures(dir, { 'big/closeCall.c': 'closeCall.c', 'big/cm.h': 'cm.h' });
    const noisy = readFileSync(join(FIXTURES, 'pendingComplete.c'), 'utf8');
    for (let i = 0; i < 400; i++) write(dir, `noisy/f${i}.c`, noisy);
  });
  after(() => cleanup());

  test('writes progress lines to stderr only, so stdout stays a clean report', () => {
    const r = cli(['check', '--format', 'json', 'big'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(json(r).files, 252);
    assert.match(r.stderr, /^condis-assist: indexing 252\/252 files$/m);
    assert.match(r.stderr, /^condis-assist: checking 252\/252 files$/m);
    assert.doesNotMatch(r.stdout, /indexing|checking/);
  });

  test('--quiet leaves stderr empty when every file could be read', () => {
    const r = cli(['check', '--quiet', 'big'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, '');
  });

  test('stops quietly with its exit status when the reader closes stdout early (`| head -c 10`)', { skip: process.platform === 'win32' }, () => {
    // A real shell pipe: the reader exits after 10 bytes while about 100 KB of findings are still being written.
    const script = '"$0" "$1" check -q noisy | head -c 10 >/dev/null; echo "${PIPESTATUS[0]}"';
    const r = spawnSync('bash', ['-c', script, process.execPath, CLI], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.stdout, '1\n', r.stderr);
    assert.doesNotMatch(r.stderr, /EPIPE|internal error/);
  });

  test('a small tree gets no progress lines, only the summary', () => {
    const r = cli(['check', ...CLEAN_CM.map((f) => join('big', f === 'closeWork.c' ? 'd0/f0.c' : f))], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  });
});
