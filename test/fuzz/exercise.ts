// Runs every feature on one text the way the server would (open, hover, signature help, completion and resolve,
// inlay hints, diagnostics, code actions, then an edit and stale code actions) and collects every exception,
// invalid result and call past its time budget as a Problem. Features are called directly: the server's `guard`
// is a safety net, and nothing here may rely on it.
import { join } from 'node:path';
import type { CodeActionParams, CompletionItem, Diagnostic, Position, Range } from 'vscode-languageserver';
import { createServices, type Services } from '../../server/src/services';
import type { FeatureContext } from '../../server/src/features/context';
import type { OpenDocument } from '../../server/src/documents';
import { provideHover } from '../../server/src/features/hover';
import { provideSignatureHelp } from '../../server/src/features/signatureHelp';
import { provideCompletion, resolveCompletion } from '../../server/src/features/completion';
import { provideInlayHints } from '../../server/src/features/inlayHints';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { runRules, toDiagnostics } from '../../server/src/features/diagnostics';
import { Validator } from '../../server/src/validation';
import { RULE_IDS } from '../../server/src/rules';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/settings';
import type { DriverKind } from '../../server/src/analysis/workspace';
import { summarizeFile } from '../../server/src/services';
import { snippetCompletionItems, CONDIS_SNIPPETS } from '../../server/src/features/snippetItems';
import { loadCorpus, ROOT } from './corpus';
import type { Rng } from './rng';
import * as v from './validate';
import { checkFixes } from './fixes';
import { randomChange, treeDifference } from './trees';
import { ParsedText } from '../../server/src/syntax/parsedText';
import { analyzeFile } from '../../server/src/analysis/fileAnalysis';
import { blankAnnotations } from '../../server/src/syntax/blank';
import { exerciseLifecycle } from './lifecycleExercise';

/** Texts up to this size get their incremental tree compared node by node with a full parse. */
const MAX_COMPARED = 512 * 1024;
const MAX_FIX_CHECKS = 100;

export interface Problem {
  feature: string;
  kind: 'threw' | 'invalid' | 'slow';
  detail: string;
}

export interface Harness {
  s: Services;
  settings: Settings;
  ctx: FeatureContext;
  validator: Validator;
}

const DOCS = 'file:///condis-docs/rules';

/** The real services with the examples and fixtures in the workspace index, so cross-file rules have something to say. */
export async function createHarness(): Promise<Harness> {
  const s = await createServices(join(ROOT, 'dist'));
  for (const f of loadCorpus().files) {
    const summary = summarizeFile(s, `file:///corpus/${f.path}`, f.text);
    if (summary) s.workspace.set(summary);
  }
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  const ctx: FeatureContext = { catalog: s.catalog, handlers: s.handlers, settings, markdown: true, snippets: true, snippetItems: null, workspace: s.workspace };
  // Pull mode: diagnostics are computed when asked, as for VS Code.
  const validator = new Validator(s, () => ctx.settings, DOCS, undefined, () => undefined);
  return { s, settings, ctx, validator };
}

const MB = 1024 * 1024;
/**
 * Time budgets per call, in ms, for a text of `chars` UTF-16 units. These are hang detectors, not benchmarks:
 * a budget is tens of times what the call takes on a laptop, so only a runaway (quadratic walk, endless loop) trips it.
 */
export function budget(feature: string, chars: number): number {
  const mb = chars / MB;
  switch (feature) {
    // Above the parser's own budget (syntax/parsedText.ts: 2 s + 1 s per MB), past which it gives up on a text.
    case 'open': case 'edit': return 4000 + 1500 * mb;
    case 'diagnostics': return 4000 + 2500 * mb;
    case 'inlayHints': return 2000 + 600 * mb;
    default: return 2000 + 400 * mb;
  }
}

const ROLES: (DriverKind | 'auto')[] = ['auto', 'auto', 'auto', 'call-manager', 'miniport-call-manager', 'client', 'miniport'];

/** Positions worth probing: random offsets, catalog calls, ends of the text, and positions no document has. */
function probes(r: Rng, doc: OpenDocument, count: number): Position[] {
  const text = doc.parsed.text;
  const at = (o: number) => doc.text.positionAt(o);
  const out: Position[] = [at(0), at(text.length)];
  for (let i = 0; i < count; i++) out.push(at(r.int(text.length + 1)));
  const re = /\bNdis[A-Za-z]+\s*\(|NDIS_STATUS_[A-Z_]+|->\s*[A-Za-z]*Handler\b|PROTOCOL_[A-Z_]+/g;
  re.lastIndex = r.int(text.length + 1);
  const m = re.exec(text);
  if (m) for (const d of [0, 3, m[0].length, m[0].length + 1]) out.push(at(m.index + d));
  if (r.chance(0.3)) {
    out.push(
      { line: doc.text.lineCount + 10, character: 3 }, { line: 0, character: 1_000_000 }, { line: -1, character: -5 },
      { line: 2 ** 31, character: 2 ** 31 }, { line: 0.5, character: 1.5 },
    );
  }
  return out;
}

function ranges(r: Rng, doc: OpenDocument): Range[] {
  const text = doc.parsed.text;
  const at = (o: number) => doc.text.positionAt(o);
  const a = r.int(text.length + 1);
  const b = Math.min(text.length, a + r.int(4000));
  const out: Range[] = [{ start: at(0), end: at(text.length) }, { start: at(a), end: at(b) }];
  if (r.chance(0.3)) out.push({ start: at(b), end: at(a) }, { start: { line: 5, character: 0 }, end: { line: doc.text.lineCount + 100, character: 9 } }, { start: { line: -3, character: -3 }, end: { line: -1, character: 0 } });
  return out;
}

/** Diagnostics a confused or hostile client might send back with a code action request. */
function hostileDiagnostics(doc: OpenDocument): Diagnostic[] {
  const far = { line: doc.text.lineCount + 50, character: 7 };
  return [
    { range: { start: far, end: far }, message: 'x', source: 'condis', code: 'complete-with-pending', data: { version: doc.version, fixes: [] } },
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'x', source: 'condis', code: 'no-such-rule', data: { version: doc.version, fixes: 'no' } },
    { range: { start: { line: -1, character: -1 }, end: { line: -1, character: -1 } }, message: 'x', source: 'condis', code: 'unchecked-status', data: null },
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'x', source: 'other', code: 3 },
  ];
}

export interface Exercised {
  problems: Problem[];
  /** Slowest call per feature, ms. */
  ms: Record<string, number>;
  diagnostics: number;
  fixes: number;
  /** Incremental trees that differ from a full parse of text with syntax errors (tree-sitter's, counted apart). */
  divergences: number;
}

/** Opens `text` as `uri`, runs every feature on it with random probes from `r`, closes it again. */
export function exercise(h: Harness, text: string, r: Rng, opts: { uri?: string; edits?: number } = {}): Exercised {
  const uri = opts.uri ?? 'file:///fuzz/case.c';
  const problems: Problem[] = [];
  const ms: Record<string, number> = {};
  const size = text.length;
  const call = <T>(feature: string, fn: () => T): T | undefined => {
    const t0 = performance.now();
    try {
      return fn();
    } catch (err) {
      problems.push({ feature, kind: 'threw', detail: err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 6).join('\n') : String(err) });
      return undefined;
    } finally {
      const t = performance.now() - t0;
      ms[feature] = Math.max(ms[feature] ?? 0, t);
      if (t > budget(feature, size)) problems.push({ feature, kind: 'slow', detail: `${t.toFixed(0)} ms on ${size} chars (budget ${budget(feature, size).toFixed(0)} ms)` });
    }
  };
  const invalid = (feature: string, list: string[]) => { for (const d of list.slice(0, 5)) problems.push({ feature, kind: 'invalid', detail: d }); };
  const { s, ctx } = h;
  // Vary what the client and settings look like.
  ctx.markdown = r.chance(0.8);
  ctx.snippets = r.chance(0.8);
  ctx.snippetItems = r.chance(0.3) ? snippetCompletionItems(CONDIS_SNIPPETS, { snippets: ctx.snippets, markdown: ctx.markdown }) : null;
  ctx.settings = structuredClone(DEFAULT_SETTINGS);
  ctx.settings.inlayHints.parameterNames = r.chance(0.9);
  if (r.chance(0.1)) ctx.settings.diagnostics.rules = { 'unchecked-status': 'off', 'complete-with-pending': 'hint' };
  s.workspace.override = r.pick(ROLES);

  const doc = call('open', () => s.documents.open(uri, 'c', 1, text));
  if (!doc) return { problems, ms, diagnostics: 0, fixes: 0, divergences: 0 };
  let diagnostics: Diagnostic[] = [];
  let fixCount = 0;
  let divergences = 0;
  try {
    if (doc.parsed.text !== doc.text.getText() || doc.parsed.blanked.length !== text.length) invalid('open', ['parsed text out of step with the document']);
    for (const pos of probes(r, doc, 4)) {
      const hover = call('hover', () => provideHover(doc, pos, ctx));
      if (hover !== undefined) invalid('hover', v.checkHover(doc.text, hover, pos));
      const sig = call('signatureHelp', () => provideSignatureHelp(doc, pos, ctx));
      if (sig !== undefined) invalid('signatureHelp', v.checkSignatureHelp(sig));
      const list = call('completion', () => provideCompletion(doc, pos, ctx, s.completionItems));
      if (list !== undefined) {
        invalid('completion', v.checkCompletion(list));
        const items: CompletionItem[] = list?.items ?? [];
        for (let i = 0; i < Math.min(2, items.length); i++) {
          const item = items[r.int(items.length)];
          const resolved = call('completionResolve', () => resolveCompletion(item, ctx));
          if (resolved) invalid('completionResolve', [...v.checkCompletionItem(resolved, 'resolved item'), ...(resolved.label !== item.label ? ['resolve changed the label'] : [])]);
        }
      }
    }
    for (const bogus of [{ label: 'x', data: { k: 'entry', n: 'NoSuchName' } }, { label: 'y', data: 'garbage' }, { label: 'z', data: { k: 'field', n: 42 } }, { label: 'w' }]) {
      const resolved = call('completionResolve', () => resolveCompletion(bogus as CompletionItem, ctx));
      if (resolved) invalid('completionResolve', v.checkCompletionItem(resolved, 'resolved bogus item'));
    }
    for (const range of ranges(r, doc)) {
      const hints = call('inlayHints', () => provideInlayHints(doc, range, ctx));
      if (hints !== undefined) invalid('inlayHints', v.checkInlayHints(doc.text, hints, clampRange(doc, range)));
    }
    diagnostics = call('diagnostics', () => h.validator.diagnostics(doc)) ?? [];
    invalid('diagnostics', v.checkDiagnostics(doc.text, diagnostics, RULE_IDS));
    exerciseLifecycle(s, h.validator, doc, probes(r, doc, 2), call, invalid);
    // The same findings as offsets, for the fix properties.
    const file = h.validator.analysis(doc);
    if (file) {
      const findings = call('diagnostics', () => runRules({ file, catalog: s.catalog, lifecycle: s.lifecycle, workspace: s.workspace }, ctx.settings)) ?? [];
      const again = toDiagnostics(findings, doc.text, DOCS);
      fixCount = findings.reduce((n, f) => n + (f.fixes?.length ?? 0), 0);
      // Each fix check copies the text: the first findings are plenty (10,000 nested calls give 10,000 findings).
      invalid('fixes', checkFixes(text, findings.slice(0, MAX_FIX_CHECKS), again.slice(0, MAX_FIX_CHECKS), doc.version));
    }
    const whole: Range = { start: { line: 0, character: 0 }, end: doc.text.positionAt(text.length) };
    // Clients send the diagnostics under the cursor; a few hundred stand for "all of them" on huge outputs.
    const params = (diags: Diagnostic[]): CodeActionParams => ({ textDocument: { uri }, range: whole, context: { diagnostics: diags.slice(0, 300) } });
    for (const versioned of [true, false]) {
      const actions = call('codeActions', () => provideCodeActions(doc, params(diagnostics), versioned));
      if (actions) invalid('codeActions', v.checkCodeActions(doc.text, actions));
    }
    const hostile = call('codeActions', () => provideCodeActions(doc, params(hostileDiagnostics(doc)), true));
    if (hostile) invalid('codeActions', v.checkCodeActions(doc.text, hostile));

    // One more keystroke: fixes computed for the previous version must not be offered any more.
    const end = doc.text.positionAt(text.length);
    call('edit', () => s.documents.change(uri, 2, [{ range: { start: end, end }, text: ' ' }]));
    if (doc.parsed.text !== doc.text.getText()) invalid('edit', ['parsed text out of step with the document after an edit']);
    const stale = call('codeActions', () => provideCodeActions(doc, params(diagnostics), true)) ?? [];
    const offered = stale.filter((a) => a.edit && !a.title.startsWith('Suppress '));
    if (offered.length) invalid('codeActions', [`stale fixes offered for version 1 at version 2: ${offered.map((a) => a.title).join(', ')}`]);

    // Random edits, hostile ones included: the text, its blanked twin and the tree stay what a fresh parse gives.
    for (let k = opts.edits ?? r.range(1, 6), version = 3; k > 0; k--, version++) {
      const change = randomChange(r, doc.text, loadCorpus());
      call('edit', () => s.documents.change(uri, version, [change]));
    }
    // Diagnostics after the edits, computed incrementally (items and findings carried over from version 1), before
    // anything asks for the whole tree (which would re-parse a segmented file whole).
    const incremental = call('diagnostics', () => h.validator.diagnostics(doc));
    if (incremental) invalid('diagnostics', v.checkDiagnostics(doc.text, incremental, RULE_IDS));
    if (doc.parsed.text !== doc.text.getText()) invalid('edit', ['parsed text out of step with the document after random edits']);
    else if (doc.parsed.text.length <= MAX_COMPARED) {
      if (doc.parsed.blanked !== blankAnnotations(doc.parsed.text)) invalid('edit', ['blanked text differs from blanking the final text']);
      const fresh = new ParsedText(s.scanParser, doc.parsed.text);
      // The incremental diagnostics equal a fresh analysis of the final text (when the trees agree and the check was
      // not cut short by the time budget).
      if (process.env.FUZZ_NO_COMPARE !== "1" && incremental && fresh.hasTree && !incremental.some((d) => d.code === "check-in-progress")) {
        const sameTrees = doc.parsed.segments.length === 1 && !treeDifference(doc.parsed.segments[0].tree, fresh.tree!);
        if (sameTrees) {
          const file = analyzeFile(uri, doc.parsed.text, fresh, s);
          const again = call('diagnostics', () => toDiagnostics(runRules({ file, catalog: s.catalog, lifecycle: s.lifecycle, workspace: s.workspace }, ctx.settings), doc.text, DOCS));
          if (again && JSON.stringify(again) !== JSON.stringify(incremental)) {
            invalid('diagnostics', [`incremental diagnostics differ from a fresh analysis: ${incremental.length} vs ${again.length}`]);
          }
        }
      }
      // A parse that ran out of time (either one) leaves nothing to compare.
      const diff = fresh.tree && doc.parsed.tree ? treeDifference(doc.parsed.tree, fresh.tree) : null;
      // tree-sitter does not promise the same error recovery when it reuses an old tree (tree-sitter#4001, #1444):
      // on text that does not parse cleanly a difference is counted, not failed. On clean text it is a bug.
      if (diff && fresh.tree?.rootNode.hasError) divergences++;
      else if (diff) invalid('edit', [`incremental tree differs from a full parse of error-free text: ${diff}`]);
      fresh.dispose();
    }
    const pos = doc.text.positionAt(r.int(doc.parsed.text.length + 1));
    const after = call('hover', () => provideHover(doc, pos, ctx));
    if (after !== undefined) invalid('hover', v.checkHover(doc.text, after, pos));
  } finally {
    s.documents.close(uri);
    s.workspace.delete(uri);
  }
  return { problems, ms, diagnostics: diagnostics.length, fixes: fixCount, divergences };
}

/** The requested range as the document clamps it, in order. */
function clampRange(doc: OpenDocument, range: Range): Range {
  const a = doc.text.offsetAt(range.start);
  const b = doc.text.offsetAt(range.end);
  return { start: doc.text.positionAt(Math.min(a, b)), end: doc.text.positionAt(Math.max(a, b)) };
}
