// The request lifecycle in the packaged extension, as a person sees it (node:test, code-server + headless chromium):
// the lens above the example call manager's close-call handler and the peek it opens, the "CoNDIS Driver" view, and
// the "CoNDIS: Show Request Lifecycle" webview with the author's functions read back from its DOM.
//   node --import tsx --test test/ui/lifecycle.test.ts
//   CONDIS_VSIX=<file> skips packaging; CONDIS_UPDATE_SCREENSHOTS=1 rewrites docs/images/lifecycle.png (the committed
//   one was then made smaller with `pngquant --quality 60-85`, 300 KB to 100 KB).
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { codeLens, explorerPane, paneRow, paneRowsUntil, peekUntil, runCommand, webviewPage } from './lifecycleView';
import { openPackagedWorkbench, type PackagedWorkbench } from './packaged';
import { poll, Workbench } from './workbench';

const ROOT = join(__dirname, '..', '..');
const WORKSPACE = join(ROOT, 'test', 'vscode-workspace');
const SHOTS = join(ROOT, 'test-results', 'ui-lifecycle');
const FILE = 'callManager.c';

/** 1-based line of the first line of the workspace file holding `needle`. */
function lineOf(needle: string): number {
  const i = readFileSync(join(WORKSPACE, FILE), 'utf8').split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `${needle} is in ${FILE}`);
  return i + 1;
}

/** The status bar's cursor position ("Ln 122, Col 1"). */
function statusLine(wb: Workbench): Promise<string> {
  return wb.page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first().innerText();
}

describe('the request lifecycle in the packaged extension (code-server, headless chromium)', { concurrency: false, timeout: 900_000 }, () => {
  let session: PackagedWorkbench | undefined;
  let wb: Workbench;
  const handlerLine = lineOf('CmCloseCall(');
  const completionLine = lineOf('NdisCmCloseCallComplete(Status, VcHandle, NULL);');

  before(async () => {
    session = await openPackagedWorkbench({ prefix: 'condis-vscode-lifecycle-', workspace: WORKSPACE, shots: SHOTS, viewport: { width: 1600, height: 900 } });
    wb = session.wb;
    await wb.openFromExplorer(FILE);
  });

  after(async () => {
    await session?.close();
  });

  it('shows a lens above the close-call handler, and clicking it peeks the completion in the work item', async () => {
    await wb.goToLine(handlerLine);
    const lens = await codeLens(wb, /ProtocolCmCloseCall · pends/);
    assert.match(await lens.innerText(), /CmCloseCallWorker/, 'the lens names the function that completes the close');
    await lens.click();
    await peekUntil(wb, (text) => {
      assert.ok(text.includes('NdisCmCloseCallComplete(Status, VcHandle, NULL);'), `the peek lists the completion call; it shows:\n${text}`);
    });
    await wb.screenshot('01-lens-peek');
    await wb.page.keyboard.press('Escape');
  });

  it('lists the handlers in the CoNDIS Driver view with their completion state', async () => {
    // The folder's pane folded away, so the view has the Explorer's height for its rows.
    await wb.page.locator('.explorer-viewlet .pane-header[aria-expanded="true"]', { hasText: 'vscode-workspace' }).first().click();
    const pane = await explorerPane(wb, 'CoNDIS Driver');
    const rows = await paneRowsUntil(wb, pane, (rs) => {
      assert.ok(rs.some((r) => r.startsWith('CmCloseCall ') && r.includes('completed in CmCloseCallWorker')),
        `CmCloseCall is listed as completed in CmCloseCallWorker; the view shows:\n${rs.join('\n')}`);
    });
    assert.ok(rows.some((r) => r.includes('stand-alone call manager')), `the driver's kind is shown:\n${rows.join('\n')}`);
    assert.ok(rows.some((r) => r.startsWith('CmMakeCall ')), `CmMakeCall is listed:\n${rows.join('\n')}`);
    // Clicking the handler opens its definition; unfolding it lists the completion calls with their places.
    const row = paneRow(pane, 'CmCloseCall');
    await row.click();
    await poll(async () => assert.match(await statusLine(wb), new RegExp(`^Ln ${handlerLine},`)));
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
    await paneRowsUntil(wb, pane, (rs) => {
      assert.ok(rs.includes(`CmCloseCallWorker callManager.c:${completionLine} · NdisCmCloseCallComplete`),
        `the completion call is listed under CmCloseCall; the view shows:\n${rs.join('\n')}`);
    });
    await wb.screenshot('02-driver-view');
  });

  it('draws the close call\'s lifecycle with the author\'s functions, whose links open them', async () => {
    await wb.goToLine(handlerLine, 2);
    await runCommand(wb, 'CoNDIS: Show Request Lifecycle');
    const page = webviewPage(wb);
    const names = await wb.keepScreenOnFailure('lifecycle', () => poll(async () => {
      // SVG elements have no innerText: their textContent is what is drawn.
      const shown = await page.locator('svg text.fn-name').evaluateAll((ts) => ts.map((t) => (t.textContent ?? '').trim()));
      for (const name of ['CmCloseCall', 'CmCloseCallWorker']) assert.ok(shown.includes(name), `the picture shows ${name}; it shows: ${shown.join(', ') || 'nothing'}`);
      return shown;
    }, 45_000));
    assert.ok(names.length >= 2);
    assert.match(await page.locator('h1').innerText(), /close call/);
    await wb.page.keyboard.press('Escape');
    const shot = await wb.screenshot('03-lifecycle');
    if (process.env.CONDIS_UPDATE_SCREENSHOTS) copyFileSync(shot, join(ROOT, 'docs', 'images', 'lifecycle.png'));
    // The link in the list posts a message; the extension opens the completion call in the editor.
    await page.locator('ol.steps a.fn', { hasText: 'CmCloseCallWorker' }).first().click();
    await poll(async () => {
      const text = await statusLine(wb);
      assert.ok(text.startsWith(`Ln ${completionLine},`), `the editor moved to line ${completionLine}; the status bar says ${text}`);
    });
  });
});
