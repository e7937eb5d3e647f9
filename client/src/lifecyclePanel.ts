// "CoNDIS: Show Request Lifecycle": asks the server for the lifecycle of the handler at the cursor
// (condis/requestLifecycle) and shows it in one webview panel, reused from call to call. The page's links post an
// index; this side opens the place (or reference page) it stands for. Redrawn when the driver model changes.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { renderLifecycle, requestWords, type LifecyclePage } from './lifecycleHtml';
import { REQUEST_LIFECYCLE, type RequestLifecycle } from './protocol';

interface Asked { uri: vscode.Uri; position: vscode.Position }

export class LifecyclePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private page: LifecyclePage | undefined;
  private shown: RequestLifecycle | undefined;
  /** The column of the editor it was asked from: links open their places there. */
  private sourceColumn = vscode.ViewColumn.One;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, modelChanged: vscode.Event<void>) {
    this.subscriptions.push(modelChanged(() => void this.redraw()));
  }

  /** The command: the handler at `uri`/`position`, or at the active editor's cursor. Resolves to whether it showed one. */
  async show(uri?: vscode.Uri, position?: vscode.Position): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    const target = uri ?? editor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage('Open a C file of a CoNDIS driver and put the cursor on a handler to see its request lifecycle.');
      return false;
    }
    const at = position ?? (editor && editor.document.uri.toString() === target.toString() ? editor.selection.active : new vscode.Position(0, 0));
    if (editor?.viewColumn) this.sourceColumn = editor.viewColumn;
    const lc = await this.ask({ uri: target, position: at });
    if (!lc) {
      void vscode.window.showInformationMessage(
        'No CoNDIS request here: put the cursor on a handler (its name or body) or on a call that completes its request.');
      return false;
    }
    this.draw(lc);
    return true;
  }

  /** The page as drawn now (for the tests: a webview's DOM is not reachable through the API). */
  html(): string | undefined {
    return this.panel?.webview.html;
  }

  private async ask(q: Asked): Promise<RequestLifecycle | null> {
    const c2p = this.client.code2ProtocolConverter;
    try {
      return await this.client.sendRequest<RequestLifecycle | null>(REQUEST_LIFECYCLE,
        { textDocument: { uri: c2p.asUri(q.uri) }, position: c2p.asPosition(q.position) });
    } catch (error) {
      this.client.error('condis/requestLifecycle failed', error, false);
      return null;
    }
  }

  private draw(lc: RequestLifecycle): void {
    this.shown = lc;
    this.page = renderLifecycle(lc, nonce());
    const title = `Lifecycle: ${requestWords(lc.request)}`;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('condis.lifecycle', title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        // Everything is inline: the page may load nothing from disk.
        { enableScripts: true, enableFindWidget: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => { this.panel = undefined; this.page = undefined; this.shown = undefined; }, undefined, this.subscriptions);
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.follow(m), undefined, this.subscriptions);
    } else {
      this.panel.reveal(undefined, true);
    }
    this.panel.title = title;
    this.panel.webview.html = this.page.html;
  }

  /** The code changed: ask again for the handler on show (found by its definition) and draw it if it is still there. */
  private async redraw(): Promise<void> {
    const place = this.shown?.handler.place;
    if (!this.panel || !place) return;
    const p2c = this.client.protocol2CodeConverter;
    const lc = await this.ask({ uri: p2c.asUri(place.uri), position: p2c.asPosition(place.range.start) });
    // Unchanged: leave the page alone (redrawing would lose its scroll position and focus).
    if (lc && this.panel && JSON.stringify(lc) !== JSON.stringify(this.shown)) this.draw(lc);
  }

  private async follow(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const { type, index } = message as { type?: unknown; index?: unknown };
    if (typeof index !== 'number' || !this.page) return;
    if (type === 'open') {
      const place = this.page.places[index];
      if (!place) return;
      const p2c = this.client.protocol2CodeConverter;
      await vscode.window.showTextDocument(p2c.asUri(place.uri), { selection: p2c.asRange(place.range), viewColumn: this.sourceColumn });
    } else if (type === 'doc') {
      const url = this.page.docs[index];
      if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}

/** A fresh script nonce: 16 random bytes, base64 (Web Crypto, in Node and in the web worker host alike). */
function nonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
