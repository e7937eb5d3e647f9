// The idiom corpus's machinery: the shapes of drivers and variants, applying a variant's edits in memory, running the
// real CLI analysis over a driver folder, and compiling the C with clang against test/stubs/ndis.h.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { check } from '../../server/src/cli/check';
import { NO_PROGRESS } from '../../server/src/cli/progress';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import { createServices, type Services } from '../../server/src/services';
import { DEFAULT_SETTINGS, maxFileBytes } from '../../server/src/settings';

export const ROOT = join(__dirname, '..', '..');
export const CORPUS = __dirname;
export const STUBS = join(ROOT, 'test', 'stubs');

/** One correct driver (or tree of drivers): a folder under test/corpus/. */
export interface Driver {
  /** Folder under test/corpus/, also the variants file's name (variants/<dir with / as ->.ts). */
  dir: string;
  /** One line: what kind of driver, which NDIS version and style. */
  about: string;
  /** How many drivers the folder holds (a tree of several); 1 by default. */
  drivers?: number;
  /** Preprocessor configurations to compile (each a list of -D values); [[]] when there is one. */
  configs?: string[][];
}

/** One text edit: `find` must occur exactly once in `file` (relative to the driver folder). */
export interface Edit { file: string; find: string; replace: string }

export interface Expect {
  rule: string;
  /** File of the finding; the variant's first edited file by default. */
  file?: string;
  /** Text occurring exactly once in that file (after the edits): the finding must be on the line where it starts. */
  at: string;
}

export interface Variant {
  id: string;
  kind: 'bug' | 'neutral';
  /** One line: the mistake seeded, or the refactor that must change nothing. */
  why: string;
  edits: Edit[];
  /** Bugs only: the finding that must appear. */
  expect?: Expect;
}

export interface Finding { file: string; line: number; rule: string; severity: string; message: string }

/** A variant written with one edit inline, as most are. */
export function v(id: string, kind: 'bug' | 'neutral', why: string, file: string, find: string, replace: string, expect?: Omit<Expect, 'file'> & { file?: string }, more: Edit[] = []): Variant {
  return { id, kind, why, edits: [{ file, find, replace }, ...more], expect };
}

/** The driver's C files (.c and .h), relative path -> text. */
export function readDriver(dir: string): Map<string, string> {
  const root = join(CORPUS, dir);
  const out = new Map<string, string>();
  for (const name of readdirSync(root, { recursive: true }).map(String).sort()) {
    if (/\.(c|h)$/.test(name)) out.set(name.split(sep).join('/'), readFileSync(join(root, name), 'utf8'));
  }
  return out;
}

const countOf = (text: string, find: string): number => text.split(find).length - 1;

/** Applies a variant's edits; throws when an edit's `find` does not occur exactly once. */
export function applyEdits(files: Map<string, string>, edits: Edit[]): Map<string, string> {
  const out = new Map(files);
  for (const e of edits) {
    const text = out.get(e.file);
    assert.ok(text !== undefined, `no file ${e.file}`);
    const n = countOf(text, e.find);
    assert.equal(n, 1, `\`${e.find}\` occurs ${n} times in ${e.file}, not once`);
    out.set(e.file, text.replace(e.find, () => e.replace));
  }
  return out;
}

/** 1-based line of the one occurrence of `at` in `text`. */
export function lineOf(text: string, at: string, where: string): number {
  const n = countOf(text, at);
  assert.equal(n, 1, `expected-finding marker \`${at}\` occurs ${n} times in ${where}, not once`);
  return text.slice(0, text.indexOf(at)).split('\n').length;
}

/** Writes a driver's files under a fresh scratch folder (the driver's own folder name kept) and returns its path. */
export function materialize(scratch: string, name: string, files: Map<string, string>): string {
  const root = join(scratch, name);
  for (const [rel, text] of files) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

let base: Promise<Services> | undefined;

/**
 * Runs the command-line check (the same analysis as the language server) over one driver folder, with a workspace
 * index of its own so no other driver's facts leak in. Returns every finding at its default severity.
 */
export async function analyze(folder: string): Promise<Finding[]> {
  base ??= createServices(join(ROOT, 'dist'));
  const s: Services = { ...(await base), workspace: new WorkspaceIndex() };
  const skipped: string[] = [];
  const r = await check({
    paths: [folder], cwd: folder, settings: DEFAULT_SETTINGS, maxFileBytes: maxFileBytes(DEFAULT_SETTINGS),
    progress: NO_PROGRESS, onSkip: (x) => skipped.push(`${x.path}: ${x.why}`),
    jobs: 1, services: async () => s, distDir: join(ROOT, 'dist'),
  });
  assert.deepEqual(skipped, [], 'files skipped by the analysis');
  return r.findings.map((f) => ({
    file: relative(folder, f.path).split(sep).join('/'), line: f.line, rule: f.rule, severity: f.severity, message: f.message,
  }));
}

export const CLANG_ARGS = [
  '--target=x86_64-pc-windows-msvc', // Windows drivers: SEH (__try/__finally/__leave) and MSVC's types
  '-fsyntax-only', '-std=c11', '-fno-color-diagnostics',
  '-Werror=implicit-function-declaration', '-Werror=return-type', '-Werror=incompatible-pointer-types',
  '-Werror=int-conversion', '-I', STUBS,
];

/** Compiles every .c file of a materialized driver once per configuration; returns the error lines (empty: clean). */
export function compile(folder: string, files: Map<string, string>, configs: string[][] = [[]]): string[] {
  const sources = [...files.keys()].filter((f) => f.endsWith('.c')).map((f) => join(folder, f));
  const errors: string[] = [];
  for (const defs of configs) {
    const r = spawnSync('clang', [...CLANG_ARGS, ...defs.map((d) => `-D${d}`), ...sources], { encoding: 'utf8' });
    if (r.error) throw new Error('clang is not installed: install the Debian package `clang` (apt-get install clang) to run these tests');
    const lines = r.stderr.split('\n').filter((l) => /(?:fatal )?error: /.test(l));
    if (r.status !== 0 && lines.length === 0) lines.push(r.stderr.trim() || `clang exited with ${String(r.status)}`);
    errors.push(...lines.map((l) => `${defs.length ? `[-D${defs.join(' -D')}] ` : ''}${l.replace(folder + sep, '')}`));
  }
  return errors;
}

export function scratchDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'condis-corpus-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
