// Diagnostics: runs every enabled rule over one analysed file and turns findings into LSP diagnostics,
// honouring `// condis-ignore-next-line` comments and per-rule severities. Fix edits ride on Diagnostic.data.
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES } from '../rules';
import type { Finding, RuleContext, Severity } from '../rules/types';
import type { Settings } from '../settings';

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
}

export interface RawFinding extends Finding { rule: string; severityName: Severity }

/** Runs the rules; findings suppressed by comments or settings are dropped. Pure: the CLI uses it too. */
export function runRules(ctx: RuleContext, settings: Settings): RawFinding[] {
  if (!settings.diagnostics.enable) return [];
  const suppressed = suppressions(ctx.file.text);
  const out: RawFinding[] = [];
  for (const rule of RULES) {
    const configured = settings.diagnostics.rules[rule.id];
    if (configured === 'off') continue;
    let findings: Finding[];
    try {
      findings = rule.check(ctx);
    } catch {
      continue; // a rule that trips over odd code reports nothing rather than taking the others down
    }
    for (const f of findings) {
      // Only files with `condis-ignore-next-line` comments pay for finding the line of each finding.
      const s = suppressed.size ? suppressed.get(lineIndexOf(ctx.file.text, f.start)) : undefined;
      if (s && (s.size === 0 || s.has(rule.id))) continue;
      out.push({ ...f, rule: rule.id, severityName: configured ?? f.severity ?? rule.defaultSeverity });
    }
  }
  return out;
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
      d.relatedInformation = f.related.map((r) => ({
        location: { uri: r.uri ?? doc.uri, range: { start: doc.positionAt(r.start), end: doc.positionAt(r.end) } },
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
