// The "CoNDIS Driver" view in the Explorer: the server's condis/driverModel drawn as a tree (driverTree.ts decides
// what it says), asked again only when the server sends condis/driverModelChanged. Clicking an entry opens its place.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { driverTree, type DriverNode, type NodeIcon } from './driverTree';
import { DRIVER_MODEL, type DriverModel } from './protocol';

export const DRIVER_VIEW_ID = 'condis.driverView';

const ICONS: Record<NodeIcon, [string, string?]> = {
  driver: ['circuit-board'],
  evidence: ['search'],
  group: ['list-tree'],
  table: ['symbol-structure'],
  entry: ['symbol-field'],
  completed: ['pass', 'testing.iconPassed'],
  'no-completion': ['warning', 'problemsWarningIcon.foreground'],
  sync: ['arrow-small-right'],
  unknown: ['question'],
  handler: ['symbol-function'],
  completion: ['check'],
  registration: ['references'],
  finding: ['warning', 'problemsWarningIcon.foreground'],
};

export class DriverView implements vscode.TreeDataProvider<DriverNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DriverNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<DriverNode>;
  /** The model's tree, asked for once per change (undefined: ask on the next getChildren). */
  private roots: Promise<DriverNode[]> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, modelChanged: vscode.Event<void>) {
    this.view = vscode.window.createTreeView(DRIVER_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(this.view, this.changed, modelChanged(() => this.refresh()));
  }

  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  getTreeItem(node: DriverNode): vscode.TreeItem {
    const state = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None
      : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    if (node.description) item.description = node.description;
    if (node.tooltip) item.tooltip = node.tooltip;
    const [icon, colour] = ICONS[node.icon];
    item.iconPath = new vscode.ThemeIcon(icon, colour ? new vscode.ThemeColor(colour) : undefined);
    item.contextValue = `condis.${node.icon}`;
    if (node.place) {
      const p2c = this.client.protocol2CodeConverter;
      const range = p2c.asRange(node.place.range);
      item.command = { title: 'Open', command: 'vscode.open', arguments: [p2c.asUri(node.place.uri), { selection: range }] };
    }
    return item;
  }

  getChildren(node?: DriverNode): Promise<DriverNode[]> | DriverNode[] {
    if (node) return node.children;
    this.roots ??= this.load();
    return this.roots;
  }

  private async load(): Promise<DriverNode[]> {
    try {
      const model = await this.client.sendRequest<DriverModel | null>(DRIVER_MODEL, {});
      // While the index is built the model grows; the server says when it changed, so the view only says why it is short.
      this.view.message = model?.indexing ? 'Indexing the workspace…' : undefined;
      return model ? driverTree(model) : [];
    } catch (error) {
      this.client.error('condis/driverModel failed', error, false);
      this.view.message = undefined;
      return [];
    }
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
