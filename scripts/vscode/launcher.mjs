#!/usr/bin/env node
// Stands in for the VS Code executable in @vscode/test-electron's runTests({ vscodeExecutablePath }):
// runs the extension tests in code-server's real extension host, shown by headless chromium, and
// exits with the test run's code. Always ends code-server, its extension hosts and the browser.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format } from 'node:util';
import { ROOT } from './paths.mjs';
import { setup } from './setup.mjs';
import { copyWorkspace, extensionTestUrl, launchBrowser, makeRunDir, startCodeServer, stopAll, webHostSettings } from './codeServer.mjs';

const log = (msg) => console.log(`[launcher] ${msg}`);
const TIMEOUT_S = Number(process.env.CONDIS_VSCODE_TIMEOUT ?? 600);
/** CONDIS_VSCODE_HOST=web: the extension runs in the web worker extension host (the user setting below forces it). */
const WEB_HOST = process.env.CONDIS_VSCODE_HOST === 'web';

/** The parts of a VS Code command line the launcher understands; the rest (sandbox, profile dirs) do not apply. */
export function parseArgs(argv) {
  const devPaths = [];
  let testsPath;
  const folders = [];
  for (const a of argv) {
    if (a.startsWith('--extensionDevelopmentPath=')) devPaths.push(resolve(a.slice(a.indexOf('=') + 1)));
    else if (a.startsWith('--extensionTestsPath=')) testsPath = resolve(a.slice(a.indexOf('=') + 1));
    else if (!a.startsWith('-')) folders.push(resolve(a));
  }
  return { devPaths, testsPath, folder: folders[0] };
}

// Messages arrive as the console arguments of the workbench and extension host (printf-style,
// with %c styling). The workbench's own start-up chatter, and look-ups that fail on purpose
// offline (gallery on a closed port, GitHub sign-in), are left out unless CONDIS_VSCODE_VERBOSE.
const NOISE = [
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache)/,
  /^\[(reconnection-grace-time|Service Worker|AgentHost|AccountPolicyGate)[\]:\s]/,
  /127\.0\.0\.1:9\b/,
  /authentication provider 'github'/,
];

function printLog(type, args) {
  const text = format(...(Array.isArray(args) ? args : [args]));
  if (!process.env.CONDIS_VSCODE_VERBOSE && NOISE.some((re) => re.test(text))) return;
  (type === 'error' ? console.error : console.log)(text);
}

async function main() {
  const { devPaths, testsPath, folder } = parseArgs(process.argv.slice(2));
  if (!testsPath || devPaths.length === 0) {
    console.error('usage: launcher.mjs [folder] --extensionDevelopmentPath=<dir> --extensionTestsPath=<index.js>');
    return 2;
  }
  await setup();
  const runDir = makeRunDir('condis-vscode-', WEB_HOST ? webHostSettings('condis-assist.condis-assist') : {});
  if (WEB_HOST) log('web worker extension host (remote.extensionKind: web)');
  let server;
  let context;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopAll({ context, server, runDir });
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => { log(`${sig}: stopping VS Code`); stop().finally(() => process.exit(130)); });
  }

  let timer;
  try {
    const t0 = Date.now();
    const workspace = folder ? copyWorkspace(runDir, folder) : undefined;
    server = await startCodeServer({ runDir, folder: workspace, vscodeOptions: ['enable-smoke-test-driver'] });
    log(`code-server ${server.url} up in ${Date.now() - t0} ms; workspace copy: ${workspace ?? '(none)'}`);
    context = await launchBrowser(runDir);
    const page = context.pages()[0] ?? await context.newPage();

    let resolveExit;
    const result = new Promise((r) => { resolveExit = r; });
    await page.exposeFunction('codeAutomationLog', (type, args) => printLog(type, args));
    await page.exposeFunction('codeAutomationExit', (code, logs) => resolveExit({ code, logs }));
    timer = setTimeout(() => resolveExit({ timedOut: true }), TIMEOUT_S * 1000);
    page.on('pageerror', (e) => console.error(`[browser] ${e.message}`));
    if (process.env.CONDIS_VSCODE_VERBOSE) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
    await page.goto(extensionTestUrl(server, workspace ?? runDir.root, devPaths, testsPath));
    log(`workbench opened in ${Date.now() - t0} ms; tests running in the extension host`);

    const { code, logs, timedOut } = await result;
    if (timedOut) {
      const shot = join(ROOT, 'test-results', 'vscode-launcher-timeout.png');
      mkdirSync(dirname(shot), { recursive: true });
      await page.screenshot({ path: shot }).catch(() => {});
      console.error(`[launcher] TIMEOUT: the test run did not finish within ${TIMEOUT_S} s (CONDIS_VSCODE_TIMEOUT); screenshot: ${shot}`);
      return 1;
    }
    if (code !== 0 && Array.isArray(logs)) {
      const dir = join(ROOT, 'test-results', 'vscode-logs');
      for (const { relativePath, contents } of logs) {
        const file = join(dir, relativePath);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, contents);
      }
      log(`VS Code logs written to ${dir}`);
    }
    log(`test run exited with ${code} after ${Date.now() - t0} ms`);
    return code;
  } finally {
    clearTimeout(timer);
    await stop();
  }
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(`[launcher] ${e.stack ?? e}`);
  process.exitCode = 1;
}
