// Where the edit -> diagnostics time goes, measured in-process on the server's own modules (no server code changed):
// the document store, the parser, the analysis and every rule are wrapped with timers that count exclusive time.
// Run: `node --import tsx bench/profile.ts [--lines 10000] [--edits 40]`; prints JSON for the harness.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createServices, summarizeFile } from '../server/src/services';
import { Validator } from '../server/src/validation';
import { DEFAULT_SETTINGS } from '../server/src/settings';
import { RULES } from '../server/src/rules';
import { blankAnnotations } from '../server/src/syntax/blank';
import type { FileAnalysis, FunctionInfo } from '../server/src/analysis/fileAnalysis';
import { generateDriver } from './generate';
import { spread, stat } from './measure';

/** Inclusive and exclusive (minus nested timed calls) time per label. */
class Clock {
  private readonly stack: { child: number }[] = [];
  readonly excl = new Map<string, number>();
  readonly calls = new Map<string, number>();
  time<T>(label: string, fn: () => T): T {
    const frame = { child: 0 };
    this.stack.push(frame);
    const t = performance.now();
    try {
      return fn();
    } finally {
      const d = performance.now() - t;
      this.stack.pop();
      this.excl.set(label, (this.excl.get(label) ?? 0) + d - frame.child);
      this.calls.set(label, (this.calls.get(label) ?? 0) + 1);
      const parent = this.stack[this.stack.length - 1];
      if (parent) parent.child += d;
    }
  }
  reset(): void { this.excl.clear(); this.calls.clear(); }
}

interface FlowRecord { name: string; lines: number; ms: number }

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const lines = arg('--lines', 10000);
  const editCount = arg('--edits', 40);
  const g = generateDriver(lines, 1);
  const path = join(__dirname, 'out', `profile-${lines}.c`);
  const uri = pathToFileURL(path).href;
  const ts = performance.now();
  const s = await createServices(join(__dirname, '..', 'dist'));
  const servicesMs = performance.now() - ts;
  const clock = new Clock();

  // Wrap what the edit path calls: the parser, every rule, and (per version) the file analysis.
  const parse = s.parser.parse.bind(s.parser);
  s.parser.parse = ((...a: Parameters<typeof parse>) => clock.time('tree-sitter parse', () => parse(...a))) as typeof s.parser.parse;
  for (const rule of RULES) {
    const check = rule.check.bind(rule);
    rule.check = (ctx) => clock.time(`rule ${rule.id}`, () => check(ctx));
    const checkFile = rule.checkFile?.bind(rule);
    if (checkFile) rule.checkFile = (ctx) => clock.time(`rule ${rule.id} (file part)`, () => checkFile(ctx));
  }
  let flows: FlowRecord[] = [];
  const instrument = (fa: FileAnalysis): FileAnalysis => {
    const { functions, flowOf, bindings, summary } = fa;
    const seen = new Set<number>();
    fa.functions = () => clock.time('analysis: list functions', functions);
    fa.bindings = () => clock.time('analysis: handler bindings (merged from the items)', bindings);
    fa.summary = () => clock.time('analysis: file summary', summary);
    fa.flowOf = (fn: FunctionInfo) => {
      const first = !seen.has(fn.node.id);
      seen.add(fn.node.id);
      const t = performance.now();
      const r = clock.time('analysis: per-function flow (cfg + facts)', () => flowOf(fn));
      if (first) flows.push({ name: fn.name, lines: fn.node.endPosition.row - fn.node.startPosition.row + 1, ms: performance.now() - t });
      return r;
    };
    return fa;
  };

  // As the server has it after indexing the workspace folder: this file's summary is in the index.
  const summary = summarizeFile(s, uri, g.text);
  if (summary) s.workspace.set(summary);
  const validator = new Validator(s, () => DEFAULT_SETTINGS, 'file:///docs', undefined, () => undefined);
  const check = (version: number) => {
    const doc = s.documents.get(uri)!;
    // The validator's own analysis, which reuses the previous version's per-item facts and findings.
    const fa = clock.time('analysis: analyzeFile (set-up)', () => validator.analysis(doc));
    if (fa) {
      instrument(fa);
      clock.time('analysis: items (list, facts of changed items)', () => fa.chunks());
    }
    const diagnostics = clock.time('validator: summary compare, rules loop, toDiagnostics', () => validator.diagnostics(doc));
    clock.time('publish payload: JSON.stringify', () => JSON.stringify({ uri, version, diagnostics }));
    return diagnostics.length;
  };

  const t0 = performance.now();
  const fullBlank = (() => { const t = performance.now(); blankAnnotations(g.text); return performance.now() - t; })();
  clock.time('documents: didOpen (blank + full parse)', () => s.documents.open(uri, 'c', 1, g.text));
  const diagnostics = check(1);
  const openMs = performance.now() - t0;
  const open = [...clock.excl].map(([label, ms]) => ({ label, ms }));
  const openFlows = flows.length;

  // Edits: as the harness makes them (a space at column 0 of a statement line, then its removal).
  const positions = spread(g.probes.edit, Math.ceil(editCount / 2));
  const totals: number[] = [];
  const touched: number[] = [];
  const perEditFlows: number[] = [];
  clock.reset();
  let version = 1;
  for (let i = 0; i < editCount; i++) {
    const pos = positions[Math.floor(i / 2) % positions.length];
    const change = i % 2 === 0
      ? { range: { start: pos, end: pos }, text: ' ' }
      : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
    flows = [];
    const t = performance.now();
    version++;
    clock.time('documents: didChange (text, blank line, tree edit)', () => s.documents.change(uri, version, [change]));
    check(version);
    totals.push(performance.now() - t);
    perEditFlows.push(flows.length);
    const fn = flows.length ? s.documents.get(uri)!.derived.get('analysis') as FileAnalysis : undefined;
    const offset = s.documents.get(uri)!.text.offsetAt(pos);
    const hit = fn?.chunks().find((c) => c.start <= offset && offset <= c.end)?.facts.fn;
    touched.push(flows.find((f) => f.name === hit?.name)?.ms ?? 0);
  }
  const lastFlows = flows;
  const sum = totals.reduce((a, b) => a + b, 0);
  const rows = [...clock.excl].map(([label, ms]) => ({ label, msPerEdit: ms / editCount, share: ms / sum, calls: (clock.calls.get(label) ?? 0) / editCount }))
    .sort((a, b) => b.msPerEdit - a.msPerEdit);
  const flowMs = lastFlows.map((f) => f.ms);
  const line = g.text.split('\n')[positions[0].line];
  const blankLineUs = (() => { const t = performance.now(); for (let i = 0; i < 1000; i++) blankAnnotations(line); return (performance.now() - t); })();

  process.stdout.write(JSON.stringify({
    lines: g.lines, bytes: Buffer.byteLength(g.text), diagnostics, servicesMs,
    open: { totalMs: openMs, fullBlankMs: fullBlank, rows: open, flows: openFlows },
    edit: {
      n: editCount, total: stat(totals), rows,
      flows: {
        functions: lastFlows.length, computedPerEdit: perEditFlows.reduce((a, b) => a + b, 0) / editCount,
        meanMs: flowMs.reduce((a, b) => a + b, 0) / Math.max(1, flowMs.length), maxMs: Math.max(0, ...flowMs),
        top: [...lastFlows].sort((a, b) => b.ms - a.ms).slice(0, 5),
        touchedMs: touched.reduce((a, b) => a + b, 0) / editCount,
      },
      blankLineUs,
    },
  }) + '\n');
}

void main();
