// The `check` command's analysis, the same as the language server's: pass 1 summarises every file into the
// workspace index (cross-file rules need all of them), pass 2 analyses each file and runs the rules against it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeFile, type FileAnalysis } from '../analysis/fileAnalysis';
import type { FileSummary } from '../analysis/summary';
import { runRules, type RawFinding } from '../features/diagnostics';
import { summarizeFile, type Services } from '../services';
import type { Severity } from '../rules/types';
import type { Settings } from '../settings';
import { ParsedText } from '../syntax/parsedText';
import { collectFiles, displayPath, isSkipped, readFile, type Skipped, type SourceFile } from './inputs';
import type { Progress } from './progress';

/** One finding with 1-based positions; columns count UTF-16 code units (as LSP and tree-sitter do); the end is exclusive. */
export interface CliFinding {
  /** Absolute path. */
  path: string;
  /** As shown to the user: relative to the current folder when inside it. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
}

export interface CheckResult {
  /** Files analysed (skipped ones not counted). */
  files: number;
  findings: CliFinding[];
  skipped: Skipped[];
  /** True when the file count limit cut the list short. */
  truncated: boolean;
}

export interface CheckInput {
  paths: string[];
  cwd: string;
  settings: Settings;
  maxFileBytes: number;
  progress: Progress;
  /** Called as soon as a file or PATH is found unusable, so the report comes before the (long) analysis ends. */
  onSkip: (s: Skipped) => void;
}

export async function check(s: Services, input: CheckInput): Promise<CheckResult> {
  const skipped: Skipped[] = [];
  const skip = (x: Skipped) => { skipped.push(x); input.onSkip(x); };
  const { files: paths, truncated } = await collectFiles(input.paths, input.cwd, skip);
  s.workspace.override = input.settings.driverRole;

  // Pass 1. The texts are kept so pass 2 analyses exactly what was indexed, without reading the disk twice.
  const sources: SourceFile[] = [];
  const summaries = new Map<string, FileSummary>();
  input.progress.start('indexing', paths.length);
  for (const path of paths) {
    const r = await readFile(path, input.maxFileBytes);
    if (isSkipped(r)) {
      skip(r);
    } else {
      try {
        const summary = summarizeFile(s, r.uri, r.text);
        if (summary) { s.workspace.set(summary); summaries.set(r.uri, summary); }
        sources.push(r);
      } catch (err) {
        skip({ path, why: `internal error while indexing: ${String(err)}` });
      }
    }
    input.progress.step();
  }

  // Pass 2.
  const findings: CliFinding[] = [];
  let checked = 0;
  input.progress.start('checking', sources.length);
  for (const src of sources) {
    try {
      findings.push(...checkOne(s, src, summaries.get(src.uri), input));
      checked++;
    } catch (err) {
      skip({ path: src.path, why: `internal error while checking: ${String(err)}` });
    }
    input.progress.step();
  }
  input.progress.done();
  findings.sort(compareFindings);
  return { files: checked, findings, skipped, truncated };
}

function checkOne(s: Services, src: SourceFile, summary: FileSummary | undefined, input: CheckInput): CliFinding[] {
  const parsed = new ParsedText(s.parser, src.text);
  try {
    if (!parsed.hasTree) throw new Error('the parser produced no syntax tree');
    const fresh = analyzeFile(src.uri, src.text, parsed, s);
    // Pass 1 summarised this very text: reuse it rather than walk the tree again (about a sixth of the time).
    const file: FileAnalysis = summary ? { ...fresh, summary: () => summary } : fresh;
    const raw = runRules({ file, catalog: s.catalog, lifecycle: s.lifecycle, workspace: s.workspace }, input.settings);
    if (raw.length === 0) return [];
    const doc = TextDocument.create(src.uri, 'c', 0, src.text);
    const shown = displayPath(src.path, input.cwd);
    return raw.map((f) => toCliFinding(f, doc, src.path, shown));
  } finally {
    parsed.dispose();
  }
}

/** Line breaks and UTF-16 columns exactly as the language server's diagnostics count them. */
function toCliFinding(f: RawFinding, doc: TextDocument, path: string, file: string): CliFinding {
  const start = doc.positionAt(f.start);
  const end = doc.positionAt(f.end);
  return {
    path, file,
    line: start.line + 1, column: start.character + 1,
    endLine: end.line + 1, endColumn: end.character + 1,
    rule: f.rule, severity: f.severityName, message: f.message,
  };
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

function compareFindings(a: CliFinding, b: CliFinding): number {
  return cmp(a.file, b.file) || cmp(a.line, b.line) || cmp(a.column, b.column) || cmp(a.rule, b.rule) || cmp(a.message, b.message);
}

/** 1 when any finding is an error or a warning (information and hints do not fail a build). */
export function hasFailingFindings(findings: CliFinding[]): boolean {
  return findings.some((f) => f.severity === 'error' || f.severity === 'warning');
}
