// Worker thread of the `check` command (bundled as dist/cliWorker.js): one parser and one set of services per worker,
// answering the lead's requests (cli/runners.ts) one at a time, in the order they come.
import { parentPort, workerData } from 'node:worker_threads';
import { createServices } from './services';
import { FileChecker } from './cli/fileCheck';
import type { Answer, Request, WorkerSetup } from './cli/runners';

const setup = workerData as WorkerSetup;
const checker = new FileChecker(() => createServices(setup.distDir), setup.maxFileBytes);
const port = parentPort!;

let queue = Promise.resolve();
port.on('message', (req: Request) => {
  // One at a time: a check must see the workspace sent before it, and a file's pass 1 before its pass 2.
  queue = queue.then(async () => {
    let answer: Answer;
    try {
      answer = { id: req.id, ok: true, value: await handle(req) };
    } catch (err) {
      answer = { id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(answer);
  });
});

function handle(req: Request): Promise<unknown> {
  switch (req.op) {
    case 'index': return checker.index(req.job);
    case 'workspace': return checker.setWorkspace(req.entries, req.override);
    case 'check': return checker.check(req.uri, req.path, setup.settings, req.text);
    case 'work': return Promise.resolve({ ...checker.work });
  }
}
