// `npm run bench`: builds, generates the inputs, measures our server, the floor and clangd side by side on each size,
// the start-up and the CLI's throughput, profiles our edit path, prints the tables and writes bench/results.md.
// Options: --quick (few samples, 1k and 10k lines), --sizes 1000,10000, --servers condis,floor,clangd,
// --no-cli, --no-profile, --no-lenses, --no-startup (the editor start-up, bench/startup.ts), --no-large, --no-soak (the memory soak,
// bench/soak.ts), --out FILE (default bench/results.md; bench/out/results.quick.md for --quick).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateDriver } from './generate';
import { measureServer, measureStarts, type Plan } from './measure';
import { measureCli } from './cliThroughput';
import { measureLensOverhead } from './lensOverhead';
import { measureStartup } from './startup';
import { measureLarge, type LargeFigures } from './largeWorkspace';
import { measureSoak, soakOptions } from './soak';
import { profileCli, profileServer } from './serverProfile';
import { renderMarkdown, type InProcessProfile, type RunResult, type SizeResult } from './report';
import { buildAll, clangd, ensureClangd, floor, ours, ownVersion, packageVersion, OUT, ROOT } from './servers';
import type { ServerSpec } from './lsp';

const argv = process.argv.slice(2);
const flag = (n: string) => argv.includes(n);
const option = (n: string) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : undefined; };
const quick = flag('--quick');
const sizes = (option('--sizes') ?? (quick ? '1000,10000' : '1000,10000,100000')).split(',').map(Number);
const wanted = new Set((option('--servers') ?? 'condis,floor,clangd').split(','));
// A quick run's figures are not for quoting: they go under bench/out/ (ignored by git), not over bench/results.md.
const outFile = option('--out') ?? (quick ? join(OUT, 'results.quick.md') : join(ROOT, 'bench', 'results.md'));

/** Fewer samples for the 100k-line file, where one clangd completion can take most of a second. */
function planFor(lines: number): Plan {
  const big = lines > 50_000;
  if (quick) return { requests: 40, edits: 8, warmup: 5, budgetMs: 5_000, editBudgetMs: 10_000, requestTimeoutMs: 10_000, diagnosticsTimeoutMs: 30_000 };
  return { requests: big ? 60 : 300, edits: big ? 12 : 40, warmup: 10, budgetMs: 20_000, editBudgetMs: big ? 60_000 : 30_000, requestTimeoutMs: 15_000, diagnosticsTimeoutMs: big ? 60_000 : 30_000 };
}

function inProcessProfile(lines: number, edits: number): InProcessProfile {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'profile.ts'), '--lines', String(lines), '--edits', String(edits)],
    { cwd: ROOT, encoding: 'utf8', timeout: 300_000, maxBuffer: 16 << 20 });
  if (r.status !== 0) throw new Error(`bench/profile.ts failed (${r.status ?? r.signal}): ${r.stderr.slice(-500)}`);
  return JSON.parse(r.stdout) as InProcessProfile;
}

async function main(): Promise<void> {
  const started = performance.now();
  const notes: string[] = [];
  const load = loadavg();
  console.log(`bench: ${quick ? 'quick run' : 'full run'}; sizes ${sizes.join(', ')}; building`);
  mkdirSync(OUT, { recursive: true });
  await buildAll();
  const cl = wanted.has('clangd') ? ensureClangd() : { path: null, version: '', note: 'not requested (--servers)' };
  if (!cl.path) notes.push(`clangd skipped: ${cl.note}`);
  const specs: ServerSpec[] = [
    ...(wanted.has('floor') ? [floor()] : []), ...(wanted.has('condis') ? [ours()] : []), ...(cl.path ? [clangd(cl.path)] : []),
  ];

  const results: SizeResult[] = [];
  for (const lines of sizes) {
    const g = generateDriver(lines, 1);
    const dir = join(OUT, `ws-${lines}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'driver.c');
    writeFileSync(file, g.text);
    writeFileSync(join(dir, 'compile_flags.txt'), '-xc\n-std=c11\n-Wall\n');
    const size: SizeResult = { lines: g.lines, bytes: Buffer.byteLength(g.text), units: g.units, figures: {} };
    for (const spec of specs) {
      const t = performance.now();
      process.stdout.write(`bench: ${spec.name} on ${g.lines} lines ... `);
      const f = await measureServer(spec, dir, pathToFileURL(file).href, g.text, g.probes, planFor(lines));
      size.figures[spec.name] = f;
      console.log(`${((performance.now() - t) / 1000).toFixed(1)} s${f.errors.length ? ` (${f.errors[0]})` : ''}`);
      for (const e of f.errors) notes.push(`${spec.name}, ${g.lines} lines: ${e}`);
    }
    results.push(size);
  }

  const lenses: NonNullable<RunResult['lenses']> = [];
  if (wanted.has('condis') && !flag('--no-lenses')) {
    for (const lines of sizes) {
      console.log(`bench: lenses and the driver model on ${lines} lines`);
      const g = generateDriver(lines, 1);
      const file = join(OUT, `ws-${lines}`, 'driver.c');
      const f = await measureLensOverhead(join(OUT, `ws-${lines}`), pathToFileURL(file).href, g.text, g.probes.edit, planFor(lines));
      for (const e of f.errors) notes.push(`lenses, ${lines} lines: ${e}`);
      lenses.push({ lines: g.lines, figures: f });
    }
  }

  let soak: RunResult['soak'] = null;
  if (wanted.has('condis') && !flag('--no-soak')) {
    const o = soakOptions(argv, quick);
    console.log(`bench: memory soak, ${o.edits} edits to ${o.lines} lines`);
    soak = await measureSoak(o);
    for (const e of soak.errors) notes.push(`soak: ${e}`);
  }

  console.log('bench: start-up');
  const emptyDir = join(OUT, 'ws-empty');
  mkdirSync(emptyDir, { recursive: true });
  writeFileSync(join(emptyDir, 'compile_flags.txt'), '-xc\n');
  const starts: Record<string, number[]> = {};
  for (let round = 0; round < (quick ? 2 : 5); round++) {
    for (const spec of specs) (starts[spec.name] ??= []).push(...await measureStarts(spec, emptyDir, 1));
  }

  let editorStartup = null;
  if (!flag('--no-startup')) {
    console.log('bench: start-up in the editor (code-server + Chromium), desktop vs web host');
    editorStartup = await measureStartup({ runs: quick ? 2 : 3 });
    for (const e of editorStartup.errors) notes.push(`editor start-up: ${e}`);
  }

  let cli = null;
  if (!flag('--no-cli')) {
    console.log('bench: CLI throughput');
    cli = await measureCli(cl.path, quick).catch((e: unknown) => { notes.push(`CLI throughput: ${String(e)}`); return null; });
  }

  let large: LargeFigures | null = null;
  if (wanted.has('condis') && !flag('--no-large')) {
    console.log(`bench: a large workspace (${quick ? '200 files, 6 MB' : '2,000 files, 60 MB'})`);
    large = await measureLarge(quick, { cli: !flag('--no-cli') });
    for (const e of large.errors) notes.push(`large workspace: ${e}`);
  }

  let profile: InProcessProfile | null = null;
  let serverProfile = null;
  let cliProfile = null;
  const profLines = sizes.includes(10000) ? 10000 : sizes[0];
  if (!flag('--no-profile') && wanted.has('condis')) {
    console.log(`bench: profiling the edit path on ${profLines} lines`);
    try { profile = inProcessProfile(profLines, quick ? 10 : 40); } catch (e) { notes.push(String(e)); }
    try {
      const g = generateDriver(profLines, 1);
      const dir = join(OUT, `ws-${profLines}`);
      serverProfile = await profileServer(dir, pathToFileURL(join(dir, 'driver.c')).href, g.text, g.probes, quick ? 10 : 30);
    } catch (e) { notes.push(`server CPU profile: ${String(e)}`); }
    if (cli) {
      try { cliProfile = profileCli(join(OUT, 'tree')); } catch (e) { notes.push(`CLI CPU profile: ${String(e)}`); }
    }
  }

  const git = (args: string[]) => { try { return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim(); } catch { return '?'; } };
  const result: RunResult = {
    date: new Date().toISOString(), quick, seconds: (performance.now() - started) / 1000,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '?', memGb: totalmem() / 2 ** 30, load, os: `${type()} ${release()} (free memory at end ${(freemem() / 2 ** 30).toFixed(1)} GB)` },
    versions: {
      'condis-assist': `${ownVersion()} (git ${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--', 'server', 'scripts']) ? ', with uncommitted changes under server/ or scripts/' : ''})`,
      node: process.version,
      'web-tree-sitter': packageVersion('web-tree-sitter'), 'tree-sitter-c': packageVersion('tree-sitter-c'),
      'vscode-languageserver': packageVersion('vscode-languageserver'), 'vscode-jsonrpc (client)': packageVersion('vscode-jsonrpc'),
      esbuild: packageVersion('esbuild'),
    },
    clangd: cl, sizes: results, starts, editorStartup, cli, profile, serverProfile, cliProfile, lenses, large, soak, notes,
  };
  const md = renderMarkdown(result);
  writeFileSync(outFile, md);
  writeFileSync(join(OUT, quick ? 'results.quick.json' : 'results.json'), JSON.stringify(result, null, 1));
  console.log(`\n${md}\nbench: wrote ${outFile} in ${result.seconds.toFixed(0)} s`);
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});
