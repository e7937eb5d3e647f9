// Command-line arguments: turns argv into a command to run, or a usage error with a message fit for stderr.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { RULE_IDS } from '../rules';
import type { RuleSetting } from '../settings';
import type { DriverKind } from '../analysis/workspace';

export type Format = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  paths: string[];
  format: Format;
  role: DriverKind | 'auto';
  rules: Record<string, RuleSetting>;
  /** Files larger than this many bytes are reported and skipped. */
  maxFileBytes: number;
  /** No progress line and no summary on stderr (problems with inputs are still reported). */
  quiet: boolean;
  /** Worker threads (1: everything in the main thread). */
  jobs: number;
  /** Use and update the cache file; `cacheLocation` as given (cache.ts resolves it). */
  cache: boolean;
  cacheLocation?: string;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; options: CheckOptions }
  | { kind: 'usage-error'; message: string };

export const DEFAULT_MAX_FILE_MB = 16;
/** More threads than this only cost memory (each holds a parser and its wasm heap). */
export const MAX_JOBS = 64;
const FORMATS = new Set(['text', 'json', 'sarif']);
const ROLES = new Set(['auto', 'call-manager', 'miniport-call-manager', 'client', 'miniport']);
const RULE_LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

export const USAGE = `Usage: condis-assist check [options] PATH...

Checks CoNDIS driver sources (C and C++ files and headers; folders are searched recursively)
for pend/complete lifecycle mistakes, with the same analysis as the editor.

Options:
  -f, --format text|json|sarif   output format on stdout (default: text)
      --role ROLE                driver kind: auto (default), call-manager, miniport-call-manager,
                                 client or miniport
      --rule ID=LEVEL            set a rule's severity (error, warning, information, hint) or turn
                                 it off (off); repeatable
      --max-file-size MB         skip (and report) files larger than this (default: ${DEFAULT_MAX_FILE_MB})
  -j, --jobs N                   check on N threads (default: every available core; 1: no worker
                                 threads); the report is the same whatever N
      --cache                    keep results in a cache file: an unchanged file is not analysed
                                 again, and is checked again only when what it reads of other files
                                 changed
      --cache-location PATH      the cache file, or a folder to hold it (default: .condiscache in
                                 the current folder)
  -q, --quiet                    no progress line and no summary on stderr
  -h, --help                     show this help
  -v, --version                  show the version

Output:
  text   file:line:col: severity: message [rule], one line per finding
  json   { "version": 1, "files": N, "findings": [ { file, line, column, endLine, endColumn,
         rule, severity, message } ] }
  sarif  SARIF 2.1.0 for GitHub code scanning, paths relative to the current folder (%SRCROOT%)
  Lines and columns are 1-based; columns count UTF-16 code units, as LSP does; the end points just
  past the finding. Files inside the current folder are named relative to it. Progress, files that
  could not be checked and a one-line summary go to stderr.

Exit status:
  0  no error or warning findings
  1  at least one error or warning finding
  2  bad usage, or some input could not be checked (missing, unreadable, binary or too large);
     everything else is still checked and reported
`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  role: { type: 'string' },
  rule: { type: 'string', multiple: true },
  'max-file-size': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  jobs: { type: 'string', short: 'j' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const error = (message: string): Command => ({ kind: 'usage-error', message });

export function parseCommand(argv: string[]): Command {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    return error(describeParseError(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) return error('missing command: expected `check`');
  if (command !== 'check') return error(`unknown command '${command}': expected \`check\``);
  if (paths.length === 0) return error('missing PATH: give at least one file or folder to check');

  const format = values.format ?? 'text';
  if (!FORMATS.has(format)) return error(`bad --format '${format}': expected text, json or sarif`);
  const role = values.role ?? 'auto';
  if (!ROLES.has(role)) return error(`bad --role '${role}': expected ${[...ROLES].join(', ')}`);

  const rules: Record<string, RuleSetting> = {};
  for (const spec of values.rule ?? []) {
    const m = /^([^=]+)=(.*)$/.exec(spec);
    if (!m) return error(`bad --rule '${spec}': expected ID=LEVEL, e.g. missing-completion=off`);
    const [, id, level] = m;
    if (!RULE_IDS.has(id)) return error(`unknown rule '${id}' in --rule: known rules are ${[...RULE_IDS].join(', ')}`);
    if (!RULE_LEVELS.has(level)) return error(`bad level '${level}' in --rule ${spec}: expected error, warning, information, hint or off`);
    rules[id] = level as RuleSetting;
  }

  const sizeText = values['max-file-size'] ?? String(DEFAULT_MAX_FILE_MB);
  const mb = Number(sizeText);
  if (!/^\d+$/.test(sizeText) || !(mb > 0)) return error(`bad --max-file-size '${sizeText}': expected a whole number of megabytes, at least 1`);

  const jobsText = values.jobs ?? String(Math.min(availableParallelism(), MAX_JOBS));
  const jobs = Number(jobsText);
  if (!/^\d+$/.test(jobsText) || !(jobs >= 1) || jobs > MAX_JOBS) return error(`bad --jobs '${jobsText}': expected a whole number from 1 to ${MAX_JOBS}`);
  const cacheLocation = values['cache-location'];
  if (cacheLocation === '') return error('bad --cache-location: expected a file or folder');

  return {
    kind: 'check',
    options: {
      paths, format: format as Format, role: role as CheckOptions['role'], rules, maxFileBytes: Math.floor(mb * 1024 * 1024), quiet: values.quiet ?? false,
      jobs, cache: values.cache ?? false, ...(cacheLocation !== undefined ? { cacheLocation } : {}),
    },
  };
}

function describeParseError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const option = /'([^']+)'/.exec(e.message ?? '')?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': return `unknown option '${option ?? '?'}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': return `option '${option ?? '?'}' needs a value`;
    default: return e.message ?? String(err);
  }
}
