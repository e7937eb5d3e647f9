// Generates a large workspace of driver code for bench/largeWorkspace.ts: several call-manager drivers, each a folder
// tree with a shared header, unit headers, one file holding every handler table and nested folders of handler files,
// so that the cross-file rules have work. Deterministic: the same options give byte-identical files.
// Run alone: `node --import tsx bench/generateTree.ts [--files 2000] [--mb 60] [--drivers 8] DIR`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prng } from './generate';
import { PRELUDE } from './prelude';
import { Emitter, type Position } from './emitter';
import { emitUnit } from './units';
import type { Probes } from './generate';

export interface TreeOptions { files: number; mb: number; drivers: number; seed?: number }

export interface Tree {
  files: number;
  bytes: number;
  lines: number;
  drivers: number;
  /** The largest file (bytes): the indexer's memory peak per file follows it. */
  largest: { path: string; bytes: number };
  /** The file the benchmark opens (a handler file of the last driver, which the indexer reads last) and its probes. */
  open: { path: string; text: string; probes: Probes };
}

const FAMILIES = ['Atm', 'Ppp', 'Tapi', 'Irda', 'Qos', 'Ib', 'Fw', 'Lane', 'Ras', 'Isdn', 'Pvc', 'Sonet'];
/** Unit headers per driver: each holds the declarations (macros, context types, role declarations) of several units. */
const UNIT_HEADERS = 8;

/** A run of lines of one unit, with the probes that fall in it (lines relative to the run). */
interface Piece { lines: string[]; probes: Probes }

interface UnitPieces { decl: Piece; functions: Piece[]; table: Piece; register: string }

/** Cuts one generated unit into its declarations, its functions and its handler table (with its register routine). */
function cutUnit(e: Emitter, p: string): Omit<UnitPieces, 'register'> {
  const lines = e.text().split('\n').slice(0, -1);
  const firstFn = lines.findIndex((l, i) => i > 4 && (l === '_Use_decl_annotations_' || l === 'NDIS_STATUS'));
  const chars = lines.findIndex((l) => l.startsWith('static NDIS_CALL_MANAGER_CHARACTERISTICS'));
  const options = lines.indexOf(`${p}SetOptions(`);
  const tableAt = chars >= 0 ? chars : options - 2;
  const piece = (from: number, to: number): Piece => {
    const probes: Probes = { hover: [], signature: [], completion: [], edit: [] };
    for (const k of Object.keys(probes) as (keyof Probes)[]) {
      for (const q of e.probes[k]) if (q.line >= from && q.line < to) probes[k].push({ line: q.line - from, character: q.character });
    }
    return { lines: lines.slice(from, to), probes };
  };
  const functions: Piece[] = [];
  let start = firstFn;
  for (let i = firstFn; i < tableAt; i++) {
    if (lines[i] === '}' && lines[i + 1] === '') { functions.push(piece(start, i + 2)); start = i + 2; }
  }
  if (start < tableAt) functions.push(piece(start, tableAt));
  return { decl: piece(0, firstFn), functions, table: piece(tableAt, lines.length) };
}

/** Collects pieces into one file's text, keeping the probes of the pieces at their new lines. */
class FileText {
  readonly lines: string[] = [];
  readonly probes: Probes = { hover: [], signature: [], completion: [], edit: [] };
  bytes = 0;
  constructor(head: string[]) { for (const l of head) this.add(l); }
  add(line: string): void { this.lines.push(line); this.bytes += line.length + 1; }
  put(p: Piece): void {
    const at = this.lines.length;
    for (const k of Object.keys(this.probes) as (keyof Probes)[]) for (const q of p.probes[k]) this.probes[k].push({ line: at + q.line, character: q.character });
    for (const l of p.lines) this.add(l);
  }
  text(): string { return this.lines.join('\n') + '\n'; }
}

/** The registration routine of one driver: every unit's family, as bench/generate.ts's trailer does for one file. */
function trailer(registers: string[]): string[] {
  return ['/* CmRegisterAllFamilies: registers every address family of this driver; the first failure stops the rest. */',
    'NDIS_STATUS', 'CmRegisterAllFamilies(', '    _In_ NDIS_HANDLE NdisBindingHandle', '    )', '{', '    NDIS_STATUS Status = NDIS_STATUS_SUCCESS;', '',
    ...registers.flatMap((r) => [`    Status = ${r}(NdisBindingHandle);`, '    if (Status != NDIS_STATUS_SUCCESS) goto Done;']),
    'Done:', '    return Status;', '}', ''];
}

/** Writes the tree under `dir` (emptied first). */
export function generateTree(dir: string, o: TreeOptions): Tree {
  rmSync(dir, { recursive: true, force: true });
  const rnd = prng((o.seed ?? 1) * 104729 + o.files);
  const perDriver = Math.floor(o.files / o.drivers);
  const bytesPerDriver = (o.mb * 1e6) / o.drivers;
  const tree: Tree = { files: 0, bytes: 0, lines: 0, drivers: o.drivers, largest: { path: '', bytes: 0 }, open: { path: '', text: '', probes: { hover: [], signature: [], completion: [], edit: [] } } };
  const write = (path: string, f: FileText) => {
    const text = f.text();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    tree.files++;
    tree.bytes += Buffer.byteLength(text);
    tree.lines += f.lines.length;
    if (text.length > tree.largest.bytes) tree.largest = { path, bytes: Buffer.byteLength(text) };
    return text;
  };
  for (let d = 0; d < o.drivers; d++) {
    const name = `drv${String(d).padStart(2, '0')}`;
    const root = join(dir, name);
    const units: UnitPieces[] = [];
    let bytes = PRELUDE.length;
    for (let n = 0; bytes < bytesPerDriver; n++) {
      const p = `${FAMILIES[n % FAMILIES.length]}${String.fromCharCode(65 + (d % 26))}${Math.floor(n / FAMILIES.length) + 1}`;
      const e = new Emitter();
      const u = emitUnit(e, p, n, rnd);
      units.push({ ...cutUnit(e, p), register: u.register });
      bytes += e.text().length;
    }
    // The driver's files: its stub of ndis.h, the unit headers, the tables, and the handler files for the rest.
    const handlerFiles = Math.max(1, perDriver - 2 - UNIT_HEADERS);
    // The stand-in for ndis.h defines the handler table structures, which are registration evidence: it sits beside
    // tables.c, since a folder whose own files carry evidence is a driver of its own (analysis/drivers.ts).
    const include = (depth: number) => [`#include "${'../'.repeat(depth)}${name}.h"`, ...Array.from({ length: UNIT_HEADERS }, (_, k) => `#include "${'../'.repeat(depth)}inc/units${k}.h"`), ''];
    write(join(root, `${name}.h`), new FileText(PRELUDE.split('\n')));
    const headers = Array.from({ length: UNIT_HEADERS }, () => new FileText([`#include "../${name}.h"`, '']));
    units.forEach((u, i) => headers[Math.floor((i * UNIT_HEADERS) / units.length)].put(u.decl));
    headers.forEach((h, k) => write(join(root, 'inc', `units${k}.h`), h));
    const tables = new FileText(include(0));
    for (const u of units) tables.put(u.table);
    for (const l of trailer(units.map((u) => u.register))) tables.add(l);
    write(join(root, 'tables.c'), tables);
    // Handler files in nested folders, filled in order to an equal share of the functions' bytes.
    const fnBytes = units.reduce((a, u) => a + u.functions.reduce((b, f) => b + f.lines.reduce((c, l) => c + l.length + 1, 0), 0), 0);
    const share = fnBytes / handlerFiles;
    const openAt = Math.floor(handlerFiles / 2);
    let k = 0;
    let file = new FileText(include(3));
    const flush = () => {
      const path = join(root, 'src', `area${Math.floor(k / 32)}`, `part${Math.floor(k / 8) % 4}`, `handlers${String(k).padStart(3, '0')}.c`);
      const text = write(path, file);
      if (d === o.drivers - 1 && k === openAt) tree.open = { path, text, probes: file.probes };
      k++;
      file = new FileText(include(3));
    };
    let done = 0;
    for (const u of units) {
      for (const f of u.functions) {
        file.put(f);
        done += f.lines.reduce((c, l) => c + l.length + 1, 0);
        if (done >= share * (k + 1) && k < handlerFiles - 1) flush();
      }
    }
    flush();
  }
  return tree;
}

/** Positions of a kind, for callers that want them flat. */
export type { Position };

function parseArgs(argv: string[]): TreeOptions & { dir: string } {
  const get = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  const dir = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--'))).pop() ?? 'bench/out/large';
  return { files: Number(get('--files') ?? 2000), mb: Number(get('--mb') ?? 60), drivers: Number(get('--drivers') ?? 8), dir };
}

if (process.argv[1] && /generateTree\.[cm]?[jt]s$/.test(process.argv[1])) {
  const a = parseArgs(process.argv.slice(2));
  const t = generateTree(a.dir, a);
  console.log(JSON.stringify({ files: t.files, bytes: t.bytes, lines: t.lines, largest: t.largest, open: t.open.path }));
}
