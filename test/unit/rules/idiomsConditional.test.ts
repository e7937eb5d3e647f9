// Conditional compilation as the checker reads it: `#if 0` is dead, the arms of an `#if` chain are alternatives, the
// same directive condition takes the same arm again, findings say under which condition their code is compiled, and a
// body cut across by `#if` arms gives no flow finding.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, context, open, services } from '../helpers';
import { Validator } from '../../../server/src/validation';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { analyzeFile } from '../../../server/src/analysis/fileAnalysis';
import { ParsedText } from '../../../server/src/syntax/parsedText';
import { runRules, toDiagnostics } from '../../../server/src/features/diagnostics';
import { CM_HEADER, CM_REGISTRATION } from './ruleTestKit';
import { provideHover } from '../../../server/src/features/hover';

/** A correct close-call handler whose body is `body` (Vc is the VC context). */
const handler = (body: string) => `${CM_HEADER}
_Use_decl_annotations_
NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    NDIS_STATUS Status = NDIS_STATUS_SUCCESS;
${body}
}
${CM_REGISTRATION}`;

const double = async (src: string) => (await check(src)).of('double-completion');

describe('#if 0 is dead code', () => {
  test('a parked completion in #if 0 and the live one after it are not two completions', async () => {
    const src = handler(`
#if 0
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
#endif
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    return NDIS_STATUS_PENDING;`);
    assert.deepEqual(await double(src), []);
    // The same with the parked code in the live arm is a real double completion.
    assert.equal((await double(src.replace('#if 0', '#if 1'))).length, 1);
  });

  test('the #else of #if 0 is the live arm, and #if 1 makes its #else dead', async () => {
    const arms = (first: string) => handler(`
#if ${first}
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
#else
    QueueCloseWork(Vc);
#endif
    return Status;`);
    // #if 1: the completion always runs, then a final status: reported, with no condition (it always holds).
    const [f] = await double(arms('1'));
    assert.ok(f);
    assert.doesNotMatch(f.message, /\(when/);
    assert.deepEqual(await double(arms('0')), []);
  });

  test('a whole function parked in #if 0 is neither checked nor indexed, and hover still works in it', async () => {
    const src = `${CM_HEADER}
#if 0
NDIS_STATUS CmCloseCall(NDIS_HANDLE C, NDIS_HANDLE P, PVOID D, UINT S)
{
    NdisCmCloseCallComplete(NDIS_STATUS_PENDING, ((PCM_VC)C)->NdisVcHandle, NULL);
    return NDIS_STATUS_SUCCESS;
}
#else
NDIS_STATUS CmCloseCall(NDIS_HANDLE C, NDIS_HANDLE P, PVOID D, UINT S)
{
    QueueCloseWork((PCM_VC)C);
    return NDIS_STATUS_PENDING;
}
#endif
VOID Done(PCM_VC Vc) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL); }
${CM_REGISTRATION}`;
    const r = await check(src);
    const rules = ['double-completion', 'complete-with-pending', 'handler-without-role-type'];
    assert.deepEqual(r.findings.filter((f) => rules.includes(f.rule)).map((f) => f.rule), []);
    assert.equal(r.file.functions().filter((f) => f.name === 'CmCloseCall').length, 1);
    assert.equal(r.file.chunks().filter((c) => c.facts.calls.has('NdisCmCloseCallComplete')).length, 1);
    // Live, the same parked definition is checked.
    const live = await check(src.replace('#if 0', '#if DBG'));
    assert.deepEqual(live.findings.filter((f) => rules.includes(f.rule)).map((f) => f.rule).sort(), ['complete-with-pending', 'double-completion']);
    const { doc, pos } = await open(src.replace('NdisCmCloseCallComplete(NDIS_STATUS_PENDING', 'NdisCmCloseCall$0Complete(NDIS_STATUS_PENDING'));
    const hover = provideHover(doc, pos, await context());
    assert.match(JSON.stringify(hover?.contents ?? ''), /NdisCmCloseCallComplete/);
  });

  test('calls in an #if 0 block inside a function are not counted: not checked, not a completion', async () => {
    const src = handler(`
#if DBG
    NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
#endif
    QueueCloseWork(Vc);
    return NDIS_STATUS_PENDING;`);
    const live = (await check(src)).findings.map((f) => f.rule);
    assert.ok(live.includes('mcm-api-in-protocol'));
    assert.ok(!live.includes('missing-completion'));
    const parked = (await check(src.replace('#if DBG', '#if 0'))).findings.map((f) => f.rule);
    assert.ok(!parked.includes('mcm-api-in-protocol'));
    assert.ok(parked.includes('missing-completion'), 'the parked completion completes nothing');
  });
});

describe('#if arms are alternatives', () => {
  test('a completion in each arm of #ifdef/#else is one completion per path', async () => {
    const src = handler(`
#ifdef NDIS_SUPPORT_NDIS6
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
#elif defined(NDIS51)
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
#else
    NdisCmCloseCallComplete(NDIS_STATUS_FAILURE, Vc->NdisVcHandle, NULL);
#endif
    return NDIS_STATUS_PENDING;`);
    assert.deepEqual(await double(src), []);
  });

  test('the same directive condition takes the same arm again (#ifdef X twice, #ifndef X as its negation)', async () => {
    const src = handler(`
#ifdef CM_SYNC_CLOSE
    TraceClose(Vc);
#else
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
#endif
    TraceVc(Vc);
#if defined(CM_SYNC_CLOSE)
    return Status;
#else
    return NDIS_STATUS_PENDING;
#endif`);
    assert.deepEqual(await double(src), []);
    // The second test inverted: the asynchronous arm completes and then returns a final status.
    const bad = src.replace('#if defined(CM_SYNC_CLOSE)', '#ifndef CM_SYNC_CLOSE');
    const [f] = await double(bad);
    assert.ok(f);
    assert.match(f.message, /\(when not CM_SYNC_CLOSE\)$/);
  });
});

describe('findings say under which condition their code is compiled', () => {
  test('an #ifdef arm, an #else arm, nested arms, and no words outside or under an include guard', async () => {
    const twice = 'NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);';
    const msg = async (body: string) => (await double(handler(`${body}\n    return NDIS_STATUS_PENDING;`))).map((f) => f.message.replace(/^.*?\.(?= \(when|$)/, ''));
    assert.deepEqual(await msg(`#ifdef NDIS_SUPPORT_NDIS6\n    ${twice}\n#endif`), [' (when NDIS_SUPPORT_NDIS6)']);
    assert.deepEqual(await msg(`#if DBG\n    TraceVc(Vc);\n#else\n    ${twice}\n#endif`), [' (when not DBG)']);
    assert.deepEqual(await msg(`#if A\n#ifndef B\n    ${twice}\n#endif\n#endif`), [' (when A and not B)']);
    assert.deepEqual(await msg(`#if A\n    TraceVc(Vc);\n#elif B\n    ${twice}\n#endif`), [' (when B)']);
    assert.deepEqual(await msg(`    ${twice}`), ['']);
    const guarded = `#ifndef CM_H\n#define CM_H\n${handler(`    ${twice}\n    return NDIS_STATUS_PENDING;`)}\n#endif\n`;
    const [f] = await double(guarded);
    assert.doesNotMatch(f.message, /\(when/);
  });

  test('a finding kept from an earlier check of an unchanged function gets the current condition', async () => {
    const s = await services();
    const validator = new Validator(s, () => DEFAULT_SETTINGS, 'file:///docs', undefined, () => undefined);
    const fn = handler('    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n    return NDIS_STATUS_SUCCESS;');
    const text = fn.replace('_Use_decl_annotations_', '#ifdef NDIS60\n_Use_decl_annotations_').replace('\n}\n', '\n}\n#endif\n');
    const uri = 'file:///kept/cond.c';
    const doc = s.documents.open(uri, 'c', 1, text);
    try {
      const messages = () => validator.diagnostics(doc).filter((d) => d.code === 'double-completion').map((d) => String(d.message).replace(/^.*\./, ''));
      assert.deepEqual(messages(), [' (when NDIS60)']);
      const at = text.indexOf('#ifdef NDIS60');
      s.documents.change(uri, 2, [{ range: { start: doc.text.positionAt(at), end: doc.text.positionAt(at + 6) }, text: '#ifndef' }]);
      assert.deepEqual(messages(), [' (when not NDIS60)']);
    } finally {
      s.documents.close(uri);
      s.workspace.delete(uri);
    }
  });
});

describe('a body cut across by #if arms', () => {
  test('gives no flow finding and does not throw', async () => {
    const src = handler(`
    if (Vc->Fast)
#if DBG
    {
        TraceVc(Vc);
        NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    }
#else
        NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
#endif
    return NDIS_STATUS_PENDING;`);
    assert.deepEqual(await double(src), []);
    const opened = handler(`
#if DBG
    if (Vc->Fast) {
#else
    if (Vc->Slow) {
#endif
        NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    }
    return NDIS_STATUS_SUCCESS;`);
    assert.deepEqual((await check(opened)).findings.filter((f) => f.rule === 'double-completion' && /second time/.test(f.message)), []);
  });
});

describe('incremental', () => {
  test('turning an arm dead or live by an edit of its directive gives what a fresh analysis gives', async () => {
    const s = await services();
    const settings = { ...DEFAULT_SETTINGS, timeBudget: 600_000 }; // a large file checked whole on a loaded machine
    const validator = new Validator(s, () => settings, 'file:///docs', undefined, () => undefined);
    const filler = Array.from({ length: 2000 }, (_, i) => `VOID Helper${i}(PCM_VC Vc) { TraceVc(Vc); }`).join('\n');
    let text = `${CM_HEADER}
#if DBG
NDIS_STATUS CmCloseCall(NDIS_HANDLE C, NDIS_HANDLE P, PVOID D, UINT S)
{
    NdisCmCloseCallComplete(NDIS_STATUS_PENDING, ((PCM_VC)C)->NdisVcHandle, NULL);
    return NDIS_STATUS_SUCCESS;
}
#endif
${filler}
${CM_REGISTRATION}`;
    const uri = 'file:///incremental/ifzero.c';
    const doc = s.documents.open(uri, 'c', 1, text);
    try {
      const counts: number[] = [];
      validator.diagnostics(doc);
      for (const [from, to] of [['#if DBG', '#if 0'], ['#if 0', '#if 1'], ['#if 1', '#if DBG'], ['#if DBG', '#if 0']]) {
        const at = text.indexOf(from);
        const range = { start: doc.text.positionAt(at), end: doc.text.positionAt(at + from.length) };
        text = text.slice(0, at) + to + text.slice(at + from.length);
        s.documents.change(uri, doc.version + 1, [{ range, text: to }]);
        const incremental = validator.diagnostics(doc);
        const parsed = new ParsedText(s.parser, text);
        try {
          const file = analyzeFile(uri, text, parsed, s);
          const fresh = toDiagnostics(runRules({ file, catalog: s.catalog, lifecycle: s.lifecycle, workspace: s.workspace }, DEFAULT_SETTINGS),
            TextDocument.create(uri, 'c', doc.version, text), 'file:///docs');
          assert.deepEqual(incremental, fresh, `${from} -> ${to}`);
          counts.push(fresh.filter((d) => d.code === 'complete-with-pending').length);
        } finally {
          parsed.dispose();
        }
      }
      assert.deepEqual(counts, [0, 1, 1, 0]);
    } finally {
      s.documents.close(uri);
      s.workspace.delete(uri);
    }
  });
});
