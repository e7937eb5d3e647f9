// What a person does in the VS Code workbench, as playwright steps on code-server's web UI:
// open a file from the Explorer, go to a line, hover a word, type, and read the widgets.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * Calls `attempt` until it returns without throwing and returns its value; after `timeoutMs` the
 * last attempt's error is thrown, so a failure reports what the screen showed last.
 */
export async function poll<T>(attempt: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the page's elements give (the DOM library is not in this project's types). */
type Drawn = { innerText: string; style: { top: string } };

/** One entry of the Problems panel as a person reads it. */
export interface Problem {
  /** The file it is filed under, with its folder when the panel shows one ("mistakes/x.c"). */
  file: string;
  /** Error, Warning, Info, ... (from the row's accessible label). */
  severity: string;
  message: string;
  /** The tool that reported it ("condis") and its code (the rule id). */
  source: string;
  code: string;
  line: number;
  column: number;
}

export class Workbench {
  readonly editor: Locator;

  constructor(readonly page: Page, private readonly screenshotDir: string) {
    this.editor = page.locator('.editor-instance .monaco-editor').first();
  }

  async open(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  }

  /** Expands `folder` in the Explorer tree (when collapsed), clicks `name` in it and waits for its editor. */
  async openFromExplorerFolder(folder: string, name: string): Promise<void> {
    const item = this.page.getByRole('treeitem', { name: folder, exact: true });
    if ((await item.getAttribute('aria-expanded', { timeout: 60_000 })) !== 'true') await item.click();
    await this.openFromExplorer(name);
  }

  /**
   * Creates `name` in the workspace folder with the Explorer's "New File..." action (typing the name in the tree, as
   * a person does) and waits for its empty editor.
   */
  async newFileFromExplorer(name: string): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('treeitem', { name: 'callManager.c', exact: true }).click(); // a root-level item: the file goes to the root
    await this.page.getByRole('button', { name: 'New File...' }).first().click();
    const input = this.page.locator('.explorer-viewlet .monaco-inputbox input').filter({ visible: true }).first();
    await input.waitFor();
    await input.fill(name);
    await this.page.keyboard.press('Enter');
    await this.page.getByRole('tab', { name: new RegExp(`^${escapeRegExp(name)}`) }).waitFor();
    await this.editor.locator('.view-lines').waitFor();
  }

  /** Clicks a file in the Explorer tree and waits for its editor. */
  async openFromExplorer(name: string): Promise<void> {
    await this.page.getByRole('treeitem', { name, exact: true }).click({ timeout: 60_000 });
    await this.page.getByRole('tab', { name: new RegExp(`^${escapeRegExp(name)}`) }).waitFor();
    await this.editor.locator('.view-lines').waitFor();
  }

  /** Ctrl+G <line>[:<column>] Enter: the cursor at that line (and 1-based column), scrolled into view. */
  async goToLine(line: number, column?: number): Promise<void> {
    await this.editor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+G');
    await this.page.keyboard.type(column === undefined ? String(line) : `${line}:${column}`);
    await this.page.keyboard.press('Enter');
  }

  /** The rendered token of `word` (exact text) in the editor. */
  token(word: string): Locator {
    return this.editor.locator('.view-line span[class^="mtk"]', { hasText: new RegExp(`^${escapeRegExp(word)}$`) }).first();
  }

  /**
   * Points the mouse at `word` until a hover appears and `check(text)` accepts it (the language
   * server may still be starting: an early hover is empty). Returns the hover's locator.
   */
  async hover(word: string, check: (text: string) => void, timeoutMs = 30_000): Promise<Locator> {
    const hover = this.page.locator('.monaco-hover-content').filter({ visible: true }).first();
    await this.keepScreenOnFailure('hover', () => poll(async () => {
      await this.page.mouse.move(1, 1);
      await this.token(word).hover({ timeout: 5000 });
      await hover.waitFor({ timeout: 2500 });
      check(await hover.innerText());
    }, timeoutMs));
    return hover;
  }

  /** Links in a widget, as their targets. */
  async linkTargets(widget: Locator): Promise<string[]> {
    return widget.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
  }

  /** A new line after the cursor's line, then `text` typed key by key. */
  async typeOnNewLine(text: string): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('Enter');
    await this.type(text);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 15 });
  }

  /** The visible signature-help widget, once `check(text, activeParameter)` accepts it. */
  async signatureHelp(check: (text: string, active: string) => void, timeoutMs = 20_000): Promise<Locator> {
    const widget = this.page.locator('.parameter-hints-widget').filter({ visible: true }).first();
    await this.keepScreenOnFailure('signature-help', () => poll(async () => {
      await widget.waitFor({ timeout: 2500 });
      const active = (await widget.locator('.signature .parameter.active').allInnerTexts()).join(' ');
      check(await widget.innerText(), active);
    }, timeoutMs));
    return widget;
  }

  /** The Problems panel (View: Problems, Ctrl+Shift+M), opened if it is not showing. */
  async showProblems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel').filter({ visible: true }).first();
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Control+Shift+M');
    }
    await panel.waitFor();
    return panel;
  }

  /** What the Problems panel lists now, one entry per problem, with the file it is filed under. */
  async problems(): Promise<Problem[]> {
    const panel = await this.showProblems();
    const rows = await panel.locator('.monaco-list-row').evaluateAll((rs) =>
      rs.map((r) => ({ label: r.getAttribute('aria-label') ?? '', text: (r as unknown as Drawn).innerText, top: parseFloat((r as unknown as Drawn).style.top) || 0 })));
    rows.sort((a, b) => a.top - b.top); // the list recycles row elements: screen order is their `top`
    const out: Problem[] = [];
    let file = '';
    for (const row of rows) {
      const inFile = /problems? in file (.+?)(?: of folder (.+))?$/.exec(row.label);
      // Files at the workspace root are "of folder ." in the label.
      if (inFile) { file = inFile[2] && inFile[2] !== '.' ? `${inFile[2]}/${inFile[1]}` : inFile[1]; continue; }
      const [message = '', source = '', code = ''] = row.text.split('\n');
      const at = /\[Ln (\d+), Col (\d+)\]/.exec(row.text);
      out.push({ file, severity: /^(\w+):/.exec(row.label)?.[1] ?? '', message, source, code, line: Number(at?.[1] ?? 0), column: Number(at?.[2] ?? 0) });
    }
    return out;
  }

  /** Polls the Problems panel until `check(problems)` accepts what it lists; returns that list. */
  async problemsUntil(check: (problems: Problem[]) => void, timeoutMs = 30_000): Promise<Problem[]> {
    return this.keepScreenOnFailure('problems', () => poll(async () => {
      const problems = await this.problems();
      check(problems);
      return problems;
    }, timeoutMs));
  }

  /**
   * Ctrl+. at the cursor, until the quick-fix menu lists every title in `titles` (the menu may open before the
   * language server answers); returns the menu's titles with the menu still open.
   */
  async openQuickFixMenu(titles: string[], timeoutMs = 20_000): Promise<string[]> {
    const menu = this.page.locator('.action-widget').filter({ visible: true }).first();
    return this.keepScreenOnFailure('quick-fix-menu', () => poll(async () => {
      if (!(await menu.isVisible())) await this.page.keyboard.press('Control+.');
      await menu.waitFor({ timeout: 2500 });
      const shown = (await menu.locator('.monaco-list-row.action .title').allInnerTexts()).map((t) => t.trim());
      const missing = titles.filter((t) => !shown.includes(t));
      if (missing.length) {
        await this.page.keyboard.press('Escape'); // reopen: the menu does not refresh itself
        throw new Error(`the quick-fix menu lacks ${missing.join(', ')}; it lists: ${shown.join(' | ') || 'nothing'}`);
      }
      return shown;
    }, timeoutMs));
  }

  /** Clicks `title` in the open quick-fix menu and waits for the menu to close. */
  async chooseQuickFix(title: string): Promise<void> {
    const menu = this.page.locator('.action-widget').filter({ visible: true }).first();
    await menu.locator('.monaco-list-row.action', { has: this.page.locator('.title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) }).click();
    await menu.waitFor({ state: 'hidden' });
  }

  /**
   * Waits for the suggest widget (pressing Ctrl+Space when it does not come up by itself) until its focused item is
   * `label`; returns the labels it lists, with the widget still open.
   */
  async suggestionFocused(label: string, timeoutMs = 20_000): Promise<string[]> {
    const widget = this.page.locator('.editor-widget.suggest-widget').filter({ visible: true }).first();
    return this.keepScreenOnFailure('suggest', () => poll(async () => {
      if (!(await widget.isVisible())) await this.page.keyboard.press('Control+Space');
      await widget.waitFor({ timeout: 2500 });
      const focused = (await widget.locator('.monaco-list-row.focused .label-name').allInnerTexts()).join(' ').trim();
      const labels = (await widget.locator('.monaco-list-row .label-name').allInnerTexts()).map((t) => t.trim());
      if (focused !== label) throw new Error(`the suggestion in focus is "${focused}", not "${label}"; listed: ${labels.join(', ')}`);
      return labels;
    }, timeoutMs));
  }

  /** The editor's rendered lines (what is on screen), top to bottom; inlay hints are part of the line as drawn. */
  async renderedLines(): Promise<string[]> {
    const lines = await this.editor.locator('.view-lines .view-line').evaluateAll((ls) =>
      ls.map((l) => ({ text: (l as unknown as Drawn).innerText, top: parseFloat((l as unknown as Drawn).style.top) || 0 })));
    return lines.sort((a, b) => a.top - b.top).map((l) => l.text.replace(/\u00a0/g, ' '));
  }

  /** The rendered lines that contain `needle`. */
  async linesContaining(needle: string): Promise<string[]> {
    return (await this.renderedLines()).filter((l) => l.includes(needle));
  }

  /** Runs `fn`; if it fails, saves what the screen showed as failed-<name>.png before rethrowing. */
  async keepScreenOnFailure<T>(name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      await this.screenshot(`failed-${name}`).catch(() => undefined);
      throw error;
    }
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(this.screenshotDir, { recursive: true });
    const path = join(this.screenshotDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}
