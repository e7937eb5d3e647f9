import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { blankAnnotations } from '../../server/src/syntax/blank';
import { ParsedText } from '../../server/src/syntax/parsedText';
import { openCallsAt } from '../../server/src/syntax/callScan';
import { typeList } from '../../server/src/syntax/nodes';
import { services } from './helpers';

const ANNOTATED = `
#include <ndis.h>

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
NDIS_STATUS
LegacyCloseCall(
    IN  NDIS_HANDLE CallMgrVcContext,
    IN  NDIS_HANDLE CallMgrPartyContext OPTIONAL,
    IN  PVOID       CloseData OPTIONAL,
    IN  UINT        Size OPTIONAL
    );

PROTOCOL_CM_CLOSE_CALL ModernCloseCall;

_Use_decl_annotations_
NDIS_STATUS
ModernCloseCall(
    _In_ NDIS_HANDLE CallMgrVcContext,
    _In_opt_ NDIS_HANDLE CallMgrPartyContext,
    _In_reads_bytes_opt_(Size) PVOID CloseData,
    _In_opt_ UINT Size
    )
{
    return NDIS_STATUS_PENDING;
}

VOID NTAPI Helper(_Out_writes_(Count) PUCHAR Buffer, _In_ ULONG Count, OUT PULONG Written OPTIONAL)
{
    __drv_maxIRQL(DISPATCH_LEVEL) int unused;
    *Written = Count;
}
`;

function hasError(node: { type: string; isMissing: boolean; children: readonly ({ type: string } | null)[] } | null): boolean {
  if (!node) return false;
  if (node.type === 'ERROR' || node.isMissing) return true;
  return node.children.some((c) => hasError(c as never));
}

describe('annotation blanking', () => {
  test('keeps length, line breaks and identifiers, and blanks SAL 2, SAL 1 and NDIS 5 annotations', () => {
    const out = blankAnnotations(ANNOTATED);
    assert.equal(out.length, ANNOTATED.length);
    assert.deepEqual(out.split('\n').map((l) => l.length), ANNOTATED.split('\n').map((l) => l.length));
    for (const gone of ['_In_', '_In_opt_', 'IN ', 'OPTIONAL', '_IRQL_requires_max_', 'DISPATCH_LEVEL)', '_Must_inspect_result_', '_Use_decl_annotations_', '__drv_maxIRQL', 'NTAPI', '_Out_writes_(Count)']) {
      assert.ok(!out.includes(gone), `${gone} should be blanked`);
    }
    for (const kept of ['PROTOCOL_CM_CLOSE_CALL ModernCloseCall;', 'NDIS_HANDLE CallMgrVcContext', 'return NDIS_STATUS_PENDING;']) {
      assert.ok(out.includes(kept), `${kept} should survive`);
    }
  });

  test('leaves identifiers that merely look like annotations alone', () => {
    const src = '#define NdisMCmCloseCallComplete(_S_, _VH_, _PH_) x\nstruct _MY_CONTEXT { int INSIDE; int OUTER; } _Inner;';
    assert.equal(blankAnnotations(src), src);
  });

  test('parses an annotated NDIS 5 and SAL 2 file with no ERROR node', async () => {
    const s = await services();
    const parsed = new ParsedText(s.parser, ANNOTATED);
    assert.ok(parsed.tree);
    assert.equal(hasError(parsed.tree!.rootNode as never), false, parsed.tree!.rootNode.toString());
    parsed.dispose();
  });

  test('the same file without blanking does produce ERROR nodes (the blanking is what makes it parse)', async () => {
    const s = await services();
    const raw = s.parser.parse(ANNOTATED)!;
    assert.equal(hasError(raw.rootNode as never), true);
    raw.delete();
  });
});

describe('incremental parsing', () => {
  test('a sequence of random edits yields the same tree as a full parse of the final text', async () => {
    const s = await services();
    const parsed = new ParsedText(s.parser, ANNOTATED);
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const inserts = ['x', ' ', '\n', '_In_ ', 'IN ', '(', ')', ';', '/*', '*/', 'NdisCmCloseCallComplete(', 'OPTIONAL', '_IRQL_requires_max_(DISPATCH_LEVEL)'];
    for (let i = 0; i < 200; i++) {
      const text = parsed.text;
      const start = rnd(text.length + 1);
      const end = Math.min(text.length, start + rnd(6));
      const insert = rnd(3) === 0 ? '' : inserts[rnd(inserts.length)];
      const startRow = text.slice(0, start).split('\n').length - 1;
      parsed.edit(start, end, insert, startRow);
      assert.equal(parsed.blanked, blankAnnotations(parsed.text), `blanked text drifted at step ${i}`);
    }
    const full = s.parser.parse(parsed.blanked)!;
    assert.equal(parsed.tree!.rootNode.toString(), full.rootNode.toString());
    full.delete();
    parsed.dispose();
  });

  test('typing an annotation next to a parameter re-blanks it', async () => {
    const s = await services();
    const text = 'void f(NDIS_HANDLE h);';
    const parsed = new ParsedText(s.parser, text);
    parsed.edit(7, 7, 'IN ', 0);
    assert.equal(parsed.text, 'void f(IN NDIS_HANDLE h);');
    assert.equal(parsed.blanked, 'void f(   NDIS_HANDLE h);');
    assert.equal(hasError(parsed.tree!.rootNode as never), false);
    parsed.dispose();
  });
});

describe('open call scanning', () => {
  test('finds the argument index through nested calls, casts, strings and comments', () => {
    const src = 'x = NdisCmCloseCallComplete((NDIS_STATUS)f(a, b), /* , */ g(")", \',\'), ';
    const calls = openCallsAt(src, src.length, 0);
    assert.equal(calls[0].callee, 'NdisCmCloseCallComplete');
    assert.equal(calls[0].argIndex, 2);
  });
  test('reports nothing inside an unterminated comment', () => {
    assert.deepEqual(openCallsAt('f(a, /* b', 9, 0), []);
  });
});

describe('typeList', () => {
  test('descendantsOfType finds the same nodes with a type list as with a plain array, and the list acts as an array', async () => {
    const s = await services();
    const p = new ParsedText(s.parser, ANNOTATED);
    try {
      const types = ['call_expression', 'identifier', 'parameter_declaration', 'no_such_type'];
      const list = typeList(...types);
      const spans = (ns: ({ startIndex: number; endIndex: number; type: string } | null)[]) => ns.map((n) => `${n!.type}@${n!.startIndex}-${n!.endIndex}`);
      const root = p.tree!.rootNode;
      const plain = spans(root.descendantsOfType(types));
      assert.ok(plain.length > 10, String(plain.length));
      assert.deepEqual(spans(root.descendantsOfType(list)), plain);
      assert.ok(Array.isArray(list));
      assert.deepEqual([...list], types);
      assert.equal(list.includes('identifier'), true);
      assert.equal(list.includes('comment'), false);
      const mapped = list.map((t) => t.length);
      assert.deepEqual(mapped, types.map((t) => t.length));
      assert.equal(Object.getPrototypeOf(mapped), Array.prototype, 'map makes a plain array');
      assert.deepEqual(list.filter((t) => t.includes('_')), types.filter((t) => t.includes('_')));
    } finally {
      p.dispose();
    }
  });
});
