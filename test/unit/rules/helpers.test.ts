// Helper functions: a workspace function that completes, closes or deletes counts as doing so at its call, across
// files and through helper chains, and the findings say which helper.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check, services, type Checked } from '../helpers';
import { WorkspaceIndex } from '../../../server/src/analysis/workspace';
import { analyzeFile } from '../../../server/src/analysis/fileAnalysis';
import { helperResolver, DEPTH } from '../../../server/src/analysis/helperEffects';
import { certainCalls } from '../../../server/src/analysis/certainCalls';
import { ParsedText } from '../../../server/src/syntax/parsedText';
import { runRules } from '../../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { CM_HEADER, CM_REGISTRATION, assertFixRoundTrip } from './ruleTestKit';

/** A ProtocolCmCloseCall handler whose body is `body`. */
const handler = (body: string) => `${CM_HEADER}
VOID CmCompleteClose(PCM_VC Vc, NDIS_STATUS Status);
VOID CmFreeVc(PCM_VC Vc);

NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    NDIS_STATUS Status;
${body}
}
${CM_REGISTRATION}`;

/** The helpers, in a file of their own. */
const CALL_C = `${CM_HEADER}
VOID CmCompleteClose(PCM_VC Vc, NDIS_STATUS Status)
{
    NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
}

VOID CmFreeVc(PCM_VC Vc)
{
    NdisCoDeleteVc(Vc->NdisVcHandle);
}
`;

const DEACTIVATE = `    Status = NdisCmDeactivateVc(Vc->NdisVcHandle);
    if (Status == NDIS_STATUS_PENDING) {
        return NDIS_STATUS_PENDING;
    }`;

/** Each finding of `r` in the form `rule@text it covers`, sorted: what a neutral refactor must keep. */
const shape = (r: Checked) => r.findings.map((f) => `${f.rule}@${r.text.slice(f.start, f.end)}`).sort();

describe('double-completion through a helper', () => {
  test('reports a handler that completes through a helper in another file and then returns a final status', async () => {
    const r = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);\n    return NDIS_STATUS_SUCCESS;`), 'call.c': CALL_C });
    const [f] = r.of('double-completion');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'return NDIS_STATUS_SUCCESS;');
    assert.match(f.message, /already completed this request at line \d+, through `CmCompleteClose` → `NdisCmCloseCallComplete` in call\.c, and then returns a final status/);
  });

  test('its fix returns NDIS_STATUS_PENDING and the finding goes', async () => {
    const fixed = await assertFixRoundTrip({ 'cm.c': handler(`${DEACTIVATE}\n    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);\n    return NDIS_STATUS_SUCCESS;`), 'call.c': CALL_C }, 'double-completion');
    assert.match(fixed, /CmCompleteClose\(Vc, NDIS_STATUS_SUCCESS\);\n {4}return NDIS_STATUS_PENDING;/);
  });

  test('accepts NDIS_STATUS_PENDING returned after the helper completed', async () => {
    const r = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);\n    return NDIS_STATUS_PENDING;`), 'call.c': CALL_C });
    assert.deepEqual(r.of('double-completion'), []);
  });

  test('finds the same mistake with the completion written inline or moved into a helper in another file', async () => {
    const inline = await check({
      'cm.c': handler(`${DEACTIVATE}\n    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n    return NDIS_STATUS_SUCCESS;`), 'call.c': CALL_C,
    });
    const helper = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);\n    return NDIS_STATUS_SUCCESS;`), 'call.c': CALL_C });
    assert.deepEqual(shape(helper), shape(inline));
    assert.ok(shape(helper).includes('double-completion@return NDIS_STATUS_SUCCESS;'));
    const good = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);\n    return NDIS_STATUS_PENDING;`), 'call.c': CALL_C });
    const goodInline = await check({
      'cm.c': handler(`${DEACTIVATE}\n    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n    return NDIS_STATUS_PENDING;`), 'call.c': CALL_C,
    });
    assert.deepEqual(shape(good), shape(goodInline));
  });

  test('follows two helper levels across files and names the chain', async () => {
    const finish = `${CM_HEADER}
VOID CmFinishClose(PCM_VC Vc)
{
    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);
}
`;
    const r = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmFinishClose(Vc);\n    return NDIS_STATUS_SUCCESS;`), 'finish.c': finish, 'call.c': CALL_C });
    const [f] = r.of('double-completion');
    assert.ok(f);
    assert.match(f.message, /through `CmFinishClose` → `CmCompleteClose` → `NdisCmCloseCallComplete` in call\.c/);
  });

  test('follows helpers whose names start like the kernel\'s (`ExCm…`, `Post…`, `Io…`) as any other', async () => {
    // Only the system's own services are left out of helper summaries: a driver's `ExCmFinishClose` is its helper.
    for (const [outer, inner] of [['ExCmFinishClose', 'ExCmCompleteClose'], ['PostCloseWork', 'IoctlCompleteClose'], ['KeepCloseGoing', 'ObjCompleteClose']]) {
      const finish = `${CM_HEADER}
VOID ${inner}(PCM_VC Vc, NDIS_STATUS Status)
{
    NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
}

VOID ${outer}(PCM_VC Vc)
{
    ${inner}(Vc, NDIS_STATUS_SUCCESS);
}
`;
      const r = await check({ 'cm.c': handler(`${DEACTIVATE}\n    ${outer}(Vc);\n    return NDIS_STATUS_SUCCESS;`).replace('VOID CmFreeVc', `VOID ${outer}(PCM_VC Vc);\nVOID CmFreeVc`), 'finish.c': finish });
      const [f] = r.of('double-completion');
      assert.ok(f, `${outer} -> ${inner}: ${JSON.stringify(r.findings.map((x) => x.rule))}`);
      assert.ok(f.message.includes(`\`${outer}\` → \`${inner}\``), f.message);
    }
  });

  test('a helper in the same file is named with its line', async () => {
    const src = handler(`${DEACTIVATE}\n    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);\n    return NDIS_STATUS_SUCCESS;`) + CALL_C.replace(CM_HEADER, '');
    const r = await check(src);
    const [f] = r.of('double-completion');
    assert.ok(f);
    const line = src.slice(0, src.indexOf('NdisCmCloseCallComplete(Status')).split('\n').length;
    assert.match(f.message, new RegExp(`→ \`NdisCmCloseCallComplete\` at line ${line},`));
  });

  test('does not count a helper that completes only on some of its paths', async () => {
    const maybe = `${CM_HEADER}
VOID CmCompleteClose(PCM_VC Vc, NDIS_STATUS Status)
{
    if (Vc->CreatedByCm) {
        NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
    }
}
`;
    const r = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);\n    return NDIS_STATUS_SUCCESS;`), 'call.c': maybe });
    assert.deepEqual(r.of('double-completion'), []);
  });

  test('counts a helper that completes on each of its paths, in different branches', async () => {
    const both = `${CM_HEADER}
VOID CmCompleteClose(PCM_VC Vc, NDIS_STATUS Status)
{
    if (Vc->CreatedByCm) {
        NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
    } else {
        NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    }
}
`;
    const r = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);\n    return NDIS_STATUS_SUCCESS;`), 'call.c': both });
    assert.equal(r.of('double-completion').length, 1);
  });

  test('reports a second completion through a helper on the same VC, not one on another VC', async () => {
    const twice = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);\n    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);\n    return NDIS_STATUS_PENDING;`), 'call.c': CALL_C });
    const [f] = twice.of('double-completion');
    assert.ok(f);
    assert.match(f.message, /`CmCompleteClose` completes the same request a second time on this path, through `CmCompleteClose` → `NdisCmCloseCallComplete` in call\.c/);
    const other = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);\n    CmCompleteClose(Vc->Next, NDIS_STATUS_SUCCESS);\n    return NDIS_STATUS_PENDING;`), 'call.c': CALL_C });
    assert.deepEqual(other.of('double-completion'), []);
  });
});

describe('missing-completion with the completion in a helper', () => {
  const pends = handler(`${DEACTIVATE}\n    return NDIS_STATUS_PENDING;`);
  const dpc = (call: string) => `${CM_HEADER}
VOID CmDeactivateDpc(PVOID Unused, PVOID Context, PVOID A1, PVOID A2)
{
    PCM_VC Vc = (PCM_VC)Context;
    ${call}
}
`;
  test('a handler that pends, completed by a helper two levels below a DPC in another file, is not reported', async () => {
    const finish = `${CM_HEADER}\nVOID CmFinishClose(PCM_VC Vc)\n{\n    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);\n}\n`;
    const r = await check({ 'cm.c': pends, 'dpc.c': dpc('CmFinishClose(Vc);'), 'finish.c': finish, 'call.c': CALL_C });
    assert.deepEqual(r.of('missing-completion'), []);
  });

  test('is reported when nothing anywhere completes it', async () => {
    const r = await check({ 'cm.c': pends, 'dpc.c': dpc('CmFreeVc(Vc);'), 'call.c': CALL_C.replace(/VOID CmCompleteClose[^}]*\}/, '') });
    assert.ok(r.of('missing-completion').length > 0);
  });
});

describe('complete-with-pending through a helper', () => {
  test('reports NDIS_STATUS_PENDING passed to a helper that hands its Status to the completion, at the argument', async () => {
    const r = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmCompleteClose(Vc, NDIS_STATUS_PENDING);\n    return NDIS_STATUS_PENDING;`), 'call.c': CALL_C });
    const [f] = r.of('complete-with-pending');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'NDIS_STATUS_PENDING');
    assert.ok(r.text.slice(f.start - 20, f.start).endsWith('CmCompleteClose(Vc, '));
    assert.match(f.message, /not a valid Status for `NdisCmCloseCallComplete`, which gets it through `CmCompleteClose` → `NdisCmCloseCallComplete` in call\.c/);
  });

  test('its fix passes NDIS_STATUS_SUCCESS to the helper', async () => {
    const fixed = await assertFixRoundTrip({ 'cm.c': handler(`${DEACTIVATE}\n    CmCompleteClose(Vc, NDIS_STATUS_PENDING);\n    return NDIS_STATUS_PENDING;`), 'call.c': CALL_C }, 'complete-with-pending');
    assert.match(fixed, /CmCompleteClose\(Vc, NDIS_STATUS_SUCCESS\);/);
  });

  test('follows the status through two helpers, and a variable holding PENDING', async () => {
    const finish = `${CM_HEADER}\nVOID CmFinishClose(PCM_VC Vc, NDIS_STATUS S)\n{\n    CmCompleteClose(Vc, S);\n}\n`;
    const r = await check({ 'cm.c': handler(`${DEACTIVATE}\n    Status = NDIS_STATUS_PENDING;\n    CmFinishClose(Vc, Status);\n    return NDIS_STATUS_PENDING;`), 'finish.c': finish, 'call.c': CALL_C });
    const [f] = r.of('complete-with-pending');
    assert.ok(f);
    assert.match(f.message, /`Status` holds NDIS_STATUS_PENDING on this path.*through `CmFinishClose` → `CmCompleteClose` → `NdisCmCloseCallComplete`/);
  });

  test('accepts PENDING given to a helper that completes only for other statuses, or with a status of its own', async () => {
    const guarded = `${CM_HEADER}
VOID CmCompleteClose(PCM_VC Vc, NDIS_STATUS Status)
{
    if (Status != NDIS_STATUS_PENDING) {
        NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
    }
}
`;
    const own = CALL_C.replace('NdisCmCloseCallComplete(Status,', 'NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS,');
    for (const call of [guarded, own]) {
      const r = await check({ 'cm.c': handler(`    Status = NdisCmDeactivateVc(Vc->NdisVcHandle);\n    CmCompleteClose(Vc, Status);\n    return NDIS_STATUS_PENDING;`), 'call.c': call });
      assert.deepEqual(r.of('complete-with-pending'), []);
    }
  });
});

describe('calls made on only some paths of an intermediate helper', () => {
  test('a status passed on under a condition is not followed, and a helper call after an early return is not certain', async () => {
    const guarded = `${CM_HEADER}
VOID CmFinishClose(PCM_VC Vc, NDIS_STATUS S)
{
    if (S != NDIS_STATUS_PENDING) {
        CmCompleteClose(Vc, S);
    }
}
VOID CmFinishLater(PCM_VC Vc)
{
    if (Vc->CreatedByCm) {
        return;
    }
    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);
}
`;
    const pending = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmFinishClose(Vc, NDIS_STATUS_PENDING);\n    return NDIS_STATUS_PENDING;`), 'finish.c': guarded, 'call.c': CALL_C });
    assert.deepEqual(pending.of('complete-with-pending'), []);
    const later = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmFinishLater(Vc);\n    return NDIS_STATUS_SUCCESS;`), 'finish.c': guarded, 'call.c': CALL_C });
    assert.deepEqual(later.of('double-completion'), []);
    // The same helper without the early return completes on every path.
    const always = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmFinishLater(Vc);\n    return NDIS_STATUS_SUCCESS;`), 'finish.c': guarded.replace(/if \(Vc->CreatedByCm\) \{\n\s*return;\n\s*\}/, ''), 'call.c': CALL_C });
    assert.equal(always.of('double-completion').length, 1);
  });
});

describe('deleting a VC through a helper', () => {
  const afterFree = handler(`${DEACTIVATE}\n    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n    CmFreeVc(Vc);\n    NdisCmDeactivateVc(Vc->NdisVcHandle);\n    return NDIS_STATUS_PENDING;`);
  test('reports the VC handle used after a helper in another file deleted it', async () => {
    const r = await check({ 'cm.c': afterFree, 'call.c': CALL_C });
    const [f] = r.of('vc-used-after-delete');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'Vc->NdisVcHandle');
    assert.match(f.message, /after `CmFreeVc` at line \d+, through `CmFreeVc` → `NdisCoDeleteVc` in call\.c, deleted the VC/);
  });

  test('finds the same use after delete written inline or through the helper', async () => {
    const inline = await check({ 'cm.c': afterFree.replace('CmFreeVc(Vc);', 'NdisCoDeleteVc(Vc->NdisVcHandle);'), 'call.c': CALL_C });
    const helper = await check({ 'cm.c': afterFree, 'call.c': CALL_C });
    assert.deepEqual(shape(helper).filter((x) => !x.startsWith('unchecked-status')), shape(inline).filter((x) => !x.startsWith('unchecked-status')));
  });

  test('does not report a use before the delete, nor after a helper that deletes only sometimes', async () => {
    const before = await check({ 'cm.c': afterFree.replace('    CmFreeVc(Vc);\n', '').replace('return NDIS_STATUS_PENDING;', 'CmFreeVc(Vc);\n    return NDIS_STATUS_PENDING;'), 'call.c': CALL_C });
    assert.deepEqual(before.of('vc-used-after-delete'), []);
    const sometimes = CALL_C.replace('    NdisCoDeleteVc(Vc->NdisVcHandle);', '    if (Vc->CreatedByCm) {\n        NdisCoDeleteVc(Vc->NdisVcHandle);\n    }');
    const r = await check({ 'cm.c': afterFree, 'call.c': sometimes });
    assert.deepEqual(r.of('vc-used-after-delete'), []);
  });

  test('missing-vc-delete counts the delete a helper makes after the close completes', async () => {
    const create = `${CM_HEADER}
NDIS_STATUS CmCreate(PCM_ADAPTER Adapter, PCM_VC Vc)
{
    return NdisCoCreateVc(Adapter->BindingHandle, Adapter->NdisAfHandle, Vc, &Vc->NdisVcHandle);
}
`;
    const closes = handler(`${DEACTIVATE}\n    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n    CmFreeVc(Vc);\n    return NDIS_STATUS_PENDING;`);
    const r = await check({ 'cm.c': closes, 'call.c': CALL_C, 'create.c': create });
    assert.deepEqual(r.of('missing-vc-delete'), []);
    const without = await check({ 'cm.c': closes.replace('    CmFreeVc(Vc);\n', ''), 'call.c': CALL_C.replace(/VOID CmFreeVc[^}]*\}/, ''), 'create.c': create });
    assert.equal(without.of('missing-vc-delete').length, 1);
  });
});

describe('recursion and depth', () => {
  test('mutually recursive helpers terminate and still count a completion made on every path', async () => {
    const rec = `${CM_HEADER}
VOID CmB(PCM_VC Vc, NDIS_STATUS S);
VOID CmA(PCM_VC Vc, NDIS_STATUS S)
{
    NdisCmCloseCallComplete(S, Vc->NdisVcHandle, NULL);
    if (Vc->CreatedByCm) {
        CmB(Vc, S);
    }
}
VOID CmB(PCM_VC Vc, NDIS_STATUS S)
{
    CmA(Vc, S);
}
VOID CmSelf(PCM_VC Vc, ULONG n)
{
    if (n == 0) {
        NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    } else {
        CmSelf(Vc, n - 1);
    }
}
`;
    const r = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmB(Vc, NDIS_STATUS_SUCCESS);\n    return NDIS_STATUS_SUCCESS;`), 'rec.c': rec });
    assert.equal(r.of('double-completion').length, 1);
    // Self-recursion completes only in its base case: may, not must.
    const s = await check({ 'cm.c': handler(`${DEACTIVATE}\n    CmSelf(Vc, 3);\n    return NDIS_STATUS_SUCCESS;`), 'rec.c': rec });
    assert.deepEqual(s.of('double-completion'), []);
  });

  const chain = (n: number) => {
    let src = `${CM_HEADER}\nVOID H${n}(PCM_VC Vc)\n{\n    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n}\n`;
    for (let i = n - 1; i >= 0; i--) src += `VOID H${i}(PCM_VC Vc)\n{\n    H${i + 1}(Vc);\n}\n`;
    return src;
  };

  test('follows a chain of helpers up to the depth bound, and stops past it', async () => {
    const near = await check({ 'cm.c': handler(`${DEACTIVATE}\n    H0(Vc);\n    return NDIS_STATUS_SUCCESS;`), 'chain.c': chain(6) });
    assert.equal(near.of('double-completion').length, 1);
    const far = await check({ 'cm.c': handler(`${DEACTIVATE}\n    H0(Vc);\n    return NDIS_STATUS_SUCCESS;`), 'chain.c': chain(12) });
    assert.deepEqual(far.of('double-completion'), []);
  });
});

describe('kept current', () => {
  test('editing a helper in another file so that it no longer completes changes the caller\'s findings', async () => {
    const s = await services();
    const ws = new WorkspaceIndex();
    const svc = { catalog: s.catalog, lifecycle: s.lifecycle, handlers: s.handlers, workspace: ws };
    const open = (uri: string, text: string) => {
      const file = analyzeFile(uri, text, new ParsedText(s.parser, text), svc);
      ws.set(file.summary(), file.semanticKey());
      return file;
    };
    const cm = open('file:///ws/cm.c', handler(`${DEACTIVATE}\n    CmCompleteClose(Vc, NDIS_STATUS_SUCCESS);\n    return NDIS_STATUS_SUCCESS;`));
    open('file:///ws/call.c', CALL_C);
    const run = () => runRules({ file: cm, catalog: s.catalog, lifecycle: s.lifecycle, workspace: ws }, DEFAULT_SETTINGS).filter((f) => f.rule === 'double-completion');
    assert.equal(run().length, 1);
    // The same version of cm.c, checked again after call.c changed: its kept findings must not be reused.
    open('file:///ws/call.c', CALL_C.replace('NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);', 'QueueCloseCompletion(Vc, Status);'));
    assert.deepEqual(run(), []);
    open('file:///ws/call.c', CALL_C);
    assert.equal(run().length, 1);
  });

  test('each function is composed at most once per depth, however often and however recursively it is called', () => {
    const names = Array.from({ length: 30 }, (_, i) => `F${i}`);
    let lookups = 0;
    const resolve = helperResolver((name) => {
      lookups++;
      const i = names.indexOf(name);
      if (i < 0) return undefined;
      // Every function calls every other (and itself); the last one completes.
      const calls = names.map((callee) => ({ callee, args: [{ p: 0, path: '' }], must: true, at: 0 }));
      const effects = i === names.length - 1 ? [{ api: 'NdisCmCloseCallComplete', handle: { p: 0, path: '->NdisVcHandle' }, must: true, at: 0 }] : [];
      return { summary: { effects, calls }, uri: 'file:///x.c' };
    });
    for (let k = 0; k < 5; k++) for (const n of names) assert.ok(resolve(n)?.some((e) => e.api === 'NdisCmCloseCallComplete' && e.must));
    assert.ok(lookups <= names.length * (DEPTH + 1), `${lookups} lookups`);
  });
});

describe('which calls a helper makes on every path', () => {
  const certain = async (body: string): Promise<string[]> => {
    const s = await services();
    const text = `VOID F(PCM_VC Vc)\n{\n${body}\n}\n`;
    const p = new ParsedText(s.parser, text);
    const fn = p.tree!.rootNode.namedChildren.find((n) => n?.type === 'function_definition')!;
    const { sites } = certainCalls(fn.childForFieldName('body')!, undefined, (n) => /^[A-Z]$/.test(n), (c) => c.name);
    const out = [...new Set(sites.filter((x) => x.must).map((x) => x.name))].sort();
    p.dispose();
    return out;
  };
  test('statements of the body before any return, both arms of an if, and a do-while(0) body up to its break', async () => {
    assert.deepEqual(await certain('A(); if (x) { B(); C(); } else { C(); } D(); if (y) return; E();'), ['A', 'C', 'D']);
    assert.deepEqual(await certain('do { A(); if (x) break; B(); } while (0); C();'), ['A', 'C']);
    assert.deepEqual(await certain('if (x) { A(); return; } else { A(); } B();'), ['A']);
  });
  test('never calls in loops, switches, conditional compilation, or in the parts of && || ?: that may not run', async () => {
    assert.deepEqual(await certain('while (x) A(); for (;;) { B(); break; } switch (x) { case 1: C(); }\n#if DBG\nD();\n#endif\nx && E(); y ? F() : 0; G() || H();'), ['G']);
  });
});
