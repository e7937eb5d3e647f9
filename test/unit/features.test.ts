// Hover, signature help, completion and inlay hints on realistic snippets: the user's handlers, tables, macros, odd calls.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import type { InlayHint, MarkupContent } from 'vscode-languageserver';
import { provideHover } from '../../server/src/features/hover';
import { provideSignatureHelp } from '../../server/src/features/signatureHelp';
import { provideCompletion } from '../../server/src/features/completion';
import { provideInlayHints } from '../../server/src/features/inlayHints';
import { CONDIS_SNIPPETS, snippetCompletionItems } from '../../server/src/features/snippetItems';
import type { FeatureContext } from '../../server/src/features/context';
import type { Services } from '../../server/src/services';
import { context, open, services } from './helpers';

let ctx: FeatureContext;
let s: Services;
before(async () => { s = await services(); ctx = await context(); });

async function hoverText(src: string, over: Partial<FeatureContext> = {}): Promise<string | null> {
  const { doc, pos } = await open(src);
  const h = provideHover(doc, pos, { ...ctx, ...over });
  return h ? (h.contents as MarkupContent).value : null;
}

async function activeParam(src: string): Promise<{ label: string; active: number } | null> {
  const { doc, pos } = await open(src);
  const sh = provideSignatureHelp(doc, pos, ctx);
  return sh ? { label: sh.signatures[0].label, active: sh.activeParameter! } : null;
}

const HANDLERS = `
PROTOCOL_CM_CLOSE_CALL CmCloseCall;
PROTOCOL_CO_DELETE_VC CmDeleteVc;

_Use_decl_annotations_
NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    return NDIS_STATUS_PENDING;
}

NDIS_STATUS CmMakeCall(NDIS_HANDLE a, PCO_CALL_PARAMETERS b, NDIS_HANDLE c, PNDIS_HANDLE d) { return NDIS_STATUS_SUCCESS; }
NDIS_STATUS CmDropParty(NDIS_HANDLE a, PVOID b, UINT c) { return NDIS_STATUS_SUCCESS; }

NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS Handlers = {
    .CmCloseCallHandler = CmCloseCall,
    .CmMakeCallHandler = (CM_MAKE_CALL_HANDLER)CmMakeCall,
};

VOID Register(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS p)
{
    p->CmDropPartyHandler = &CmDropParty;
}
`;

describe('hover on the user\'s own handlers', () => {
  test('a function declared with a role type says which callback it implements and what that obliges', async () => {
    const md = await hoverText(HANDLERS.replace('NDIS_STATUS\nCmCloseCall(', 'NDIS_STATUS\nCmClose$0Call('));
    assert.ok(md);
    assert.match(md, /`CmCloseCall` implements \*\*ProtocolCmCloseCall\*\*/);
    assert.match(md, /declared with role type `PROTOCOL_CM_CLOSE_CALL`/);
    assert.match(md, /assigned to `CmCloseCallHandler`/);
    assert.ok(md.includes(s.catalog.entry('PROTOCOL_CM_CLOSE_CALL')!.obligation!));
    assert.match(md, /NdisCmCloseCallComplete/);
  });

  test('a function only assigned to a handler field through a cast is recognised', async () => {
    const md = await hoverText(HANDLERS.replace('NDIS_STATUS CmMakeCall(', 'NDIS_STATUS CmMake$0Call('));
    assert.match(md ?? '', /implements \*\*ProtocolCmMakeCall\*\*/);
    assert.match(md ?? '', /assigned to `CmMakeCallHandler`/);
  });

  test('a function assigned through `p->Field = &Fn` is recognised', async () => {
    const md = await hoverText(HANDLERS.replace('NDIS_STATUS CmDropParty(', 'NDIS_STATUS CmDrop$0Party('));
    assert.match(md ?? '', /implements \*\*ProtocolCmDropParty\*\*/);
  });

  test('an ordinary function gets no hover', async () => {
    assert.equal(await hoverText('int help$0er(void) { return 0; }'), null);
  });
});

describe('hover on tables, pointer types, macros and statuses', () => {
  test('a handler-table field names its table, pointer type and callback', async () => {
    const md = await hoverText(HANDLERS.replace('.CmCloseCallHandler', '.CmCloseCall$0Handler'));
    assert.match(md ?? '', /`CmCloseCallHandler`: handler field of `NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS`/);
    assert.match(md ?? '', /CM_CLOSE_CALL_HANDLER/);
    assert.match(md ?? '', /ProtocolCmCloseCall/);
  });

  test('a pointer typedef in a cast resolves to its callback', async () => {
    const md = await hoverText(HANDLERS.replace('(CM_MAKE_CALL_HANDLER)', '(CM_MAKE_CALL$0_HANDLER)'));
    assert.match(md ?? '', /pointer type of `PROTOCOL_CM_MAKE_CALL`/);
  });

  test('the NdisMCm macro is documented as spelled, not as its expansion', async () => {
    const md = await hoverText('VOID Done(PVC v) { NdisMCmClose$0CallComplete(NDIS_STATUS_SUCCESS, v->h, NULL); }');
    assert.ok(md);
    assert.match(md, /\*\*NdisMCmCloseCallComplete\*\*/);
    assert.match(md, /macro over `NdisCmCloseCallComplete`/);
    assert.match(md, /miniport call manager/);
  });

  test('a name inside a macro body still gets its hover', async () => {
    const md = await hoverText('#define COMPLETE(v) NdisCmCloseCall$0Complete(NDIS_STATUS_SUCCESS, (v), NULL)\n');
    assert.match(md ?? '', /\*\*NdisCmCloseCallComplete\*\*/);
  });

  test('NDIS_STATUS_PENDING shows 0x00000103 and the STATUS_PENDING alias', async () => {
    const md = await hoverText('NDIS_STATUS f(void) { return NDIS_STATUS_PEND$0ING; }');
    assert.match(md ?? '', /0x00000103/);
    assert.match(md ?? '', /STATUS_PENDING/);
  });

  test('clients without Markdown get plain text with the link spelled out', async () => {
    const { doc, pos } = await open('VOID f(void) { NdisCmCloseCall$0Complete(a, b, NULL); }');
    const h = provideHover(doc, pos, { ...ctx, markdown: false });
    const v = (h!.contents as MarkupContent);
    assert.equal(v.kind, 'plaintext');
    assert.ok(!v.value.includes('```') && !v.value.includes('**'));
    assert.match(v.value, /<https:\/\/learn\.microsoft\.com\/windows-hardware\/drivers\/ddi\/ndis\/nf-ndis-ndiscmclosecallcomplete>/);
  });

  test('nothing in comments or strings', async () => {
    assert.equal(await hoverText('// NdisCmCloseCall$0Complete\n'), null);
    assert.equal(await hoverText('const char *s = "NdisCmCloseCall$0Complete";'), null);
  });
});

describe('signature help in awkward places', () => {
  test('inside a nested call it still tracks the outer CoNDIS call', async () => {
    const r = await activeParam('VOID f(PVC v) { NdisCmCloseCallComplete(Translate(v->Status), GetHandle(v, $0');
    assert.equal(r?.active, 1);
    assert.match(r!.label, /^VOID NdisCmCloseCallComplete\(/);
  });

  test('after a cast and a macro-wrapped argument', async () => {
    const r = await activeParam('VOID f(PVC v) { NdisCmCloseCallComplete((NDIS_STATUS)STATUS_OF(v, 1), VC_HANDLE(v), $0); }');
    assert.equal(r?.active, 2);
  });

  test('across lines with comments between the arguments', async () => {
    const r = await activeParam('VOID f(PVC v)\n{\n    NdisCmCloseCallComplete(\n        NDIS_STATUS_SUCCESS, // done, really\n        /* the VC, */ v->NdisVcHandle,\n        $0\n}\n');
    assert.equal(r?.active, 2);
  });

  test('the innermost CoNDIS call wins when calls nest', async () => {
    const r = await activeParam('VOID f(PVC v) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, NdisCoDeleteVc($0), NULL); }');
    assert.match(r!.label, /NdisCoDeleteVc/);
    assert.equal(r?.active, 0);
  });

  test('a call through a handler-table field shows the callback shape', async () => {
    const r = await activeParam('VOID f(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS h) { h->CmCloseCallHandler(ctx, $0');
    assert.match(r!.label, /^NDIS_STATUS ProtocolCmCloseCall\(NDIS_HANDLE CallMgrVcContext/);
    assert.equal(r?.active, 1);
  });

  test('none outside calls, in a string, or for unknown functions', async () => {
    assert.equal(await activeParam('VOID f(void) { x = 1; $0 }'), null);
    assert.equal(await activeParam('VOID f(void) { DbgPrint("NdisCmCloseCallComplete($0"); }'), null);
    assert.equal(await activeParam('VOID f(void) { memcpy(a, $0'), null);
  });
});

describe('completion', () => {
  test('after `.` or `->` offers handler-table fields', async () => {
    const { doc, pos } = await open('NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS h = { .Cm$0 };');
    const { doc: d2, pos: p2 } = await open('VOID f(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS h) { h->$0 }');
    for (const [d, p] of [[doc, pos], [d2, p2]] as const) {
      const labels = provideCompletion(d, p, ctx, s.completionItems)!.items.map((i) => i.label);
      assert.ok(labels.includes('CmCloseCallHandler'));
      assert.ok(!labels.includes('NdisCmCloseCallComplete'));
    }
  });

  test('inserts only the name when a parenthesis already follows, and plain names without snippet support', async () => {
    const { doc, pos } = await open('VOID f(void) { NdisCmClose$0(a, b, c); }');
    const item = provideCompletion(doc, pos, ctx, s.completionItems)!.items.find((i) => i.label === 'NdisCmCloseCallComplete')!;
    assert.equal(item.insertText, undefined);
    const { doc: d2, pos: p2 } = await open('VOID f(void) { NdisCmClose$0 }');
    const plain = provideCompletion(d2, p2, { ...ctx, snippets: false }, s.completionItems)!.items.find((i) => i.label === 'NdisCmCloseCallComplete')!;
    assert.equal(plain.insertText, undefined);
  });

  test('offers nothing inside comments, strings or #include lines', async () => {
    for (const src of ['// NdisCm$0', 'char *s = "NdisCm$0";', '#include <NdisCm$0']) {
      const { doc, pos } = await open(src);
      assert.equal(provideCompletion(doc, pos, ctx, s.completionItems), null, src);
    }
  });
});

describe('inlay hints', () => {
  const SRC = 'VOID Done(PVC Vc)\n{\n    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n    NdisCoDeleteVc(NdisVcHandle);\n    Other(1, 2);\n}\n';
  const labels = (h: InlayHint[]) => h.map((x) => `${x.position.line}:${x.position.character}:${x.label}`);

  test('name the parameters of CoNDIS calls, skipping arguments already spelled as the parameter', async () => {
    const { doc } = await open(SRC);
    const hints = provideInlayHints(doc, { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } }, ctx);
    assert.deepEqual(labels(hints), ['2:28:Status:', '2:49:NdisVcHandle:', '2:67:NdisPartyHandle:']);
  });

  test('only for calls inside the requested range', async () => {
    const { doc } = await open(SRC);
    assert.deepEqual(provideInlayHints(doc, { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, ctx), []);
  });

  test('the setting turns them off', async () => {
    const { doc } = await open(SRC);
    const off = { ...ctx, settings: { ...ctx.settings, inlayHints: { parameterNames: false } } };
    assert.deepEqual(provideInlayHints(doc, { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } }, off), []);
  });
});

describe('snippets from the server', () => {
  test('clients that do not read snippet files get the condis-* snippets as completion items', async () => {
    const items = snippetCompletionItems(CONDIS_SNIPPETS, { snippets: true, markdown: true });
    const { doc, pos } = await open('condis-cm-clo$0');
    const labels = provideCompletion(doc, pos, { ...ctx, snippetItems: items }, s.completionItems)!.items.map((i) => i.label);
    assert.ok(labels.includes('condis-cm-close-call'));
    assert.ok(labels.includes('condis-cm-close-call-complete'));
    const without = provideCompletion(doc, pos, { ...ctx, snippetItems: null }, s.completionItems)!.items.map((i) => i.label);
    assert.ok(!without.includes('condis-cm-close-call'), 'VS Code, which reads snippets/c.json itself, is not offered them twice');
  });
});

describe('handlers declared or bound in other files', () => {
  test('hover on a definition whose role type is declared in a header says which callback it implements', async () => {
    const { WorkspaceIndex } = await import('../../server/src/analysis/workspace.js');
    const { summarizeFile } = await import('../../server/src/services.js');
    const ws = new WorkspaceIndex();
    ws.set(summarizeFile(s, 'file:///ws/cm.h', 'PROTOCOL_CM_CLOSE_CALL CmCloseCall;\n')!);
    ws.set(summarizeFile(s, 'file:///ws/driver.c', 'NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H = { .CmMakeCallHandler = CmMakeCall };\n')!);
    const src = '_Use_decl_annotations_\nNDIS_STATUS CmClose$0Call(NDIS_HANDLE a, NDIS_HANDLE b, PVOID c, UINT d) { return NDIS_STATUS_PENDING; }\n' +
      'NDIS_STATUS CmMakeCall(NDIS_HANDLE a, PCO_CALL_PARAMETERS b, NDIS_HANDLE c, PNDIS_HANDLE d) { return NDIS_STATUS_PENDING; }\n';
    const md = await hoverText(src, { workspace: ws });
    assert.match(md ?? '', /`CmCloseCall` implements \*\*ProtocolCmCloseCall\*\*/);
    assert.match(md ?? '', /declared with role type `PROTOCOL_CM_CLOSE_CALL`/);
    const make = await hoverText(src.replace('CmClose$0Call', 'CmCloseCall').replace('NDIS_STATUS CmMakeCall(', 'NDIS_STATUS CmMake$0Call('), { workspace: ws });
    assert.match(make ?? '', /assigned to `CmMakeCallHandler`/);
    assert.equal(await hoverText(src), null, 'without the workspace the file alone says nothing about CmCloseCall');
  });
});
