// Protocol round trips: the built server over stdio, driven by vscode-jsonrpc, on a realistic NDIS 6 call manager.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  CompletionItem, CompletionList, Hover, InitializeResult, InlayHint, MarkupContent, Position, PublishDiagnosticsParams, Range,
  SignatureHelp,
} from 'vscode-languageserver';
import {
  clientInitializeParams, fixture, offsetOf, positionAt, positionOf, startServer, waitFor, within, type RunningServer,
} from './lsp';

const NDIS6 = fixture('ndis6-call-manager.c');
const ANSWER_MS = 5_000;

/** The multi-line completion call in the fixture's deferred close routine, exactly as written there. The editing tests type on a new line after it. */
const CLOSE_COMPLETE_CALL = 'NdisCmCloseCallComplete(Status,\n                            Vc->NdisVcHandle,\n                            NULL);';

describe('the language server over stdio, on an NDIS 6 stand-alone call manager', () => {
  let server: RunningServer;
  let init: InitializeResult;
  /** The client's copy of the document, kept in step with every didChange we send. */
  let text = NDIS6.text;
  let version = 1;
  /** Every textDocument/publishDiagnostics the server pushed, in order. */
  const pushed: PublishDiagnosticsParams[] = [];

  const request = <R>(method: string, params?: object): Promise<R> =>
    within(ANSWER_MS, method, params === undefined ? server.connection.sendRequest<R>(method) : server.connection.sendRequest<R>(method, params));
  const doc = { uri: NDIS6.uri };
  const hover = (position: Position) => request<Hover | null>('textDocument/hover', { textDocument: doc, position });
  const signatureHelp = (position: Position, triggerCharacter?: string) => request<SignatureHelp | null>('textDocument/signatureHelp', {
    textDocument: doc, position,
    context: triggerCharacter ? { triggerKind: 2, triggerCharacter, isRetrigger: false } : { triggerKind: 1, isRetrigger: false },
  });
  const inlayHints = (range: Range) => request<InlayHint[] | null>('textDocument/inlayHint', { textDocument: doc, range });

  /** Text typed by a test on a fresh line after the close-completion call; `end` grows as chunks are sent. */
  interface Typing { from: number; end: number }
  const startTyping = (): Typing => {
    const from = offsetOf(text, CLOSE_COMPLETE_CALL) + CLOSE_COMPLETE_CALL.length;
    return { from, end: from };
  };

  /** Sends one incremental change per chunk, the way an editor reports keystrokes; returns the offset after the last one. */
  async function type(t: Typing, chunks: string[]): Promise<number> {
    for (const chunk of chunks) {
      const at = positionAt(text, t.end);
      text = text.slice(0, t.end) + chunk + text.slice(t.end);
      t.end += chunk.length;
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: NDIS6.uri, version: ++version },
        contentChanges: [{ range: { start: at, end: at }, text: chunk }],
      });
    }
    return t.end;
  }

  /** Deletes everything a test typed, as one incremental change. */
  async function erase(t: Typing): Promise<void> {
    const range = { start: positionAt(text, t.from), end: positionAt(text, t.end) };
    text = text.slice(0, t.from) + text.slice(t.end);
    t.end = t.from;
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: NDIS6.uri, version: ++version }, contentChanges: [{ range, text: '' }],
    });
  }

  const markdown = (h: Hover | null): string => {
    assert.ok(h, `expected a hover; server log:\n${server.log.join('')}`);
    const c = h.contents as MarkupContent;
    assert.equal(c.kind, 'markdown');
    return c.value;
  };

  before(async () => {
    server = startServer();
    server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { pushed.push(p); });
    init = await request<InitializeResult>('initialize', clientInitializeParams());
    await server.connection.sendNotification('initialized', {});
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: NDIS6.uri, languageId: 'c', version, text },
    });
  });

  after(() => server?.kill());

  test('announces hover, signature help on ( and ,, completion with resolve, inlay hints and incremental sync', () => {
    const caps = init.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.signatureHelpProvider?.triggerCharacters, ['(', ',']);
    assert.equal(caps.completionProvider?.resolveProvider, true);
    assert.ok(caps.inlayHintProvider, 'inlayHintProvider');
    const sync = caps.textDocumentSync;
    assert.ok(sync && typeof sync === 'object', 'textDocumentSync is an options object');
    assert.equal(sync.openClose, true);
    assert.equal(sync.change, 2, 'TextDocumentSyncKind.Incremental');
    assert.equal(init.serverInfo?.name, 'condis-assist');
  });

  test('pushes diagnostics to a client that announced no pull support, and none for this clean call manager', async () => {
    const first = await waitFor(ANSWER_MS, 'publishDiagnostics for the fixture', () => pushed.find((p) => p.uri === NDIS6.uri));
    assert.deepEqual(first.diagnostics.map((d) => `${d.code} line ${d.range.start.line + 1}: ${d.message}`), []);
  });

  test('hovers NdisCmCloseCallComplete with its MCM twin, the PENDING rule, the IRQL and the reference page', async () => {
    const start = offsetOf(text, CLOSE_COMPLETE_CALL);
    const h = await hover(positionAt(text, start + 'NdisCm'.length));
    const md = markdown(h);
    assert.match(md, /VOID NdisCmCloseCallComplete\(/, 'prototype');
    assert.ok(md.includes('NdisMCmCloseCallComplete'), 'names the MCM spelling');
    assert.ok(md.includes('NDIS_STATUS_PENDING'), 'says Status is never NDIS_STATUS_PENDING');
    assert.ok(md.includes('DISPATCH_LEVEL'), 'gives the IRQL');
    assert.ok(md.includes('https://learn.microsoft.com/windows-hardware/drivers/ddi/ndis/nf-ndis-ndiscmclosecallcomplete'), 'links the reference page');
    for (const p of ['Status', 'NdisVcHandle', 'NdisPartyHandle']) assert.ok(md.includes(`\`${p}\``), `documents ${p}`);
    assert.deepEqual(h!.range, { start: positionAt(text, start), end: positionAt(text, start + 'NdisCmCloseCallComplete'.length) });
  });

  test('hovers the user\'s CmCloseCall definition as the ProtocolCmCloseCall it implements and says what that obliges', async () => {
    const md = markdown(await hover(positionOf(text, '\nCmCloseCall(\n', 1 + 'CmClose'.length)));
    assert.ok(md.includes('implements **ProtocolCmCloseCall**'), md);
    assert.ok(md.includes('declared with role type `PROTOCOL_CM_CLOSE_CALL`'), 'found through the role-type declaration');
    assert.ok(md.includes('assigned to `CmCloseCallHandler`'), 'found through the handler table');
    assert.ok(md.includes('What it must do'), 'states the obligation');
    for (const duty of ['NdisCmDeactivateVc', 'NDIS_STATUS_PENDING', 'NdisCmCloseCallComplete']) assert.ok(md.includes(duty), `obligation mentions ${duty}`);
  });

  test('hovers the PROTOCOL_CM_CLOSE_CALL role typedef of a declaration with the callback it types', async () => {
    const md = markdown(await hover(positionOf(text, 'PROTOCOL_CM_CLOSE_CALL CmCloseCall;', 3)));
    assert.ok(md.includes('ProtocolCmCloseCall'), 'conventional name');
    assert.ok(md.includes('DISPATCH_LEVEL'), 'IRQL');
    assert.ok(md.includes('nc-ndis-protocol_cm_close_call'), 'reference page');
  });

  test('hovers the CmCloseCallHandler field of the handler table as the slot for a ProtocolCmCloseCall', async () => {
    const md = markdown(await hover(positionOf(text, '.CmCloseCallHandler = CmCloseCall,', 3)));
    assert.ok(md.includes('`CmCloseCallHandler`: handler field'), md.slice(0, 200));
    assert.ok(md.includes('NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS'), 'names the table');
    assert.ok(md.includes('CM_CLOSE_CALL_HANDLER'), 'names the pointer type');
    assert.ok(md.includes('ProtocolCmCloseCall'), 'names the callback');
  });

  test('hovers NDIS_STATUS_PENDING with its value 0x00000103', async () => {
    const md = markdown(await hover(positionOf(text, 'return NDIS_STATUS_PENDING;', 'return NDIS_'.length)));
    assert.ok(md.includes('0x00000103'), md.slice(0, 200));
    assert.ok(md.includes('NDIS_STATUS_PENDING'));
  });

  test('gives signature help with the active parameter at each argument of the multi-line NdisCmCloseCallComplete call', async () => {
    const start = offsetOf(text, CLOSE_COMPLETE_CALL);
    const probes = [
      CLOSE_COMPLETE_CALL.indexOf('Status') + 2,
      CLOSE_COMPLETE_CALL.indexOf('Vc->NdisVcHandle') + 6,
      CLOSE_COMPLETE_CALL.indexOf('NULL') + 2,
    ];
    const names = ['Status', 'NdisVcHandle', 'NdisPartyHandle'];
    for (const [i, probe] of probes.entries()) {
      const sh = await signatureHelp(positionAt(text, start + probe));
      assert.ok(sh, `signature help at argument ${i}`);
      const sig = sh.signatures[sh.activeSignature ?? 0];
      assert.equal(sig.label, 'VOID NdisCmCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle)');
      assert.equal(sh.activeParameter ?? sig.activeParameter, i, `active parameter at argument ${i}`);
      const [from, to] = sig.parameters![i].label as [number, number];
      assert.ok(sig.label.slice(from, to).endsWith(` ${names[i]}`), `parameter ${i} label offsets point at ${names[i]}`);
    }
    const sh = await signatureHelp(positionAt(text, start + probes[0]));
    const statusDoc = sh!.signatures[0].parameters![0].documentation as MarkupContent;
    assert.match(statusDoc.value, /Never `NDIS_STATUS_PENDING`/, 'the Status parameter documents the PENDING rule');
  });

  test('completes a half-typed NdisCmClose with call snippets and resolves their documentation', async () => {
    const t = startTyping();
    try {
      const end = await type(t, ['\n', '    ', 'NdisCm', 'Close']);
      const list = await request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
        textDocument: doc, position: positionAt(text, end), context: { triggerKind: 1 },
      });
      assert.ok(list, 'a completion list');
      const items = Array.isArray(list) ? list : list.items;
      const item = items.find((i) => i.label === 'NdisCmCloseCallComplete');
      assert.ok(item, `NdisCmCloseCallComplete offered among ${items.map((i) => i.label).join(', ')}`);
      assert.equal(item.insertTextFormat, 2, 'snippet');
      assert.equal(item.insertText, 'NdisCmCloseCallComplete(${1:Status}, ${2:NdisVcHandle}, ${3:NdisPartyHandle})');
      const resolved = await request<CompletionItem>('completionItem/resolve', item);
      const docs = resolved.documentation as MarkupContent;
      assert.equal(docs.kind, 'markdown');
      assert.ok(docs.value.includes('NDIS_STATUS_PENDING') && docs.value.includes('learn.microsoft.com'), docs.value.slice(0, 300));
    } finally {
      await erase(t);
    }
  });

  test('follows incremental edits: a freshly typed NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, gets active parameter 1', async () => {
    const t = startTyping();
    try {
      const open = await type(t, ['\n', '    ', 'NdisCmCloseCallComplete', '(']);
      const first = await signatureHelp(positionAt(text, open), '(');
      assert.equal(first?.activeParameter, 0, 'after the opening parenthesis');
      const end = await type(t, ['NDIS_STATUS_SUCCESS', ',', ' ']);
      const sh = await signatureHelp(positionAt(text, end), ',');
      assert.ok(sh, `signature help after the comma; server log:\n${server.log.join('')}`);
      assert.match(sh.signatures[0].label, /^VOID NdisCmCloseCallComplete\(/);
      assert.equal(sh.activeParameter, 1);
    } finally {
      await erase(t);
    }
  });

  test('puts NdisVcHandle: and NdisPartyHandle: hints before the close-completion arguments, and no Status: before an argument already named Status', async () => {
    const start = offsetOf(text, CLOSE_COMPLETE_CALL);
    const hints = await inlayHints({ start: { line: 0, character: 0 }, end: positionAt(text, text.length) });
    assert.ok(hints, 'inlay hints');
    const first = positionAt(text, start).line;
    const inCall = hints.filter((h) => h.position.line >= first && h.position.line <= first + 2);
    assert.deepEqual(inCall.map((h) => ({ label: h.label, position: h.position, kind: h.kind })), [
      { label: 'NdisVcHandle:', position: positionAt(text, start + CLOSE_COMPLETE_CALL.indexOf('Vc->')), kind: 2 },
      { label: 'NdisPartyHandle:', position: positionAt(text, start + CLOSE_COMPLETE_CALL.indexOf('NULL')), kind: 2 },
    ]);
    assert.ok(inCall.every((h) => h.paddingRight === true), 'a space between hint and argument');
  });

  test('puts Status:, NdisVcHandle: and NdisPartyHandle: before the arguments of a typed-in call, and stays in step after the line is deleted', async () => {
    const typed = '    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);';
    const t = startTyping();
    try {
      const end = await type(t, ['\n', '    ', 'NdisCmCloseCallComplete', '(', 'NDIS_STATUS_SUCCESS', ', ', 'Vc->NdisVcHandle', ', ', 'NULL', ')', ';']);
      const line = positionAt(text, end).line;
      const hints = await inlayHints({ start: { line, character: 0 }, end: { line, character: typed.length } });
      assert.deepEqual((hints ?? []).map((h) => [h.label, h.position.line, h.position.character]), [
        ['Status:', line, typed.indexOf('NDIS_STATUS_SUCCESS')],
        ['NdisVcHandle:', line, typed.indexOf('Vc->')],
        ['NdisPartyHandle:', line, typed.indexOf('NULL')],
      ]);
    } finally {
      await erase(t);
    }
    assert.equal(text, NDIS6.text, 'the client copy is back to the fixture');
    // Same probes as on the untouched file: positions below the deleted line must line up again.
    const md = markdown(await hover(positionOf(text, 'return NDIS_STATUS_PENDING;', 'return NDIS_'.length)));
    assert.ok(md.includes('0x00000103'));
    const sh = await signatureHelp(positionAt(text, offsetOf(text, CLOSE_COMPLETE_CALL) + CLOSE_COMPLETE_CALL.indexOf('NULL')));
    assert.equal(sh?.activeParameter, 2);
  });

  test('shuts down on request and exits with code 0 on exit', async () => {
    const result = await request<null>('shutdown');
    assert.equal(result, null);
    await server.connection.sendNotification('exit');
    const code = await within(ANSWER_MS, 'process exit', server.exited);
    assert.equal(code, 0, `exit code; server log:\n${server.log.join('')}`);
  });
});
