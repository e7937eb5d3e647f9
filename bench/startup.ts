// Start-up in the real editor (issue 15): in the VS Code server build (code-server) shown by headless Chromium, a few
// fresh windows per extension host (Node host with the Node server; web worker host with the server in a Web
// Worker), each running bench/startupProbe.ts as its extension test: activation request -> initialize answered ->
// first CoNDIS hover -> first finding. Uses what `npm test` set up in .vscode-test/; never downloads anything.
//   node --import tsx bench/startup.ts [--runs N] [--hosts node,web]   (prints the section; builds dist/ first)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { CodeServer, RunDir } from '../scripts/vscode/codeServer.mjs' with { 'resolution-mode': 'import' };
import { MARKER, type ProbeResult } from './startupTypes';
import { renderStartup } from './startupReport';

const ROOT = join(__dirname, '..');
const EXTENSION_ID = 'condis-assist.condis-assist';
const WINDOW_TIMEOUT_MS = 60_000;
export const HOSTS = ['node', 'web'] as const;
export type Host = (typeof HOSTS)[number];

/** What the web worker host downloads to run the extension: the two bundles and the two wasm files. */
export const WEB_FILES = ['dist/browser/extension.js', 'dist/browser/server.js', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-c.wasm'];

export interface StartupResult {
  /** False when code-server or Chromium is not set up here: then `note` says why and there are no runs. */
  available: boolean;
  note: string;
  runsPerHost: number;
  runs: Record<Host, ProbeResult[]>;
  /** Per host: ms from opening the window to the probe's report (workbench + extension host start + the probe). */
  windowMs: Record<Host, number[]>;
  bundle: { file: string; bytes: number; packagedBytes: number | null; packagedGzipBytes: number | null }[];
  errors: string[];
  seconds: number;
  versions: Record<string, string>;
}

/**
 * The web files' sizes: as measured here (the development build `npm run bench` makes: not minified) and as
 * packaged (`--production`: minified; built to a scratch folder), with the packaged size gzipped as a server sends it.
 */
export async function webBundle(): Promise<StartupResult['bundle']> {
  const scratch = join(ROOT, '.vscode-test', 'bench-startup', 'production');
  let built = false;
  try {
    // @ts-expect-error: a build script without types
    const { webBundles } = (await import('../scripts/webBuild.mjs')) as { webBundles(o: { root: string; dist: string; production: boolean }): Promise<unknown> };
    await webBundles({ root: ROOT, dist: scratch, production: true });
    built = true;
  } catch { /* sizes of the development build only */ }
  return WEB_FILES.filter((f) => existsSync(join(ROOT, f))).map((file) => {
    const packaged = file.endsWith('.wasm') ? join(ROOT, file) : join(scratch, file.replace(/^dist\//, ''));
    const min = built || file.endsWith('.wasm') ? readFileSync(packaged) : null;
    return { file, bytes: statSync(join(ROOT, file)).size, packagedBytes: min?.length ?? null, packagedGzipBytes: min ? gzipSync(min).length : null };
  });
}

/** Why the real editor cannot run here, or null. Checks the cache only: setup.mjs would download. */
async function unavailable(): Promise<string | null> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return 'the code-server harness runs on Linux x64 only';
  const p = await import('../scripts/vscode/paths.mjs');
  const missing = [[p.NODE_BIN, 'Node 24 for code-server'], [p.CODE_SERVER_ENTRY, `code-server ${p.CODE_SERVER_VERSION}`], [p.CHROMIUM, 'Chromium']]
    .filter(([f]) => !existsSync(f)).map(([, what]) => what);
  if (!missing.length && !existsSync(join(ROOT, 'dist', 'browser', 'extension.js'))) missing.push('dist/ (node scripts/build.mjs)');
  return missing.length ? `not set up on this machine: ${missing.join(', ')} (\`node scripts/vscode/setup.mjs\`, as \`npm test\` does)` : null;
}

/** The probe, bundled once for both hosts, inside the extension folder (a test run goes to the host holding it). */
async function buildProbe(): Promise<string> {
  const outfile = join(ROOT, '.vscode-test', 'bench-startup', 'probe.js');
  await build({
    entryPoints: [join(ROOT, 'bench', 'startupProbe.ts')], outfile, bundle: true, platform: 'browser', format: 'cjs',
    target: 'es2022', external: ['vscode'], logLevel: 'warning',
  });
  return outfile;
}

/** One fresh window: opens the workbench with the probe as its extension test, returns what the probe printed. */
async function oneWindow(page: Page, url: string): Promise<{ probe: ProbeResult; windowMs: number }> {
  let report: ProbeResult | undefined;
  let done: (v: string | null) => void = () => {};
  const finished = new Promise<string | null>((r) => { done = r; });
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => {
    for (const a of Array.isArray(args) ? args : [args]) {
      if (typeof a === 'string' && a.startsWith(MARKER)) report = JSON.parse(a.slice(MARKER.length)) as ProbeResult;
    }
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => done(code === 0 ? null : `the window exited with ${code}`));
  const timer = setTimeout(() => done(`no report within ${WINDOW_TIMEOUT_MS / 1000} s`), WINDOW_TIMEOUT_MS);
  const t = performance.now();
  await page.goto(url);
  const failed = await finished;
  clearTimeout(timer);
  const windowMs = performance.now() - t;
  if (!report) throw new Error(failed ?? 'the probe printed no report');
  return { probe: report, windowMs };
}

async function measureHost(host: Host, runs: number, probe: string, out: StartupResult): Promise<void> {
  const cs = await import('../scripts/vscode/codeServer.mjs');
  const runDir: RunDir = cs.makeRunDir('condis-vscode-bench-', host === 'web' ? cs.webHostSettings(EXTENSION_ID) : {});
  // C-free workspace folders (no workspaceContains activation), a new one per window so that no window restores the
  // editor of the one before (which would activate the extension before the probe); the C files sit beside them.
  const workspace = (i: number) => join(runDir.root, `ws-${i + 1}`);
  for (let i = 0; i < runs; i++) {
    mkdirSync(workspace(i), { recursive: true });
    writeFileSync(join(workspace(i), 'README.txt'), 'CoNDIS Assist start-up bench: the C files are in ../sources.\n');
  }
  cpSync(join(ROOT, 'test', 'vscode-workspace'), join(runDir.root, 'sources'), { recursive: true });
  let server: CodeServer | undefined;
  let context: Awaited<ReturnType<typeof cs.launchBrowser>> | undefined;
  try {
    server = await cs.startCodeServer({ runDir, folder: workspace(0), vscodeOptions: ['enable-smoke-test-driver'] });
    context = await cs.launchBrowser(runDir);
    for (let i = 0; i < runs; i++) {
      const url = cs.extensionTestUrl(server, workspace(i), [ROOT], probe);
      const page = i === 0 ? context.pages()[0] ?? await context.newPage() : await context.newPage();
      try {
        const { probe: r, windowMs } = await oneWindow(page, url);
        if (r.host !== host) throw new Error(`the probe ran in the ${r.host} host, not the ${host} host`);
        if (r.error) out.errors.push(`${host} window ${i + 1}: ${r.error}`);
        out.runs[host].push(r);
        out.windowMs[host].push(windowMs);
      } catch (e) {
        out.errors.push(`${host} window ${i + 1}: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        await page.close().catch(() => {});
      }
    }
  } finally {
    await cs.stopAll({ context, server, runDir });
  }
}

export async function measureStartup({ runs = 3, hosts = [...HOSTS] }: { runs?: number; hosts?: Host[] } = {}): Promise<StartupResult> {
  const t0 = performance.now();
  const out: StartupResult = {
    available: false, note: '', runsPerHost: runs, runs: { node: [], web: [] }, windowMs: { node: [], web: [] },
    bundle: await webBundle(), errors: [], seconds: 0, versions: {},
  };
  const why = await unavailable();
  if (why) {
    out.note = why;
  } else {
    const p = await import('../scripts/vscode/paths.mjs');
    out.available = true;
    out.versions = { 'code-server': p.CODE_SERVER_VERSION, chromium: chromiumVersion(p.CHROMIUM) };
    const probe = await buildProbe();
    for (const host of hosts) {
      try {
        await measureHost(host, runs, probe, out);
      } catch (e) {
        out.errors.push(`${host} host: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  out.seconds = (performance.now() - t0) / 1000;
  return out;
}

function chromiumVersion(bin: string): string {
  try { return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return '?'; }
}

if (require.main === module) {
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Number(process.argv[i + 1]) : 3;
  const h = process.argv.indexOf('--hosts');
  const hosts = h >= 0 ? process.argv[h + 1].split(',').filter((x): x is Host => (HOSTS as readonly string[]).includes(x)) : [...HOSTS];
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  void (async () => {
    const r = await measureStartup({ runs, hosts });
    mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'out', 'startup.json'), JSON.stringify(r, null, 1));
    console.log(renderStartup(r).join('\n'));
  })();
}
