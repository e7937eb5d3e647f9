// The one entry point of the extension-host suite: @vscode/test-electron's runTests, against
// desktop VS Code (downloaded by test-electron) or, where that cannot run, our launcher that runs
// the same suite in code-server + headless chromium (scripts/vscode/launcher.mjs).
//
//   CONDIS_VSCODE=server    always the code-server launcher (what CI uses; works offline)
//   CONDIS_VSCODE=desktop   always desktop VS Code (CONDIS_VSCODE_VERSION, default 'stable')
//   unset                   desktop when it could run (a display, or not Linux) and its download
//                           server answers; otherwise server
//   CONDIS_VSCODE_GREP      only the tests whose names match (mocha grep)
//   CONDIS_VSCODE_EXTENSION the extension folder to test (default: this repo, built first)
//   CONDIS_VSCODE_HOST      'web': the web worker extension host (code-server only), the suite built for the
//                           browser; 'both' (the default of `npm test`'s entry): Node, then web
import { runTests } from '@vscode/test-electron';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSuite, buildWebSuite } from '../../scripts/vscode/buildSuite.mjs';
import { ROOT } from '../../scripts/vscode/paths.mjs';
import { setup } from '../../scripts/vscode/setup.mjs';

export const WORKSPACE = join(ROOT, 'test', 'vscode-workspace');
export const LAUNCHER = join(ROOT, 'scripts', 'vscode', 'launcher.mjs');

async function desktopReachable() {
  try {
    const res = await fetch('https://update.code.visualstudio.com/api/releases/stable', { signal: AbortSignal.timeout(3000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Which VS Code to run, and why (printed so a run's log says what it tested against). */
export async function chooseMode(env = process.env) {
  const asked = env.CONDIS_VSCODE;
  if (asked === 'server' || asked === 'desktop') return { mode: asked, why: `CONDIS_VSCODE=${asked}` };
  if (asked) throw new Error(`CONDIS_VSCODE must be "server" or "desktop", not "${asked}"`);
  if (process.platform === 'linux' && !env.DISPLAY) return { mode: 'server', why: 'no display for desktop VS Code' };
  if (!(await desktopReachable())) return { mode: 'server', why: 'desktop VS Code cannot be downloaded here' };
  return { mode: 'desktop', why: 'desktop VS Code can be downloaded' };
}

/**
 * Runs the suite once. Resolves to 0, or rejects (test-electron's TestRunFailedError) when a test
 * fails. `extensionDevelopmentPath` defaults to this repo (built into dist/ by the caller).
 */
export async function runSuite({ extensionDevelopmentPath = ROOT, env = {}, mode, host = 'node' } = {}) {
  const chosen = host === 'web' ? { mode: 'server', why: 'the web worker extension host' } : mode ? { mode, why: 'requested' } : await chooseMode();
  console.log(`[vscode-test] ${chosen.mode === 'server' ? 'code-server (VS Code server build) + headless chromium' : 'desktop VS Code'}, ${host} extension host: ${chosen.why}`);
  const extensionTestsPath = host === 'web' ? await buildWebSuite({ grep: process.env.CONDIS_VSCODE_GREP }) : await buildSuite();
  if (host === 'web') env = { ...env, CONDIS_VSCODE_HOST: 'web' };
  if (chosen.mode === 'server') {
    await setup(); // cached; the first time on a machine it takes a few minutes and says so
    // test-electron spawns the launcher directly: it must be executable even where git lost the bit.
    chmodSync(LAUNCHER, 0o755);
    // The launcher copies the workspace itself and always ends what it started.
    return runTests({
      vscodeExecutablePath: LAUNCHER,
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [WORKSPACE],
      extensionTestsEnv: env,
    });
  }
  const copy = mkdtempSync(join(tmpdir(), 'condis-ws-'));
  cpSync(WORKSPACE, copy, { recursive: true });
  try {
    return await runTests({
      version: process.env.CONDIS_VSCODE_VERSION || 'stable',
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [copy, '--disable-extensions'],
      extensionTestsEnv: env,
    });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = Date.now();
  const extensionDevelopmentPath = process.env.CONDIS_VSCODE_EXTENSION || ROOT;
  if (extensionDevelopmentPath === ROOT && !process.env.CONDIS_SKIP_BUILD) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: ROOT });
  }
  const hosts = process.env.CONDIS_VSCODE_HOST === 'web' ? ['web'] : process.env.CONDIS_VSCODE_HOST === 'node' ? ['node'] : ['node', 'web'];
  try {
    for (const host of hosts) {
      await runSuite({ extensionDevelopmentPath, host });
      console.log(`[vscode-test] ${host} extension host: passed after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } catch (e) {
    console.error(`[vscode-test] FAILED in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${e.message}`);
    process.exitCode = 1;
  }
}
