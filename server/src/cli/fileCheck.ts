// One thread's share of the `check` command: reads and summarises the files it is given (pass 1), keeps what pass 2
// can reuse (the tree and analysis while they fit a budget, else the items' facts), then runs the rules on the same
// files against the merged workspace index. Runs in the lead thread (`--jobs 1`) or in a worker (cliWorker.ts).
import { basename } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeFile, type FileAnalysis } from '../analysis/fileAnalysis';
import type { CarriedChunks } from '../analysis/chunks';
import type { FileSummary } from '../analysis/summary';
import { summaryKey, WorkspaceIndex, type DriverKind } from '../analysis/workspace';
import { runRules, type RawFinding } from '../features/diagnostics';
import type { Services } from '../services';
import type { Settings } from '../settings';
import { ParsedText } from '../syntax/parsedText';
import { isSkipped, readFile } from './inputs';
import type { Severity } from '../rules/types';

/**
 * Pass 1's syntax trees are kept for pass 2 while the texts they were parsed from total at most this many UTF-16 units
 * (per thread: each worker has its own wasm heap). A tree takes about 30 times its text in the wasm heap
 * (perf-anchors.md: ~130 MB for a 100,000-line file), and that heap never shrinks, so 4 M units keep it near the size
 * one 100,000-line file needs anyway. Past the budget a file is parsed again in pass 2, but its items' facts are reused.
 */
export const KEEP_TREES_CHARS = 4 * 1024 * 1024;

/** A finding of one file, without the file's name (the lead adds it): 1-based, UTF-16 columns, end exclusive. */
export interface Found {
  line: number; column: number; endLine: number; endColumn: number;
  rule: string; severity: Severity; message: string;
}

/** One file for pass 1: read here, or `source` as the lead read it (with --cache, to compare its hash first). */
export interface IndexJob { path: string; source?: { uri: string; text: string } }

export type IndexResult =
  | { kind: 'skipped'; why: string }
  /** Read and summarised (`summary` is absent when the parser produced no tree: pass 2 reports it). */
  | { kind: 'indexed'; uri: string; hash?: string; summary?: FileSummary; key?: string }
  /** Its text hashes as the cache says (the lead read it): the cached summary stands, nothing was analysed. */
  | { kind: 'unchanged'; uri: string; hash: string }
  | { kind: 'error'; why: string };

export type CheckOutcome = { kind: 'checked'; found: Found[] } | { kind: 'error'; why: string };

/** A summary and the key of its cross-file facts (summaryKey), as the lead merges them into the workspace index. */
export interface IndexEntry { summary: FileSummary; key: string }

/** What the thread keeps of a file between the passes. */
interface Held {
  text: string;
  summary?: FileSummary;
  kept?: { parsed: ParsedText; file: FileAnalysis };
  carried?: CarriedChunks;
}

/**
 * Gives a summary that crossed a thread or the cache back the prototypes `summarize` made (structured clone and JSON
 * make plain objects): a function may be called `constructor`. Its lazy `lifecycle` (places for the editor's model,
 * read by no rule) is not rebuilt; the caller passes the key summaryKey made where it still had it.
 */
export function reviveSummary(s: FileSummary): FileSummary {
  if (s.arities) s.arities = Object.assign(Object.create(null), s.arities);
  if (s.params) s.params = Object.assign(Object.create(null), s.params);
  return s;
}

export class FileChecker {
  private readonly held = new Map<string, Held>();
  private keptChars = 0;
  private services: Promise<Services> | undefined;
  /** Files parsed and analysed in pass 1 and in pass 2 (the cache's tests count them). */
  readonly work = { indexed: 0, checked: 0 };

  constructor(private readonly makeServices: () => Promise<Services>, private readonly maxFileBytes: number) {}

  private load(): Promise<Services> { return (this.services ??= this.makeServices()); }

  async index(job: IndexJob): Promise<IndexResult> {
    const r = job.source ? { path: job.path, ...job.source } : await readFile(job.path, this.maxFileBytes);
    if (isSkipped(r)) return { kind: 'skipped', why: r.why };
    const s = await this.load();
    const parsed = new ParsedText(s.scanParser, r.text);
    let keep = false;
    try {
      failForTest('index', job.path);
      if (!parsed.hasTree) {
        this.held.set(r.uri, { text: r.text });
        return { kind: 'indexed', uri: r.uri };
      }
      this.work.indexed++;
      const file = analyzeFile(r.uri, r.text, parsed, s);
      const summary = file.summary();
      const key = summaryKey(summary);
      keep = this.keptChars + r.text.length <= KEEP_TREES_CHARS;
      if (keep) this.keptChars += r.text.length;
      this.held.set(r.uri, keep ? { text: r.text, summary, kept: { parsed, file } } : { text: r.text, summary, carried: { ...file.carried(), edits: [] } });
      return { kind: 'indexed', uri: r.uri, summary, key };
    } catch (err) {
      keep = false;
      this.held.delete(r.uri);
      return { kind: 'error', why: `internal error while indexing: ${String(err)}` };
    } finally {
      if (!keep) parsed.dispose();
    }
  }

  /**
   * The merged index for pass 2, in the lead's order (the order facts are derived in). This thread's own summaries are
   * used for its files (the same objects its analyses hold, as in a one-thread run).
   */
  async setWorkspace(entries: readonly IndexEntry[], override: DriverKind | 'auto'): Promise<void> {
    const s = await this.load();
    const ws = new WorkspaceIndex(override);
    for (const e of entries) ws.set(this.held.get(e.summary.uri)?.summary ?? reviveSummary(e.summary), e.key);
    s.workspace = ws;
  }

  /**
   * Pass 2 for a file this thread read in pass 1, or whose `text` the lead read (a file the cache had, whose findings
   * must be made again); its text is released afterwards.
   */
  async check(uri: string, path: string, settings: Settings, text?: string): Promise<CheckOutcome> {
    const held = this.held.get(uri) ?? (text !== undefined ? { text } : undefined);
    this.held.delete(uri);
    if (!held) return { kind: 'error', why: `internal error while checking: ${path} was not read by this worker` };
    try {
      failForTest('check', path);
      const s = await this.load();
      this.work.checked++;
      return { kind: 'checked', found: this.checkHeld(s, uri, held, settings) };
    } catch (err) {
      return { kind: 'error', why: `internal error while checking: ${String(err)}` };
    } finally {
      held.kept?.parsed.dispose();
    }
  }

  private checkHeld(s: Services, uri: string, held: Held, settings: Settings): Found[] {
    if (held.kept) return report(s, uri, held.text, held.kept.file, settings);
    const parsed = new ParsedText(s.parser, held.text);
    try {
      if (!parsed.hasTree) throw new Error('the parser produced no syntax tree');
      // Pass 1 analysed this very text: its items' facts and its summary stand (the tree walks are a third of the time).
      // A file taken from the cache in pass 1 is analysed whole here (its summary made again, with its lazy parts).
      const fresh = analyzeFile(uri, held.text, parsed, s, held.carried);
      const summary = held.summary;
      const file: FileAnalysis = summary ? { ...fresh, summary: () => summary } : fresh;
      return report(s, uri, held.text, file, settings);
    } finally {
      parsed.dispose();
    }
  }
}

/**
 * For the tests of how failures are reported (never set otherwise): CONDIS_CLI_FAIL=HOW:PASS:NAME fails pass PASS
 * (index or check) of the file named NAME, by throwing (HOW throw) or by ending the worker thread (HOW exit).
 */
function failForTest(pass: 'index' | 'check', path: string): void {
  const spec = process.env.CONDIS_CLI_FAIL;
  if (!spec) return;
  const [how, when, name] = spec.split(':');
  if (when !== pass || basename(path) !== name) return;
  if (how === 'exit' && !isMainThread) process.exit(70); // in a worker, ends the thread only
  throw new Error(`failing ${name} as CONDIS_CLI_FAIL asks`);
}

function report(s: Services, uri: string, text: string, file: FileAnalysis, settings: Settings): Found[] {
  const raw = runRules({ file, catalog: s.catalog, lifecycle: s.lifecycle, workspace: s.workspace }, settings);
  if (raw.length === 0) return [];
  const doc = TextDocument.create(uri, 'c', 0, text);
  return raw.map((f) => toFound(f, doc));
}

/** Line breaks and UTF-16 columns exactly as the language server's diagnostics count them. */
function toFound(f: RawFinding, doc: TextDocument): Found {
  const start = doc.positionAt(f.start);
  const end = doc.positionAt(f.end);
  return {
    line: start.line + 1, column: start.character + 1,
    endLine: end.line + 1, endColumn: end.character + 1,
    rule: f.rule, severity: f.severityName, message: f.message,
  };
}
