// The measurements for one server on one generated file: open -> first diagnostics, request round trips
// (hover, signature help, completion), one-character edits -> fresh diagnostics, and RSS. Every wait is bounded.
import { performance } from 'node:perf_hooks';
import { LspSession, TimeoutError, within, type ServerSpec } from './lsp';
import type { Position } from './emitter';
import type { Probes } from './generate';

export interface Stat { n: number; p50: number; p99: number; max: number; timeouts: number; answered: number }

export interface Plan {
  requests: number;
  edits: number;
  warmup: number;
  /** Stop a kind of request after this long even if fewer samples were taken. */
  budgetMs: number;
  /** The same for the edits. */
  editBudgetMs: number;
  requestTimeoutMs: number;
  diagnosticsTimeoutMs: number;
}

export interface Figures {
  server: string;
  initializeMs: number;
  settleMs: number;
  openMs: number | null;
  diagnostics: number;
  hover: Stat;
  signature: Stat;
  completion: Stat;
  edit: Stat;
  rssOpenMb: number;
  rssEndMb: number;
  errors: string[];
}

export function stat(samples: number[], timeouts = 0, answered = samples.length): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] : NaN);
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s.length ? s[s.length - 1] : NaN, timeouts, answered };
}

/** `n` positions spread evenly over `all` (deterministic), so every part of the file is probed. */
export function spread<T>(all: T[], n: number): T[] {
  if (all.length <= n) return all;
  return Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const METHODS = { hover: 'textDocument/hover', signature: 'textDocument/signatureHelp', completion: 'textDocument/completion' } as const;

function params(kind: keyof typeof METHODS, uri: string, position: Position): unknown {
  const base = { textDocument: { uri }, position };
  if (kind === 'hover') return base;
  return { ...base, context: { triggerKind: 1, isRetrigger: false } };
}

function answered(result: unknown): boolean {
  if (result === null || result === undefined) return false;
  if (Array.isArray(result)) return result.length > 0;
  const r = result as { items?: unknown[]; signatures?: unknown[] };
  if (r.items) return r.items.length > 0;
  if (r.signatures) return r.signatures.length > 0;
  return true;
}

async function requests(s: LspSession, kind: keyof typeof METHODS, uri: string, probes: Position[], plan: Plan): Promise<Stat> {
  const positions = spread(probes, plan.requests + plan.warmup);
  const samples: number[] = [];
  let timeouts = 0;
  let ok = 0;
  const started = performance.now();
  for (let i = 0; i < positions.length; i++) {
    if (i >= plan.warmup && performance.now() - started > plan.budgetMs) break;
    try {
      const r = await s.timed(METHODS[kind], params(kind, uri, positions[i]), plan.requestTimeoutMs);
      if (i >= plan.warmup) { samples.push(r.ms); if (answered(r.result)) ok++; }
    } catch (err) {
      if (!(err instanceof TimeoutError)) throw err;
      // A server stuck on one request would make every later one wait behind it: stop this kind here.
      timeouts++;
      break;
    }
  }
  return stat(samples, timeouts, ok);
}

/**
 * Alternately inserts a space at column 0 of a statement line and deletes it: one character per edit, file unchanged per
 * pair. `after`: what the client does once the diagnostics are in (lensOverhead.ts), timed as part of the edit.
 */
export async function edits(s: LspSession, uri: string, probes: Position[], plan: Plan, version: { v: number }, alongside?: (at: Position) => Promise<void>): Promise<Stat> {
  const positions = spread(probes, Math.ceil(plan.edits / 2));
  const samples: number[] = [];
  let timeouts = 0;
  const started = performance.now();
  for (let i = 0; i < plan.edits; i++) {
    if (i > 0 && performance.now() - started > plan.editBudgetMs) break;
    const pos = positions[Math.floor(i / 2) % positions.length];
    const insert = i % 2 === 0;
    const change = spaceEdit(pos, insert);
    version.v++;
    const arrived = s.diagnosticsFor(uri, version.v);
    const t = performance.now();
    s.change(uri, version.v, [change]);
    // `alongside`: requests an editor sends right after a change (code lenses), in flight while the diagnostics come.
    const extra = alongside?.(pos);
    try {
      const diagnosed = await within(plan.diagnosticsTimeoutMs, `${s.spec.name} diagnostics after edit`, arrived);
      samples.push(diagnosed - t);
      if (extra) await within(plan.diagnosticsTimeoutMs, `${s.spec.name} requests alongside the edit`, extra);
    } catch (err) {
      if (!(err instanceof TimeoutError)) throw err;
      timeouts++;
      break;
    }
  }
  return stat(samples, timeouts);
}

/** The benchmark's edit: a space inserted at `pos`, or the one there removed. */
export function spaceEdit(pos: Position, insert: boolean) {
  return insert
    ? { range: { start: pos, end: pos }, rangeLength: 0, text: ' ' }
    : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, rangeLength: 1, text: '' };
}

const EMPTY: Stat = { n: 0, p50: NaN, p99: NaN, max: NaN, timeouts: 0, answered: 0 };

/** Starts `spec` in `dir`, opens `file` (its text `text`), and takes every measurement. Always stops the server. */
export async function measureServer(spec: ServerSpec, dir: string, uri: string, text: string, probes: Probes, plan: Plan): Promise<Figures> {
  const f: Figures = { server: spec.name, initializeMs: NaN, settleMs: 0, openMs: null, diagnostics: 0, hover: EMPTY, signature: EMPTY, completion: EMPTY, edit: EMPTY, rssOpenMb: NaN, rssEndMb: NaN, errors: [] };
  let s: LspSession | undefined;
  try {
    s = await LspSession.start(spec, dir, 30_000);
    f.initializeMs = s.initializeMs;
    const t0 = performance.now();
    await spec.settled?.(s, 60_000);
    f.settleMs = performance.now() - t0;
    const arrived = s.diagnosticsFor(uri, 1);
    const t = performance.now();
    s.open(uri, text, 1);
    f.openMs = (await within(plan.diagnosticsTimeoutMs * 2, `${spec.name} first diagnostics`, arrived)) - t;
    f.diagnostics = s.published.get(uri)?.count ?? 0;
    // The file is open once its check is over (ours checks a large file in parts) and the editor has been idle a second.
    await s.complete(uri, 1, plan.diagnosticsTimeoutMs * 2);
    await sleep(1000);
    f.rssOpenMb = s.rssMb();
    f.hover = await requests(s, 'hover', uri, probes.hover, plan);
    f.signature = await requests(s, 'signature', uri, probes.signature, plan);
    f.completion = await requests(s, 'completion', uri, probes.completion, plan);
    const version = { v: 1 };
    f.edit = await edits(s, uri, probes.edit, plan, version);
    await s.complete(uri, version.v, plan.diagnosticsTimeoutMs * 2).catch(() => undefined); // a timed-out edit: RSS as it is
    await sleep(1000);
    f.rssEndMb = s.rssMb();
  } catch (err) {
    f.errors.push(err instanceof Error ? err.message : String(err));
    if (s?.log.length) f.errors.push(`server log: ${s.log.slice(-5).join(' | ').slice(0, 400)}`);
  } finally {
    await s?.stop();
  }
  return f;
}

/** Spawn -> initialize response, `n` times in a fresh process each (median reported by the caller). */
export async function measureStarts(spec: ServerSpec, dir: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = await LspSession.start(spec, dir, 30_000).catch(() => undefined);
    if (s) { out.push(s.initializeMs); await s.stop(); }
  }
  return out;
}
