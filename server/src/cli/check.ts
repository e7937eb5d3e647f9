// The `check` command's analysis, the same as the language server's: pass 1 summarises every file into the
// workspace index (cross-file rules need all of them), pass 2 analyses each file and runs the rules against it.
// Pass 2 reuses pass 1's work: its parse and analysis while they fit a memory budget, else its items' facts.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeFile, type FileAnalysis } from '../analysis/fileAnalysis';
import type { CarriedChunks } from '../analysis/chunks';
import type { FileSummary } from '../analysis/summary';
import { runRules, type RawFinding } from '../features/diagnostics';
import type { Services } from '../services';
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

/**
 * Pass 1's syntax trees are kept for pass 2 while the texts they were parsed from total at most this many UTF-16 units.
 * A tree takes about 30 times its text in the wasm heap (perf-anchors.md: ~130 MB for a 100,000-line file), and that
 * heap never shrinks, so 4 M units keep it near the size one 100,000-line file needs anyway. Past the budget a file is
 * parsed again in pass 2, but its items' facts are still reused.
 */
export const KEEP_TREES_CHARS = 4 * 1024 * 1024;

/** What pass 1 leaves for pass 2: the summary, and either the whole analysis (tree kept) or the items' facts. */
interface Indexed {
  summary: FileSummary;
  kept?: { parsed: ParsedText; file: FileAnalysis };
  carried?: CarriedChunks;
}

export async function check(s: Services, input: CheckInput): Promise<CheckResult> {
  const skipped: Skipped[] = [];
  const skip = (x: Skipped) => { skipped.push(x); input.onSkip(x); };
  const { files: paths, truncated } = await collectFiles(input.paths, input.cwd, skip);
  s.workspace.override = input.settings.driverRole;

  // Pass 1. The texts are kept so pass 2 analyses exactly what was indexed, without reading the disk twice.
  const sources: SourceFile[] = [];
  const indexed = new Map<string, Indexed>();
  let keptChars = 0;
  input.progress.start('indexing', paths.length);
  for (const path of paths) {
    const r = await readFile(path, input.maxFileBytes);
    if (isSkipped(r)) {
      skip(r);
    } else {
      const parsed = new ParsedText(s.scanParser, r.text);
      let keep = false;
      try {
        if (parsed.hasTree) {
          const file = analyzeFile(r.uri, r.text, parsed, s);
          const summary = file.summary();
          s.workspace.set(summary);
          keep = keptChars + r.text.length <= KEEP_TREES_CHARS;
          if (keep) keptChars += r.text.length;
          indexed.set(r.uri, keep ? { summary, kept: { parsed, file } } : { summary, carried: { ...file.carried(), edits: [] } });
        }
        sources.push(r);
      } catch (err) {
        keep = false;
        indexed.delete(r.uri);
        skip({ path, why: `internal error while indexing: ${String(err)}` });
      } finally {
        if (!keep) parsed.dispose();
      }
    }
    input.progress.step();
  }

  // Pass 2.
  const findings: CliFinding[] = [];
  let checked = 0;
  input.progress.start('checking', sources.length);
  for (const src of sources) {
    const pass1 = indexed.get(src.uri);
    indexed.delete(src.uri);
    try {
      findings.push(...checkOne(s, src, pass1, input));
      checked++;
    } catch (err) {
      skip({ path: src.path, why: `internal error while checking: ${String(err)}` });
    } finally {
      pass1?.kept?.parsed.dispose();
    }
    input.progress.step();
  }
  input.progress.done();
  findings.sort(compareFindings);
  return { files: checked, findings, skipped, truncated };
}

function checkOne(s: Services, src: SourceFile, pass1: Indexed | undefined, input: CheckInput): CliFinding[] {
  if (pass1?.kept) return report(s, src, pass1.kept.file, input);
  const parsed = new ParsedText(s.parser, src.text);
  try {
    if (!parsed.hasTree) throw new Error('the parser produced no syntax tree');
    // Pass 1 analysed this very text: its items' facts and its summary stand (the tree walks are a third of the time).
    const fresh = analyzeFile(src.uri, src.text, parsed, s, pass1?.carried);
    const summary = pass1?.summary;
    const file: FileAnalysis = summary ? { ...fresh, summary: () => summary } : fresh;
    return report(s, src, file, input);
  } finally {
    parsed.dispose();
  }
}

function report(s: Services, src: SourceFile, file: FileAnalysis, input: CheckInput): CliFinding[] {
  const raw = runRules({ file, catalog: s.catalog, lifecycle: s.lifecycle, workspace: s.workspace }, input.settings);
  if (raw.length === 0) return [];
  const doc = TextDocument.create(src.uri, 'c', 0, src.text);
  const shown = displayPath(src.path, input.cwd);
  return raw.map((f) => toCliFinding(f, doc, src.path, shown));
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
