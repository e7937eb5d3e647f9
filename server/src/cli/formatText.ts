// Text output, like a compiler's: `file:line:col: severity: message [rule]`, one finding per line.
import type { CheckResult } from './check';

export function formatText(r: CheckResult): string {
  return r.findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule}]\n`).join('');
}

/** The one-line summary written to stderr after any format. */
export function summaryLine(r: CheckResult): string {
  const count = (sev: string) => r.findings.filter((f) => f.severity === sev).length;
  const parts: string[] = [];
  for (const [sev, one, many] of [['error', 'error', 'errors'], ['warning', 'warning', 'warnings'], ['information', 'information', 'information'], ['hint', 'hint', 'hints']] as const) {
    const n = count(sev);
    if (n) parts.push(`${n} ${n === 1 ? one : many}`);
  }
  const files = `${r.files} ${r.files === 1 ? 'file' : 'files'} checked`;
  const found = parts.length ? parts.join(', ') : 'no findings';
  const skipped = r.skipped.length ? `, ${r.skipped.length} skipped (see above)` : '';
  return `condis-assist: ${found} in ${files}${skipped}`;
}

/** Appended to the summary with --cache: how much came from the cache. */
export function cacheLine(r: CheckResult): string {
  const s = r.stats;
  return ` (cache: ${s.unchanged} unchanged, ${s.analysedFiles.length} read afresh; findings of ${s.reused} reused, ${s.checkedFiles.length} checked)`;
}
