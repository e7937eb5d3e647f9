// The CLI's top level: parses the command, runs the check, writes the report to stdout and everything else
// (problems with inputs, progress, the summary) to stderr, and picks the exit status.
import { createServices, type Services } from '../services';
import { cacheKey, cachePath } from './cache';
import { openCache } from './cacheRun';
import { readSettings } from '../settings';
import { parseCommand, USAGE } from './args';
import { check, hasFailingFindings, type CheckResult } from './check';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { cacheLine, formatText, summaryLine } from './formatText';
import { displayPath, MAX_FILES } from './inputs';
import type { Install } from './install';
import { NO_PROGRESS, stderrProgress } from './progress';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE_OR_INPUT = 2;

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  cwd: string;
  /** The folder holding the bundle and the wasm files (dist/). */
  distDir: string;
  install: Install;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const cmd = parseCommand(argv);
  switch (cmd.kind) {
    case 'help':
      io.stdout.write(USAGE);
      return EXIT_CLEAN;
    case 'version':
      io.stdout.write(`condis-assist ${io.install.version}\n`);
      return EXIT_CLEAN;
    case 'usage-error':
      io.stderr.write(`condis-assist: ${cmd.message}\nRun 'condis-assist --help' for usage.\n`);
      return EXIT_USAGE_OR_INPUT;
    case 'check':
      break;
  }
  const o = cmd.options;
  const settings = readSettings({ diagnostics: { rules: o.rules }, driverRole: o.role });
  const warn = (msg: string) => io.stderr.write(`condis-assist: ${msg}\n`);
  const cache = o.cache
    ? openCache(cachePath(o.cacheLocation, io.cwd), cacheKey(io.install.version, io.distDir, settings, o.maxFileBytes), warn)
    : undefined;
  let services: Promise<Services> | undefined;
  const result: CheckResult = await check({
    paths: o.paths,
    cwd: io.cwd,
    settings,
    maxFileBytes: o.maxFileBytes,
    progress: o.quiet ? NO_PROGRESS : stderrProgress(io.stderr),
    onSkip: (s) => io.stderr.write(`condis-assist: skipped ${displayPath(s.path, io.cwd)}: ${s.why}\n`),
    jobs: o.jobs,
    services: () => (services ??= createServices(io.distDir)),
    distDir: io.distDir,
    ...(cache ? { cache } : {}),
  });
  // For tests and benchmarks: which files were analysed and checked afresh (the rest came from the cache).
  if (process.env.CONDIS_CLI_STATS === '1') io.stderr.write(`condis-assist: stats ${JSON.stringify(result.stats)}\n`);
  // Like other linters: a path that holds no source at all is a mistake in the command (a wrong folder, a typo
  // in a glob), not a clean build.
  if (result.files === 0 && result.skipped.length === 0 && !result.truncated) {
    io.stderr.write(`condis-assist: no C or C++ file in ${o.paths.join(', ')} (looked for .c, .h, .cpp, .hpp, .cc, .cxx, .inl and similar)\n`);
    return EXIT_USAGE_OR_INPUT;
  }
  if (result.truncated) io.stderr.write(`condis-assist: stopped listing at ${MAX_FILES} files; check the folders separately\n`);

  const report = o.format === 'json' ? formatJson(result)
    : o.format === 'sarif' ? formatSarif(result, io.install, io.cwd)
    : formatText(result);
  await write(io.stdout, report);
  if (!o.quiet) io.stderr.write(`${summaryLine(result)}${cache ? cacheLine(result) : ''}\n`);

  // Input that could not be checked outranks findings: a green build must mean every file was looked at.
  if (result.skipped.length > 0 || result.truncated) return EXIT_USAGE_OR_INPUT;
  return hasFailingFindings(result.findings) ? EXIT_FINDINGS : EXIT_CLEAN;
}

/**
 * Resolves once the stream has taken the text (large reports on a pipe must not be cut off by the exit).
 * A reader that went away (`| head`) is not an error of ours: the exit status still tells the outcome.
 */
function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (err) => (
    err && (err as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(err) : resolve())));
}
