// Shared helpers for the CLI tests: run the built dist/cli.js as a child process, make scratch trees from fixtures.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { RULES } from '../../server/src/rules';

export const ROOT = join(__dirname, '..', '..');
/** The CLI under test: the bundle `node scripts/build.mjs` writes (CONDIS_CLI overrides it, e.g. for a scratch build). */
export const CLI = resolve(process.env.CONDIS_CLI ?? join(ROOT, 'dist', 'cli.js'));
export const FIXTURES = join(__dirname, 'fixtures');

export interface Run { code: number | null; stdout: string; stderr: string }

/**
 * Runs the CLI in `cwd`; `as` runs it as another user (root can, to meet permissions it would otherwise ignore); `env`
 * is added to the environment.
 */
export function cli(args: string[], cwd: string, as: { uid: number; gid: number } | Record<string, never> = {}, env: Record<string, string> = {}): Run {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`node scripts/build.mjs\` first`);
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, ...args],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000, ...as, env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder under the OS temp folder; removed by `cleanup`. */
export function scratch(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'condis-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies fixture files into `dir` (optionally under new relative names: `{ 'src/a.c': 'closeCall.c' }`). */
export function copyFixtures(dir: string, files: string[] | Record<string, string>): void {
  const map = Array.isArray(files) ? Object.fromEntries(files.map((f) => [f, f])) : files;
  for (const [to, from] of Object.entries(map)) {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    copyFileSync(join(FIXTURES, from), join(dir, to));
  }
}

export function write(dir: string, rel: string, content: string | Buffer): string {
  const p = join(dir, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
}

/**
 * `--rule` options that turn off every rule but `ids`, so a test about one rule holds while others are added.
 * (The clean fixtures are still checked with every rule on.)
 */
export function only(...ids: string[]): string[] {
  return RULES.filter((r) => !ids.includes(r.id)).flatMap((r) => ['--rule', `${r.id}=off`]);
}

/** The call manager whose handler pends in one file and completes in another. */
export const CLEAN_CM = ['closeCall.c', 'closeWork.c', 'cm.h'];

export interface JsonReport {
  version: number;
  files: number;
  findings: { file: string; line: number; column: number; endLine: number; endColumn: number; rule: string; severity: string; message: string }[];
}

export function json(r: Run): JsonReport {
  return JSON.parse(r.stdout) as JsonReport;
}
