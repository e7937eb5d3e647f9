// The npm package as a CI job gets it: `npm pack`, then `npm install -g <tarball>` into a scratch prefix, offline,
// and the installed `condis-assist` checks a driver folder from another folder. No build step, no dev dependency.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { copyFixtures, CLEAN_CM } from '../cli/cliKit';
import { isText, PLACEHOLDER_HOST } from './packageKit';

const ROOT = join(__dirname, '..', '..');
const npm = (args: string[], cwd: string) => {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  assert.equal(r.status, 0, `npm ${args.join(' ')}:\n${r.stdout}${r.stderr}`);
  return r;
};

describe('npm pack: the command-line checker as an npm package', () => {
  let tmp: string;
  let tarball: string;
  let installed: string;
  let bin: string;
  let installOutput: string;

  before(() => {
    tmp = realpathSync(mkdtempSync(join(tmpdir(), 'condis-pack-')));
    const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', tmp], ROOT).stdout) as { filename: string }[];
    tarball = join(tmp, packed[0].filename);
    const prefix = join(tmp, 'prefix');
    // --offline with an empty cache: the install must need nothing but the tarball.
    const r = npm(['install', '-g', tarball, '--prefix', prefix, '--offline', '--cache', join(tmp, 'cache'), '--no-audit', '--no-fund'], tmp);
    installOutput = `${r.stdout}${r.stderr}`;
    installed = process.platform === 'win32' ? join(prefix, 'node_modules', 'condis-assist') : join(prefix, 'lib', 'node_modules', 'condis-assist');
    bin = join(prefix, process.platform === 'win32' ? 'condis-assist.cmd' : join('bin', 'condis-assist'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('the tarball holds only what runs, and its size is reported', (t) => {
    const files = readdirSync(installed, { recursive: true }).map(String).filter((f) => statSync(join(installed, f)).isFile()).sort();
    const expected = (f: string) => ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/cli.js', 'dist/cliWorker.js', 'dist/grammar.json'].includes(f)
      || /^dist\/[\w-]+\.wasm$/.test(f) || /^docs\/rules\/[\w-]+\.md$/.test(f);
    assert.deepEqual(files.filter((f) => !expected(f.replaceAll('\\', '/'))), [], 'nothing but the CLI, its wasm files and the rule pages');
    assert.ok(files.includes(join('dist', 'tree-sitter-c.wasm')) && files.includes(join('dist', 'web-tree-sitter.wasm')));
    assert.ok(files.includes(join('dist', 'cliWorker.js')), 'the worker threads of `check --jobs` have their bundle');
    const size = statSync(tarball).size;
    t.diagnostic(`${tarball.split(/[\\/]/).pop()}: ${(size / 1024).toFixed(0)} KB packed, ${files.length} files`);
    assert.ok(size < 2 * 1024 * 1024, `the tarball stays small (${size} bytes)`);
    for (const f of files.filter(isText)) {
      const m = PLACEHOLDER_HOST.exec(readFileSync(join(installed, f), 'utf8'));
      assert.equal(m, null, `${f} names a placeholder host: ${m?.[0]}`);
    }
  });

  test('installs with no build step: the shipped package.json has no scripts and no dependencies, npm warns of nothing', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.equal(manifest.scripts, undefined);
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.devDependencies, undefined);
    assert.equal(manifest.bin['condis-assist'], './dist/cli.js');
    assert.doesNotMatch(installOutput, /warn|ERR/i, installOutput);
    // The checkout's package.json is back as it was once npm pack is done.
    assert.ok(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.prepare);
    assert.ok(!existsSync(join(ROOT, '.tmp', 'package.json.packing')));
  });

  test('`condis-assist check src/` runs from the driver\'s folder: findings, the exit status and SARIF help from the installed pages', () => {
    const driver = join(tmp, 'driver');
    copyFixtures(driver, { 'src/closeCall.c': 'closeCall.c', 'clean/closeCall.c': 'closeCall.c', 'clean/closeWork.c': 'closeWork.c', 'clean/cm.h': 'cm.h' });
    const run = (args: string[]) => spawnSync(bin, args, { cwd: driver, encoding: 'utf8', shell: process.platform === 'win32' });
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    assert.equal(run(['--version']).stdout, `condis-assist ${version}\n`);
    const found = run(['check', 'src/']);
    assert.equal(found.status, 1, found.stderr);
    assert.match(found.stdout, /^src[\\/]closeCall\.c:\d+:\d+: warning: .*\[missing-completion\]$/m);
    const clean = run(['check', 'clean']);
    assert.equal(clean.status, 0, clean.stderr);
    assert.match(clean.stderr, new RegExp(`no findings in ${CLEAN_CM.length} files checked`));
    const sarif = JSON.parse(run(['check', '--format', 'sarif', 'src']).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'missing-completion');
    assert.match(rule.help.markdown, /^# missing-completion\n/);
    assert.doesNotMatch(JSON.stringify(sarif.runs[0].tool), /file:/);
  });
});
