// `npm run fuzz -- --runs N [--seed S] [--workers W] [--case I] [--out DIR]`: long fuzz runs over every feature.
// Builds dist/ (the grammar's wasm), then runs worker processes (test/fuzz/worker.ts) on interleaved case indices
// of one seed, watching each: a worker that dies mid-case is a crash, one silent past the watchdog is a hang; both
// are recorded against the case and the worker restarted after it. Every failing case's text is saved under DIR.
// `--case I` replays one case of `--seed S` and saves its text. Exit code 1 when any case failed.
import { execFileSync, spawn } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { randomInt } from 'node:crypto';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const WORKER = join('test', 'fuzz', 'worker.ts');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = process.argv[i + 1];
  if (v === undefined) throw new Error(`--${name} needs a value`);
  return v;
}

const seed = Number(option('seed', String(randomInt(1, 2 ** 31))));
const only = option('case', null);
const runs = only === null ? Number(option('runs', '10000')) : 1;
const workers = only === null ? Math.max(1, Math.min(Number(option('workers', String(availableParallelism()))), runs)) : 1;
const out = option('out', join(tmpdir(), `condis-fuzz-${seed}`));
if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) throw new Error('--seed and --runs take whole numbers');

/** A case silent this long is a hang: far above every per-call budget of test/fuzz/exercise.ts (20 MB cases included). */
const WATCHDOG_MS = Number(option('watchdog-ms', '300000'));

execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
const from = only === null ? 0 : Number(only);
const to = from + runs;
console.log(`fuzz: seed ${seed}, cases ${from}..${to - 1}, ${workers} worker(s); failing inputs go to ${out}`);
console.log(`fuzz: replay one case with \`npm run fuzz -- --seed ${seed} --case I\``);

const started = Date.now();
const failures = [];
const slowest = {};
let done = 0;
let problemsSeen = 0;
let diagnostics = 0;
let fixes = 0;
let divergences = 0;
let bytes = 0;

function save(i, extra) {
  // The case text is a pure function of (seed, index): a fresh worker regenerates it for a crash or hang.
  try {
    const line = execFileSync(process.execPath, ['--import', 'tsx', WORKER, '--seed', String(seed), '--save', String(i), '--out', out], { cwd: root, encoding: 'utf8' });
    return JSON.parse(line.trim().split('\n').pop()).path;
  } catch (err) {
    return `(could not save: ${String(err).split('\n')[0]}) ${JSON.stringify(extra)}`;
  }
}

/** Runs cases start, start + stride, ... below `to`; resolves when they are all accounted for. */
function runWorker(start, stride) {
  return new Promise((resolve) => {
    if (start >= to) { resolve(); return; }
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, '--seed', String(seed), '--from', String(start), '--to', String(to), '--stride', String(stride), '--out', out],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let current = null;
    let stderr = '';
    let timer;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        failures.push({ i: current, kind: 'hang', detail: `no answer for ${WATCHDOG_MS} ms`, saved: current === null ? '' : save(current) });
        child.kill('SIGKILL');
      }, WATCHDOG_MS);
    };
    arm();
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr = (stderr + d).slice(-4000); });
    createInterface({ input: child.stdout }).on('line', (line) => {
      let m;
      try { m = JSON.parse(line); } catch { stderr += `\n(stdout) ${line}`; return; }
      arm();
      if (m.t === 'start') current = m.i;
      if (m.t !== 'done') return;
      current = null;
      done++;
      bytes += m.size;
      diagnostics += m.diagnostics;
      fixes += m.fixes;
      divergences += m.divergences ?? 0;
      for (const [f, t] of Object.entries(m.ms)) if (!slowest[f] || t > slowest[f].ms) slowest[f] = { ms: t, i: m.i, size: m.size };
      if (m.problems) {
        problemsSeen += m.problems.length;
        failures.push({ i: m.i, kind: [...new Set(m.problems.map((p) => `${p.feature}/${p.kind}`))].join(', '), detail: m.problems.map((p) => p.detail).join('\n'), recipe: m.recipe, saved: m.saved });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (current === null) { resolve(); return; }
      // Died or was killed in the middle of a case: record a crash (a hang was recorded by the watchdog) and go on after it.
      if (signal !== 'SIGKILL' || !failures.some((f) => f.i === current && f.kind === 'hang')) {
        failures.push({ i: current, kind: 'crash', detail: `worker exited (${signal ?? code}): ${stderr.trim().split('\n').slice(-8).join('\n')}`, saved: save(current) });
      }
      done++;
      runWorker(current + stride, stride).then(resolve);
    });
  });
}

const progress = setInterval(() => {
  const s = (Date.now() - started) / 1000;
  console.log(`fuzz: ${done}/${runs} cases in ${s.toFixed(0)} s (${(done / s).toFixed(1)}/s), ${failures.length} failing`);
}, 15_000);

await Promise.all(Array.from({ length: workers }, (_, w) => runWorker(from + w, workers)));
clearInterval(progress);

const secs = (Date.now() - started) / 1000;
console.log(`\nfuzz: seed ${seed}: ${done} cases (${(bytes / 1048576).toFixed(1)} MB of text) in ${secs.toFixed(0)} s; ` +
  `${diagnostics} diagnostics and ${fixes} fixes checked`);
console.log(`fuzz: ${divergences} incremental trees differed from a full parse in tree-sitter's error recovery (text with syntax errors; counted, not failed)`);
console.log('fuzz: slowest call per feature:');
for (const [f, s] of Object.entries(slowest).sort()) console.log(`  ${f.padEnd(18)} ${s.ms.toFixed(0).padStart(6)} ms (case ${s.i}, ${s.size} chars)`);
const count = (k) => failures.filter((f) => f.kind.includes(k)).length;
console.log(`fuzz: ${count('crash')} crashes, ${count('hang')} hangs, ${count('threw')} cases with exceptions, ${count('invalid')} with invalid results, ${count('slow')} past the time budget (${problemsSeen} problems)`);
for (const f of failures.sort((a, b) => a.i - b.i)) {
  console.log(`\n case ${f.i}: ${f.kind}${f.recipe ? ` [${f.recipe.join(', ')}]` : ''}\n   ${f.detail.split('\n').slice(0, 12).join('\n   ')}\n   input: ${f.saved}`);
}
process.exit(failures.length ? 1 : 0);
