// `npm start`: the packaged extension in a real VS Code (code-server) at http://127.0.0.1:<port>,
// with examples/ (or the test workspace) open, until Ctrl+C. Options: --port <n> (or $PORT), --no-package.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './vscode/paths.mjs';
import { setup } from './vscode/setup.mjs';
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

await setup();
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
