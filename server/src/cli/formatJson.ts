// JSON output: `{ "version": 1, "files": N, "findings": [...] }` with 1-based lines and columns.
// Columns count UTF-16 code units (as LSP does); endLine/endColumn point just past the finding, as in SARIF.
import type { CheckResult } from './check';

export function formatJson(r: CheckResult): string {
  const findings = r.findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
  }));
  return `${JSON.stringify({ version: 1, files: r.files, findings }, null, 2)}\n`;
}
