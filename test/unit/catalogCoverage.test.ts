// Every catalog name and status code, through hover, signature help and completion, from inline C.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver';
import { provideHover } from '../../server/src/features/hover';
import { provideSignatureHelp } from '../../server/src/features/signatureHelp';
import { provideCompletion, resolveCompletion } from '../../server/src/features/completion';
import { ROLE_LABEL } from '../../server/src/features/render';
import type { FeatureContext } from '../../server/src/features/context';
import type { Services } from '../../server/src/services';
import { context, open, services, ROOT } from './helpers';

let ctx: FeatureContext;
let s: Services;
before(async () => { s = await services(); ctx = await context(); });

const text = (c: unknown) => (c as MarkupContent).value;

describe('the catalog', () => {
  test('holds all 128 api.tsv rows (78 functions, 50 callbacks) and 18 status codes, each with prose', async () => {
    const s = await services();
    assert.equal(s.catalog.entries.length, 128);
    assert.equal(s.catalog.entries.filter((e) => e.kind === 'function').length, 78);
    assert.equal(s.catalog.entries.filter((e) => e.kind === 'callback').length, 50);
    assert.equal(s.catalog.statuses.length, 18);
    for (const e of s.catalog.entries) {
      assert.ok(e.summary.length > 20, `${e.name} has a summary`);
      assert.ok(e.remarks.length > 0, `${e.name} has remarks`);
      for (const p of e.params) assert.ok((e.paramDocs[p.name] ?? '').length > 5, `${e.name}.${p.name} is described`);
      assert.deepEqual(Object.keys(e.paramDocs).sort(), e.params.map((p) => p.name).sort(), `${e.name}: described parameters match the prototype`);
      if (e.kind === 'callback') assert.ok(e.obligation, `${e.name} says what implementing it obliges`);
      if (e.returnType && e.returnType !== 'VOID') assert.ok(e.returns, `${e.name} describes its return value`);
    }
    for (const st of s.catalog.statuses) assert.ok(st.summary.length > 10, `${st.name} has a summary`);
  });

  test('matches ../shared/condis when it is present (facts.generated.ts is not stale)', () => {
    const tsv = join(ROOT, '..', 'shared', 'condis', 'ndis-status.tsv');
    if (!existsSync(tsv)) return; // a checkout without shared/ uses the committed catalog
    const names = readFileSync(tsv, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
    assert.deepEqual(s.catalog.statuses.map((x) => x.name), names);
  });

  test('carries the NTSTATUS-derived values of the status codes', () => {
    const v = (n: string) => s.catalog.status(n)!.value;
    assert.equal(v('NDIS_STATUS_SUCCESS'), 0);
    assert.equal(v('NDIS_STATUS_PENDING'), 0x103);
    assert.equal(v('NDIS_STATUS_FAILURE'), 0xc0000001);
    assert.equal(v('NDIS_STATUS_RESOURCES'), 0xc000009a);
    assert.equal(v('NDIS_STATUS_NOT_SUPPORTED'), 0xc00000bb);
    assert.equal(v('NDIS_STATUS_INVALID_DATA'), 0xc0010015);
    assert.equal(v('NDIS_STATUS_XXX'), null);
  });

  test('knows NdisCmCloseCallComplete in depth', () => {
    const e = s.catalog.entry('NdisCmCloseCallComplete')!;
    assert.deepEqual(e.params.map((p) => [p.name, p.type, p.direction, p.optional]), [
      ['Status', 'NDIS_STATUS', 'in', false], ['NdisVcHandle', 'NDIS_HANDLE', 'in', false], ['NdisPartyHandle', 'NDIS_HANDLE', 'in', true]]);
    assert.equal(e.irql.max, 'DISPATCH_LEVEL');
    assert.equal(e.sdvRule, 'Irql_CallManager_Function');
    assert.match(e.minNdis!, /5\.1/);
    assert.match(e.minNdis!, /6\.0/);
    const all = [e.summary, ...e.remarks, ...Object.values(e.paramDocs)].join('\n');
    for (const must of ['NDIS_STATUS_PENDING', 'NdisMCmCloseCallComplete', 'ProtocolClCloseCallComplete', 'NdisCoDeleteVc', 'ProtocolCoDeleteVc', 'ProtocolCmCloseCall']) {
      assert.ok(all.includes(must), `NdisCmCloseCallComplete prose mentions ${must}`);
    }
    assert.equal(s.catalog.entry('NdisMCmCloseCallComplete')!.macro?.target, 'NdisCmCloseCallComplete');
  });
});

describe('hover on every catalog name', () => {
  test('a call of each function shows its prototype, parameters, IRQL, role and reference link', async () => {
    for (const e of s.catalog.entries.filter((x) => x.kind === 'function')) {
      const args = e.params.map((p) => p.name.toLowerCase()).join(', ');
      const { doc, pos } = await open(`void f(void) {\n    ${e.name.slice(0, 3)}$0${e.name.slice(3)}(${args});\n}\n`);
      const h = provideHover(doc, pos, ctx);
      assert.ok(h, `hover on ${e.name}`);
      const md = text(h.contents);
      assert.ok(md.includes(`${e.name}(`), `${e.name}: prototype`);
      for (const p of e.params) assert.ok(md.includes(`\`${p.name}\``) && md.includes(e.paramDocs[p.name]), `${e.name}: parameter ${p.name}`);
      assert.ok(md.includes(`IRQL ${e.irql.text}`), `${e.name}: IRQL`);
      assert.ok(md.includes(ROLE_LABEL[e.role]), `${e.name}: role`);
      assert.ok(md.includes(e.summary), `${e.name}: summary`);
      if (e.docUrl) assert.ok(md.includes(`](${e.docUrl})`), `${e.name}: link`);
      else assert.ok(md.includes('ndis.h'), `${e.name}: says it has no page`);
      assert.deepEqual(h.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 4 + e.name.length } });
    }
  });

  test('each role typedef in a declaration shows the callback, how to declare it and its obligation', async () => {
    for (const e of s.catalog.entries.filter((x) => x.kind === 'callback')) {
      const { doc, pos } = await open(`${e.name}$0 MyHandler;\n`);
      const h = provideHover(doc, pos, ctx);
      assert.ok(h, `hover on ${e.name}`);
      const md = text(h.contents);
      for (const p of e.params) assert.ok(md.includes(`\`${p.name}\``), `${e.name}: parameter ${p.name}`);
      assert.ok(md.includes(`IRQL ${e.irql.text}`), `${e.name}: IRQL`);
      assert.ok(md.includes(ROLE_LABEL[e.role]), `${e.name}: role`);
      assert.ok(md.includes(e.obligation!), `${e.name}: obligation`);
      if (e.docUrl) assert.ok(md.includes(`](${e.docUrl})`), `${e.name}: link`);
    }
  });

  test('each status code shows its numeric value and meaning', async () => {
    for (const st of s.catalog.statuses) {
      const { doc, pos } = await open(`NDIS_STATUS f(void) { return ${st.name}$0; }`);
      const h = provideHover(doc, pos, ctx);
      assert.ok(h, `hover on ${st.name}`);
      const md = text(h.contents);
      assert.ok(md.includes(st.summary), `${st.name}: summary`);
      if (st.value !== null) assert.ok(md.includes('0x' + (st.value >>> 0).toString(16).toUpperCase().padStart(8, '0')), `${st.name}: value`);
    }
  });
});

describe('signature help for every catalog name', () => {
  test('each function: label with every parameter and the active parameter at each argument', async () => {
    for (const e of s.catalog.entries.filter((x) => x.kind === 'function')) {
      for (let i = 0; i < Math.max(1, e.params.length); i++) {
        const args = e.params.slice(0, i).map((p) => p.name.toLowerCase()).join(', ') + (i > 0 ? ', ' : '');
        const { doc, pos } = await open(`void f(void) {\n    ${e.name}(${args}$0\n}\n`);
        const sh = provideSignatureHelp(doc, pos, ctx);
        assert.ok(sh, `signature help in ${e.name} at argument ${i}`);
        const sig = sh.signatures[0];
        assert.equal(sh.activeParameter, i, `${e.name}: active parameter`);
        assert.ok(sig.label.startsWith(`${e.returnType} ${e.name}(`), `${e.name}: label ${sig.label}`);
        assert.equal(sig.parameters!.length, e.params.length);
        if (e.params.length) {
          const [a, b] = sig.parameters![i].label as [number, number];
          assert.equal(sig.label.slice(a, b), `${e.params[i].type} ${e.params[i].name}`);
          assert.ok(text(sig.parameters![i].documentation).includes(e.paramDocs[e.params[i].name]));
        }
        assert.ok(text(sig.documentation).includes(`IRQL ${e.irql.text}`));
      }
    }
  });

  test('each callback: while writing the definition of a handler declared with the role type', async () => {
    for (const e of s.catalog.entries.filter((x) => x.kind === 'callback' && x.params.length > 0)) {
      const last = e.params.length - 1;
      const params = e.params.slice(0, last).map((p) => `${p.type} ${p.name}`).join(', ') + (last > 0 ? ', ' : '');
      const { doc, pos } = await open(`${e.name} MyHandler;\n\n${e.returnType} MyHandler(${params}$0`);
      const sh = provideSignatureHelp(doc, pos, ctx);
      assert.ok(sh, `signature help for a ${e.name} definition`);
      assert.equal(sh.activeParameter, last);
      assert.ok(sh.signatures[0].label.includes(`${e.conventionalName ?? e.name}(`), sh.signatures[0].label);
      const [a, b] = sh.signatures[0].parameters![last].label as [number, number];
      assert.equal(sh.signatures[0].label.slice(a, b), `${e.params[last].type} ${e.params[last].name}`);
    }
  });
});

describe('completion of every catalog name', () => {
  test('functions insert a call with one placeholder per parameter; every item resolves to its docs', async () => {
    for (const e of s.catalog.entries) {
      const { doc, pos } = await open(`void f(void) {\n    ${e.name.slice(0, -1)}$0\n}\n`);
      const list = provideCompletion(doc, pos, ctx, s.completionItems);
      const item = list?.items.find((i) => i.label === e.name);
      assert.ok(item, `completion offers ${e.name}`);
      if (e.kind === 'function') {
        assert.equal(item.insertText, `${e.name}(${e.params.map((p, i) => `\${${i + 1}:${p.name}}`).join(', ')})`);
      }
      const resolved: CompletionItem = resolveCompletion(item, ctx);
      const md = text(resolved.documentation);
      assert.ok(md.includes(e.summary), `${e.name}: docs`);
      if (e.docUrl) assert.ok(md.includes(e.docUrl), `${e.name}: link in docs`);
    }
  });

  test('every status code is offered as a constant with its value', async () => {
    for (const st of s.catalog.statuses) {
      const { doc, pos } = await open(`NDIS_STATUS f(void) { return ${st.name.slice(0, 14)}$0; }`);
      const item = provideCompletion(doc, pos, ctx, s.completionItems)?.items.find((i) => i.label === st.name);
      assert.ok(item, `completion offers ${st.name}`);
      assert.ok(text(resolveCompletion(item, ctx).documentation).includes(st.summary));
    }
  });
});
