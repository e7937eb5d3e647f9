// node:test entry for the extension-host suite: runs test/vscode/runTest.mjs (test-electron's
// runTests, against code-server + chromium offline), in the Node and then the web worker extension host, and passes
// when every mocha case passes in both.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'node:test';

const ROOT = join(__dirname, '..', '..');

it('runs the extension-host suite in a real VS Code, Node and web worker hosts, every case passing', { timeout: 1_200_000 }, async () => {
  const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'test', 'vscode', 'runTest.mjs')], { cwd: ROOT });
    let out = '';
    // Streamed as it comes, so a long run shows progress in CI's log.
    child.stdout.on('data', (d: Buffer) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d: Buffer) => { out += d; process.stderr.write(d); });
    child.on('close', (c) => resolve({ code: c, out }));
  });
  assert.equal(code, 0, `the suite failed:\n${out.split('\n').slice(-60).join('\n')}`);
  assert.equal(out.match(/\d+ passing/g)?.length, 2, 'one mocha run per extension host');
  assert.match(out, /node extension host: passed/);
  assert.match(out, /web extension host: passed/);
});
