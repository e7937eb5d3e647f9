// `npm start`: the packaged extension in a real VS Code (code-server) at http://127.0.0.1:<port>,
// with examples/ (or the test workspace) open, until Ctrl+C. Options: --port <n> (or $PORT), --no-package.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, CODE_SERVER_ENTRY, CODE_SERVER_VERSION, NODE_BIN, ROOT } from './vscode/paths.mjs';
import { freePort, installVsix, makeRunDir, startCodeServer, stopAll } from './vscode/codeServer.mjs';

const args = process.argv.slice(2);
const portArg = args.includes('--port') ? args[args.indexOf('--port') + 1] : process.env.PORT;
const log = (msg) => console.log(`[start] ${msg}`);

function workspaceFolder() {
  const examples = join(ROOT, 'examples');
  if (existsSync(examples) && readdirSync(examples).length > 0) return examples;
  return join(ROOT, 'test', 'vscode-workspace');
}

async function portToUse() {
  const wanted = Number(portArg ?? 8080);
  const free = await new Promise((resolve) => {
    import('node:net').then(({ createServer }) => {
      const srv = createServer().once('error', () => resolve(false));
      srv.listen(wanted, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
  });
  if (free) return wanted;
  const other = await freePort();
  log(`port ${wanted} is taken; using ${other}`);
  return other;
}

/**
 * The VS Code server build is installed on the first run only. It is said before it starts (it is large and slow),
 * and the install, which writes its output to a log, is followed here: elapsed time and the log's latest line.
 */
async function setupWithProgress() {
  const first = !existsSync(NODE_BIN) || !existsSync(CODE_SERVER_ENTRY);
  if (first) {
    log(`first run: installing the VS Code server build (code-server ${CODE_SERVER_VERSION} and its Node),`);
    log(`about 800 MB in ${CACHE.slice(ROOT.length + 1)}/, 3 minutes on 2 cores; later runs reuse it`);
  }
  const t0 = Date.now();
  const logs = ['node-install.log', 'code-server-install.log'].map((f) => join(CACHE, f));
  const ticker = first ? setInterval(() => {
    const current = logs.filter((f) => existsSync(f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    const last = current ? readFileSync(current, 'utf8').trimEnd().split('\n').pop()?.trim().slice(0, 100) : '';
    log(`  ${Math.round((Date.now() - t0) / 1000)} s${last ? `: ${last}` : ''}`);
  }, 10_000) : undefined;
  // In a child process: the install blocks its own event loop, and this one keeps reporting.
  const code = await new Promise((resolve) => {
    spawn(process.execPath, [join(ROOT, 'scripts', 'vscode', 'setup.mjs')], { stdio: 'inherit' }).on('exit', resolve);
  });
  clearInterval(ticker);
  if (code !== 0) process.exit(1);
}

await setupWithProgress();
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const vsix = join(ROOT, `condis-assist-${version}.vsix`);
if (!args.includes('--no-package') || !existsSync(vsix)) {
  log('npm run package');
  execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
const runDir = makeRunDir('condis-vscode-start-');
log(installVsix(runDir, vsix).split('\n').pop());
const folder = workspaceFolder();
const server = await startCodeServer({ runDir, folder, port: await portToUse() });

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  log('stopping code-server');
  await stopAll({ server, runDir });
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
server.child.on('exit', (code) => { if (!stopping) { log(`code-server exited (${code})`); stop(1); } });

console.log(`
  CoNDIS Assist ${version} in VS Code (code-server), with ${folder.slice(ROOT.length + 1)} open:

      ${server.url}/

  Press Ctrl+C to stop.
`);
