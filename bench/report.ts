// Renders one run's figures as Markdown: the machine and versions, a table per file size with ratios to the floor
// and to clangd, start-up, CLI throughput, the issue 6 targets against what was measured, and the profile.
import type { Figures, Stat } from './measure';
import type { CliResult } from './cliThroughput';
import type { ServerProfile, Row } from './serverProfile';
import type { ClangdStatus } from './servers';
import { overhead, type LensFigures } from './lensOverhead';
import type { StartupResult } from './startup';
import { renderStartup } from './startupReport';
import { largeSection } from './largeReport';
import type { LargeFigures } from './largeWorkspace';
import { soakSection } from './soakReport';
import type { SoakResult } from './soak';

export interface SizeResult { lines: number; bytes: number; units: number; figures: Record<string, Figures> }

export interface InProcessProfile {
  lines: number; bytes: number;
  /** createServices (grammar wasm, catalog, queries, completion items): loaded after initialize is answered, before the first request is. */
  servicesMs: number;
  open: { totalMs: number; fullBlankMs: number; flows: number; rows: { label: string; ms: number }[] };
  edit: {
    n: number; total: Stat; rows: { label: string; msPerEdit: number; share: number }[];
    flows: { functions: number; computedPerEdit: number; meanMs: number; maxMs: number; touchedMs: number; top: { name: string; lines: number; ms: number }[] };
    blankLineUs: number;
  };
}

export interface RunResult {
  date: string; quick: boolean; seconds: number;
  machine: { cpus: number; model: string; memGb: number; load: number[]; os: string };
  versions: Record<string, string>;
  clangd: ClangdStatus;
  sizes: SizeResult[];
  starts: Record<string, number[]>;
  /** Start-up in the real editor, desktop vs web host (bench/startup.ts); null with --no-startup. */
  editorStartup?: StartupResult | null;
  cli: CliResult | null;
  profile: InProcessProfile | null;
  serverProfile: ServerProfile | null;
  cliProfile: ServerProfile | null;
  /** Edit -> diagnostics with lenses and the driver model vs without, per size (lensOverhead.ts). */
  lenses?: { lines: number; figures: LensFigures }[];
  /** The large workspace (largeWorkspace.ts); absent with --no-large. */
  large?: LargeFigures | null;
  /** The memory soak (soak.ts): RSS along thousands of edits to the 100k-line file. */
  soak?: SoakResult | null;
  notes: string[];
}

const SERVERS = ['condis', 'floor', 'clangd'] as const;

export function ms(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '-';
  return x < 1 ? x.toFixed(2) : x < 10 ? x.toFixed(1) : Math.round(x).toString();
}
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  (a === null || b === null || a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? '-' : `${(a / b).toFixed(a / b < 10 ? 2 : 0)}x`);
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] : NaN);
const kb = (b: number) => `${Math.round(b / 1024)} KB`;

function sizeTable(s: SizeResult): string[] {
  const f = (name: string) => s.figures[name];
  const rows: [string, (x: Figures) => number | null, string][] = [
    ['hover p50 (ms)', (x) => x.hover.p50, 'hover'], ['hover p99 (ms)', (x) => x.hover.p99, ''],
    ['signature help p50 (ms)', (x) => x.signature.p50, 'signature'], ['signature help p99 (ms)', (x) => x.signature.p99, ''],
    ['completion p50 (ms)', (x) => x.completion.p50, 'completion'], ['completion p99 (ms)', (x) => x.completion.p99, ''],
    ['open -> first diagnostics (ms)', (x) => x.openMs, ''],
    ['1-char edit -> fresh diagnostics p50 (ms)', (x) => x.edit.p50, 'edit'], ['1-char edit -> fresh diagnostics p99 (ms)', (x) => x.edit.p99, ''],
    ['RSS, file open (MB)', (x) => x.rssOpenMb, ''], ['RSS, after requests and edits (MB)', (x) => x.rssEndMb, ''],
  ];
  const out = [
    `### ${s.lines.toLocaleString('en')} lines (${kb(s.bytes)}, ${s.units} units)`, '',
    '| figure | condis | floor | clangd | condis / floor | condis / clangd |', '|---|--:|--:|--:|--:|--:|',
  ];
  for (const [label, get] of rows) {
    const v = (n: string) => (f(n) ? get(f(n)) : null);
    out.push(`| ${label} | ${ms(v('condis'))} | ${ms(v('floor'))} | ${ms(v('clangd'))} | ${ratio(v('condis'), v('floor'))} | ${ratio(v('condis'), v('clangd'))} |`);
  }
  const n = (name: string, k: 'hover' | 'signature' | 'completion' | 'edit') => {
    const x = f(name)?.[k];
    return x ? `${x.n}${k === 'edit' ? '' : ` (${x.answered} non-empty)`}${x.timeouts ? `, ${x.timeouts} timed out` : ''}` : '-';
  };
  out.push('', '| samples | condis | floor | clangd |', '|---|--:|--:|--:|');
  for (const k of ['hover', 'signature', 'completion', 'edit'] as const) out.push(`| ${k} | ${n('condis', k)} | ${n('floor', k)} | ${n('clangd', k)} |`);
  out.push(`| diagnostics at open | ${SERVERS.map((x) => f(x)?.diagnostics ?? '-').join(' | ')} |`);
  if (f('condis')) out.push(`| workspace index after initialized (ms) | ${ms(f('condis').settleMs)} | - | - |`);
  out.push('');
  return out;
}

const cachePct = (part: number[], whole: number[]) => `${((100 * median(part)) / median(whole)).toFixed(0)}%`;

function targets(r: RunResult): string[] {
  const at = (lines: number) => r.sizes.find((s) => s.lines >= lines * 0.9 && s.lines <= lines * 1.1)?.figures;
  const t10 = at(10000);
  const t100 = at(100000);
  const ok = (b: boolean | null) => (b === null ? 'not measured' : b ? 'met' : '**not met**');
  const c = t10?.condis;
  const fl = t10?.floor;
  const cl = t10?.clangd;
  const start = median(r.starts.condis ?? []);
  const cli = r.cli?.results.find((x) => x.name === 'condis (every core)') ?? r.cli?.results.find((x) => x.name === 'condis');
  const lines: [string, string, boolean | null][] = [
    ['Hover and signature help p50 within 2x the floor (10k lines)', c && fl ? `hover ${ratio(c.hover.p50, fl.hover.p50)}, signature ${ratio(c.signature.p50, fl.signature.p50)}` : '-',
      c && fl ? c.hover.p50 <= 2 * fl.hover.p50 && c.signature.p50 <= 2 * fl.signature.p50 : null],
    ['Hover and signature help p99 under 5 ms (10k lines)', c ? `${ms(c.hover.p99)} / ${ms(c.signature.p99)} ms` : '-', c ? c.hover.p99 < 5 && c.signature.p99 < 5 : null],
    ['1-char edit -> diagnostics, 10k lines: p50 <= 15 ms', c ? `${ms(c.edit.p50)} ms (clangd ${ms(cl?.edit.p50)} ms)` : '-', c ? c.edit.p50 <= 15 : null],
    ['1-char edit -> diagnostics, 100k lines: <= 60 ms', t100?.condis ? `${ms(t100.condis.edit.p50)} ms (clangd ${ms(t100.clangd?.edit.p50)} ms)` : '-', t100?.condis ? t100.condis.edit.p50 <= 60 : null],
    ["Open -> first diagnostics, 10k lines: at or below clangd's", c ? `${ms(c.openMs)} ms (clangd ${ms(cl?.openMs)} ms)` : '-', c?.openMs != null && cl?.openMs != null ? c.openMs <= cl.openMs : null],
    ["Open -> first diagnostics, 100k lines: under 1.5 s and at or below clangd's", t100?.condis ? `${ms(t100.condis.openMs)} ms (clangd ${ms(t100.clangd?.openMs)} ms)` : '-',
      t100?.condis?.openMs != null && t100.clangd?.openMs != null ? t100.condis.openMs < 1500 && t100.condis.openMs <= t100.clangd.openMs : null],
    ['Server start -> initialize response <= 150 ms', `${ms(start)} ms (floor ${ms(median(r.starts.floor ?? []))}, clangd ${ms(median(r.starts.clangd ?? []))})`, Number.isFinite(start) ? start <= 150 : null],
    ["RSS with the 100k-line file open below clangd's", t100?.condis ? `${ms(t100.condis.rssOpenMb)} MB (clangd ${ms(t100.clangd?.rssOpenMb)} MB)` : '-',
      t100?.condis && t100.clangd ? t100.condis.rssOpenMb < t100.clangd.rssOpenMb : null],
    ['RSS after 10,000 edits within 10% of the RSS after 100 (soak)', r.soak ? `${r.soak.ratio.toFixed(3)}x over ${r.soak.options.edits.toLocaleString('en')} edits` : '-',
      // Fewer edits (--quick) measure the curve's start, not the target.
      r.soak && Number.isFinite(r.soak.ratio) && r.soak.options.edits >= 10_000 ? r.soak.ratio <= 1.1 : null],
    [`CLI throughput >= 3 MB/s (${cli?.name ?? 'condis'})`, cli ? `${cli.mbPerS.toFixed(2)} MB/s` : '-', cli ? cli.mbPerS >= 3 : null],
    ['CLI --cache: a repeat run <= 10% of a cold one', r.cli?.cache ? `${cachePct(r.cli.cache.warm, r.cli.cache.cold)} (one file changed: ${cachePct(r.cli.cache.oneChanged, r.cli.cache.cold)})` : '-',
      r.cli?.cache ? median(r.cli.cache.warm) <= 0.1 * median(r.cli.cache.cold) : null],
  ];
  return ['## Targets (issues 6 and 16) against this run', '', '| target | measured | |', '|---|---|---|', ...lines.map(([a, b, m]) => `| ${a} | ${b} | ${ok(m)} |`), ''];
}

const cpuTable = (title: string, unit: string, rows: Row[], n: number) => [`| ${title} | ms ${unit} | share of busy time |`, '|---|--:|--:|',
  ...rows.slice(0, n).map((r) => `| ${r.where} | ${ms(r.ms)} | ${(100 * r.share).toFixed(1)}% |`), ''];

function profileSection(p: InProcessProfile | null, sp: ServerProfile | null, cp: ServerProfile | null): string[] {
  const out: string[] = ['## Where the edit -> diagnostics time goes (condis, 10k lines)', ''];
  if (p) {
    const e = p.edit;
    out.push(`In-process (bench/profile.ts: the server's own modules with timers around the parser, the analysis and each rule; exclusive time), ` +
      `${e.n} one-character edits: p50 ${ms(e.total.p50)} ms, p99 ${ms(e.total.p99)} ms per edit.`, '',
      '| phase | ms per edit | share |', '|---|--:|--:|');
    for (const r of e.rows.filter((x) => x.msPerEdit >= 0.05)) out.push(`| ${r.label} | ${ms(r.msPerEdit)} | ${(100 * r.share).toFixed(1)}% |`);
    const f = e.flows;
    out.push('', `Per edit, the flow analysis runs for the functions whose findings could not be kept: ${f.computedPerEdit.toFixed(1)} ` +
      `per edit (mean ${ms(f.meanMs)} ms, max ${ms(f.maxMs)} ms); the function the edit touched costs ${ms(f.touchedMs)} ms of it. ` +
      `Re-blanking the edited line: ${(e.blankLineUs).toFixed(1)} us; blanking the whole file at open: ${ms(p.open.fullBlankMs)} ms. ` +
      `Open (blank, full parse, analysis, rules) in-process: ${ms(p.open.totalMs)} ms. ` +
      `createServices (grammar, catalog, queries, completion items; loaded after initialize is answered, before the first request): ${ms(p.servicesMs)} ms.`, '',
      'The open, in-process (first parse and first analysis in the process, so colder than later ones):', '',
      '| phase | ms |', '|---|--:|', ...[...p.open.rows].sort((a, b) => b.ms - a.ms).slice(0, 10).map((r) => `| ${r.label} | ${ms(r.ms)} |`), '');
  }
  if (sp) {
    out.push(`The real server (\`node --cpu-prof dist/server.js\`, 200 us sampling, mapped through dist/server.js.map), ${sp.edits} edits: ` +
      `${ms(sp.busyMs)} ms of CPU per edit.`, '', ...cpuTable('self time in', 'per edit', sp.rows, 14),
      ...cpuTable('tree-sitter time (node objects, walks, queries, parse) on behalf of', 'per edit', sp.treeSitterByCaller, 12));
  }
  if (cp) {
    out.push('## Where the CLI time goes', '', `\`node --cpu-prof dist/cli.js check\` over the same tree, one run: ${ms(cp.busyMs)} ms of CPU.`, '',
      ...cpuTable('self time in', 'per run', cp.rows, 10), ...cpuTable('tree-sitter time on behalf of', 'per run', cp.treeSitterByCaller, 10));
  }
  return out;
}

export function renderMarkdown(r: RunResult): string {
  const out: string[] = [
    '# CoNDIS Assist benchmark results', '',
    `Written by \`npm run bench\`${r.quick ? ' (`--quick`: few samples, small sizes; not for quoting)' : ''} on ${r.date}, in ${Math.round(r.seconds)} s.`,
    'Three servers on the same generated files (bench/generate.ts: a self-contained CoNDIS call manager with SAL 2 and NDIS 5 annotations), one client, one process run:',
    '`condis` is `node --max-semi-space-size=4 dist/server.js --stdio` (as the extension starts it: server/src/nodeFlags.ts), `floor` a vscode-languageserver server answering constants (bench/floorServer.ts), `clangd` Debian clangd with no background index.',
    "clangd's edit figure includes its own update debounce (adaptive in clangd 14, at least about 50 ms; no flag changes it): it is what an editor user waits.",
    'The machine is shared and noisy: compare the ratios, measured side by side, more than the absolute figures.',
    'How it is measured, and what would close the gaps to the targets: bench/README.md.', '',
    '## Machine and versions', '',
    `- ${r.machine.cpus} cores (${r.machine.model}), ${r.machine.memGb.toFixed(0)} GB memory, ${r.machine.os}; load average at start ${r.machine.load.map((x) => x.toFixed(2)).join(' / ')}`,
    ...Object.entries(r.versions).map(([k, v]) => `- ${k}: ${v}`),
    `- clangd: ${r.clangd.path ? `${r.clangd.version} (${r.clangd.note})` : r.clangd.note}`, '',
    ...targets(r), '## Figures per file size', '',
    'Requests are sequential, at positions spread over the whole file (identifiers, argument lists, mid-identifier and after `->`), after a warm-up. ' +
    'An edit is a space inserted at column 0 of a statement line, or its removal; the time runs from sending didChange to the publishDiagnostics carrying that version. ' +
    'RSS is VmRSS from /proc, children included, taken once the check of the file is complete and the client has been idle a second.', '',
  ];
  for (const s of r.sizes) out.push(...sizeTable(s));
  out.push('## Start-up', '', '| | condis | floor | clangd | condis / floor | condis / clangd |', '|---|--:|--:|--:|--:|--:|');
  const st = (n: string) => median(r.starts[n] ?? []);
  out.push(`| spawn -> initialize response, median of ${r.starts.condis?.length ?? 0} (ms) | ${ms(st('condis'))} | ${ms(st('floor'))} | ${ms(st('clangd'))} | ${ratio(st('condis'), st('floor'))} | ${ratio(st('condis'), st('clangd'))} |`, '');
  if (r.editorStartup) out.push(...renderStartup(r.editorStartup));
  if (r.cli) {
    const c = (n: string) => r.cli!.results.find((x) => x.name === n);
    const mbs = (n: string) => c(n)?.mbPerS.toFixed(2) ?? '-';
    const all = c('condis (every core)');
    out.push('## CLI throughput', '',
      `${r.cli.files} generated files, ${r.cli.lines.toLocaleString('en')} lines, ${(r.cli.bytes / 1e6).toFixed(2)} MB (MB = 10^6 bytes); one core: pinned to CPU 0; `
        + `every core (${r.cli.cores ?? '?'}): not pinned; median of ${c('condis')?.seconds.length} runs.`, '',
      '| MB/s | condis | floor | clangd | condis / floor | condis / clangd |', '|---|--:|--:|--:|--:|--:|',
      `| one core | ${mbs('condis')} | ${mbs('floor')} | ${mbs('clangd')} | ${ratio(c('condis')?.mbPerS, c('floor')?.mbPerS)} | ${ratio(c('condis')?.mbPerS, c('clangd')?.mbPerS)} |`,
      ...(all ? [`| every core | ${mbs('condis (every core)')} | ${mbs('floor (every core)')} | - | ${ratio(all.mbPerS, c('floor (every core)')?.mbPerS)} | ${ratio(all.mbPerS, c('clangd')?.mbPerS)} |`] : []), '',
      ...r.cli.results.map((x) => `- ${x.name}: ${x.note}; seconds ${x.seconds.map((s) => s.toFixed(2)).join(', ')}`), '');
    const k = r.cli.cache;
    if (k) {
      out.push(`With \`--cache\` (every core): a cold run ${median(k.cold).toFixed(2)} s; a repeat run of the unchanged tree ${median(k.warm).toFixed(2)} s `
        + `(${cachePct(k.warm, k.cold)} of the cold run); after one ${(k.changedBytes / 1e3).toFixed(0)} KB file changed inside a function body ${median(k.oneChanged).toFixed(2)} s `
        + `(${cachePct(k.oneChanged, k.cold)}). Seconds: cold ${k.cold.map((x) => x.toFixed(2)).join(', ')}; repeat ${k.warm.map((x) => x.toFixed(2)).join(', ')}; `
        + `one changed ${k.oneChanged.map((x) => x.toFixed(2)).join(', ')}.`, '');
    }
  }
  if (r.lenses?.length) {
    out.push('## Lenses and the driver model (issue 14: at most +10%)', '',
      'Our server twice on the same file: lenses off and no model asked for; then as an editor with lenses and the driver view: right after each edit, ' +
      'while its diagnostics are on their way, the lens list, the lenses of the 60 lines around the edit resolved, and condis/driverModel when the ' +
      'server said it changed (bench/lensOverhead.ts). The server answers those after the edit\'s check, so the overhead is what they add to the ' +
      'diagnostics; the last column is the time from the edit until they are all answered.', '',
      '| lines | edit -> diagnostics p50 (ms) | the same, lens and model requests in flight (ms) | overhead | edit -> lenses and model answered p50 (ms) | lenses | handlers | model fetches |',
      '|--:|--:|--:|--:|--:|--:|--:|--:|',
      ...r.lenses.map(({ lines, figures: f }) => `| ${lines.toLocaleString('en')} | ${ms(f.without.p50)} | ${ms(f.with.p50)} | ${overhead(f)} | ${ms(f.requests.p50)} | ${f.lenses} | ${f.handlers} | ${f.modelFetches} |`), '');
  }
  out.push(...largeSection(r.large ?? null));
  if (r.soak) out.push(...soakSection(r.soak));
  out.push(...profileSection(r.profile, r.serverProfile, r.cliProfile));
  if (r.notes.length) out.push('## Notes', '', ...r.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}
