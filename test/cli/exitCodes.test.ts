// The CLI's exit status: 0 clean, 1 errors or warnings, 2 bad usage or input it could not check.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cli, copyFixtures, json, only, scratch, write, CLEAN_CM } from './cliKit';

describe('condis-assist check: exit status', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = scratch());
    copyFixtures(dir, [...CLEAN_CM, 'pendingComplete.c']);
  });
  after(() => cleanup());

  test('exits 0 with nothing on stdout for a clean call manager, every rule on', () => {
    const r = cli(['check', ...CLEAN_CM], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /no findings in 3 files checked/);
  });

  test('exits 2 with a message naming the paths when they hold no C or C++ file', () => {
    write(dir, 'empty/.keep', '');
    write(dir, 'docs/notes.txt', 'NdisCmCloseCallComplete(NDIS_STATUS_PENDING, Vc, NULL);\n');
    for (const args of [['empty'], ['empty', 'docs']]) {
      for (const format of ['text', 'json', 'sarif']) {
        const r = cli(['check', '--format', format, ...args], dir);
        assert.equal(r.code, 2, `${args.join(' ')} (${format}): ${r.stderr}`);
        assert.equal(r.stdout, '', 'no report: nothing was checked');
        assert.equal(r.stderr, `condis-assist: no C or C++ file in ${args.join(', ')} (looked for .c, .h, .cpp, .hpp, .cc, .cxx, .inl and similar)\n`);
      }
    }
    // A folder that holds one header is checked as usual.
    write(dir, 'empty/only.h', '#pragma once\n');
    assert.equal(cli(['check', 'empty'], dir).code, 0);
  });

  test('exits 1 on a warning finding', () => {
    const r = cli(['check', ...only('missing-completion'), 'closeCall.c'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /\[missing-completion\]/);
  });

  test('exits 1 on an error finding', () => {
    const r = cli(['check', ...only('complete-with-pending'), 'pendingComplete.c'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /: error: .*\[complete-with-pending\]/);
  });

  test('exits 0 when the only findings are information or hints', () => {
    const info = cli(['check', '--format', 'json', ...only('missing-completion'), '--rule', 'missing-completion=information', 'closeCall.c'], dir);
    assert.equal(info.code, 0, info.stderr);
    assert.deepEqual(json(info).findings.map((f) => [f.rule, f.severity]), [['missing-completion', 'information']]);
    const hint = cli(['check', ...only('complete-with-pending'), '--rule', 'complete-with-pending=hint', 'pendingComplete.c'], dir);
    assert.equal(hint.code, 0, hint.stderr);
    assert.match(hint.stdout, /: hint: /);
  });

  test('--rule ID=off turns a rule off', () => {
    const before = cli(['check', '--format', 'json', 'closeCall.c'], dir);
    assert.ok(json(before).findings.some((f) => f.rule === 'missing-completion'));
    const r = cli(['check', '--format', 'json', '--rule', 'missing-completion=off', 'closeCall.c'], dir);
    assert.deepEqual(json(r).findings.filter((f) => f.rule === 'missing-completion'), []);
  });

  test('exits 0 once the only rule that fires is off', () => {
    const r = cli(['check', ...only('missing-completion'), '--rule', 'missing-completion=off', 'closeCall.c'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
  });

  test('--rule can raise a warning to an error', () => {
    const r = cli(['check', '--format', 'json', ...only('missing-completion'), '--rule', 'missing-completion=error', 'closeCall.c'], dir);
    assert.equal(r.code, 1);
    assert.equal(json(r).findings[0].severity, 'error');
  });

  for (const [what, args, message] of [
    ['an unknown option', ['check', '--frobnicate', '.'], /unknown option '--frobnicate'/],
    ['a missing PATH', ['check'], /missing PATH/],
    ['a missing command', [], /missing command/],
    ['an unknown command', ['lint', '.'], /unknown command 'lint'/],
    ['a bad --format', ['check', '--format', 'xml', '.'], /bad --format 'xml'/],
    ['--format without a value', ['check', '--format'], /needs a value/],
    ['a bad --role', ['check', '--role', 'router', '.'], /bad --role 'router'/],
    ['an unknown rule in --rule', ['check', '--rule', 'no-such-rule=off', '.'], /unknown rule 'no-such-rule'/],
    ['a bad level in --rule', ['check', '--rule', 'missing-completion=fatal', '.'], /bad level 'fatal'/],
    ['a --rule without =', ['check', '--rule', 'missing-completion', '.'], /expected ID=LEVEL/],
    ['a bad --max-file-size', ['check', '--max-file-size', '0.5', '.'], /bad --max-file-size '0.5'/],
  ] as const) {
    test(`exits 2 on ${what}, says why on stderr and writes nothing to stdout`, () => {
      const r = cli([...args], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /condis-assist --help/);
      assert.equal(r.stdout, '');
    });
  }

  test('exits 2 on a PATH that does not exist, and still checks and reports the others', () => {
    const r = cli(['check', '--format', 'json', ...only('complete-with-pending'), 'no-such-dir', 'pendingComplete.c'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /skipped no-such-dir: no such file or directory/);
    const report = json(r);
    assert.equal(report.files, 1);
    assert.deepEqual(report.findings.map((f) => f.rule), ['complete-with-pending']);
  });

  test('--help and --version print to stdout and exit 0', () => {
    const help = cli(['--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: condis-assist check/);
    assert.match(help.stdout, /Exit status:/);
    const version = cli(['--version'], dir);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^condis-assist \d+\.\d+\.\d+\n$/);
  });
});
