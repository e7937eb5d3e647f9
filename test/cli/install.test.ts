// The CLI as installed: it finds its package beside dist/ and takes its version and rule help pages from there.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { RULES } from '../../server/src/rules';
import { CLI, FIXTURES, only, scratch } from './cliKit';
import { sarifValidator } from './sarifSchema';

describe('condis-assist check: an installed package', () => {
  let dir: string;
  let cleanup: () => void;
  let pkg: string;
  const PAGE = '# missing-completion\n\nA handler pends and nothing completes it.\n\n```c\nreturn NDIS_STATUS_PENDING;\n```\n';
  const run = (args: string[]) => spawnSync(process.execPath, [join(pkg, 'dist', 'cli.js'), ...args], { cwd: dir, encoding: 'utf8' });

  before(() => {
    ({ dir, cleanup } = scratch());
    dir = realpathSync(dir);
    // A package laid out as npm installs it: package.json, dist/ (bundle and wasm), docs/rules/ with one page.
    pkg = join(dir, 'node_modules', 'condis-assist');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    for (const f of readdirSync(dirname(CLI))) if (f === 'cli.js' || f.endsWith('.wasm')) copyFileSync(join(dirname(CLI), f), join(pkg, 'dist', f));
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'condis-assist', version: '9.8.7', homepage: 'https://condis.test-home.dev/' }));
    mkdirSync(join(pkg, 'docs', 'rules'), { recursive: true });
    writeFileSync(join(pkg, 'docs', 'rules', 'missing-completion.md'), PAGE);
    copyFileSync(join(FIXTURES, 'closeCall.c'), join(dir, 'closeCall.c'));
  });
  after(() => cleanup());

  test('reports the version of the package it belongs to', () => {
    assert.equal(run(['--version']).stdout, 'condis-assist 9.8.7\n');
  });

  test('carries the rule pages beside the package as SARIF help, with no link to them, and the package\'s home page', () => {
    const r = run(['check', '--format', 'sarif', ...only('missing-completion'), 'closeCall.c']);
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    const v = sarifValidator()(log);
    assert.ok(v.valid, v.errors.join('\n'));
    const { driver } = log.runs[0].tool;
    assert.equal(driver.version, '9.8.7');
    assert.equal(driver.informationUri, 'https://condis.test-home.dev/');
    for (const rule of RULES) {
      const d = driver.rules.find((x: { id: string }) => x.id === rule.id);
      assert.equal(d.helpUri, undefined);
      if (rule.id === 'missing-completion') {
        assert.deepEqual(d.help.markdown, PAGE);
        assert.equal(d.fullDescription.markdown, 'A handler pends and nothing completes it.');
        assert.match(d.help.text, /^missing-completion\n\nA handler pends/);
      } else {
        assert.equal(d.help, undefined, `${rule.id} has no page in this package`);
        assert.equal(d.fullDescription.text, rule.summary);
      }
    }
  });
});
