// Renders the large-workspace section of results.md (bench/largeWorkspace.ts): the tree, the index build, the open
// file's figures while it builds beside the same once it is complete and in a workspace of that file alone, memory, the CLI.
import type { LargeFigures, Phase } from './largeWorkspace';
import type { Stat } from './measure';

const ms = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '-' : x < 1 ? x.toFixed(2) : x < 10 ? x.toFixed(1) : Math.round(x).toString());
const mb = (b: number) => (b / 1e6).toFixed(1);

export function largeSection(f: LargeFigures | null): string[] {
  if (!f) return [];
  const t = f.tree;
  const row = (label: string, get: (p: Phase) => number | null) =>
    `| ${label} | ${ms(get(f.during))} | ${ms(get(f.after))} | ${f.small ? ms(get(f.small)) : '-'} |`;
  const n = (s: Stat) => `${s.n}${s.timeouts ? `, ${s.timeouts} timed out` : ''}`;
  const out = [
    '## A large workspace (issue 16)', '',
    `${t.files.toLocaleString('en')} generated files in ${t.drivers} call-manager drivers (bench/generateTree.ts: headers, one handler-table file per driver, ` +
    `nested folders of handler files), ${t.lines.toLocaleString('en')} lines, ${mb(t.bytes)} MB; the largest file ${t.largest} (${(t.largestBytes / 1024).toFixed(0)} KB). ` +
    `Our server starts with the tree as its workspace folder; a ${(t.openBytes / 1024).toFixed(0)} KB handler file of the driver read last is opened right after ` +
    '`initialized`, and hover, signature help and an edit pair every fifth round go on until the indexing progress ends (bench/largeWorkspace.ts).', '',
    `Index build: ${ms(f.indexMs)} ms for ${f.indexedFiles ?? '-'} files (the server's log; ${f.indexMs ? (t.bytes / 1e3 / f.indexMs).toFixed(2) : '-'} MB/s); ` +
    `${f.answeredDuringBuild} requests answered meanwhile. Open -> the first diagnostics after the build (its driver read, its workspace findings in): ${ms(f.settledDiagnosticsMs)} ms.`, '',
    '| open file (ms) | while the index builds | index complete | the file alone in a workspace |', '|---|--:|--:|--:|',
    row('open -> first diagnostics', (p) => p.openMs),
    row('hover p50', (p) => p.hover.p50), row('hover p99', (p) => p.hover.p99),
    row('signature help p50', (p) => p.signature.p50), row('signature help p99', (p) => p.signature.p99),
    row('1-char edit -> diagnostics p50', (p) => p.edit.p50), row('1-char edit -> diagnostics p99', (p) => p.edit.p99),
    `| samples (hover / signature / edits) | ${n(f.during.hover)} / ${n(f.during.signature)} / ${n(f.during.edit)} | ${n(f.after.hover)} / ${n(f.after.signature)} / ${n(f.after.edit)} | ${f.small ? `${n(f.small.hover)} / ${n(f.small.signature)} / ${n(f.small.edit)}` : '-'} |`, '',
    `Memory (VmRSS of the server and its indexing worker, sampled every 50 ms): peak ${ms(f.rss.peakMb)} MB during the build, ${ms(f.rss.endOfBuildMb)} MB when it ended, ` +
    `${ms(f.rss.afterMb)} MB after the work that followed (the worker gone); the file alone: ${ms(f.rss.smallMb ?? NaN)} MB. ` +
    `The largest file is ${(t.largestBytes / 1024).toFixed(0)} KB: the indexer holds one file's text and tree at a time per worker.`, '',
  ];
  if (f.cli) {
    out.push(`CLI over the tree: ${f.cli.seconds.toFixed(1)} s, ${f.cli.mbPerS.toFixed(2)} MB/s, ${f.cli.jobs ? `--jobs ${f.cli.jobs}` : 'one thread (this CLI has no --jobs)'}, ` +
      `${f.cli.findings ?? '-'} findings (\`${f.cli.note}\`, whole process).`, '');
  }
  if (f.errors.length) out.push(...f.errors.map((e) => `- ${e}`), '');
  return out;
}
