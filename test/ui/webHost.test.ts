// The packaged extension in VS Code's web worker extension host, as on vscode.dev and github.dev (node:test,
// code-server + headless chromium): the user setting remote.extensionKind puts it there; a person sees the CoNDIS
// hover, a finding in the Problems panel, and a cross-file finding whose other file only the client could read.
//   node --import tsx --test test/ui/webHost.test.ts      (CONDIS_VSIX=<file> skips packaging)
// Every screenshot goes to test-results/ui-web/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openPackagedWorkbench, type PackagedWorkbench } from './packaged';
import { Workbench, type Problem } from './workbench';

const ROOT = join(__dirname, '..', '..');
const WORKSPACE = join(ROOT, 'test', 'vscode-workspace');
const SHOTS = join(ROOT, 'test-results', 'ui-web');
const EXTENSION_ID = 'condis-assist.condis-assist';
const PENDING_FILE = 'mistakes/closeCallCompletedWithPending.c';

function lineOf(file: string, needle: string): number {
  const i = readFileSync(join(WORKSPACE, file), 'utf8').split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `${needle} is in ${file}`);
  return i + 1;
}

const listed = (problems: Problem[]) =>
  problems.map((p) => `  ${p.file}:${p.line} ${p.source}(${p.code}) ${p.message.slice(0, 100)}`).join('\n') || '  nothing';

describe('the packaged extension in the web worker extension host (code-server, headless chromium)', { concurrency: false, timeout: 900_000 }, () => {
  let session: PackagedWorkbench | undefined;
  let wb: Workbench;

  before(async () => {
    session = await openPackagedWorkbench({ prefix: 'condis-vscode-ui-web-', webHostOf: EXTENSION_ID, settings: { 'editor.hover.above': false }, workspace: WORKSPACE, shots: SHOTS });
    wb = session.wb;
  });

  after(async () => {
    await session?.close();
  });

  it('shows the CoNDIS hover on NdisCmCloseCallComplete, answered with no Node language server running', async () => {
    await wb.openFromExplorer('callManager.c');
    await wb.goToLine(lineOf('callManager.c', 'NdisCmCloseCallComplete(Status, VcHandle, NULL);'));
    const hover = await wb.hover('NdisCmCloseCallComplete', (text) => {
      for (const word of ['NdisCmCloseCallComplete', 'DISPATCH_LEVEL', 'NDIS_STATUS_PENDING']) assert.ok(text.includes(word), `the hover shows ${word}:\n${text}`);
    });
    assert.ok(await hover.isVisible());
    await wb.screenshot('01-hover');
    // Only our server answers CoNDIS hovers; in the Node host it is a process running the installed dist/server.js.
    const { listProcesses } = await import('../../scripts/vscode/processes.mjs');
    const nodeServers = listProcesses().filter((p) => p.cmdline.includes(session!.runDir.extensions) && /dist[/\\]server\.js/.test(p.cmdline));
    assert.deepEqual(nodeServers.map((p) => p.cmdline), [], 'no Node language server of the installed extension runs');
  });

  it('lists the complete-with-pending finding in the Problems panel', async () => {
    await wb.openFromExplorerFolder('mistakes', 'closeCallCompletedWithPending.c');
    const line = lineOf(PENDING_FILE, 'NdisCmCloseCallComplete(NDIS_STATUS_PENDING, VcHandle, NULL);');
    await wb.problemsUntil((all) => {
      const mine = all.filter((p) => p.file === PENDING_FILE);
      assert.deepEqual(mine.map((p) => [p.source, p.code, p.line]), [['condis', 'complete-with-pending', line]],
        `the Problems panel lists the one finding of ${PENDING_FILE}; it lists:\n${listed(all)}`);
    });
    await wb.screenshot('02-problems');
  });

  it('lists missing-completion for a handler whose table is in a file never opened (read through the client)', async () => {
    await wb.openFromExplorerFolder('crossfile', 'cm.c');
    const line = lineOf('mistakes/crossfile/cm.c', 'return NDIS_STATUS_PENDING;');
    await wb.problemsUntil((all) => {
      const mine = all.filter((p) => p.file.endsWith('cm.c') && p.code === 'missing-completion');
      assert.deepEqual(mine.map((p) => p.line), [line], `missing-completion is listed for cm.c; the panel lists:\n${listed(all)}`);
    });
    await wb.screenshot('03-cross-file');
  });
});
