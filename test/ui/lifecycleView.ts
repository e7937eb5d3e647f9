// What a person sees of the request lifecycle in the workbench, as playwright steps: the code lenses above a line,
// the peek a lens opens, the "CoNDIS Driver" view's rows and the lifecycle webview's page (two nested iframes).
import type { FrameLocator, Locator } from 'playwright-core';
import { poll, type Workbench } from './workbench';

/** The editor's code lens links (as drawn) whose text matches `title`, once one is shown; returns it. */
export async function codeLens(wb: Workbench, title: RegExp, timeoutMs = 45_000): Promise<Locator> {
  const lens = wb.editor.locator('.codelens-decoration a', { hasText: title }).first();
  await wb.keepScreenOnFailure('code-lens', () => poll(async () => {
    const shown = await wb.editor.locator('.codelens-decoration').allInnerTexts();
    if (!(await lens.isVisible())) throw new Error(`no lens matches ${title}; the editor shows: ${shown.join(' | ') || 'none'}`);
  }, timeoutMs));
  return lens;
}

/** The references peek opened in the editor, once `check(text)` accepts what it lists. */
export async function peekUntil(wb: Workbench, check: (text: string) => void, timeoutMs = 20_000): Promise<string> {
  const peek = wb.page.locator('.zone-widget .peekview-widget').filter({ visible: true }).first();
  return wb.keepScreenOnFailure('peek', () => poll(async () => {
    await peek.waitFor({ timeout: 2500 });
    const text = await peek.innerText();
    check(text);
    return text;
  }, timeoutMs));
}

/** The Explorer's pane of a view (by its title), expanded. */
export async function explorerPane(wb: Workbench, title: string): Promise<Locator> {
  const header = wb.page.locator('.explorer-viewlet .pane-header', { hasText: title }).first();
  await header.waitFor({ timeout: 60_000 });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  // `has` looks inside the pane, so its locator names the header from there.
  return wb.page.locator('.explorer-viewlet .pane', { has: wb.page.locator('.pane-header', { hasText: title }) }).first();
}

/** The row of a tree pane whose label is `label`. */
export function paneRow(pane: Locator, label: string): Locator {
  return pane.locator('.monaco-list-row', { has: pane.page().locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
}

/** A tree pane's rows as shown ("label description"), top to bottom, once `check(rows)` accepts them. */
export async function paneRowsUntil(wb: Workbench, pane: Locator, check: (rows: string[]) => void, timeoutMs = 45_000): Promise<string[]> {
  return wb.keepScreenOnFailure('tree', () => poll(async () => {
    // Label and description are separate elements (the space between them is a CSS margin): joined with one here.
    const rows = await pane.locator('.monaco-list-row').evaluateAll((rs) => rs
      .map((r) => ({
        text: ['.label-name', '.label-description'].map((c) => (r.querySelector(c)?.textContent ?? '').trim()).filter(Boolean).join(' '),
        top: parseFloat((r as unknown as { style: { top: string } }).style.top) || 0,
      }))
      .sort((a, b) => a.top - b.top).map((r) => r.text));
    check(rows);
    return rows;
  }, timeoutMs));
}

/** Runs a command from the command palette by its title. */
export async function runCommand(wb: Workbench, title: string): Promise<void> {
  await wb.page.keyboard.press('F1');
  const input = wb.page.locator('.quick-input-widget input').filter({ visible: true }).first();
  await input.waitFor();
  await input.fill(`>${title}`);
  const item = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await item.waitFor();
  await wb.page.keyboard.press('Enter');
}

/** The page inside the webview whose panel tab is titled `tab` (the workbench's iframe, then the page's). */
export function webviewPage(wb: Workbench): FrameLocator {
  return wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}
