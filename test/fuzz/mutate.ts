// Mutations of C text for the fuzzer: byte flips, truncations, splices of C fragments and other files, unterminated
// comments and strings, lone `#if`s, deep nesting, NUL bytes, lone surrogates, CRLF, lone CR, BOM and very long lines.
// Every mutation is a pure function of (random source, text), so a case is replayed from its seed.
import type { Corpus } from './corpus';
import { Rng } from './rng';

export type Mutation = (r: Rng, text: string, c: Corpus) => string;

/** Characters a flip writes: mostly C punctuation and letters, some control and non-BMP troublemakers. */
const ODD_UNITS = ['\u0000', '\r', '\n', '\t', '\u000b', '\u000c', '\u007f', '\u0080', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffd', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff'];
const PUNCT = '{}()[];,.<>-+*/%&|^!~=?:#"\'\\_ \n';

function randomUnit(r: Rng): string {
  const k = r.int(10);
  if (k < 4) return PUNCT[r.int(PUNCT.length)];
  if (k < 7) return String.fromCharCode(r.range(0x20, 0x7e));
  if (k < 9) return r.pick(ODD_UNITS);
  return String.fromCharCode(r.int(0x10000));
}

export function randomJunk(r: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += randomUnit(r);
  return s;
}

/** A position biased towards interesting places: line starts, after `;`, `{` and `(`, or anywhere. */
function spot(r: Rng, text: string): number {
  if (text.length === 0) return 0;
  const at = r.int(text.length + 1);
  if (r.chance(0.5)) return at;
  const marks = ['\n', ';', '{', '(', ','];
  const j = text.indexOf(r.pick(marks), at);
  return j < 0 ? at : j + 1;
}

function span(r: Rng, text: string, max: number): [number, number] {
  const a = r.int(text.length + 1);
  return [a, Math.min(text.length, a + r.int(max + 1))];
}

const insert = (text: string, at: number, s: string) => text.slice(0, at) + s + text.slice(at);

/** Identifiers in `text` (plain scan, no parse), capped so huge texts stay cheap. */
function identifiers(text: string, from: number, limit: number): { at: number; word: string }[] {
  const out: { at: number; word: string }[] = [];
  const re = /[A-Za-z_][A-Za-z0-9_]*/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = re.exec(text)) !== null) out.push({ at: m.index, word: m[0] });
  return out;
}

/** Builds `depth` levels of one kind of nesting around `core`; unbalanced leaves the closers off. */
export function nesting(kind: string, depth: number, core: string, balanced: boolean): string {
  const [open, close] = {
    brace: ['{', '}'],
    paren: ['(', ')'],
    if: ['if (a) {', '}'],
    while: ['while (x) ', ''],
    pp: ['#if 1\n', '#endif\n'],
    call: ['NdisCmCloseCallComplete(', ')'],
    subscript: ['a[', ']'],
    cast: ['(PVOID)', ''],
    unary: ['!', ''],
    comment: ['/* ', ' */'],
    struct: ['struct { ', ' } s;'],
    init: ['{ ', ' }'],
  }[kind] ?? ['(', ')'];
  return open.repeat(depth) + core + (balanced ? close.repeat(depth) : '');
}

export const NESTING_KINDS = ['brace', 'paren', 'if', 'while', 'pp', 'call', 'subscript', 'cast', 'unary', 'comment', 'struct', 'init'];

export const MUTATIONS: Record<string, Mutation> = {
  flip(r, t) {
    let out = t;
    for (let n = r.range(1, 8); n > 0 && out.length; n--) {
      const i = r.int(out.length);
      out = out.slice(0, i) + randomUnit(r) + out.slice(i + 1);
    }
    return out;
  },
  truncate(r, t) {
    const k = r.int(t.length + 1);
    return r.chance(0.7) ? t.slice(0, k) : t.slice(k);
  },
  window(r, t) {
    const [a, b] = span(r, t, 4000);
    return t.slice(a, b);
  },
  delete(r, t) {
    const [a, b] = span(r, t, r.chance(0.8) ? 40 : 3000);
    return t.slice(0, a) + t.slice(b);
  },
  duplicate(r, t) {
    const [a, b] = span(r, t, 600);
    return insert(t, spot(r, t), t.slice(a, b));
  },
  fragment(r, t, c) {
    return insert(t, spot(r, t), r.pick(c.fragments));
  },
  splice(r, t, c) {
    const other = r.pick(c.files).text;
    const [a, b] = span(r, other, 1500);
    return insert(t, spot(r, t), other.slice(a, b));
  },
  rename(r, t, c) {
    // Renaming identifiers to catalog names makes rules, hovers and signature help fire on broken code.
    const ids = identifiers(t, r.int(t.length + 1), 64);
    if (!ids.length) return insert(t, spot(r, t), r.pick(c.names));
    const { at, word } = r.pick(ids);
    const name = r.chance(0.6) ? r.pick(c.functionNames) : r.pick(c.names);
    return t.slice(0, at) + name + t.slice(at + word.length);
  },
  status(r, t, c) {
    const statuses = c.names.filter((n) => n.startsWith('NDIS_STATUS_'));
    const re = /NDIS_STATUS_[A-Z_]+/g;
    re.lastIndex = r.int(t.length + 1);
    const m = re.exec(t);
    return m ? t.slice(0, m.index) + r.pick(statuses) + t.slice(m.index + m[0].length) : t;
  },
  dropToken(r, t) {
    const ch = r.pick([';', ')', '}', '{', '(', ',', '"', '*/']);
    const i = t.indexOf(ch, r.int(t.length + 1));
    return i < 0 ? t : t.slice(0, i) + t.slice(i + ch.length);
  },
  unterminated(r, t) {
    return insert(t, spot(r, t), r.pick(['/*', '/* never closed', '"', '"abc', "'", "'\\", '#if X\n', '#ifdef Y\n', '#if 0\n', '#endif\n', '#else\n', '#define M(a, \\\n', 'R"x(', '{', '(', 'L"']));
  },
  crlf(r, t) {
    if (r.chance(0.5)) return t.replace(/\r?\n/g, '\r\n');
    // Mixed endings: some lines CRLF, some LF, some a lone CR.
    return t.replace(/\n/g, () => r.pick(['\n', '\r\n', '\r', '\n\r']));
  },
  bom(_r, t) {
    return '\ufeff' + t;
  },
  longLine(r, t) {
    if (r.chance(0.4)) {
      const [a, b] = span(r, t, 20000);
      return t.slice(0, a) + t.slice(a, b).replace(/\r?\n/g, ' ') + t.slice(b);
    }
    const n = r.range(1000, r.chance(0.1) ? 400_000 : 20_000);
    const line = r.pick([
      () => 'x'.repeat(n),
      () => `"${'s'.repeat(n)}"`,
      () => `/* ${'c'.repeat(n)} */`,
      () => `// ${'c'.repeat(n)}`,
      () => 'a + '.repeat(n / 4) + 'a;',
      () => 'NdisCmCloseCallComplete(NDIS_STATUS_PENDING, h, NULL); '.repeat(Math.ceil(n / 50)),
      () => '_In_ '.repeat(n / 5),
      () => '\ud83d\ude00'.repeat(n / 2),
    ])();
    return insert(t, spot(r, t), line);
  },
  nul(r, t) {
    return insert(t, r.int(t.length + 1), '\u0000'.repeat(r.range(1, 16)));
  },
  surrogate(r, t) {
    const bits = ['\ud800', '\udfff', '\udc00\ud800', '\ud83d', '\ude00', '\ud83d\ude00', '\u{1F600}x\ud800'];
    // Inside an identifier, a string or anywhere.
    const ids = identifiers(t, r.int(t.length + 1), 4);
    const at = ids.length && r.chance(0.5) ? ids[0].at + r.int(ids[0].word.length + 1) : r.int(t.length + 1);
    return insert(t, at, r.pick(bits));
  },
  annotation(r, t) {
    return insert(t, spot(r, t), r.pick(['_In_ ', 'IN ', 'OUT ', 'OPTIONAL ', '_In_reads_bytes_(Size) ', '__drv_maxIRQL(', '_When_(', '_IRQL_requires_max_(DISPATCH_LEVEL) ', '__in_opt ', 'NTAPI ', '_Out_writes_(n']));
  },
  swapLines(r, t) {
    const lines = t.split('\n');
    if (lines.length < 2) return t;
    const i = r.int(lines.length);
    const j = r.int(lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  },
  nest(r, t, c) {
    const kind = r.pick(NESTING_KINDS);
    const depth = r.chance(0.05) ? 10_000 : r.range(2, 300);
    const core = r.chance(0.5) ? r.pick(c.fragments) : r.pick(['x', 'NdisCmCloseCallComplete(NDIS_STATUS_PENDING, h, NULL);', '', 'return NDIS_STATUS_PENDING;']);
    return insert(t, spot(r, t), nesting(kind, depth, core, r.chance(0.6)));
  },
  junk(r, t) {
    return insert(t, r.int(t.length + 1), randomJunk(r, r.range(1, 300)));
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Texts not derived from the corpus: empty, junk, fragment soup, pure nesting. */
export function freshText(r: Rng, c: Corpus): { text: string; how: string } {
  switch (r.int(5)) {
    case 0: return { text: '', how: 'empty' };
    case 1: return { text: randomJunk(r, r.range(1, 2000)), how: 'junk' };
    case 2: {
      let s = '';
      for (let n = r.range(1, 60); n > 0; n--) s += r.pick(c.fragments) + r.pick([' ', '\n', '', ' ; ']);
      return { text: s, how: 'fragments' };
    }
    case 3: {
      const kind = r.pick(NESTING_KINDS);
      const depth = r.chance(0.1) ? 10_000 : r.range(10, 1000);
      return { text: `void f(void)\n{\n${nesting(kind, depth, 'NdisCmCloseCallComplete(NDIS_STATUS_PENDING, h, NULL);', r.chance(0.5))}\n}\n`, how: `nest-${kind}-${depth}` };
    }
    default: {
      let s = '';
      for (let n = r.range(1, 200); n > 0; n--) s += r.pick(c.names) + r.pick(['(', ')', ', ', ';\n', ' = ', '->', '.', ' ']);
      return { text: s, how: 'names' };
    }
  }
}

/** Repeats `unit` up to `bytes` UTF-16 code units (an approximation of bytes for ASCII sources). */
export function hugeText(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / Math.max(1, unit.length))).slice(0, bytes);
}
