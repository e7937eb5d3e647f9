// Worker thread of the server's workspace indexing (Node only; bundled as dist/indexWorker.js): its own parser and
// services, reading and summarising the files the server asks for, one at a time in the order asked, and answering
// with plain summaries (workerSummarizer.ts). It keeps nothing of a file once answered.
import { parentPort } from 'node:worker_threads';
import { createServices, summarizeFile } from './services';
import { nodeSourceFiles } from './nodeSourceFiles';
import { withLifecycleValue } from './summaryTransfer';
import { summaryKey } from './analysis/workspace';
import type { WorkerAnswer, WorkerRequest } from './workerSummarizer';

const port = parentPort!;
// The wasm files sit beside this bundle, as beside dist/server.js.
const services = createServices(__dirname);
let queue: Promise<void> = Promise.resolve();

port.on('message', (req: WorkerRequest) => {
  queue = queue.then(async () => {
    let answer: WorkerAnswer;
    try {
      const r = await nodeSourceFiles.read(req.uri, req.maxBytes);
      const summary = r.ok ? summarizeFile(await services, req.uri, r.text) : null;
      // The key first: it is the analysis's semantic key, which an open document's check compares with (summaryKey).
      const key = summary ? summaryKey(summary) : undefined;
      answer = { id: req.id, result: r.ok ? { ok: true, summary: summary && withLifecycleValue(summary, true), key } : r };
    } catch (err) {
      answer = { id: req.id, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(answer);
  });
});
