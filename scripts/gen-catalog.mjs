// Generates server/src/catalog/facts.generated.ts from ../shared/condis/api.tsv (the CoNDIS facts).
// Facts are encoded as they are; prose lives in server/src/catalog/prose/*.ts, written by us.
// Usage: node scripts/gen-catalog.mjs [--check]   (--check: exit 1 if the committed file is stale)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsvPath = process.env.CONDIS_FACTS_DIR
  ? join(process.env.CONDIS_FACTS_DIR, 'api.tsv')
  : join(root, '..', 'shared', 'condis', 'api.tsv');
const outPath = join(root, 'server', 'src', 'catalog', 'facts.generated.ts');

export function parseTsv(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    const row = {};
    header.forEach((h, i) => { row[h.split(' ')[0]] = (cells[i] ?? '').trim(); });
    return row;
  });
}

/** Splits "a, b(c, d), e" at top-level commas. */
function splitTop(s) {
  const out = []; let depth = 0; let cur = '';
  for (const ch of s) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === ',' && depth === 0) { out.push(cur.trim()); cur = ''; } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Parses one parameter in SAL 2 (`_In_opt_ NDIS_HANDLE X`), doc (`[in, optional] T X`) or NDIS 5 (`IN T X OPTIONAL`) form. */
export function parseParam(text) {
  let t = text.trim();
  let direction = 'in'; let optional = false; let annotation = '';
  const doc = /^\[([^\]]*)\]\s*/.exec(t);
  if (doc) {
    const parts = doc[1].split(',').map((p) => p.trim());
    direction = parts.includes('in') && parts.includes('out') ? 'inout' : parts.includes('out') ? 'out' : 'in';
    optional = parts.includes('optional');
    t = t.slice(doc[0].length);
  }
  const sal = /^(_(?:In|Out|Inout)[A-Za-z_]*_)(\([^)]*\))?\s+/.exec(t);
  if (sal) {
    annotation = sal[0].trim();
    const a = sal[1];
    direction = a.startsWith('_Inout') ? 'inout' : a.startsWith('_Out') ? 'out' : 'in';
    optional = /opt_/.test(a);
    t = t.slice(sal[0].length);
  }
  const nd5 = /^(IN|OUT)\s+/.exec(t);
  if (nd5) { direction = nd5[1] === 'OUT' ? 'out' : 'in'; annotation = nd5[1]; t = t.slice(nd5[0].length); }
  if (/\s+OPTIONAL$/.test(t)) { optional = true; t = t.replace(/\s+OPTIONAL$/, ''); annotation = (annotation + ' OPTIONAL').trim(); }
  const m = /^(.*?)([A-Za-z_][A-Za-z0-9_]*)$/.exec(t.trim());
  const type = m ? m[1].trim() : t;
  const name = m ? m[2] : t;
  return { name, type, direction, optional, annotation };
}

export function parsePrototype(proto) {
  proto = proto.replace(/^\(macro\)\s*/, '');
  // The parameter list is the last top-level parenthesised group.
  const end = proto.lastIndexOf(')');
  if (end < 0) return null;
  let depth = 0; let start = -1;
  for (let i = end; i >= 0; i--) {
    if (proto[i] === ')') depth++;
    if (proto[i] === '(') { depth--; if (depth === 0) { start = i; break; } }
  }
  if (start < 0) return null;
  const inner = proto.slice(start + 1, end).trim();
  if (inner === '' || inner === 'VOID' || inner === 'void') return [];
  return splitTop(inner).map(parseParam);
}

function irqlOf(row) {
  const raw = row.irql;
  let max = 'DISPATCH_LEVEL'; let min = null;
  if (/PASSIVE_LEVEL/.test(raw)) { max = 'PASSIVE_LEVEL'; min = 'PASSIVE_LEVEL'; }
  else if (/==\s*DISPATCH_LEVEL|^DISPATCH_LEVEL/.test(raw)) { min = 'DISPATCH_LEVEL'; }
  else if (/not annotated/.test(raw)) { max = null; }
  return { text: raw, max, min };
}

/**
 * The reference page's URL: a docs-repo path (`wdk-ddi-src/.../nf-ndis-x.md`) becomes its published page; a full
 * https URL (the archived NDIS 5.1 pages of NDIS 5-only names) is kept as it is; anything else (a note such as
 * `(no current ddi page; header only)`) has no page.
 */
export function docUrlOf(page) {
  if (page.startsWith('wdk-ddi-src/')) {
    return 'https://learn.microsoft.com/windows-hardware/drivers/ddi/ndis/' + page.split('/').pop().replace(/\.md$/, '');
  }
  return /^https:\/\/[^\s]+$/.test(page) ? page : null;
}

function splitList(s) {
  return s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [];
}

export function buildFacts(rows) {
  const byName = new Map(rows.map((r) => [r.name, r]));
  return rows.map((r) => {
    const macro = /^macro: #define\s+\w+\(([^)]*)\)\s+(\w+)\(/.exec(r.declaration_form);
    let params = parsePrototype(r.prototype_sal);
    if ((!params || params.length === 0) && macro && byName.has(macro[2])) {
      params = parsePrototype(byName.get(macro[2]).prototype_sal);
    }
    const fields = r.handler_field
      ? r.handler_field.replace(/\s*\(.*\)\s*$/, '').split('/').map((f) => f.trim()).filter(Boolean)
      : [];
    const pointerType = /pointer typedef (\w+)/.exec(r.declaration_form)?.[1] ?? null;
    const doc = docUrlOf(r.doc_page);
    return {
      name: r.name,
      kind: r.kind,
      role: r.role,
      returnType: r.return_type || (macro && byName.get(macro[2])?.return_type) || '',
      prototype: r.prototype_sal,
      params: params ?? [],
      irql: irqlOf(r),
      minNdis: r.min_ndis_version || null,
      completes: r.completes_what || null,
      seeAlso: splitList(r.see_also),
      conventionalName: r.conventional_function_name || null,
      handlerFields: fields,
      handlerFieldNote: r.handler_field.includes('(') ? r.handler_field.replace(/^[^(]*\(|\)\s*$/g, '') : null,
      pointerType,
      declarationForm: r.declaration_form,
      macro: macro ? { params: macro[1].split(',').map((s) => s.trim()), target: macro[2] } : null,
      mustInspectResult: /_Must_inspect_result_/.test(r.prototype_sal),
      headerCondition: r.header_condition || null,
      sdvRule: r.sdv_ddi_compliance_rule || null,
      returnsStatuses: splitList(r.ndis_status_in_returns),
      docUrl: doc,
    };
  });
}

function main() {
  if (!existsSync(tsvPath)) {
    console.error(`gen-catalog: ${tsvPath} not found; the committed ${outPath} is used as is.`);
    process.exit(process.argv.includes('--check') ? 0 : 1);
  }
  const facts = buildFacts(parseTsv(readFileSync(tsvPath, 'utf8')));
  const body = `// GENERATED by scripts/gen-catalog.mjs from shared/condis/api.tsv. Do not edit by hand.\n` +
    `import type { ApiFact } from './types';\n\n` +
    `export const API_FACTS: readonly ApiFact[] = ${JSON.stringify(facts, null, 2)};\n`;
  if (process.argv.includes('--check')) {
    const cur = existsSync(outPath) ? readFileSync(outPath, 'utf8') : '';
    if (cur !== body) { console.error('gen-catalog: facts.generated.ts is stale; run npm run gen:catalog'); process.exit(1); }
    return;
  }
  writeFileSync(outPath, body);
  console.log(`gen-catalog: ${facts.length} entries -> ${outPath}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
