// Diagnostics: runs every enabled rule over one analysed file and turns findings into LSP diagnostics,
// honouring `// condis-ignore-next-line` comments and per-rule severities. Fix edits ride on Diagnostic.data.
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES } from '../rules';
import type { Finding, RuleContext, Severity } from '../rules/types';
import { LINE_REF, lineBreak, lineRef } from '../rules/util';
import type { Settings } from '../settings';
import { throughMacros } from './macroFindings';
import { conditionNote } from '../analysis/preproc';

export const SOURCE = 'condis';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries so a code action can be rebuilt without re-running the rule. */
export interface DiagnosticData {
  version: number;
  fixes: { title: string; edits: TextEdit[]; preferred?: boolean }[];
  /** Places offered to open (a macro's definition): see Finding.opens. */
  opens?: { title: string; uri: string; line: number; character: number }[];
}

export interface RawFinding extends Finding { rule: string; severityName: Severity }

/** How far a check in parts got in one version: the items before `upTo` are done, with these findings. */
interface Progress { key: string; upTo: number; byRule: Map<string, Finding[]> }

/** A time limit for one run of the rules (see Settings.timeBudget), and what it left out. */
export interface Budget {
  deadline: number;
  /** Items checked afresh in this run. */
  checked: number;
  /** Items not checked because the time was up: their findings are missing from this run's. */
  skipped: number;
}

/**
 * Runs the rules; findings suppressed by comments or settings are dropped. Pure: the CLI uses it too.
 *
 * Item by item (see Rule.check): an item whose text is unchanged since an earlier version reuses that version's
 * findings, as long as the context they were computed in is the same (the rules in force, the driver kind, the file's
 * cross-item facts and every other file's). An edit inside one function re-checks that function only.
 */
export function runRules(ctx: RuleContext, settings: Settings, budget?: Budget): RawFinding[] {
  if (!settings.diagnostics.enable) return [];
  const { file } = ctx;
  // Rules read the facts of the file's own driver only; and until the files that decide it are read (the index is
  // still being built), no rule that concludes from what other files lack runs: it would be about a half-read driver.
  ctx = { ...ctx, workspace: ctx.workspace.forFile(file.uri) };
  const settled = ctx.workspace.settled(file.uri);
  const rules = RULES.filter((r) => settings.diagnostics.rules[r.id] !== 'off' && (settled || r.scope === 'file' || r.presence));
  file.useWorkspace(ctx.workspace);
  const key = [
    rules.map((r) => r.id).join(','), ctx.workspace.roleOf(file.uri), file.semanticKey(), ctx.workspace.generation(file.uri),
    lineBreak(file) === '\r\n',
  ].join('|');
  // A check in parts (the time budget) resumes where the last part of this version stopped, with the findings made
  // before that point: stepping through the items already done cost every part the whole file (fuzz seed 20261213,
  // case 0: 43 parts over 218,000 items).
  const progress = file.memo('runRules:progress', (): Progress => ({ key: '', upTo: 0, byRule: new Map() }));
  const resume = progress.key === key;
  const byRule = new Map<string, Finding[]>(rules.map((r) => [r.id, resume ? [...(progress.byRule.get(r.id) ?? [])] : []]));
  const chunks = file.chunks();
  let stoppedAt = -1;
  for (let i = resume ? progress.upTo : 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    const cached = chunk.facts.findings;
    if (cached && cached.key === key) {
      if (cached.byRule) for (const [id, list] of cached.byRule) for (const f of list) byRule.get(id)?.push(shift(f, chunk.start));
      continue;
    }
    // Past the budget, items not checked before wait for the next check (at least one item is checked each time).
    if (budget && budget.checked > 0 && performance.now() > budget.deadline) {
      if (stoppedAt < 0) {
        stoppedAt = i;
        progress.byRule = new Map([...byRule].map(([id, list]) => [id, list.slice()]));
      }
      budget.skipped++;
      continue;
    }
    if (budget) budget.checked++;
    const view: RuleContext = { ...ctx, file: file.view(chunk) };
    const relative = new Map<string, Finding[]>();
    let keep = true;
    for (const rule of rules) {
      let found: Finding[];
      try {
        found = throughMacros(rule.check(view), file.macros().uses, file.uri);
      } catch {
        keep = false; // a rule that trips over odd code reports nothing here rather than taking the others down
        continue;
      }
      if (!found.length) continue;
      byRule.get(rule.id)!.push(...found);
      if (!keep) continue;
      const rel: Finding[] = [];
      for (const f of found) {
        const r = within(f, chunk.start, chunk.end) ? shift(f, -chunk.start) : null;
        if (!r) { keep = false; break; }
        rel.push(r);
      }
      relative.set(rule.id, rel);
    }
    // Findings that point outside the item (a binding elsewhere, a line above) are computed afresh each time.
    chunk.facts.findings = keep ? { key, byRule: relative.size ? relative : null } : null;
    file.release(); // this item's flow facts: no other item's rules read them, and a whole file's would not fit well
  }
  if (stoppedAt >= 0) Object.assign(progress, { key, upTo: stoppedAt });
  for (const rule of rules) {
    if (!rule.checkFile) continue;
    try {
      byRule.get(rule.id)!.push(...rule.checkFile(ctx));
    } catch {
      // as above
    }
  }

  let count = 0;
  for (const list of byRule.values()) count += list.length;
  if (!count) return [];
  const suppressed = suppressions(file.text);
  const lines = lineIndex(file.text);
  // Under which `#if` arms a finding's code is compiled: read from the current tree at output time, so kept findings
  // never carry an old version's conditions.
  const note = conditionNote(file, count);
  const out: RawFinding[] = [];
  for (const rule of rules) {
    const setting = settings.diagnostics.rules[rule.id];
    const configured = setting === 'off' ? undefined : setting;
    for (const f of byRule.get(rule.id)!) {
      // Only files with `condis-ignore-next-line` comments pay for finding the line of each finding.
      const s = suppressed.size ? suppressed.get(lines(f.start) - 1) : undefined;
      if (s && (s.size === 0 || s.has(rule.id))) continue;
      out.push({ ...f, message: resolveRefs(f.message, lines) + note(f.start), rule: rule.id, severityName: configured ?? f.severity ?? rule.defaultSeverity });
    }
  }
  return out;
}

/** Every offset of a finding (its range, related ranges in this file, fix edits, line references) lies in [start, end]. */
function within(f: Finding, start: number, end: number): boolean {
  const inside = (o: number) => o >= start && o <= end;
  if (!inside(f.start) || !inside(f.end)) return false;
  if (f.related?.some((r) => !r.uri && (!inside(r.start) || !inside(r.end)))) return false;
  if (f.fixes?.some((x) => x.changes.some((c) => !inside(c.start) || !inside(c.end)))) return false;
  if (f.opens?.some((o) => o.start !== undefined && !inside(o.start))) return false;
  for (const m of f.message.matchAll(LINE_REF)) if (!inside(Number(m[1]))) return false;
  return true;
}

/** The finding with every offset in this file moved by `by`. */
function shift(f: Finding, by: number): Finding {
  if (by === 0) return f;
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    message: f.message.includes('\uE000') ? f.message.replace(LINE_REF, (_, o: string) => lineRef(Number(o) + by)) : f.message,
    ...(f.related ? { related: f.related.map((r) => (r.uri ? r : { ...r, start: r.start + by, end: r.end + by })) } : {}),
    ...(f.fixes ? { fixes: f.fixes.map((x) => ({ ...x, changes: x.changes.map((c) => ({ ...c, start: c.start + by, end: c.end + by })) })) } : {}),
    ...(f.opens ? { opens: f.opens.map((o) => (o.start === undefined ? o : { ...o, start: o.start + by })) } : {}),
  };
}

/** Replaces line references (rules/util.ts lineRef) with 1-based line numbers. */
function resolveRefs(message: string, lines: (offset: number) => number): string {
  return message.includes('\uE000') ? message.replace(LINE_REF, (_, o: string) => String(lines(Number(o)))) : message;
}

/** offset -> 1-based line, with the line starts found on first use. */
function lineIndex(text: string): (offset: number) => number {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
}

export function toDiagnostics(findings: RawFinding[], doc: TextDocument, docsBase: string): Diagnostic[] {
  return findings.map((f) => {
    const data: DiagnosticData = {
      version: doc.version,
      fixes: (f.fixes ?? []).map((x) => ({
        title: x.title,
        preferred: x.preferred,
        edits: x.changes.map((c) => ({ range: { start: doc.positionAt(c.start), end: doc.positionAt(c.end) }, newText: c.newText })),
      })),
      ...(f.opens?.length ? {
        opens: f.opens.map((o) => {
          const at = o.start !== undefined ? doc.positionAt(o.start) : { line: Math.max(0, o.line - 1), character: 0 };
          return { title: o.title, uri: o.uri, line: at.line, character: at.character };
        }),
      } : {}),
    };
    const d: Diagnostic = {
      range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
      severity: SEVERITY[f.severityName],
      source: SOURCE,
      code: f.rule,
      codeDescription: { href: `${docsBase}/${f.rule}.md` },
      message: f.message,
      data,
    };
    if (f.related?.length) {
      // A place in another file: its offsets are in that file's text, which this document cannot turn into a position,
      // so it points at the file (the message says where).
      const top = { line: 0, character: 0 };
      d.relatedInformation = f.related.map((r) => ({
        location: r.uri && r.uri !== doc.uri
          ? { uri: r.uri, range: { start: top, end: top } }
          : { uri: doc.uri, range: { start: doc.positionAt(r.start), end: doc.positionAt(r.end) } },
        message: r.message,
      }));
    }
    return d;
  });
}

const IGNORE = /\/\/\s*condis-ignore-next-line\b([^\n]*)/g;

/** Line index -> rule ids suppressed on it (an empty set: every rule). */
export function suppressions(text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  if (!text.includes('condis-ignore-next-line')) return out;
  IGNORE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IGNORE.exec(text)) !== null) {
    const ids = m[1].split(/[\s,]+/).filter((x) => /^[a-z][a-z-]*$/.test(x));
    out.set(lineIndexOf(text, m.index) + 1, new Set(ids));
  }
  return out;
}

function lineIndexOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
