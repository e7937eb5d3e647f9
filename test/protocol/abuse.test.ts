// Protocol abuse against the built server over stdio: broken framing and JSON, unknown methods, documents never
// opened, positions out of bounds, hostile edits, cancellation storms, a flood of edits while diagnostics are being
// computed, and shutdown/exit at odd moments. After each case the server must still answer a hover correctly (or,
// for the exit cases, exit with the code LSP prescribes).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent, Position, PublishDiagnosticsParams } from 'vscode-languageserver';
import { clientInitializeParams, fixture, offsetOf, positionAt, startServer, waitFor, within, type RunningServer } from './lsp';

const NDIS6 = fixture('ndis6-call-manager.c');
const MS = 10_000;
/** The probe: a hover on this call must always describe it. */
const PROBE = 'NdisCmCloseCallComplete(Status,';

/** JSON-RPC error codes the cases expect. */
const METHOD_NOT_FOUND = -32601;
const INVALID_REQUEST = -32600;
const REQUEST_CANCELLED = -32800;

function frame(body: string | Buffer, length?: number | string): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${length ?? bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

/** A started, initialized server with the NDIS 6 fixture open, and the client's copy of that document. */
interface Session {
  server: RunningServer;
  text: string;
  version: number;
  pushed: PublishDiagnosticsParams[];
  request<R>(method: string, params?: unknown): Promise<R>;
  /** Writes bytes straight to the server's stdin, bypassing the client library. */
  raw(bytes: Buffer | string): Promise<void>;
  /** Hovers the probe call in the current text and checks the answer describes it. */
  hoverWorks(): Promise<void>;
  change(changes: unknown[], version?: number): Promise<void>;
}

async function openSession(opts: { initialize?: boolean } = {}): Promise<Session> {
  const server = startServer();
  const pushed: PublishDiagnosticsParams[] = [];
  server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { pushed.push(p); });
  const s: Session = {
    server, text: NDIS6.text, version: 1, pushed,
    request: <R>(method: string, params?: unknown) => within(MS, method, params === undefined
      ? server.connection.sendRequest<R>(method)
      : server.connection.sendRequest<R>(method, params)),
    raw: (bytes) => new Promise<void>((resolve, reject) => { server.child.stdin!.write(bytes, (err) => (err ? reject(err) : resolve())); }),
    async hoverWorks() {
      const at = offsetOf(s.text, PROBE) + 'NdisCm'.length;
      const h = await s.request<Hover | null>('textDocument/hover', { textDocument: { uri: NDIS6.uri }, position: positionAt(s.text, at) });
      assert.ok(h, `no hover; server log:\n${server.log.join('')}`);
      assert.match((h.contents as MarkupContent).value, /VOID NdisCmCloseCallComplete\(/);
    },
    async change(changes, version) {
      s.version = version ?? s.version + 1;
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: NDIS6.uri, version: s.version }, contentChanges: changes });
    },
  };
  if (opts.initialize !== false) {
    await s.request('initialize', clientInitializeParams());
    await server.connection.sendNotification('initialized', {});
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: NDIS6.uri, languageId: 'c', version: 1, text: s.text } });
    await s.hoverWorks();
  }
  return s;
}

/** The error code a request was answered with (undefined when it succeeded). */
async function errorCode(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    return (err as { code?: number }).code;
  }
}

const at = (line: number, character: number): Position => ({ line, character });

describe('protocol abuse: the server keeps serving', () => {
  let s: Session;
  before(async () => { s = await openSession(); });
  after(() => s?.server.kill());

  describe('broken framing and JSON', () => {
    test('a message that is not JSON is dropped', async () => {
      await s.raw(frame('{"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", '));
      await s.hoverWorks();
    });

    test('JSON that is not a JSON-RPC message (null, a number, an array, an object without method or id) is dropped', async () => {
      for (const body of ['null', '42', '"hello"', '[]', '[1, 2]', '{}', '{"jsonrpc": "2.0"}', '{"jsonrpc": "2.0", "id": 99999, "result": 1}', '{"jsonrpc": "2.0", "id": 5, "method": 17}', '{"jsonrpc": "2.0", "method": null}']) {
        await s.raw(frame(body));
      }
      await s.hoverWorks();
    });

    test('a header block without Content-Length is skipped', async () => {
      await s.raw('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nX-Junk: 1\r\n\r\n');
      await s.hoverWorks();
    });

    test('a Content-Length that is not a number is skipped', async () => {
      await s.raw('Content-Length: twelve\r\n\r\n');
      await s.hoverWorks();
    });

    test('a header line without a colon is skipped', async () => {
      await s.raw('this is not a header\r\n\r\n');
      await s.hoverWorks();
    });

    test('garbage bytes between messages (NUL, invalid UTF-8, no header end) are skipped up to the next header', async () => {
      await s.raw(Buffer.from([0x00, 0xff, 0xfe, 0x41, 0x0a, 0x0d, 0x7b, 0x80, 0xc3]));
      await s.raw('garbage that looks like nothing at all');
      await s.hoverWorks();
    });

    test('a Content-Length shorter than the body loses that message only', async () => {
      await s.raw(frame('{"jsonrpc": "2.0", "method": "$/noSuchNotification", "params": {"x": 1}}', 20));
      await s.hoverWorks();
    });

    test('a Content-Length longer than the body loses that message only, not the ones after it', async () => {
      await s.raw(frame('{"jsonrpc": "2.0", "method": "$/noSuchNotification"}', 5000));
      await s.hoverWorks();
    });

    test('a body with invalid UTF-8 and NUL bytes inside a valid frame is dropped', async () => {
      await s.raw(frame(Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x7d])));
      await s.hoverWorks();
    });

    test('a request with a huge id, a string id and a fractional id is answered with that id', async () => {
      for (const id of ['"abc"', '9007199254740991', '1.5']) {
        await s.raw(frame(`{"jsonrpc": "2.0", "id": ${id}, "method": "$/noSuchRequest"}`));
      }
      await s.hoverWorks();
    });
  });

  describe('unknown methods', () => {
    test('an unknown request is answered with MethodNotFound', async () => {
      assert.equal(await errorCode(s.request('textDocument/noSuchThing', {})), METHOD_NOT_FOUND);
      assert.equal(await errorCode(s.request('condis/whatever')), METHOD_NOT_FOUND);
      await s.hoverWorks();
    });

    test('an unknown $/ request is answered with MethodNotFound, an unknown notification is ignored', async () => {
      assert.equal(await errorCode(s.request('$/noSuchRequest', { a: 1 })), METHOD_NOT_FOUND);
      await s.server.connection.sendNotification('$/noSuchNotification', { a: 1 });
      await s.server.connection.sendNotification('workspace/noSuchNotification');
      await s.hoverWorks();
    });

    test('a request whose params are of the wrong shape is answered (null or an error), never dropped', async () => {
      for (const params of [null, [], [1, 2, 3], 'text', 42, {}, { textDocument: 5 }, { textDocument: { uri: NDIS6.uri }, position: 'here' }, { textDocument: { uri: NDIS6.uri }, position: { line: 'a', character: {} } }]) {
        for (const method of ['textDocument/hover', 'textDocument/signatureHelp', 'textDocument/completion', 'textDocument/inlayHint', 'textDocument/codeAction', 'completionItem/resolve', 'workspace/executeCommand']) {
          await errorCode(s.request(method, params)); // any answer will do; a missing one times out
        }
      }
      await s.hoverWorks();
    });
  });

  describe('documents never opened, positions and ranges out of bounds', () => {
    const ghost = { uri: 'file:///never/opened.c' };

    test('requests for a document never opened answer nothing', async () => {
      assert.equal(await s.request('textDocument/hover', { textDocument: ghost, position: at(0, 0) }), null);
      assert.equal(await s.request('textDocument/signatureHelp', { textDocument: ghost, position: at(0, 0) }), null);
      assert.equal(await s.request('textDocument/completion', { textDocument: ghost, position: at(0, 0) }), null);
      assert.deepEqual(await s.request('textDocument/inlayHint', { textDocument: ghost, range: { start: at(0, 0), end: at(9, 0) } }), []);
      assert.deepEqual(await s.request('textDocument/codeAction', { textDocument: ghost, range: { start: at(0, 0), end: at(0, 0) }, context: { diagnostics: [] } }), []);
      assert.deepEqual(await s.request('textDocument/diagnostic', { textDocument: ghost }), { kind: 'full', items: [] });
      await s.hoverWorks();
    });

    test('notifications for a document never opened change nothing', async () => {
      await s.server.connection.sendNotification('textDocument/didChange', { textDocument: { ...ghost, version: 2 }, contentChanges: [{ text: 'int x;' }] });
      await s.server.connection.sendNotification('textDocument/didClose', { textDocument: ghost });
      await s.server.connection.sendNotification('textDocument/didSave', { textDocument: ghost });
      await s.hoverWorks();
    });

    test('positions past the end, negative and huge answer like the nearest position in the document, or nothing', async () => {
      const doc = { uri: NDIS6.uri };
      for (const position of [at(1e6, 0), at(0, 1e6), at(-1, -1), at(2 ** 31, 2 ** 31), at(3.5, 2.25)]) {
        for (const method of ['textDocument/hover', 'textDocument/signatureHelp', 'textDocument/completion']) {
          const r = await s.request<unknown>(method, { textDocument: doc, position });
          assert.ok(r === null || typeof r === 'object', `${method} at ${JSON.stringify(position)} answered ${JSON.stringify(r)}`);
        }
      }
      await s.hoverWorks();
    });

    test('inlay hint ranges reversed, empty, negative or past the end answer hints inside the document only', async () => {
      const lines = s.text.split('\n').length;
      for (const range of [{ start: at(50, 0), end: at(10, 0) }, { start: at(5, 5), end: at(5, 5) }, { start: at(-5, -5), end: at(-1, 0) }, { start: at(0, 0), end: at(1e9, 1e9) }]) {
        const hints = await s.request<{ position: Position }[]>('textDocument/inlayHint', { textDocument: { uri: NDIS6.uri }, range });
        assert.ok(Array.isArray(hints));
        for (const h of hints) assert.ok(h.position.line >= 0 && h.position.line < lines, `hint at ${JSON.stringify(h.position)}`);
      }
      await s.hoverWorks();
    });

    test('code actions for diagnostics the server never sent (stale, out of range, foreign) offer no broken edit', async () => {
      const far = at(1e6, 0);
      const actions = await s.request<{ title: string; edit?: { changes?: Record<string, { range: { start: Position } }[]> } }[]>('textDocument/codeAction', {
        textDocument: { uri: NDIS6.uri }, range: { start: at(0, 0), end: far },
        context: {
          diagnostics: [
            { range: { start: far, end: far }, message: 'x', source: 'condis', code: 'complete-with-pending', data: { version: 1, fixes: [] } },
            { range: { start: at(-3, 0), end: at(-3, 0) }, message: 'x', source: 'condis', code: 'unchecked-status', data: 'junk' },
            { range: { start: at(0, 0), end: at(0, 0) }, message: 'x', source: 'clangd', code: 12 },
          ],
        },
      });
      const lines = s.text.split('\n').length;
      for (const a of actions) {
        for (const edits of Object.values(a.edit?.changes ?? {})) for (const e of edits) assert.ok(e.range.start.line >= 0 && e.range.start.line < lines, `${a.title} edits line ${e.range.start.line}`);
      }
      await s.hoverWorks();
    });
  });

  describe('hostile edits', () => {
    test('a change with an older version, the same version, or a version far ahead is applied in order', async () => {
      // LSP leaves versions to the client; the server applies changes as they come and stays in step with the text.
      const end = positionAt(s.text, s.text.length);
      await s.change([{ range: { start: end, end }, text: '\n/* a */' }], 0);
      await s.change([{ range: { start: end, end }, text: '' }], 0);
      await s.change([{ range: { start: end, end }, text: '' }], 2 ** 31 - 1);
      s.text += '\n/* a */';
      await s.hoverWorks();
    });

    test('a reversed range replaces the text between its ends, as editors and the LSP text model do', async () => {
      const a = offsetOf(s.text, PROBE) - 40;
      const b = a + 10;
      const removed = s.text.slice(a, b);
      await s.change([{ range: { start: positionAt(s.text, b), end: positionAt(s.text, a) }, text: '          '.slice(0, removed.length) }]);
      s.text = s.text.slice(0, a) + '          '.slice(0, removed.length) + s.text.slice(b);
      await s.hoverWorks();
      // Put the original text back so later cases see the fixture.
      await s.change([{ range: { start: positionAt(s.text, a), end: positionAt(s.text, b) }, text: removed }]);
      s.text = s.text.slice(0, a) + removed + s.text.slice(b);
      await s.hoverWorks();
    });

    test('ranges past the end of a line or of the document are clamped to it', async () => {
      const lines = s.text.split('\n');
      const last = lines.length - 1;
      await s.change([{ range: { start: at(last + 50, 0), end: at(last + 99, 7) }, text: '\n// appended' }]);
      s.text += '\n// appended';
      await s.change([{ range: { start: at(0, 10_000), end: at(0, 10_000) }, text: ' ' }]);
      s.text = s.text.slice(0, lines[0].length) + ' ' + s.text.slice(lines[0].length);
      await s.hoverWorks();
    });

    test('malformed changes (text not a string, a range that is not a range, fractional positions) are ignored, not half applied', async () => {
      const malformed = [
        { range: { start: at(0, 0), end: at(0, 0) }, text: 42 }, { range: 'x', text: '' }, {}, null,
        { range: { start: { line: 'a', character: 0 }, end: at(0, 0) }, text: 'x' }, { range: { start: at(0.5, 0), end: at(1, 1.5) }, text: 'y' },
      ];
      for (const change of malformed) await s.change([change]);
      // The server's text is still the client's: the suppression it offers for the probe's line copies that line's indentation.
      const line = positionAt(s.text, offsetOf(s.text, PROBE)).line;
      const indent = /^[ \t]*/.exec(s.text.split('\n')[line])![0];
      const d = { range: { start: at(line, indent.length), end: at(line, indent.length + 5) }, message: 'x', source: 'condis', code: 'unchecked-status' };
      const actions = await s.request<{ title: string; edit?: { changes?: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
        textDocument: { uri: NDIS6.uri }, range: d.range, context: { diagnostics: [d] },
      });
      const suppress = actions.find((a) => a.title.startsWith('Suppress'));
      assert.equal(suppress?.edit?.changes?.[NDIS6.uri]?.[0]?.newText, `${indent}// condis-ignore-next-line unchecked-status\n`);
      await s.hoverWorks();
    });

    test('opening the same document twice, and closing a document twice, are harmless', async () => {
      const other = { uri: 'file:///abuse/twice.c', languageId: 'c', version: 1, text: 'int x;' };
      await s.server.connection.sendNotification('textDocument/didOpen', { textDocument: other });
      await s.server.connection.sendNotification('textDocument/didOpen', { textDocument: { ...other, text: 'int y;' } });
      await s.server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: other.uri } });
      await s.server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: other.uri } });
      await s.server.connection.sendNotification('textDocument/didOpen', { textDocument: { ...other, text: '\u0000\ud800\r\n\ufeff' } });
      assert.equal(await s.request('textDocument/hover', { textDocument: { uri: other.uri }, position: at(0, 1) }), null);
      await s.hoverWorks();
    });
  });

  describe('cancellation and floods', () => {
    test('a storm of requests each cancelled at once is answered in full, each with a result or RequestCancelled', async () => {
      const doc = { uri: NDIS6.uri };
      const pos = positionAt(s.text, offsetOf(s.text, PROBE) + 3);
      const pending: Promise<number | undefined>[] = [];
      for (let i = 0; i < 300; i++) {
        const method = ['textDocument/hover', 'textDocument/signatureHelp', 'textDocument/completion', 'textDocument/inlayHint'][i % 4];
        const params = method === 'textDocument/inlayHint' ? { textDocument: doc, range: { start: at(0, 0), end: at(2000, 0) } } : { textDocument: doc, position: pos };
        const source = new (await import('vscode-jsonrpc')).CancellationTokenSource();
        pending.push(errorCode(within(MS, method, s.server.connection.sendRequest(method, params, source.token))));
        source.cancel();
      }
      const codes = await Promise.all(pending);
      for (const c of codes) assert.ok(c === undefined || c === REQUEST_CANCELLED, `answered with error ${c}`);
      await s.hoverWorks();
    });

    test('cancelling requests that never existed, with junk ids or without params, is ignored', async () => {
      for (const params of [{ id: 123456 }, { id: 'nope' }, { id: null }, {}, undefined, [], 'x']) {
        await s.raw(frame(JSON.stringify({ jsonrpc: '2.0', method: '$/cancelRequest', ...(params === undefined ? {} : { params }) })));
      }
      await s.hoverWorks();
    });

    test('a flood of changes while diagnostics are computed ends with diagnostics for the last version and a correct hover', async () => {
      // Type a completion with NDIS_STATUS_PENDING character by character on a new line, 400 changes, no waiting.
      const typed = '\n    NdisCmCloseCallComplete(NDIS_STATUS_PENDING, NULL, NULL);';
      const chunks = [...typed.repeat(Math.ceil(400 / typed.length))].slice(0, 400);
      let offset = offsetOf(s.text, 'NdisCmCloseCallComplete(Status,\n');
      offset = s.text.indexOf(';', offset) + 1;
      const sends: Promise<void>[] = [];
      for (const ch of chunks) {
        const p = positionAt(s.text, offset);
        s.text = s.text.slice(0, offset) + ch + s.text.slice(offset);
        offset += ch.length;
        s.version++;
        sends.push(s.server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: NDIS6.uri, version: s.version }, contentChanges: [{ range: { start: p, end: p }, text: ch }] }));
      }
      await Promise.all(sends);
      await s.hoverWorks();
      const last = s.version;
      const final = await waitFor(MS, `diagnostics for version ${last}`, () => s.pushed.find((p) => p.uri === NDIS6.uri && p.version === last));
      const typedCalls = s.text.split('NdisCmCloseCallComplete(NDIS_STATUS_PENDING,').length - 1;
      assert.equal(final.diagnostics.filter((d) => d.code === 'complete-with-pending').length, typedCalls, 'one complete-with-pending per typed call');
      // Far fewer checks than changes: the validator coalesces a burst.
      const checks = s.pushed.filter((p) => p.uri === NDIS6.uri && (p.version ?? 0) > last - chunks.length).length;
      assert.ok(checks < chunks.length / 4, `${checks} diagnostic rounds for ${chunks.length} changes`);
    });
  });
});

describe('protocol abuse: shutdown and exit', () => {
  test('requests after shutdown are answered with InvalidRequest; exit then ends the process with code 0', async () => {
    const s = await openSession();
    try {
      assert.equal(await s.request('shutdown'), null);
      for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/signatureHelp', 'textDocument/inlayHint', 'textDocument/codeAction']) {
        const params = { textDocument: { uri: NDIS6.uri }, position: at(0, 0), range: { start: at(0, 0), end: at(1, 0) }, context: { diagnostics: [] } };
        assert.equal(await errorCode(s.request(method, params)), INVALID_REQUEST, method);
      }
      await s.server.connection.sendNotification('exit');
      assert.equal(await within(MS, 'exit', s.server.exited), 0);
    } finally {
      s.server.kill();
    }
  });

  test('exit without shutdown ends the process with code 1', async () => {
    const s = await openSession();
    try {
      await s.server.connection.sendNotification('exit');
      assert.equal(await within(MS, 'exit', s.server.exited), 1);
    } finally {
      s.server.kill();
    }
  });

  test('exit while a large document is being checked ends the process with code 1 at once', async () => {
    const s = await openSession();
    try {
      const big = NDIS6.text.repeat(40);
      await s.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///abuse/big.c', languageId: 'c', version: 1, text: big } });
      await s.server.connection.sendNotification('exit');
      assert.equal(await within(MS, 'exit', s.server.exited), 1);
    } finally {
      s.server.kill();
    }
  });

  test('a second shutdown is answered, and exit still gives code 0', async () => {
    const s = await openSession();
    try {
      await s.request('shutdown');
      await errorCode(s.request('shutdown'));
      await s.server.connection.sendNotification('exit');
      assert.equal(await within(MS, 'exit', s.server.exited), 0);
    } finally {
      s.server.kill();
    }
  });

  test('the client closing stdin without shutdown ends the process with code 1', async () => {
    const s = await openSession();
    try {
      s.server.child.stdin!.end();
      assert.equal(await within(MS, 'exit', s.server.exited), 1);
    } finally {
      s.server.kill();
    }
  });

  test('requests before initialize are answered, and initialize afterwards works', async () => {
    const s = await openSession({ initialize: false });
    try {
      await errorCode(s.request('textDocument/hover', { textDocument: { uri: NDIS6.uri }, position: at(0, 0) }));
      await errorCode(s.request('textDocument/completion', { textDocument: { uri: NDIS6.uri }, position: at(0, 0) }));
      await s.request('initialize', clientInitializeParams());
      await s.server.connection.sendNotification('initialized', {});
      await s.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: NDIS6.uri, languageId: 'c', version: 1, text: s.text } });
      await s.hoverWorks();
    } finally {
      s.server.kill();
    }
  });

  test('odd workspace folders (another host, bad escapes, not file:) and a client refusing registration are survived', async () => {
    const s = await openSession({ initialize: false });
    try {
      let refused = false;
      s.server.connection.onRequest('client/registerCapability', () => { refused = true; throw new Error('refused'); });
      const params = clientInitializeParams();
      params.workspaceFolders = [
        { uri: 'file://fileserver/share/driver', name: 'unc' }, { uri: 'file:///%E0%A4%A', name: 'bad escape' },
        { uri: 'untitled:Untitled-1', name: 'virtual' }, { uri: 'file:///does/not/exist', name: 'missing' },
      ];
      params.capabilities.workspace = { ...params.capabilities.workspace, didChangeWatchedFiles: { dynamicRegistration: true } };
      await s.request('initialize', params);
      await s.server.connection.sendNotification('initialized', {});
      await s.server.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: 'file://fileserver/share/a.c', type: 1 }, { uri: 'file:///%zz', type: 2 }, { uri: 'file:///does/not/exist.c', type: 3 }, { uri: 'nonsense', type: 99 }],
      });
      await s.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: NDIS6.uri, languageId: 'c', version: 1, text: s.text } });
      await s.hoverWorks();
      await waitFor(MS, 'the refused registration', () => (refused ? true : undefined));
      await waitFor(MS, 'the index built', () => (s.server.log.some((l) => /Indexed \d+ C files/.test(l)) ? true : undefined));
      assert.equal(s.server.child.exitCode, null, `the server exited; log:\n${s.server.log.join('')}`);
      await s.hoverWorks();
    } finally {
      s.server.kill();
    }
  });
});
