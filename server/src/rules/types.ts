// The contract every rule implements: an id, a default severity, and a pure check over one analysed file.
import type { Catalog } from '../catalog';
import type { Lifecycle } from '../catalog/lifecycle';
import type { FileAnalysis } from '../analysis/fileAnalysis';
import type { WorkspaceView } from '../analysis/workspace';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A text replacement in UTF-16 offsets of the analysed text. */
export interface TextChange { start: number; end: number; newText: string }

export interface Fix {
  /** An imperative: "Use NdisMCmCloseCallComplete". */
  title: string;
  changes: TextChange[];
  preferred?: boolean;
}

export interface Finding {
  start: number;
  end: number;
  message: string;
  /** Overrides the rule's default severity for this finding (a configured severity still wins). */
  severity?: Severity;
  fixes?: Fix[];
  /** Other places that explain the finding (the earlier completion, the creating call, ...). */
  related?: { uri?: string; start: number; end: number; message: string }[];
  /** Places to open instead of a fix (a macro's definition): `start` when in this file, else `line` (1-based) of `uri`. */
  opens?: { title: string; uri: string; line: number; start?: number }[];
}

export interface RuleContext {
  file: FileAnalysis;
  catalog: Catalog;
  lifecycle: Lifecycle;
  workspace: WorkspaceView;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** 'workspace' rules read other files' summaries; their findings change when other files do. */
  scope: 'file' | 'workspace';
  /**
   * A workspace rule whose findings rest only on what it found in other files (a binding, a helper's completion), never
   * on what it did not find there: what it says of a half-read driver is still true, so it runs while the index is
   * being built. The others (`missing-completion`: "nothing completes it") wait until the file's driver is read.
   */
  presence?: true;
  /** One line for listings (SARIF, docs index). */
  summary: string;
  /**
   * Checks the file item by item: `ctx.file` is a view of one top-level item (see FileAnalysis.view), and the findings
   * may depend only on that item's text and on the file's and the workspace's cross-item facts (its summary, bindings,
   * driver kind). They are kept while those stay the same. Given the whole file, checks every item.
   */
  check(ctx: RuleContext): Finding[];
  /** Checks what spans items (a handler table against definitions elsewhere), once per version of the whole file. */
  checkFile?(ctx: RuleContext): Finding[];
}
