// condis.timeBudget over the wire: a first check longer than the budget is pushed in parts, the first with a
// check-in-progress notice, each later one more complete, until the last equals a check without a budget; hover is
// answered while the parts are on their way.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { clientInitializeParams, positionAt, startServer, waitFor, within, type RunningServer } from './lsp';
import { generateDriver } from '../../bench/generate';

const MS = 60_000;
const TEXT = generateDriver(3000, 5).text; // over 64 KB: smaller files are always checked whole
const URI = pathToFileURL('/budget/driver.c').href;

async function run(settings: unknown): Promise<{ server: RunningServer; pushed: PublishDiagnosticsParams[] }> {
  const server = startServer();
  const pushed: PublishDiagnosticsParams[] = [];
  server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { pushed.push(p); });
  await within(MS, 'initialize', server.connection.sendRequest('initialize', { ...clientInitializeParams(), initializationOptions: { settings } }));
  await server.connection.sendNotification('initialized', {});
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'c', version: 1, text: TEXT } });
  return { server, pushed };
}

const inProgress = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'check-in-progress');

describe('a first check longer than condis.timeBudget', () => {
  const servers: RunningServer[] = [];
  after(() => { for (const s of servers) s.kill(); });

  test('comes in parts that end with the whole check, and hover answers in between', async () => {
    const whole = await run({ timeBudget: 60_000 });
    servers.push(whole.server);
    const complete = await waitFor(MS, 'the whole check', () => whole.pushed.find((p) => p.uri === URI && p.version === 1));
    assert.ok(!inProgress(complete) && complete.diagnostics.length > 0, 'without a tight budget the check is whole at once');

    const parts = await run({ timeBudget: 10 });
    servers.push(parts.server);
    const first = await waitFor(MS, 'the first part', () => parts.pushed.find((p) => p.uri === URI));
    assert.ok(inProgress(first), 'the first part carries the notice');
    const notice = first.diagnostics.find((d) => d.code === 'check-in-progress')!;
    assert.equal(notice.severity, 3);
    assert.match(String(notice.message), /^Still checking: \d+ of \d+ top-level items are checked so far, in parts of 10 ms \(condis\.timeBudget\)/);
    const hover = await within(MS, 'hover', parts.server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI }, position: positionAt(TEXT, TEXT.indexOf('NdisCmCloseCallComplete(') + 3),
    }) as Promise<Hover | null>);
    assert.match(JSON.stringify(hover?.contents ?? ''), /NdisCmCloseCallComplete/);
    const last = await waitFor(MS, 'the last part', () => parts.pushed.filter((p) => p.uri === URI).find((p) => !inProgress(p)));
    assert.deepEqual(last.diagnostics, complete.diagnostics);
    assert.ok(parts.pushed.filter((p) => p.uri === URI).length > 2, 'several parts were pushed');
  });
});
