// condis/memory over stdio: what the server holds, as counts (documents, parse trees, memoised entries) and sizes the
// benchmarks read (the wasm heap, the process' heaps). Edits and closes keep the counts where they belong.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MemoryReport } from '../../server/src/memory';
import { clientInitializeParams, startServer, within, type RunningServer } from './lsp';

const MS = 15_000;
let dir: string;
let server: RunningServer;
const ask = () => within(MS, 'condis/memory', server.connection.sendRequest<MemoryReport>('condis/memory'));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'condis-memory-'));
  server = startServer();
  const root = pathToFileURL(dir).href;
  await within(MS, 'initialize', server.connection.sendRequest('initialize', { ...clientInitializeParams(), rootUri: root, workspaceFolders: [{ uri: root, name: 'w' }] }));
  await server.connection.sendNotification('initialized', {});
});

after(() => {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
});

test('condis/memory counts the open documents and their trees, and an edited then closed document leaves none', async () => {
  const idle = await ask();
  assert.equal(idle.documents, 0);
  assert.ok(idle.wasmHeapBytes > 0, 'the wasm heap is measured');
  assert.ok((idle.process?.heapUsed ?? 0) > 0, 'the Node server reports its heaps');
  const uri = pathToFileURL(join(dir, 'a.c')).href;
  const text = 'int f(void)\n{\n    return 0;\n}\n';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text } });
  for (let v = 2; v <= 41; v++) {
    const at = { line: 2, character: 4 };
    const change = v % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line: 2, character: 5 } }, text: '' };
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
  }
  const open = await ask(); // answered after the notifications before it (the server runs them in arrival order)
  assert.equal(open.documents, 1);
  assert.equal(open.documentChars, text.length, 'the 41st version (each x typed, then deleted) is the text held');
  assert.equal(open.liveTrees - idle.liveTrees, 1, 'one tree for the small document, whatever the edits');
  assert.ok(open.derivedEntries <= 3, `${open.derivedEntries} memoised entries`);
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const closed = await ask();
  assert.equal(closed.documents, 0);
  assert.equal(closed.liveTrees, idle.liveTrees, 'closing deletes the document\'s tree');
});
