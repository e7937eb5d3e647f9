// V8 CPU profiles of the real bundles, attributed through their source maps to server/src files: the server
// (`node --cpu-prof dist/server.js`) while the client makes one-character edits, and the CLI over the generated tree.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMap } from 'node:module';
import { LspSession, within } from './lsp';
import type { Probes } from './generate';
import { spread } from './measure';
import { ours, OUT, ROOT } from './servers';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface Row { where: string; ms: number; share: number }
/**
 * `rows`: self time per source file or bucket; `treeSitterByCaller`: tree-sitter time charged to the source file that
 * called it. Times are per unit of work (`per`: one edit, or one whole CLI run).
 */
export interface ServerProfile { edits: number; busyMs: number; rows: Row[]; treeSitterByCaller: Row[]; treeSitterTop: Row[] }

/** Groups a source path from the bundle's map into a readable bucket. */
function bucket(source: string, fnName: string, url: string): string {
  if (fnName === '(garbage collector)') return 'V8: garbage collection';
  if (fnName === '(program)' || fnName === '(root)') return 'V8: runtime / native';
  if (url.startsWith('wasm://') || /^\$?(ts_|wasm-function)|^GenericJSToWasmWrapper|^js-to-wasm|^wasm-to-js/.test(fnName) || source.includes('web-tree-sitter')) return 'tree-sitter (web-tree-sitter JS + wasm)';
  const m = /server\/src\/(.+)$/.exec(source);
  if (m) return m[1];
  if (source.includes('vscode-languageserver-textdocument')) return 'TextDocument (vscode-languageserver-textdocument)';
  if (source.includes('vscode-jsonrpc') || source.includes('vscode-languageserver')) return 'protocol (vscode-jsonrpc / languageserver)';
  if (url.startsWith('node:')) return 'node internals';
  return source || url || fnName || '(unknown)';
}

export async function profileServer(dir: string, uri: string, text: string, probes: Probes, edits: number): Promise<ServerProfile> {
  const profDir = join(OUT, 'cpuprofile');
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  const spec = ours();
  spec.args = ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=200', ...spec.args];
  const s = await LspSession.start(spec, dir, 30_000);
  try {
    await spec.settled?.(s, 60_000);
    const first = s.diagnosticsFor(uri, 1);
    s.open(uri, text, 1);
    await within(60_000, 'first diagnostics', first);
    // A quiet second marks where the edits start in the profile: only samples after it are counted.
    await new Promise((r) => setTimeout(r, 1000));
    const positions = spread(probes.edit, Math.ceil(edits / 2));
    for (let i = 0, v = 1; i < edits; i++) {
      const pos = positions[Math.floor(i / 2) % positions.length];
      const change = i % 2 === 0 ? { range: { start: pos, end: pos }, text: ' ' } : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
      const next = s.diagnosticsFor(uri, ++v);
      s.change(uri, v, [change]);
      await within(60_000, 'diagnostics after edit', next);
    }
  } finally {
    await s.stop(10_000);
  }
  return summarize(readProfile(profDir, 'the server'), 'server.js', edits, true);
}

/** The CLI over `dir` (one run, pinned to CPU 0 when taskset exists), profiled. */
export function profileCli(dir: string): ServerProfile {
  const profDir = join(OUT, 'cpuprofile-cli');
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=500', join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', '-q', dir],
    { cwd: ROOT, stdio: 'ignore', timeout: 300_000 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`the CLI failed under --cpu-prof (${r.status ?? r.signal})`);
  return summarize(readProfile(profDir, 'the CLI'), 'cli.js', 1, false);
}

function readProfile(dir: string, what: string): CpuProfile {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`${what} wrote no .cpuprofile (did it exit cleanly?)`);
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
}

/** `afterIdle`: count only samples after the longest idle stretch (the quiet second before the edits). */
function summarize(p: CpuProfile, bundle: string, edits: number, afterIdle: boolean): ServerProfile {
  // Each bundle of dist/ through its own source map (the server is two: server.js and serverCore.js).
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (url: string): SourceMap | null => {
    const m = /\/dist\/([\w.-]+\.js)$/.exec(url);
    if (!m) return null;
    if (!maps.has(m[1])) {
      try { maps.set(m[1], new SourceMap(JSON.parse(readFileSync(join(ROOT, 'dist', `${m[1]}.map`), 'utf8')))); } catch { maps.set(m[1], null); }
    }
    return maps.get(m[1]) ?? null;
  };
  void bundle;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const where = new Map<number, string>();
  const place = (id: number): string => {
    let w = where.get(id);
    if (w === undefined) {
      const cf = byId.get(id)!.callFrame;
      let source = '';
      const map = cf.lineNumber >= 0 ? mapOf(cf.url) : null;
      if (map) {
        const e = map.findEntry(cf.lineNumber, cf.columnNumber) as { originalSource?: string };
        source = e.originalSource ?? '';
      }
      w = cf.functionName === '(idle)' ? '(idle)' : bucket(source, cf.functionName, cf.url);
      where.set(id, w);
    }
    return w;
  };
  // Find the start of the edit phase: the end of the longest idle stretch (the quiet second before the edits).
  let best = { end: 0, ms: 0 };
  let run = 0;
  for (let i = 0; afterIdle && i < p.samples.length; i++) {
    if (place(p.samples[i]) === '(idle)') {
      run += p.timeDeltas[i] / 1000;
      if (run > best.ms) best = { end: i + 1, ms: run };
    } else run = 0;
  }
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const TS = 'tree-sitter (web-tree-sitter JS + wasm)';
  const ours = (w: string) => w.endsWith('.ts');
  /** The nearest frame above `id` in our own sources: who asked tree-sitter for this work. */
  const caller = (id: number): string => {
    for (let q = parent.get(id); q !== undefined; q = parent.get(q)) {
      const w = place(q);
      if (ours(w)) return w; // a file of server/src
    }
    return '(no caller of ours)';
  };
  const totals = new Map<string, number>();
  const byCaller = new Map<string, number>();
  const tsFns = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let busy = 0;
  for (let i = best.end; i < p.samples.length; i++) {
    const w = place(p.samples[i]);
    // Each delta is the time before sample i: charge it to what was running at sample i.
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    if (w === '(idle)') continue;
    busy += ms;
    add(totals, w, ms);
    if (w === TS) {
      add(byCaller, caller(p.samples[i]), ms);
      add(tsFns, byId.get(p.samples[i])!.callFrame.functionName || '(anonymous)', ms);
    }
  }
  const rows = (m: Map<string, number>) => [...m].map(([where, ms]) => ({ where, ms: ms / edits, share: ms / busy })).sort((a, b) => b.ms - a.ms);
  return { edits, busyMs: busy / edits, rows: rows(totals), treeSitterByCaller: rows(byCaller), treeSitterTop: rows(tsFns).slice(0, 12) };
}
