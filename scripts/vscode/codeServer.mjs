// Starts code-server (the VS Code server build) in a private temp folder and the headless browser
// that shows its workbench; shared by the launcher, the UI test and `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CODE_SERVER_ENTRY, NODE_BIN, RUN_TAG } from './paths.mjs';
import { killAll } from './processes.mjs';

// Only the user settings the harness needs: no autosave (the web build autosaves by default and
// would write a test's edits to disk), nothing that opens on its own or reaches the network.
/**
 * The user setting that forces an extension with both a `main` and a `browser` entry into the web worker extension
 * host (code-server otherwise picks the Node host; `extensionKind: ["web"]` in the manifest is ignored).
 */
export const webHostSettings = (id) => ({ 'remote.extensionKind': { [id]: ['web'] } });

export const USER_SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.minimap.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

// Extension-gallery lookups go to a closed local port instead of the internet.
const LOCAL_GALLERY = JSON.stringify({
  serviceUrl: 'http://127.0.0.1:9/gallery',
  itemUrl: 'http://127.0.0.1:9/item',
  resourceUrlTemplate: 'http://127.0.0.1:9/resource/{publisher}/{name}/{version}/{path}',
});

const BROWSER_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A fresh temp folder for one run; everything the run writes lives under it. */
export function makeRunDir(prefix = 'condis-vscode-', extraSettings = {}) {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}${RUN_TAG}-`));
  const dirs = {
    root: dir,
    userData: join(dir, 'user-data'),
    extensions: join(dir, 'extensions'),
    browser: join(dir, 'browser-profile'),
    home: join(dir, 'home'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extraSettings }, null, 2));
  return dirs;
}

/** Copies a workspace into the run folder so edits and autosaves never touch the original. */
export function copyWorkspace(runDir, folder) {
  const dest = join(runDir.root, basename(folder));
  cpSync(folder, dest, { recursive: true });
  return dest;
}

/** Environment for code-server: its config and logs under the run folder, a local gallery. */
function serverEnv(runDir, extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return {
    ...env,
    XDG_CONFIG_HOME: join(runDir.home, 'config'),
    XDG_DATA_HOME: join(runDir.home, 'data'),
    XDG_CACHE_HOME: join(runDir.home, 'cache'),
    EXTENSIONS_GALLERY: LOCAL_GALLERY,
    ...extra,
  };
}

function codeServerArgs(runDir) {
  return [
    CODE_SERVER_ENTRY,
    '--config', join(runDir.home, 'config.yaml'),
    '--user-data-dir', runDir.userData,
    '--extensions-dir', runDir.extensions,
  ];
}

/** `code-server --install-extension <vsix>` into the run's extensions folder. */
export function installVsix(runDir, vsix) {
  const r = spawnSync(NODE_BIN, [...codeServerArgs(runDir), '--install-extension', vsix, '--force'],
    { env: serverEnv(runDir), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// If this process dies without cleaning up (SIGKILL), a detached shell ends code-server's process
// group and removes the run folder. Its command line names the run folder, so stopAll ends it too.
const WATCHDOG = 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; '
  + 'kill -TERM -"$2" 2>/dev/null; sleep 2; kill -KILL -"$2" 2>/dev/null; rm -rf "$3"';

function startWatchdog(serverPid, runDir) {
  const dog = spawn('sh', ['-c', WATCHDOG, 'condis-vscode-watchdog', String(process.pid), String(serverPid), runDir.root],
    { detached: true, stdio: 'ignore' });
  dog.unref();
}

/**
 * Starts code-server on 127.0.0.1:<port> in its own process group and waits for /healthz.
 * `onOutput` receives its stdout/stderr lines (default: dropped unless CONDIS_VSCODE_VERBOSE).
 */
export async function startCodeServer({ runDir, folder, port, env = {}, vscodeOptions = [], onOutput }) {
  port ??= await freePort();
  const args = [
    ...codeServerArgs(runDir),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    // Extension hosts (and our language server) end 10 s after the browser goes, not 3 h.
    '--reconnection-grace-time', '10',
    '--ignore-last-opened',
    ...vscodeOptions.flatMap((o) => ['--vscode-option', o]),
  ];
  if (folder) args.push(folder);
  const child = spawn(NODE_BIN, args, { env: serverEnv(runDir, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  const sink = onOutput ?? ((line) => { if (process.env.CONDIS_VSCODE_VERBOSE) console.log(`[code-server] ${line}`); });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (d) => {
      for (const line of d.split('\n')) if (line.trim()) { output.push(line); sink(line); }
    });
  }
  let exited;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  startWatchdog(child.pid, runDir);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal}) before answering:\n${output.slice(-30).join('\n')}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await killAll({ roots: [child.pid], marker: runDir.root });
      throw new Error(`code-server did not answer ${url}/healthz within 60 s:\n${output.slice(-30).join('\n')}`);
    }
    await sleep(150);
  }
  return { url, port, child, output };
}

/**
 * The workbench URL of an extension test run: with enable-smoke-test-driver, the workbench reads extension development
 * and test locations from the `payload` parameter, as remote URIs on the server's own authority.
 */
export function extensionTestUrl(server, folder, devPaths, testsPath) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ['extensionTestsPath', remote(testsPath)],
  ];
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Headless Debian chromium with a fresh profile under the run folder, driven by playwright-core. */
export async function launchBrowser(runDir, { viewport = { width: 1280, height: 800 } } = {}) {
  const context = await chromium.launchPersistentContext(runDir.browser, {
    executablePath: CHROMIUM,
    headless: true,
    args: BROWSER_ARGS,
    viewport,
    // Chromium keeps crash reports under $XDG_CONFIG_HOME/chromium even with a user-data-dir: keep them in the run folder.
    env: { ...process.env, XDG_CONFIG_HOME: join(runDir.home, 'browser-config'), XDG_CACHE_HOME: join(runDir.home, 'browser-cache') },
    // The harness ends the browser itself (killAll); playwright's own signal handlers would race it.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  return context;
}

/**
 * Ends everything a run started: the browser (politely, then by PID), code-server, its extension
 * hosts and language servers (process groups and descendants), then removes the run folder.
 */
export async function stopAll({ context, server, runDir, keepRunDir = false }) {
  if (context) await Promise.race([context.close().catch(() => {}), sleep(5000)]);
  const left = await killAll({ roots: [server?.child?.pid].filter(Boolean), marker: runDir.root });
  if (left.length) console.error(`[vscode] processes still alive after SIGKILL: ${left.join(', ')}`);
  if (!keepRunDir) rmSync(runDir.root, { recursive: true, force: true, maxRetries: 3 });
}
