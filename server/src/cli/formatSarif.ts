// SARIF 2.1.0 output for GitHub code scanning and other SARIF viewers: every rule with its documentation carried
// as help text (no link: the pages would be files on the machine that ran the check), results located relative to
// the current folder (%SRCROOT%), skipped inputs as tool notifications.
import { pathToFileURL } from 'node:url';
import { RULES } from '../rules';
import type { Severity } from '../rules/types';
import type { CheckResult } from './check';
import { isInside, relativeUri } from './inputs';
import { ruleHelp } from './ruleHelp';
import type { Install } from './install';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(r: CheckResult, install: Install, cwd: string): string {
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.id, i]));
  const artifact = (path: string) => (isInside(path, cwd)
    ? { uri: relativeUri(path, cwd), uriBaseId: SRCROOT }
    : { uri: pathToFileURL(path).href });

  const rules = RULES.map((rule) => {
    const markdown = install.ruleDocMarkdown(rule.id);
    const doc = markdown !== undefined ? ruleHelp(markdown) : undefined;
    return {
      id: rule.id,
      shortDescription: { text: rule.summary },
      fullDescription: doc?.description ?? { text: rule.summary },
      ...(doc ? { help: doc.help } : {}),
      defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    };
  });

  const results = r.findings.map((f) => ({
    ruleId: f.rule,
    ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifact(f.path),
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      },
    }],
  }));

  const notifications = r.skipped.map((s) => ({
    level: 'error' as const,
    message: { text: `Not checked: ${s.why}.` },
    locations: [{ physicalLocation: { artifactLocation: artifact(s.path) } }],
  }));

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'CoNDIS Assist',
          ...(install.informationUri ? { informationUri: install.informationUri } : {}),
          version: install.version,
          semanticVersion: install.version,
          rules,
        },
      },
      invocations: [{
        executionSuccessful: r.skipped.length === 0,
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      }],
      originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A folder's file: URI with the trailing slash SARIF requires of a base. */
function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
