// Tests of the real-VS-Code harness itself (node:test): a broken hover fails the extension-host
// suite, a run that never ends is stopped at its timeout, and no run leaves a process behind.
// CONDIS_VSCODE_EXTENSION picks the extension folder to derive from (default: this repo's dist/).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const CACHE = join(ROOT, '.vscode-test');
const SOURCE = process.env.CONDIS_VSCODE_EXTENSION || ROOT;
const BROKEN = join(CACHE, 'broken-extension');
const RUN_TEST = join(ROOT, 'test', 'vscode', 'runTest.mjs');
const LAUNCHER = join(ROOT, 'scripts', 'vscode', 'launcher.mjs');

// The real server behind a shim that answers every hover with the wrong text: what a regression
// in hover looks like from VS Code, whatever the server's internals are.
const BROKEN_SERVER = `// Deliberately broken build (harness self-test): every hover answer is replaced.
const hoverIds = new Set();
process.on('message', (m) => { if (m && m.method === 'textDocument/hover') hoverIds.add(m.id); });
const send = process.send.bind(process);
process.send = (m, ...rest) => {
  if (m && 'result' in m && hoverIds.delete(m.id)) m = { ...m, result: { contents: { kind: 'markdown', value: 'broken hover' } } };
  return send(m, ...rest);
};
require('./server.real.js');
`;

function makeBrokenExtension(): void {
  rmSync(BROKEN, { recursive: true, force: true });
  mkdirSync(BROKEN, { recursive: true });
  copyFileSync(join(SOURCE, 'package.json'), join(BROKEN, 'package.json'));
  cpSync(join(SOURCE, 'dist'), join(BROKEN, 'dist'), { recursive: true });
  renameSync(join(BROKEN, 'dist', 'server.js'), join(BROKEN, 'dist', 'server.real.js'));
  writeFileSync(join(BROKEN, 'dist', 'server.js'), BROKEN_SERVER);
}

/** Runs a command to completion, capturing its output; never throws on a non-zero exit. */
function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d; });
    child.stderr.on('data', (d: Buffer) => { out += d; });
    child.on('close', (code) => resolve({ code, out }));
  });
}

const tail = (out: string) => out.split('\n').slice(-40).join('\n');
// Only the hover case, and a short poll: the broken run fails after 5 s instead of 20.
const hoverOnly = { CONDIS_VSCODE: 'server', CONDIS_VSCODE_GREP: 'hover explains', CONDIS_VSCODE_WAIT_MS: '5000', CONDIS_SKIP_BUILD: '1' };

describe('the real-VS-Code harness', { concurrency: false, timeout: 300_000 }, () => {
  before(() => {
    makeBrokenExtension();
  });

  it('passes the hover case against the extension as built', async () => {
    const { code, out } = await run([RUN_TEST], { ...hoverOnly, CONDIS_VSCODE_EXTENSION: SOURCE });
    assert.equal(code, 0, tail(out));
    assert.match(out, /1 passing/, tail(out));
  });

  it('fails the hover case when the extension answers hovers wrongly', async () => {
    const { code, out } = await run([RUN_TEST], { ...hoverOnly, CONDIS_VSCODE_EXTENSION: BROKEN });
    assert.notEqual(code, 0, tail(out));
    assert.match(out, /1 failing/, tail(out));
    assert.match(out, /names the MCM form of the call: no "NdisMCmCloseCallComplete" in/, tail(out));
    assert.match(out, /broken hover/, tail(out));
  });

  it('stops a test run that never ends at its timeout, saying so', async () => {
    const hang = join(CACHE, 'hang-suite');
    mkdirSync(hang, { recursive: true });
    writeFileSync(join(hang, 'index.js'), 'exports.run = () => new Promise(() => {});\n');
    const t0 = Date.now();
    const { code, out } = await run([LAUNCHER, join(ROOT, 'test', 'vscode-workspace'),
      `--extensionDevelopmentPath=${SOURCE}`, `--extensionTestsPath=${join(hang, 'index.js')}`], { CONDIS_VSCODE_TIMEOUT: '15' });
    assert.equal(code, 1, tail(out));
    assert.match(out, /TIMEOUT: the test run did not finish within 15 s/, tail(out));
    assert.ok(Date.now() - t0 < 60_000, `stopped within a minute (took ${Date.now() - t0} ms)`);
  });

  it('leaves no code-server, extension host, language server or browser running', async () => {
    const { listProcesses } = await import('../../scripts/vscode/processes.mjs');
    const { RUN_TAG } = await import('../../scripts/vscode/paths.mjs');
    // This checkout's processes only: another checkout's test run may be going on beside this one.
    const left = listProcesses().filter((p) => p.cmdline.includes(CACHE) || (p.cmdline.includes('condis-vscode-') && p.cmdline.includes(`-${RUN_TAG}-`)));
    assert.deepEqual(left, []);
  });
});
