// What lenses and the driver model add to the edit -> diagnostics path (issue 14: at most 10%): our server twice on
// the same file, first with lenses off and no model asked for (the plain path), then as an editor showing lenses and a
// driver view uses it: right after each edit, while its diagnostics are on their way, the lens list and the lenses of
// the 60 lines around the edit resolved, and condis/driverModel whenever the server has said it changed (as a tree view
// asks). `with` is the edit -> diagnostics time with that traffic in flight (the server answers those requests after
// the edit's check, validation.ts afterChecks); `requests` is the time from the edit until they are all answered.
// Run alone:
//   node --import tsx bench/lensOverhead.ts --lines 2000 --edits 10
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspSession, type ServerSpec } from './lsp';
import { edits, stat, type Plan, type Stat } from './measure';
import type { Position } from './emitter';
import { ours, OUT } from './servers';
import { generateDriver } from './generate';

/**
 * `without`: edit -> diagnostics, lenses off; `with`: edit -> diagnostics with the lens and model requests in flight;
 * `requests`: edit -> the lens and model requests answered.
 */
export interface LensFigures { without: Stat; with: Stat; requests: Stat; lenses: number; handlers: number; modelFetches: number; errors: string[] }

/** Half the lines an editor shows: the lenses around an edit that a client resolves. */
const VIEW = 30;

async function session(spec: ServerSpec, dir: string, uri: string, text: string, edit: Position[], plan: Plan, withLenses: boolean, out: LensFigures): Promise<Stat> {
  let s: LspSession | undefined;
  try {
    s = await LspSession.start(spec, dir, 30_000);
    await spec.settled?.(s, 60_000);
    const arrived = s.diagnosticsFor(uri, 1);
    s.open(uri, text, 1);
    await arrived;
    const extra: number[] = [];
    let changed = true;
    s.connection.onNotification('condis/driverModelChanged', () => { changed = true; });
    const lens = async (at: Position) => {
      const t = performance.now();
      const list = (await s!.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { range: { start: Position } }[];
      const near = list.filter((l) => Math.abs(l.range.start.line - at.line) <= VIEW);
      await Promise.all(near.map((l) => s!.connection.sendRequest('codeLens/resolve', l)));
      out.lenses = list.length;
      if (changed) {
        changed = false;
        const model = (await s!.connection.sendRequest('condis/driverModel', {})) as { drivers: { handlers: unknown[] }[] };
        out.handlers = model.drivers.reduce((n, d) => n + d.handlers.length, 0);
        out.modelFetches++;
      }
      extra.push(performance.now() - t);
    };
    if (withLenses) { await lens(edit[0]); extra.length = 0; } // the editor shows the lenses and the tree once the file is open
    const r = await edits(s, uri, edit, plan, { v: 1 }, withLenses ? lens : undefined);
    if (withLenses) out.requests = stat(extra);
    return r;
  } catch (err) {
    out.errors.push(err instanceof Error ? err.message : String(err));
    return stat([]);
  } finally {
    await s?.stop();
  }
}

export async function measureLensOverhead(dir: string, uri: string, text: string, edit: Position[], plan: Plan): Promise<LensFigures> {
  const out: LensFigures = { without: stat([]), with: stat([]), requests: stat([]), lenses: 0, handlers: 0, modelFetches: 0, errors: [] };
  const base = ours();
  out.without = await session({ ...base, initializationOptions: { settings: { codeLens: { enable: false } } } }, dir, uri, text, edit, plan, false, out);
  out.with = await session({ ...base, textDocumentCapabilities: { codeLens: {} } }, dir, uri, text, edit, plan, true, out);
  return out;
}

/** `+4.2%` of the p50 with lenses over the p50 without. */
export function overhead(f: LensFigures): string {
  const r = f.with.p50 / f.without.p50 - 1;
  return Number.isFinite(r) ? `${r >= 0 ? '+' : ''}${(100 * r).toFixed(1)}%` : 'n/a';
}

if (require.main === module) {
  const arg = (name: string, d: number) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : d; };
  const lines = arg('--lines', 2000);
  const n = arg('--edits', 10);
  const g = generateDriver(lines, 1);
  const dir = join(OUT, `ws-lens-${lines}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'driver.c'), g.text);
  const plan: Plan = { requests: 0, edits: n, warmup: 0, budgetMs: 60_000, editBudgetMs: 120_000, requestTimeoutMs: 30_000, diagnosticsTimeoutMs: 60_000 };
  void measureLensOverhead(dir, pathToFileURL(join(dir, 'driver.c')).href, g.text, g.probes.edit, plan).then((f) => {
    console.log(JSON.stringify({ lines: g.lines, without: f.without, with: f.with, requests: f.requests, overhead: overhead(f), lenses: f.lenses, handlers: f.handlers, modelFetches: f.modelFetches, errors: f.errors }, null, 1));
  });
}
