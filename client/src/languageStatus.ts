// The language status items of C and C++ files: the kind of CoNDIS driver the file belongs to and what decided it
// (a link to that line), and the workspace index's state with a link to the output. The server answers
// condis/driverKind; the items follow the active editor, the index and the settings.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';

const SELECTOR: vscode.DocumentSelector = [{ language: 'c' }, { language: 'cpp' }];

interface DriverKindResult {
  kind: 'call-manager' | 'miniport-call-manager' | 'client' | 'miniport' | 'unknown';
  source: 'setting' | 'detected' | 'none';
  evidence?: { name: string; uri: string; line?: number };
  indexing: boolean;
}

const KIND_NAMES: Record<DriverKindResult['kind'], string> = {
  'call-manager': 'stand-alone call manager',
  'miniport-call-manager': 'miniport call manager (MCM)',
  client: 'CoNDIS client',
  miniport: 'CoNDIS miniport',
  unknown: 'no CoNDIS driver kind found',
};

/** What the items show, for the tests (an extension cannot read another's status items through the API). */
export interface LanguageStatusSnapshot {
  kind: { text: string; detail?: string; command?: string; busy: boolean };
  index: { text: string; detail?: string; command?: string; busy: boolean };
}

export class LanguageStatus implements vscode.Disposable {
  private readonly kind = vscode.languages.createLanguageStatusItem('condis.driverKind', SELECTOR);
  private readonly index = vscode.languages.createLanguageStatusItem('condis.index', SELECTOR);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private asked = 0;
  /** Settles when the items show the server's answer for the active editor (tests wait for it). */
  private settled: Promise<void> = Promise.resolve();

  constructor(private readonly client: LanguageClient) {
    this.kind.name = 'CoNDIS driver kind';
    this.index.name = 'CoNDIS Assist index';
    this.index.text = 'CoNDIS Assist';
    this.index.command = { title: 'Show Output', command: 'condis.showOutput' };
    this.kind.text = 'CoNDIS';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('condis')) this.refresh(); }),
      // New findings mean the index or the file changed: the kind may have too.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.refresh();
      }),
    );
    this.refresh();
  }

  /** Asks the server again for the active editor's file; answers to older questions are dropped. */
  refresh(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !['c', 'cpp'].includes(doc.languageId)) return this.settled;
    const n = ++this.asked;
    this.settled = this.client.sendRequest<DriverKindResult | null>('condis/driverKind', { uri: this.client.code2ProtocolConverter.asUri(doc.uri) })
      .then((r) => { if (n === this.asked && r) this.show(r); }, () => undefined);
    return this.settled;
  }

  snapshot(): LanguageStatusSnapshot {
    const item = (i: vscode.LanguageStatusItem) => ({ text: i.text, detail: i.detail, command: i.command?.title, busy: i.busy });
    return { kind: item(this.kind), index: item(this.index) };
  }

  private show(r: DriverKindResult): void {
    this.kind.text = `CoNDIS: ${KIND_NAMES[r.kind]}`;
    this.kind.severity = r.kind === 'unknown' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.kind.command = undefined;
    if (r.source === 'setting') {
      this.kind.detail = 'set by condis.driverRole';
      this.kind.command = { title: 'Open Setting', command: 'workbench.action.openSettings', arguments: ['condis.driverRole'] };
    } else if (r.evidence) {
      const file = vscode.Uri.parse(r.evidence.uri);
      const where = `${file.path.split('/').pop()}${r.evidence.line ? `:${r.evidence.line}` : ''}`;
      this.kind.detail = `from ${r.evidence.name}`;
      const at = r.evidence.line ? new vscode.Range(r.evidence.line - 1, 0, r.evidence.line - 1, 0) : undefined;
      this.kind.command = { title: where, command: 'vscode.open', arguments: [file, at ? { selection: at } : {}] };
    } else {
      this.kind.detail = r.indexing ? 'the workspace is still being indexed' : 'no registration call or handler table in the workspace';
    }
    this.index.busy = r.indexing;
    this.index.detail = r.indexing ? 'indexing the workspace' : 'workspace indexed';
    // While the index is built, the answer may change: ask again until it is done.
    clearTimeout(this.timer);
    if (r.indexing) this.timer = setTimeout(() => void this.refresh(), 1000);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
    this.kind.dispose();
    this.index.dispose();
  }
}
