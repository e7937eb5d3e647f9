// Everything the rules ask of one file, computed lazily and at most once per version: its functions,
// their flow facts, its handler bindings and its summary for the workspace index.
import type { Node, Tree } from 'web-tree-sitter';
import type { Catalog } from '../catalog';
import type { Lifecycle } from '../catalog/lifecycle';
import { declaratorName } from '../syntax/nodes';
import { analyzeFunction, type FunctionFlow } from './flow';
import type { HandlerBinding, HandlerQueries } from './handlers';
import { summarize, type FileSummary } from './summary';

export interface FunctionInfo {
  name: string;
  node: Node;
  /** The name identifier (for ranges). */
  nameNode: Node;
  body: Node;
  params: string[];
}

export interface FileAnalysis {
  uri: string;
  text: string;
  tree: Tree;
  functions(): FunctionInfo[];
  functionNamed(name: string): FunctionInfo | undefined;
  flowOf(fn: FunctionInfo): FunctionFlow;
  bindings(): Map<string, HandlerBinding[]>;
  summary(): FileSummary;
}

export interface AnalysisServices {
  catalog: Catalog;
  lifecycle: Lifecycle;
  handlers: HandlerQueries;
}

export function analyzeFile(uri: string, text: string, tree: Tree, s: AnalysisServices): FileAnalysis {
  let functions: FunctionInfo[] | undefined;
  let byName: Map<string, FunctionInfo> | undefined;
  let bindings: Map<string, HandlerBinding[]> | undefined;
  let summary: FileSummary | undefined;
  const flows = new Map<number, FunctionFlow>();
  const self: FileAnalysis = {
    uri, text, tree,
    functions: () => (functions ??= listFunctions(tree)),
    functionNamed: (name) => (byName ??= new Map(self.functions().map((f) => [f.name, f]))).get(name),
    flowOf: (fn) => {
      let f = flows.get(fn.node.id);
      if (!f) { f = analyzeFunction(fn.body, s.lifecycle, fn.params); flows.set(fn.node.id, f); }
      return f;
    },
    bindings: () => (bindings ??= s.handlers.find(tree, s.catalog)),
    summary: () => (summary ??= summarize(uri, self, s.catalog)),
  };
  return self;
}

function listFunctions(tree: Tree): FunctionInfo[] {
  const out: FunctionInfo[] = [];
  const visit = (n: Node, depth: number) => {
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'function_definition') {
        const decl = c.childForFieldName('declarator');
        const body = c.childForFieldName('body');
        let fd: Node | null = decl;
        while (fd && fd.type !== 'function_declarator') fd = fd.childForFieldName('declarator');
        const nameNode = declaratorName(fd);
        if (nameNode && body && fd) {
          const params = (fd.childForFieldName('parameters')?.namedChildren ?? [])
            .map((p) => (p ? declaratorName(p.childForFieldName('declarator'))?.text : undefined))
            .filter((x): x is string => !!x);
          out.push({ name: nameNode.text, node: c, nameNode, body, params });
        }
      } else if ((c.type === 'preproc_if' || c.type === 'preproc_ifdef' || c.type === 'preproc_else' || c.type === 'preproc_elif' ||
                  c.type === 'linkage_specification' || c.type === 'declaration_list' || c.type === 'ERROR') && depth < 16) {
        visit(c, depth + 1);
      }
    }
  };
  visit(tree.rootNode, 0);
  return out;
}
