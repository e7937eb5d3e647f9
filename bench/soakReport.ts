// Renders the memory soak (soak.ts) as a section of bench/results.md: the RSS curve along the edits and what the
// server said it held at each point (condis/memory).
import type { SoakPoint, SoakResult } from './soak';

const f1 = (x: number | null) => (x === null || !Number.isFinite(x) ? '-' : x.toFixed(1));

export function soakSection(r: SoakResult): string[] {
  const o = r.options;
  const row = (p: SoakPoint) => `| ${p.edits.toLocaleString('en')} | ${f1(p.rssMb)} | ${f1(p.heapUsedMb)} | ${f1(p.heapTotalMb)} | ${f1(p.wasmHeapMb)} | ${p.liveTrees ?? '-'} | ${p.derivedEntries ?? '-'} | ${p.lines.toLocaleString('en')} |`;
  const k = r.kinds;
  return [
    `## Memory soak (issue 16: after 10,000 edits within 10% of the RSS after 100)`, '',
    `Our server with the ${o.lines.toLocaleString('en')}-line file (${(r.bytes / 1e6).toFixed(2)} MB) open takes ${o.edits.toLocaleString('en')} editor-like edits ` +
    `(bench/soakEdits.ts, seed ${o.seed}${k ? `: ${k.char} letters typed and ${k.delete} deleted inside names, ${k.type} declarations typed key by key, ${k.line} lines deleted, ${k.paste} blocks pasted, ${k.undo} undos` : ''}); ` +
    `the client waits for the diagnostics of every ${o.checkEvery}th version (${r.checks} checks, edit -> diagnostics p50 ${f1(r.checkP50Ms)} ms, max ${f1(r.checkMaxMs)} ms). ` +
    'Each point is taken once the check of that version is complete and the editor has been idle a second: VmRSS, and what condis/memory reports ' +
    '(V8 heap in use and committed, the wasm heap, live parse trees, memoised entries).', '',
    `**RSS at the last point / after 100 edits: ${r.ratio.toFixed(3)}x** (${r.seconds.toFixed(0)} s).`, '',
    '| edits | RSS (MB) | JS heap used (MB) | JS heap committed (MB) | wasm heap (MB) | live trees | memoised entries | lines |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...(r.open ? [row(r.open).replace(/^\| 0 \|/, '| open |')] : []),
    ...r.points.map(row), '',
  ];
}
