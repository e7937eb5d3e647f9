// Macro expansion itself: argument substitution, bounds on nesting and recursion, hover on a macro use, the action that
// opens a macro's definition, and incremental re-checks when a macro changes in another item of the same file.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, context, open, services } from './helpers';
import { CM_HEADER, CM_REGISTRATION } from './rules/ruleTestKit';
import { substitute } from '../../server/src/analysis/macroText';
import { provideHover } from '../../server/src/features/hover';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { OPEN_LOCATION } from '../../server/src/features/commands';
import { Validator } from '../../server/src/validation';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const handler = (macros: string, body: string) => `${CM_HEADER}${macros}
NDIS_STATUS CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
${body}
}
${CM_REGISTRATION}`;

describe('substitution', () => {
  test('parameters are replaced as tokens, with where each argument went', () => {
    const s = substitute({ params: ['_Vc', '_S'], body: 'f((_S), (_Vc)->h, _Vcx, "_S")' }, ['Vc', 'NDIS_STATUS_PENDING'])!;
    assert.equal(s.text, 'f((NDIS_STATUS_PENDING), (Vc)->h, _Vcx, "_S")');
    assert.deepEqual(s.ranges.map((r) => s.text.slice(r.start, r.end)), ['NDIS_STATUS_PENDING', 'Vc']);
  });

  test('# makes a string, ## joins, variadic arguments, and a wrong argument count is no expansion', () => {
    assert.equal(substitute({ params: ['x'], body: 'g(#x)' }, ['a + b'])!.text, 'g("a + b")');
    assert.equal(substitute({ params: ['x'], body: 'Ndis ## x ## Complete(1)' }, ['CmCloseCall'])!.text, 'NdisCmCloseCallComplete(1)');
    assert.equal(substitute({ params: ['f', '__VA_ARGS__'], body: 'f(__VA_ARGS__)' }, ['g', '1', '2'])!.text, 'g(1, 2)');
    assert.equal(substitute({ params: ['a', 'b'], body: 'a' }, ['1']), undefined);
  });
});

describe('bounds', () => {
  test('mutually recursive, self-referential and very deep macros terminate and expand nothing wrong', async () => {
    const deep = Array.from({ length: 10_000 }, (_, i) => `#define M${i + 1}(v) M${i}(v)`).join('\n');
    const macros = `
#define A B
#define B A
#define SELF(x) SELF(x) + NdisCmCloseCallComplete(x, Vc->NdisVcHandle, NULL)
#define M0(v) NdisCmCloseCallComplete(NDIS_STATUS_PENDING, v, NULL)
${deep}
#define D0 NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
${Array.from({ length: 40 }, (_, i) => `#define D${i + 1} D${i} D${i}`).join('\n')}
`;
    const r = await check(handler(macros, '    A;\n    B;\n    SELF(NDIS_STATUS_PENDING);\n    M10000(Vc->NdisVcHandle);\n    D40;\n    return NDIS_STATUS_PENDING;'));
    // SELF expands once (its own name inside is left alone): the PENDING it passes is reported at the use.
    assert.equal(r.of('complete-with-pending').length, 1);
    assert.match(r.of('complete-with-pending')[0].message, /through `SELF`/);
    // M10000 is deeper than expansion goes; D40 is larger than an expansion may be: neither is read.
    const shallow = await check(handler(`#define M0(v) NdisCmCloseCallComplete(NDIS_STATUS_PENDING, v, NULL)\n${deep.split('\n').slice(0, 8).join('\n')}`,
      '    M8(Vc->NdisVcHandle);\n    return NDIS_STATUS_PENDING;'));
    assert.match(shallow.of('complete-with-pending')[0]?.message ?? '', /through `M8`/, 'nested macros within the bound are read');
  });
});

describe('uses with the same expansion', () => {
  test('each use of one expansion text is read at its own site, in the same function and in another', async () => {
    // Both uses expand to the same text, which is parsed once and shared (MacroTable.treeOf): each must still map its
    // calls and arguments back to its own use, not to the first one's.
    const macros = '\n#define FOO_DONE(_S) NdisCmCloseCallComplete((_S), Vc->NdisVcHandle, NULL)\n';
    const body = '    if (Size) {\n        FOO_DONE(NDIS_STATUS_PENDING);\n        return NDIS_STATUS_PENDING;\n    }\n    FOO_DONE(NDIS_STATUS_PENDING);\n    return NDIS_STATUS_PENDING;';
    const r = await check(handler(macros, body));
    const uses = [...r.text.matchAll(/FOO_DONE\((NDIS_STATUS_PENDING)/g)].map((m) => m.index! + 'FOO_DONE('.length);
    assert.equal(uses.length, 2);
    const f = r.of('complete-with-pending');
    assert.deepEqual(f.map((x) => x.start).sort((a, b) => a - b), uses, 'one finding at the argument of each use');
  });
});

describe('hover', () => {
  test('a macro use shows the CoNDIS call it makes and where it is defined', async () => {
    const { doc, pos } = await open(`#define FOO_COMPLETE_CLOSE(_Vc, _S) NdisCmCloseCallComplete((_S), (_Vc)->NdisVcHandle, NULL)
#define FOO_PENDING NDIS_STATUS_PENDING
void f(PCM_VC Vc) { FOO_COMP$0LETE_CLOSE(Vc, FOO_PENDING); }`);
    const h = provideHover(doc, pos, await context());
    const md = (h?.contents as { value: string }).value;
    assert.match(md, /`FOO_COMPLETE_CLOSE` is a macro \(defined at line 1\) that calls `NdisCmCloseCallComplete`/);
    assert.match(md, /NdisCmCloseCallComplete/);
    const p2 = doc.text.positionAt(doc.text.getText().lastIndexOf('FOO_PENDING') + 2);
    assert.match((provideHover(doc, p2, await context())?.contents as { value: string }).value, /macro \(defined at line 2\) for `NDIS_STATUS_PENDING`/);
    const p3 = doc.text.positionAt(doc.text.getText().indexOf('(Vc,') + 1);
    assert.equal(provideHover(doc, p3, await context()), null, 'a plain variable has no hover');
  });
});

describe('code actions', () => {
  test('a finding whose fix would edit a macro offers to open the definition instead of an edit', async () => {
    const macros = '\n#define FOO_PEND_CLOSE(_Vc) NdisCmCloseCallComplete(NDIS_STATUS_PENDING, (_Vc)->NdisVcHandle, NULL)\n';
    const r = await check(handler(macros, '    FOO_PEND_CLOSE(Vc);\n    return NDIS_STATUS_PENDING;'));
    const f = r.of('complete-with-pending');
    const { doc } = await open(r.text);
    const diags = toDiagnostics(f, TextDocument.create(doc.uri, 'c', doc.version, r.text), 'file:///docs');
    const actions = provideCodeActions(doc, { textDocument: { uri: doc.uri }, range: diags[0].range, context: { diagnostics: diags } }, false);
    const open1 = actions.find((a) => a.command?.command === OPEN_LOCATION);
    assert.ok(open1, 'an action opens the definition');
    const line = r.text.slice(0, r.text.indexOf('#define FOO_PEND_CLOSE')).split('\n').length - 1;
    assert.deepEqual(open1.command!.arguments, ['file:///ws/driver.c', line, 0]);
    assert.ok(!actions.some((a) => a.edit && /Complete with/.test(a.title)), 'no edit fix');
  });
});

describe('incremental', () => {
  test('changing a macro defined in another item of the same file re-checks its uses', async () => {
    const s = await services();
    const validator = new Validator(s, () => DEFAULT_SETTINGS, 'file:///docs', undefined, () => undefined);
    const text = handler('\n#define FOO_CLOSE(_Vc) NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, (_Vc)->NdisVcHandle, NULL)\n',
      '    FOO_CLOSE(Vc);\n    return NDIS_STATUS_PENDING;');
    const uri = 'file:///incremental-macro/driver.c';
    const doc = s.documents.open(uri, 'c', 1, text);
    try {
      const rules = (d: { code?: unknown }[]) => d.map((x) => x.code).filter((c) => c === 'complete-with-pending');
      assert.deepEqual(rules(validator.diagnostics(doc)), []);
      const at = text.indexOf('NDIS_STATUS_SUCCESS, (_Vc)');
      const range = { start: doc.text.positionAt(at), end: doc.text.positionAt(at + 'NDIS_STATUS_SUCCESS'.length) };
      s.documents.change(uri, 2, [{ range, text: 'NDIS_STATUS_PENDING' }]);
      assert.deepEqual(rules(validator.diagnostics(doc)), ['complete-with-pending'], 'the macro now passes PENDING');
      s.documents.change(uri, 3, [{ range, text: 'NDIS_STATUS_SUCCESS' }]);
      assert.deepEqual(rules(validator.diagnostics(doc)), []);
      // A line added above the macro moves its line in the message of a finding made through it.
      s.documents.change(uri, 4, [{ range: { start: doc.text.positionAt(at), end: doc.text.positionAt(at + 19) }, text: 'NDIS_STATUS_PENDING' }]);
      const before = validator.diagnostics(doc).find((d) => d.code === 'complete-with-pending')!.message;
      s.documents.change(uri, 5, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
      const after = validator.diagnostics(doc).find((d) => d.code === 'complete-with-pending')!.message;
      const n = (m: unknown) => Number(/defined at line (\d+)/.exec(String(m))![1]);
      assert.equal(n(after), n(before) + 1);
    } finally {
      s.documents.close(uri);
      s.workspace.delete(uri);
    }
  });
});
