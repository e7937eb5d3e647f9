// The contributed snippets: each expands, compiles against test/stubs/ndis.h with clang, parses cleanly, keeps the
// lifecycle rules we can check without the checker, and reaches LSP clients as completion items.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompletionItemKind, InsertTextFormat, type MarkupContent } from 'vscode-languageserver';
import type { Node } from 'web-tree-sitter';
import {
  CONDIS_SNIPPETS, expandSnippet, readSnippets, snippetCompletionItems, type ExpandOptions, type Snippet,
} from '../../server/src/features/snippetItems';
import { ParsedText } from '../../server/src/syntax/parsedText';
import { createCatalog } from '../../server/src/catalog';
import { handlerTablesOf } from '../../server/src/catalog/handlerTables';
import { ROOT, check, services } from './helpers';

const catalog = createCatalog();
const STUBS = join(ROOT, 'test', 'stubs');
const CLANG_ARGS = ['-fsyntax-only', '-Wall', '-Werror=implicit-function-declaration', '-std=c11', '-fno-color-diagnostics', '-I', STUBS];

const byPrefix = new Map(CONDIS_SNIPPETS.flatMap((s) => s.prefixes.map((p) => [p, s] as const)));
function snippet(prefix: string): Snippet {
  const s = byPrefix.get(prefix);
  assert.ok(s, `no snippet with prefix ${prefix}`);
  return s;
}
const CONTEXT = 'condis-vc-context';
/** Names the per-VC context snippet defines: a snippet that uses one is compiled after it. */
const USES_CONTEXT = /\b(P?CM_(VC|PARTY|AF)|CM_VC_FLAG_\w+|CmVc[A-Z]\w*|CmDriverHandle|CM_POOL_TAG)\b/;
/** An MCM picks the NdisMCm* spelling and MiniportSetOptions wherever a snippet offers the choice. */
const MCM: ExpandOptions = { choose: (o) => o.find((x) => /^(NdisMCm|MINIPORT_)/.test(x)) ?? o[0] };

/** What VS Code would fill in for snippet variables, fixed so expansions are reproducible. */
const VARIABLES = { TM_FILENAME: 'callManager.c', TM_FILENAME_BASE: 'callManager', TM_DIRECTORY: 'driver', WORKSPACE_NAME: 'driver' };

/** A C file: the stub header, then snippets expanded with their defaults, in order. */
interface Unit { name: string; prefixes: string[]; opts?: ExpandOptions; edit?: (prefix: string, text: string) => string }
function unitText(u: Unit): string {
  const parts = u.prefixes.map((p) => {
    const t = expandSnippet(snippet(p).body, { variables: VARIABLES, ...u.opts });
    return u.edit ? u.edit(p, t) : t;
  });
  return '#include <ndis.h>\n\n' + parts.join('\n\n') + '\n';
}

// Whole drivers made of snippets with their default names: they compile together only if the names agree.
const STAND_ALONE_DRIVER = [CONTEXT, 'condis-cm-register-af', 'condis-cm-handlers', 'condis-cm-unsupported', 'condis-cm-create-vc',
  'condis-cm-delete-vc', 'condis-cm-open-af', 'condis-cm-open-af-complete', 'condis-cm-close-af', 'condis-cm-close-af-complete',
  'condis-cm-make-call', 'condis-cm-make-call-complete', 'condis-cm-add-party', 'condis-cm-add-party-complete', 'condis-cm-drop-party',
  'condis-cm-drop-party-complete', 'condis-cm-close-call', 'condis-cm-close-call-complete', 'condis-cm-incoming-close'];
const MCM_DRIVER = [CONTEXT, 'condis-mcm-register-af', 'condis-cm-handlers', 'condis-cm-unsupported', 'condis-cm-create-vc',
  'condis-cm-delete-vc', 'condis-cm-open-af', 'condis-cm-open-af-complete', 'condis-cm-close-af', 'condis-cm-close-af-complete',
  'condis-cm-add-party', 'condis-cm-add-party-complete', 'condis-cm-drop-party', 'condis-cm-drop-party-complete',
  'condis-mcm-close-call', 'condis-mcm-close-call-complete', 'condis-cm-incoming-close'];

const UNITS: Unit[] = [
  ...CONDIS_SNIPPETS.map((s): Unit => {
    const p = s.prefixes[0];
    const needsContext = p !== CONTEXT && USES_CONTEXT.test(expandSnippet(s.body));
    return { name: p, prefixes: needsContext ? [CONTEXT, p] : [p] };
  }),
  { name: 'stand-alone call manager', prefixes: STAND_ALONE_DRIVER },
  { name: 'miniport call manager', prefixes: MCM_DRIVER, opts: MCM },
  { name: 'synchronous close', prefixes: [CONTEXT, 'condis-cm-close-call-sync', 'condis-cm-close-call-complete'] },
];

/**
 * Known mistakes, each one edit away from a snippet and still valid C: only the checker can tell them apart.
 * `rule` is the pattern's number in shared/condis/lifecycle.md section 3.
 */
const MUTATIONS = [
  { rule: 1, unit: 'stand-alone call manager', prefix: 'condis-cm-close-call-complete', find: 'NdisCmCloseCallComplete(Status,', replace: 'NdisCmCloseCallComplete(NDIS_STATUS_PENDING,', what: 'NDIS_STATUS_PENDING as the Status of NdisCmCloseCallComplete' },
  { rule: 8, unit: 'stand-alone call manager', prefix: 'condis-cm-close-call-complete', find: '\t\tStatus = NdisCoDeleteVc(NdisVcHandle);\n', replace: '', what: 'a CM-created VC never deleted after its close completes' },
  { rule: 11, unit: 'stand-alone call manager', prefix: 'condis-cm-delete-vc', find: 'return NDIS_STATUS_SUCCESS;', replace: 'return NDIS_STATUS_PENDING;', what: 'ProtocolCoDeleteVc returning NDIS_STATUS_PENDING' },
  { rule: 3, unit: 'stand-alone call manager', prefix: 'condis-cm-close-call', find: '\treturn NDIS_STATUS_PENDING;', replace: '\tNdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);\n\treturn NDIS_STATUS_PENDING;', what: 'completing synchronously, then returning NDIS_STATUS_PENDING' },
  { rule: 17, unit: 'stand-alone call manager', prefix: 'condis-cm-close-call-complete', find: 'Status = NdisCmDeactivateVc(Vc->NdisVcHandle);', replace: 'Status = NDIS_STATUS_SUCCESS;\n\tNdisCmDeactivateVc(Vc->NdisVcHandle);', what: 'the result of NdisCmDeactivateVc ignored' },
  { rule: 7, unit: 'stand-alone call manager', prefix: 'condis-cm-close-call-complete', find: 'Status = NdisCoDeleteVc(NdisVcHandle);', replace: 'Status = NdisCoDeleteVc(NdisVcHandle);\n\t\tNdisCoSendNetBufferLists(NdisVcHandle, NULL, 0);', what: 'the VC handle used after NdisCoDeleteVc' },
  { rule: 6, unit: 'stand-alone call manager', prefix: 'condis-cm-close-call-complete', find: 'NdisCmCloseCallComplete(Status, NdisVcHandle, NdisPartyHandle);', replace: 'NdisCmCloseCallComplete(Status, NdisVcHandle, NdisPartyHandle);\n\tNdisCoSendNetBufferLists(NdisVcHandle, NULL, 0);', what: 'a send on the VC after its close completed' },
  { rule: 16, unit: 'stand-alone call manager', prefix: 'condis-cm-make-call-complete', find: 'NdisCmMakeCallComplete(Status,', replace: 'NdisCmMakeCallComplete(NDIS_STATUS_SUCCESS,', what: 'a make call reported successful whether or not the VC was activated' },
  { rule: 18, unit: 'stand-alone call manager', prefix: 'condis-cm-close-call', find: 'PROTOCOL_CM_CLOSE_CALL CmCloseCall;\n', replace: '', what: 'a ProtocolCmCloseCall defined without its role type' },
  { rule: 4, unit: 'miniport call manager', prefix: 'condis-mcm-close-call-complete', find: 'NdisMCmCloseCallComplete(', replace: 'NdisCmCloseCallComplete(', what: 'an MCM spelling the stand-alone NdisCmCloseCallComplete' },
];

describe('the snippet file', () => {
  test('the server offers exactly the snippets the extension contributes', () => {
    const onDisk = readSnippets(JSON.parse(readFileSync(join(ROOT, 'snippets', 'c.json'), 'utf8')));
    assert.deepEqual(CONDIS_SNIPPETS, onDisk);
    assert.ok(CONDIS_SNIPPETS.length >= 20, `only ${CONDIS_SNIPPETS.length} snippets`);
  });

  test('every snippet has condis- prefixes, unique across the file, and a description', () => {
    const seen = new Set<string>();
    for (const s of CONDIS_SNIPPETS) {
      assert.ok(s.prefixes.length > 0, s.name);
      for (const p of s.prefixes) {
        assert.match(p, /^condis-[a-z0-9-]+$/, `${s.name}: prefix ${p}`);
        assert.ok(!seen.has(p), `prefix ${p} used twice`);
        seen.add(p);
      }
      assert.ok(s.description.length >= 40, `${s.name}: description too short`);
    }
  });

  test('every default expansion is free of snippet syntax', () => {
    for (const s of CONDIS_SNIPPETS) assert.doesNotMatch(expandSnippet(s.body), /\$\{|\$\d/, s.name);
  });

  test('a snippet that relies on the per-VC context says so in its description', () => {
    for (const s of CONDIS_SNIPPETS) {
      if (s.prefixes[0] !== CONTEXT && USES_CONTEXT.test(expandSnippet(s.body))) assert.match(s.description, /condis-vc-context/, s.name);
    }
  });

  test('the README table has one row per prefix', () => {
    const table = readmeTable(CONDIS_SNIPPETS);
    const rows = table.split('\n').slice(2);
    assert.equal(rows.length, byPrefix.size);
    for (const row of rows) assert.match(row, /^\| `condis-[a-z0-9-]+` \| [^|]+ \|$/);
    if (process.env.CONDIS_PRINT_SNIPPET_TABLE) console.log(table);
  });
});

/** The README's snippet table: prefix and the first sentence of the description. */
function readmeTable(snippets: readonly Snippet[]): string {
  const first = (d: string) => (/^.*?\.(?=\s|$)/.exec(d)?.[0] ?? d).replace(/\|/g, '\\|');
  return ['| prefix | what it scaffolds |', '|---|---|', ...snippets.flatMap((s) => s.prefixes.map((p) => `| \`${p}\` | ${first(s.description)} |`))].join('\n');
}

describe('lifecycle rules the snippets keep (checked from the text until the checker covers them)', () => {
  const expansions = CONDIS_SNIPPETS.map((s) => ({ s, text: expandSnippet(s.body) }));

  test('no completion call is given NDIS_STATUS_PENDING as its status', () => {
    for (const { s, text } of expansions) {
      for (const e of catalog.entries.filter((x) => x.kind === 'function' && x.name.endsWith('Complete'))) {
        const at = e.params.findIndex((p) => p.name === 'Status');
        for (const args of callsOf(text, e.name)) assert.notEqual(args[at], 'NDIS_STATUS_PENDING', `${s.name}: ${e.name}`);
      }
    }
  });

  test('every call whose result must be inspected is assigned, returned or tested', () => {
    for (const { s, text } of expansions) {
      for (const e of catalog.entries.filter((x) => x.mustInspectResult)) {
        for (const m of text.matchAll(new RegExp(`\\b${e.name}\\s*\\(`, 'g'))) {
          const before = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index);
          assert.match(before, /(=|return|\(|,)\s*$/, `${s.name}: result of ${e.name} dropped`);
        }
      }
    }
  });

  test('every function defined with _Use_decl_annotations_ is declared with its role type in the same snippet', () => {
    for (const { s, text } of expansions) {
      for (const m of text.matchAll(/_Use_decl_annotations_\s*\n\s*\w+\s*\n\s*(\w+)\s*\(/g)) {
        const decl = new RegExp(`^(\\w+) ${m[1]};$`, 'm').exec(text);
        assert.ok(decl, `${s.name}: ${m[1]} has no role-type declaration`);
        assert.ok(catalog.entry(decl[1])?.kind === 'callback' || /^(PROTOCOL|MINIPORT)_SET_OPTIONS$/.test(decl[1]), `${s.name}: ${decl[1]} is not a role type`);
      }
    }
  });

  test('VC creation and deletion handlers never pend', () => {
    for (const p of ['condis-cm-create-vc', 'condis-cm-delete-vc']) assert.doesNotMatch(expandSnippet(snippet(p).body), /NDIS_STATUS_PENDING;/, p);
  });

  test('the handler table fills every field of NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS', () => {
    const text = expandSnippet(snippet('condis-cm-handlers').body);
    // The NDIS 6 table's fields; the NDIS 5 characteristics' own (CmRequestHandler, ...) belong to another structure.
    const fields = catalog.handlerFields.filter((f) => handlerTablesOf(f, catalog.byHandlerField(f)!.handlerFieldNote).includes('NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS'));
    assert.equal(fields.length, 17);
    for (const f of fields) assert.match(text, new RegExp(`CmHandlers\\.${f} = \\w+;`), f);
  });
});

/** The argument lists of every call to `name` in `text` (top-level commas only). */
function callsOf(text: string, name: string): string[][] {
  const out: string[][] = [];
  for (const m of text.matchAll(new RegExp(`\\b${name}\\s*\\(`, 'g'))) {
    const args: string[] = [];
    let depth = 0;
    let cur = '';
    for (const c of text.slice(m.index + m[0].length)) {
      if (c === ')' && depth === 0) break;
      if (c === ',' && depth === 0) { args.push(cur.trim()); cur = ''; continue; }
      if (c === '(') depth++;
      if (c === ')') depth--;
      cur += c;
    }
    out.push([...args, cur.trim()]);
  }
  return out;
}

describe('compiled with clang against test/stubs/ndis.h', () => {
  let dir: string;
  const diagnostics = new Map<string, string[]>();
  const files = new Map<string, string>();

  before(() => {
    const version = spawnSync('clang', ['--version'], { encoding: 'utf8' });
    if (version.error) throw new Error('clang is not installed: install the Debian package `clang` (apt-get install clang) to run these tests');
    dir = mkdtempSync(join(tmpdir(), 'condis-snippets-'));
    const all = [...UNITS, ...MUTATIONS.map((m, i): Unit => ({ ...unitOf(m.unit), name: `mutation ${i}`, edit: (p, t) => (p === m.prefix ? t.replace(m.find, m.replace) : t) }))];
    all.forEach((u, i) => {
      const file = join(dir, `unit${i}.c`);
      writeFileSync(file, unitText(u));
      files.set(u.name, file);
      diagnostics.set(file, []);
    });
    const r = spawnSync('clang', [...CLANG_ARGS, ...diagnostics.keys()], { encoding: 'utf8' });
    for (const line of r.stderr.split('\n')) {
      const m = /^(.*?\.c):\d+:\d+: (?:fatal )?(?:error|warning): /.exec(line);
      if (m) diagnostics.get(m[1])?.push(line);
    }
    assert.ok(r.status === 0 || [...diagnostics.values()].some((d) => d.length > 0), `clang failed without diagnostics: ${r.stderr}`);
  });
  after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  const unitOf = (name: string): Unit => UNITS.find((u) => u.name === name)!;
  for (const u of UNITS) {
    test(`${u.name} compiles with no errors and no warnings`, () => {
      assert.deepEqual(diagnostics.get(files.get(u.name)!), [], unitText(u));
    });
  }

  // The checker over the same expansions: every whole driver reports nothing, every single snippet reports nothing
  // when the rest of its driver is in the workspace, and each mutation is reported by its rule.
  const DRIVER_OF = (u: Unit): Unit => (u.prefixes.length > 2 ? u
    : u.prefixes.some((p) => p.startsWith('condis-mcm-')) ? unitOf('miniport call manager') : unitOf('stand-alone call manager'));
  // Where a stand-alone CM creates its own VCs (an incoming call): what makes the created-by-CM delete meaningful.
  const INCOMING = `#include <ndis.h>
NDIS_STATUS CmCreateIncomingVc(NDIS_HANDLE Binding, PCM_VC Vc)
{
    NDIS_STATUS Status = NdisCoCreateVc(Binding, Vc->Af->NdisAfHandle, Vc, &Vc->NdisVcHandle);
    if (Status == NDIS_STATUS_SUCCESS) {
        Vc->Flags |= CM_VC_FLAG_CREATED_BY_CM;
    }
    return Status;
}
`;
  test('the stand-alone driver with VCs of its own (created for incoming calls) still reports nothing', async () => {
    const r = await check({ 'driver.c': unitText(unitOf('stand-alone call manager')), 'incoming.c': INCOMING });
    assert.deepEqual(r.findings.map((f) => `${f.rule}: ${f.message}`), []);
  });
  for (const u of UNITS) {
    test(`${u.name}: our checker reports nothing`, async () => {
      const driver = DRIVER_OF(u);
      const files: Record<string, string> = { 'snippet.c': unitText(u) };
      if (driver !== u) files['driver.c'] = unitText(driver);
      const r = await check(files, { target: 'snippet.c' });
      assert.deepEqual(r.findings.map((f) => `${f.rule}: ${f.message}`), []);
    });
  }
  /** lifecycle.md section 3 pattern -> the rule that reports it (3, 16 and 18 have no rule of their own; see below). */
  const RULE_OF: Record<number, string> = { 1: 'complete-with-pending', 4: 'cm-api-in-miniport', 6: 'vc-used-after-close', 7: 'vc-used-after-delete', 8: 'missing-vc-delete', 11: 'vc-handler-pends', 17: 'unchecked-status' };
  for (const m of MUTATIONS) {
    const rule = RULE_OF[m.rule];
    if (!rule) continue; // #3 is accepted by design (double-completion's fix produces it); #16 has no rule; #18 keeps the role type from condis-cm-handlers
    test(`our checker reports ${rule} for the mutation: ${m.what}`, async () => {
      const mutated = unitText({ ...unitOf(m.unit), edit: (p, t) => (p === m.prefix ? t.replace(m.find, m.replace) : t) });
      const files = { 'driver.c': mutated, 'incoming.c': INCOMING };
      // Workspace rules may report where the VC is created rather than where it is closed: look at both files.
      const found = [...(await check(files, { target: 'driver.c' })).findings, ...(await check(files, { target: 'incoming.c' })).findings];
      assert.ok(found.some((f) => f.rule === rule), `${rule} not reported; findings: ${found.map((f) => f.rule).join(', ')}`);
    });
  }

  for (const [i, m] of MUTATIONS.entries()) {
    test(`mutation for rule ${m.rule} (${m.what}) still compiles, so only the checker can catch it`, () => {
      const original = expandSnippet(snippet(m.prefix).body, unitOf(m.unit).opts);
      assert.equal(original.split(m.find).length, 2, `${m.find} is not found exactly once in ${m.prefix}`);
      assert.deepEqual(diagnostics.get(files.get(`mutation ${i}`)!)?.filter((d) => / error: /.test(d)), []);
    });
  }

  test('the stub header compiles on its own with -Wextra -pedantic, with clang and with gcc', (t) => {
    const file = join(dir, 'header.c');
    writeFileSync(file, '#include <ndis.h>\n');
    for (const cc of ['clang', 'gcc']) {
      const r = spawnSync(cc, [...CLANG_ARGS.filter((a) => a !== '-fno-color-diagnostics'), '-Wextra', '-pedantic', file], { encoding: 'utf8' });
      if (r.error && cc === 'gcc') { t.diagnostic('gcc is not installed: skipped'); continue; }
      assert.equal(r.status, 0, `${cc}: ${r.stderr}`);
      assert.equal(r.stderr, '', `${cc}: ${r.stderr}`);
    }
  });
});

describe('the stub header follows the catalog (api.tsv)', () => {
  const header = readFileSync(join(STUBS, 'ndis.h'), 'utf8');

  test('every function prototype, NdisMCm* macro, role type and pointer type appears as api.tsv spells it', () => {
    for (const e of catalog.entries) {
      if (e.macro) assert.ok(header.includes(e.declarationForm.replace(/^macro:\s*/, '')), e.name);
      else assert.ok(header.includes(e.prototype), e.name);
      if (e.pointerType) assert.ok(header.includes(`typedef ${e.name} (*${e.pointerType});`), e.pointerType);
    }
  });

  test('every NDIS_STATUS code with a value is defined with that value, and the two non-codes are not', () => {
    for (const st of catalog.statuses) {
      const m = new RegExp(`#define ${st.name}\\s+\\(\\(NDIS_STATUS\\)0x([0-9A-F]{8})L\\)`).exec(header);
      if (st.value === null) assert.equal(m, null, `${st.name} is not a status code`);
      else assert.equal(m && Number.parseInt(m[1], 16), st.value >>> 0, st.name);
    }
  });

  test('every handler field appears with its pointer type', () => {
    for (const f of catalog.handlerFields) {
      const e = catalog.byHandlerField(f)!;
      // An NDIS 5 function-pointer typedef (CO_REQUEST_HANDLER) is its own pointer type.
      assert.match(header, new RegExp(`\\b${e.pointerType ?? e.name} ${f};`), f);
    }
  });
});

describe('the expansions parse without errors', () => {
  for (const s of CONDIS_SNIPPETS) {
    test(`${s.prefixes[0]} parses with no ERROR or MISSING node (annotations blanked)`, async () => {
      const parsed = new ParsedText((await services()).parser, expandSnippet(s.body));
      try {
        assert.ok(parsed.tree, 'no tree');
        const bad = firstError(parsed.tree.rootNode);
        if (bad) assert.fail(`${bad.isMissing ? `missing \`${bad.type}\`` : `unexpected \`${bad.text}\``} at line ${bad.startPosition.row + 1}`);
      } finally {
        parsed.dispose();
      }
    });
  }
});

function firstError(node: Node): Node | null {
  if (node.isError || node.isMissing) return node;
  if (!node.hasError) return null;
  for (const child of node.children) {
    const bad = child && firstError(child);
    if (bad) return bad;
  }
  return null;
}

describe('snippets as completion items for LSP clients', () => {
  test('a snippet-capable Markdown client gets one Snippet item per prefix with the body and the expansion as documentation', () => {
    const items = snippetCompletionItems(CONDIS_SNIPPETS, { snippets: true, markdown: true });
    assert.equal(items.length, byPrefix.size);
    for (const item of items) {
      const s = snippet(item.label);
      assert.equal(item.kind, CompletionItemKind.Snippet);
      assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
      assert.equal(item.insertText, s.body);
      assert.equal(item.detail, s.description);
      assert.equal((item.documentation as MarkupContent).value, '```c\n' + expandSnippet(s.body) + '\n```');
    }
  });

  test('a client without snippet support gets the default expansion as plain text', () => {
    const [item] = snippetCompletionItems([snippet('condis-cm-close-call')], { snippets: false, markdown: false });
    assert.equal(item.insertTextFormat, InsertTextFormat.PlainText);
    assert.equal(item.insertText, expandSnippet(snippet('condis-cm-close-call').body));
    assert.match(item.insertText!, /^PROTOCOL_CM_CLOSE_CALL CmCloseCall;\n/);
    assert.equal(typeof item.documentation, 'string');
  });
});

describe('expanding snippet syntax to defaults', () => {
  test('placeholders keep their text, mirrors repeat it, and nested placeholders expand', () => {
    assert.equal(expandSnippet('${1:Foo} x $1 ${2:a ${3:b}} $3'), 'Foo x Foo a b b');
  });
  test('a choice takes its first option unless told otherwise, and mirrors follow it', () => {
    assert.equal(expandSnippet('${1|NDIS_STATUS_SUCCESS,NDIS_STATUS_FAILURE|} $1'), 'NDIS_STATUS_SUCCESS NDIS_STATUS_SUCCESS');
    assert.equal(expandSnippet('${1|a,b|}', { choose: (o) => o[1] }), 'b');
  });
  test('$0 and bare tab stops are empty; escapes are literal', () => {
    assert.equal(expandSnippet('a$0b${2}c\\$1\\}'), 'abc$1}');
  });
  test('variables take the given value, else their default, else their name', () => {
    assert.equal(expandSnippet('$TM_FILENAME_BASE ${NOPE:dflt} ${UNKNOWN}', { variables: { TM_FILENAME_BASE: 'cm' } }), 'cm dflt UNKNOWN');
  });
  test('transforms apply to the mirrored value', () => {
    assert.equal(expandSnippet('${1:close call} ${1/(\\w+) (\\w+)/${1:/capitalize}${2:/upcase}/}'), 'close call CloseCALL');
  });
  test('text that is not snippet syntax stays literal', () => {
    assert.equal(expandSnippet('cost $ 5 ${ x ${1'), 'cost $ 5 ${ x ${1');
  });
});
