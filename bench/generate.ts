// Generates the benchmark's inputs: deterministic (seeded), driver-like C files of a requested line count, each a
// stand-alone CoNDIS call manager made of per-address-family units, plus the positions the harness probes.
// Run alone: `node --import tsx bench/generate.ts --lines 10000 [--seed 7] > out.c`.
import { PRELUDE } from './prelude';
import { Emitter, type Position } from './emitter';
import { emitUnit, emitWorker, type Unit } from './units';

export interface Probes {
  /** Identifiers: CoNDIS calls, role types, the user's handlers, locals, macros. */
  hover: Position[];
  /** Inside the argument lists of calls. */
  signature: Position[];
  /** Mid-identifier (`NdisCm|CloseCallComplete`) and after `->`. */
  completion: Position[];
  /** Column 0 of statement lines inside function bodies: a one-character insert there keeps the file valid. */
  edit: Position[];
}

export interface Generated {
  text: string;
  lines: number;
  units: number;
  probes: Probes;
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; the same seed gives the same file on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILIES = ['Atm', 'Ppp', 'Tapi', 'Irda', 'Qos', 'Ib', 'Fw', 'Lane', 'Ras', 'Isdn', 'Pvc', 'Sonet'];

/** A C file of about `lines` lines (at least the prelude and one unit). Same (lines, seed): same text. */
export function generateDriver(lines: number, seed = 1): Generated {
  const rnd = prng(seed * 7919 + lines);
  const out = new Emitter();
  for (const l of PRELUDE.split('\n').slice(0, -1)) out.line(l);
  out.line('');
  const units: Unit[] = [];
  const start = out.lineCount;
  // Whole units while one more fits (the trailer takes two lines per unit and a dozen more), then smaller worker
  // routines of the last unit until the file reaches the requested size.
  const trailer = () => 16 + 2 * (units.length + 1);
  for (;;) {
    const n = units.length;
    const average = n ? (out.lineCount - start) / n : 0;
    if (n > 0 && out.lineCount + average + trailer() > lines) break;
    units.push(emitUnit(out, `${FAMILIES[n % FAMILIES.length]}${Math.floor(n / FAMILIES.length) + 1}`, n, rnd));
  }
  for (let w = 100; out.lineCount + trailer() + 20 < lines; w++) emitWorker(units[units.length - 1], w);
  emitTrailer(out, units.map((u) => u.register));
  const n = units.length;
  return { text: out.text(), lines: out.lineCount, units: n, probes: out.probes };
}

/** The driver's one registration routine: registers every unit's address family. */
function emitTrailer(out: Emitter, registers: string[]): void {
  out.line('/*');
  out.line(' * CmRegisterAllFamilies: called from ProtocolBindAdapterEx once the binding is open. Registers every');
  out.line(' * address family this call manager serves; the first failure stops the rest.');
  out.line(' */');
  out.line('NDIS_STATUS');
  out.line('CmRegisterAllFamilies(');
  out.line('    _In_ NDIS_HANDLE NdisBindingHandle');
  out.line('    )');
  out.line('{');
  out.line('    NDIS_STATUS Status = NDIS_STATUS_SUCCESS;');
  out.line('');
  for (const r of registers) {
    out.line(`    Status = ${r}(NdisBindingHandle);`, [{ kind: 'hover', col: 13 }, { kind: 'signature', col: 14 + r.length }, { kind: 'edit', col: 0 }]);
    out.line('    if (Status != NDIS_STATUS_SUCCESS) goto Done;');
  }
  out.line('Done:');
  out.line('    return Status;');
  out.line('}');
}

function parseArgs(argv: string[]): { lines: number; seed: number; probes: boolean } {
  const get = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  return { lines: Number(get('--lines') ?? 10000), seed: Number(get('--seed') ?? 1), probes: argv.includes('--probes') };
}

if (process.argv[1] && /generate\.[cm]?[jt]s$/.test(process.argv[1])) {
  const a = parseArgs(process.argv.slice(2));
  const g = generateDriver(a.lines, a.seed);
  process.stdout.write(a.probes ? JSON.stringify({ lines: g.lines, units: g.units, probes: g.probes }, null, 1) + '\n' : g.text);
}
