// Cold analysis of one generated file, the open path without the server: parse, analyse, every rule. For --cpu-prof.
// Run: `node --import tsx bench/coldOpen.ts [--lines 10000] [--runs 5]`; prints each run's total, its per-function
// flows (all functions, before the rules) and its rules, in ms. The first run is JIT-cold, as the server's first open is.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices } from '../server/src/services';
import { analyzeFile } from '../server/src/analysis/fileAnalysis';
import { runRules } from '../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../server/src/settings';
import { ParsedText } from '../server/src/syntax/parsedText';
import { generateDriver } from './generate';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const g = generateDriver(arg('--lines', 10000), 1);
  const s = await createServices(join(__dirname, '..', 'dist'));
  const uri = 'file:///bench/cold.c';
  const times: number[] = [];
  const flows: number[] = [];
  const rules: number[] = [];
  let findings = 0;
  for (let i = 0; i < arg('--runs', 5); i++) {
    const t = performance.now();
    const parsed = new ParsedText(s.parser, g.text);
    const file = analyzeFile(uri, g.text, parsed, s);
    s.workspace.set(file.summary());
    const tf = performance.now();
    for (const fn of file.functions()) file.flowOf(fn);
    const tr = performance.now();
    flows.push(Math.round(tr - tf));
    findings = runRules({ file, catalog: s.catalog, lifecycle: s.lifecycle, workspace: s.workspace }, DEFAULT_SETTINGS).length;
    times.push(Math.round(performance.now() - t));
    rules.push(Math.round(performance.now() - tr));
    parsed.dispose();
  }
  console.log(JSON.stringify({ times, flows, rules, findings }));
}

void main();
