// The three output formats: compiler-style text, the versioned JSON report, and SARIF 2.1.0 checked against its schema.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../server/src/rules';
import { cli, copyFixtures, json, only, scratch, write, CLEAN_CM, ROOT } from './cliKit';
import { sarifValidator } from './sarifSchema';

/** 1-based line and UTF-16 column of the first `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in the fixture`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The two rules the `src` tree below exercises: one error and one warning. */
const TWO = only('complete-with-pending', 'missing-completion');

describe('condis-assist check: output formats', () => {
  let dir: string;
  let cleanup: () => void;
  let pending: string;
  before(() => {
    ({ dir, cleanup } = scratch());
    dir = realpathSync(dir);
    copyFixtures(dir, { 'src/closeCall.c': 'closeCall.c', 'src/cm.h': 'cm.h', 'src/b/pendingComplete.c': 'pendingComplete.c' });
    pending = readFileSync(join(dir, 'src/b/pendingComplete.c'), 'utf8');
  });
  after(() => cleanup());

  test('text: one `file:line:col: severity: message [rule]` line per finding, paths relative to the current folder', () => {
    const r = cli(['check', ...TWO, 'src'], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    for (const l of lines) assert.match(l, /^[^:]+:\d+:\d+: (error|warning|information|hint): .+ \[[a-z-]+\]$/);
    const p = positionOf(pending, 'NDIS_STATUS_PENDING,');
    assert.equal(lines[0].split(': ')[0], join('src', 'b', `pendingComplete.c:${p.line}:${p.column}`));
    assert.match(lines[1], new RegExp(`^${join('src', 'closeCall.c').replace(/\\/g, '\\\\')}:23:5: warning: .*\\[missing-completion\\]$`));
    assert.match(r.stderr, /^condis-assist: 1 error, 1 warning in 3 files checked$/m);
  });

  test('text: a file outside the current folder is named by its absolute path', () => {
    const r = cli(['check', ...TWO, join(dir, 'src', 'b')], join(dir, 'src', 'b'));
    assert.ok(r.stdout.startsWith('pendingComplete.c:'), r.stdout);
    const outside = cli(['check', ...TWO, join(dir, 'src', 'b')], ROOT);
    assert.ok(outside.stdout.startsWith(join(dir, 'src', 'b', 'pendingComplete.c:')), outside.stdout);
  });

  test('json: exactly version, files and findings, with 1-based lines and UTF-16 columns', () => {
    const r = cli(['check', '--format', 'json', ...TWO, 'src'], dir);
    assert.equal(r.code, 1);
    const report = json(r);
    assert.deepEqual(Object.keys(report), ['version', 'files', 'findings']);
    assert.equal(report.version, 1);
    assert.equal(report.files, 3);
    for (const f of report.findings) {
      assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message']);
    }
    const [f] = report.findings;
    // The line holds "ünïcödé 😀" before the finding: the emoji is two UTF-16 code units, as in LSP.
    const p = positionOf(pending, 'NDIS_STATUS_PENDING,');
    assert.deepEqual(
      { file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, rule: f.rule, severity: f.severity },
      { file: join('src', 'b', 'pendingComplete.c'), line: p.line, column: p.column, endLine: p.line, endColumn: p.column + 'NDIS_STATUS_PENDING'.length,
        rule: 'complete-with-pending', severity: 'error' });
    assert.match(f.message, /NdisCmMakeCallComplete/);
  });

  test('json: findings are sorted by file, then line, then column', () => {
    write(dir, 'sorted/z.c', readFileSync(join(dir, 'src/b/pendingComplete.c'), 'utf8'));
    write(dir, 'sorted/a.c', `${pending}\n${pending.replace('FinishMakeCall', 'FinishMakeCall2')}`);
    const report = json(cli(['check', '--format', 'json', ...TWO, 'sorted', 'src/cm.h'], dir));
    const keys = report.findings.map((f) => [f.file, f.line, f.column] as const);
    assert.equal(keys.length, 3);
    assert.deepEqual(keys, [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2])));
    assert.deepEqual(keys.map((k) => k[0]), [join('sorted', 'a.c'), join('sorted', 'a.c'), join('sorted', 'z.c')]);
  });

  test('json: a clean run is an empty findings list', () => {
    const { dir: clean, cleanup: done } = scratch();
    try {
      copyFixtures(clean, CLEAN_CM);
      const r = cli(['check', '--format', 'json', '.'], clean);
      assert.equal(r.code, 0);
      assert.deepEqual(json(r), { version: 1, files: 3, findings: [] });
    } finally {
      done();
    }
  });

  test('sarif: valid against the SARIF 2.1.0 schema, for findings, a clean run and skipped input', () => {
    const validate = sarifValidator();
    for (const args of [['src'], ['src/cm.h'], ['src', 'missing.c']]) {
      const r = cli(['check', '--format', 'sarif', ...TWO, ...args], dir);
      const v = validate(JSON.parse(r.stdout));
      assert.ok(v.valid, `${args.join(' ')}: ${v.errors.join('\n')}`);
    }
    // The validator is not vacuous: a wrong version, a result without a message and a bad level are refused.
    const good = JSON.parse(cli(['check', '--format', 'sarif', ...TWO, 'src'], dir).stdout);
    const bad = structuredClone(good);
    bad.version = '2.0.0';
    delete bad.runs[0].results[0].message;
    bad.runs[0].results[1].level = 'fatal';
    const v = validate(bad);
    assert.equal(v.valid, false);
    assert.ok(v.errors.length >= 3, v.errors.join('\n'));
  });

  test('sarif: one run naming the tool, every rule with its summary, its page as help text and its default level', () => {
    const log = JSON.parse(cli(['check', '--format', 'sarif', ...TWO, 'src'], dir).stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'CoNDIS Assist');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    // package.json names no public home yet, so there is none to give (and never a placeholder).
    assert.equal(driver.informationUri, undefined);
    assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id));
    const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
    for (const [i, rule] of RULES.entries()) {
      const d = driver.rules[i];
      assert.equal(d.shortDescription.text, rule.summary);
      assert.equal(d.defaultConfiguration.level, level[rule.defaultSeverity]);
      // The help travels inside the log: GitHub code scanning shows it with no link to follow.
      assert.equal(d.helpUri, undefined, `${rule.id}: no help link`);
      const page = readFileSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      assert.ok(d.help.markdown.startsWith(`# ${rule.id}\n`), `${rule.id}: help.markdown is its page`);
      assert.ok(d.help.markdown.includes('## Bad') && d.help.text.includes('Bad'), `${rule.id}: help has the examples`);
      assert.ok(page.includes(d.fullDescription.markdown.split(' ').slice(0, 4).join(' ')), `${rule.id}: fullDescription opens the page`);
      assert.doesNotMatch(d.fullDescription.text, /`|\*\*/, `${rule.id}: fullDescription.text is plain`);
      // Relative links would resolve against the scanned repository: only https links are left.
      for (const m of `${d.help.markdown}${d.fullDescription.markdown}`.matchAll(/\]\(([^)]+)\)/g)) assert.match(m[1], /^https:\/\//, `${rule.id}: ${m[1]}`);
    }
    // Nothing in the log points at a file of the machine that ran it, except the source root it names as such.
    const { originalUriBaseIds, ...rest } = log.runs[0];
    assert.ok(originalUriBaseIds['%SRCROOT%']);
    assert.doesNotMatch(JSON.stringify(rest), /file:|\/tmp\/|\/work\//);
  });

  test('sarif: results carry rule id and index, level, message and a region relative to %SRCROOT%', () => {
    const log = JSON.parse(cli(['check', '--format', 'sarif', ...TWO, 'src'], dir).stdout);
    const run = log.runs[0];
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(dir).href}/`);
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.results.length, 2);
    const [r] = run.results;
    assert.equal(r.ruleId, 'complete-with-pending');
    assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    assert.equal(r.level, 'error');
    assert.match(r.message.text, /NdisCmMakeCallComplete/);
    const p = positionOf(pending, 'NDIS_STATUS_PENDING,');
    assert.deepEqual(r.locations[0].physicalLocation, {
      artifactLocation: { uri: 'src/b/pendingComplete.c', uriBaseId: '%SRCROOT%' },
      region: { startLine: p.line, startColumn: p.column, endLine: p.line, endColumn: p.column + 'NDIS_STATUS_PENDING'.length },
    });
    assert.equal(run.results[1].level, 'warning');
    assert.deepEqual(run.invocations, [{ executionSuccessful: true }]);
  });

  test('sarif: skipped input becomes a tool execution notification, and names needing escapes are URI-encoded', () => {
    write(dir, 'odd name#1.c', readFileSync(join(dir, 'src/b/pendingComplete.c'), 'utf8'));
    const r = cli(['check', '--format', 'sarif', ...TWO, 'odd name#1.c', 'gone.c'], dir);
    assert.equal(r.code, 2);
    const run = JSON.parse(r.stdout).runs[0];
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'odd%20name%231.c');
    const [inv] = run.invocations;
    assert.equal(inv.executionSuccessful, false);
    assert.equal(inv.toolExecutionNotifications.length, 1);
    assert.equal(inv.toolExecutionNotifications[0].level, 'error');
    assert.match(inv.toolExecutionNotifications[0].message.text, /no such file or directory/);
    assert.equal(inv.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, 'gone.c');
  });
});
