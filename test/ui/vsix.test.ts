// The packaged extension as a user gets it: `npm run package`, install the .vsix into code-server,
// open a call manager's C file in the browser and check what a person sees (node:test).
//   node --import tsx --test test/ui/vsix.test.ts
//   CONDIS_VSIX=<file> skips packaging; CONDIS_UPDATE_SCREENSHOTS=1 rewrites docs/images/hover.png
//   (the README's screenshot; written anyway when missing). Screenshots: test-results/ui/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import type { CodeServer, RunDir } from '../../scripts/vscode/codeServer.mjs' with { 'resolution-mode': 'import' };
import { Workbench } from './workbench';

const ROOT = join(__dirname, '..', '..');
const WORKSPACE = join(ROOT, 'test', 'vscode-workspace');
const SHOTS = join(ROOT, 'test-results', 'ui');
const README_SHOT = join(ROOT, 'docs', 'images', 'hover.png');
const CLOSE_CALL = 'NdisCmCloseCallComplete(Status, VcHandle, NULL);';

function packageVsix(): string {
  if (process.env.CONDIS_VSIX) return process.env.CONDIS_VSIX;
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const vsix = join(ROOT, `condis-assist-${version}.vsix`);
  assert.ok(existsSync(vsix), `npm run package produced ${vsix}`);
  return vsix;
}

function lineOf(file: string, needle: string): number {
  const lines = readFileSync(join(WORKSPACE, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `${needle} is in ${file}`);
  return i + 1;
}

function includesAll(text: string, needles: string[]): void {
  for (const n of needles) assert.ok(text.includes(n), `"${n}" is shown; the widget says:\n${text}`);
}

describe('the packaged extension in VS Code (code-server, headless chromium)', { concurrency: false, timeout: 900_000 }, () => {
  let runDir: RunDir | undefined;
  let server: CodeServer | undefined;
  let context: BrowserContext | undefined;
  let wb: Workbench;

  before(async () => {
    const { setup } = await import('../../scripts/vscode/setup.mjs');
    const cs = await import('../../scripts/vscode/codeServer.mjs');
    await setup();
    const vsix = packageVsix();
    // Hovers open below the line, so the screenshot keeps the code above them in view.
    runDir = cs.makeRunDir('condis-vscode-ui-', { 'editor.hover.above': false });
    cs.installVsix(runDir, vsix);
    const folder = cs.copyWorkspace(runDir, WORKSPACE);
    server = await cs.startCodeServer({ runDir, folder });
    context = await cs.launchBrowser(runDir);
    context.setDefaultTimeout(30_000);
    wb = new Workbench(context.pages()[0] ?? await context.newPage(), SHOTS);
    await wb.open(server.url, folder);
  });

  after(async () => {
    const { stopAll } = await import('../../scripts/vscode/codeServer.mjs');
    if (runDir) await stopAll({ context, server, runDir });
  });

  it('lists the call manager sources in the Explorer and opens callManager.c', async () => {
    await wb.openFromExplorer('callManager.c');
    await wb.screenshot('01-explorer');
  });

  it('shows the CoNDIS hover on NdisCmCloseCallComplete', async () => {
    await wb.goToLine(lineOf('callManager.c', CLOSE_CALL));
    const hover = await wb.hover('NdisCmCloseCallComplete', (text) => includesAll(text, ['NdisCmCloseCallComplete', 'DISPATCH_LEVEL']));
    includesAll(await hover.innerText(), ['NdisMCmCloseCallComplete', 'NDIS_STATUS_PENDING', 'DISPATCH_LEVEL']);
    const links = await wb.linkTargets(hover);
    assert.ok(links.some((l) => l.includes('learn.microsoft.com/windows-hardware/drivers/ddi/ndis/nf-ndis-ndiscmclosecallcomplete')),
      `the hover links the reference page (links: ${links.join(', ')})`);
    const shot = await wb.screenshot('02-hover');
    if (process.env.CONDIS_UPDATE_SCREENSHOTS || !existsSync(README_SHOT)) {
      mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
      copyFileSync(shot, README_SHOT);
    }
  });

  it('shows signature help while NdisCmCloseCallComplete( is typed on a new line', async () => {
    await wb.typeOnNewLine('NdisCmCloseCallComplete(');
    await wb.signatureHelp((text, active) => {
      includesAll(text, ['NdisCmCloseCallComplete', 'NdisVcHandle', 'NdisPartyHandle']);
      assert.match(active, /\bStatus\b/, `the first parameter is highlighted (active: "${active}")`);
    });
    await wb.screenshot('03-signature-help-status');
    await wb.type('NDIS_STATUS_SUCCESS, ');
    await wb.signatureHelp((_text, active) => {
      assert.match(active, /\bNdisVcHandle\b/, `the second parameter is highlighted (active: "${active}")`);
    });
    await wb.screenshot('04-signature-help-vchandle');
  });
});
