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

export class Workbench {
  readonly editor: Locator;

  constructor(readonly page: Page, private readonly screenshotDir: string) {
    this.editor = page.locator('.editor-instance .monaco-editor').first();
  }

  async open(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  }

  /** Clicks a file in the Explorer tree and waits for its editor. */
  async openFromExplorer(name: string): Promise<void> {
    await this.page.getByRole('treeitem', { name, exact: true }).click({ timeout: 60_000 });
    await this.page.getByRole('tab', { name: new RegExp(`^${escapeRegExp(name)}`) }).waitFor();
    await this.editor.locator('.view-lines').waitFor();
  }

  /** Ctrl+G <line> Enter: the cursor at the start of that line, scrolled into view. */
  async goToLine(line: number): Promise<void> {
    await this.editor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+G');
    await this.page.keyboard.type(String(line));
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
