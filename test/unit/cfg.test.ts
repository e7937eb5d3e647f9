// The control-flow graph's events: the walk that skips expressions by their text finds exactly what a walk of every
// node finds, in the same order, including around operators that look like assignments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, services } from './helpers';
import { ParsedText } from '../../server/src/syntax/parsedText';
import { analyzeFile } from '../../server/src/analysis/fileAnalysis';
import { buildCfg, type Cfg } from '../../server/src/analysis/cfg';
import { generateDriver } from '../../bench/generate';

function events(cfg: Cfg): string[] {
  return cfg.blocks.flatMap((b) => [
    `#${b.id}->${b.succ.join(',')}`,
    ...b.events.map((e) => {
      switch (e.k) {
        case 'call': return `call ${e.name} ${e.node.startIndex} ${e.args.length}`;
        case 'assign': return `assign ${e.target} ${e.node.startIndex} ${e.value?.startIndex ?? '-'}`;
        case 'assume': return `assume ${e.cond.startIndex} ${e.truth}`;
        case 'return': return `return ${e.node.startIndex}`;
        case 'pp': return `pp ${e.key} ${e.truth} ${e.at}`;
      }
    }),
  ]);
}

async function bodies(text: string) {
  const s = await services();
  const parsed = new ParsedText(s.parser, text);
  const file = analyzeFile('file:///cfg.c', text, parsed, s);
  return { fns: file.functions(), dispose: () => parsed.dispose() };
}

test('finds assignments next to operators that look like them (==, !=, <=, >=, <<=, >>=)', async () => {
  const { fns, dispose } = await bodies(`
void f(int a, int b) {
  int x = 0;
  if (a == b) x <<= 1;
  if (a <= b && b >= a) x >>= 2;
  if (a != b) x += g(a);
  x = a > b ? h() : b;
  y = (x)++;
  z = -(--x);
  w = a == b;
}`);
  try {
    // In source order (the graph lists them by block).
    const found = events(buildCfg(fns[0].body)).filter((e) => e.startsWith('call') || e.startsWith('assign'))
      .map((e) => e.split(' ')).sort((x, y) => Number(x[2]) - Number(y[2]) || x[0].localeCompare(y[0])).map((e) => `${e[0]} ${e[1]}`);
    // `x = a > b ? h() : b` assigns x on each of its two branches.
    assert.deepEqual(found, ['assign x', 'assign x', 'assign x', 'assign x', 'call g', 'assign x', 'assign x', 'call h', 'assign y', 'assign x', 'assign z', 'assign x', 'assign w']);
  } finally {
    dispose();
  }
});

test('the text-pruned walk and the full walk give the same graph for generated drivers and every example', async () => {
  const texts = [1, 2, 3].map((seed) => generateDriver(3000, seed).text);
  for (const dir of ['examples/mcm', 'examples/standalone-cm', 'test/fixtures', 'test/cli/fixtures']) {
    for (const f of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.c'))) texts.push(readFileSync(join(ROOT, dir, f), 'utf8'));
  }
  let compared = 0;
  for (const text of texts) {
    const { fns, dispose } = await bodies(text);
    try {
      for (const fn of fns) {
        assert.deepEqual(events(buildCfg(fn.body)), events(buildCfg(fn.body, { pruneByText: false })), fn.name);
        compared++;
      }
    } finally {
      dispose();
    }
  }
  assert.ok(compared > 100);
});

const IDIOMS = `
void f(PVC Vc, int a) {
#if 0
  Parked();
#elif defined(NDIS60)
  Six();
#else
  Five();
#endif
#ifdef DBG
  Trace();
#endif
  __try { E(); if (a) __leave; if (a > 1) return; } __finally { Fin(); }
  __try { G(); } __except (EXCEPTION_EXECUTE_HANDLER) { H(); }
  do { if (a) break; I(); } while (0);
  for (;;) { if (a) break; }
  switch (a) { case 1: { J(); } default: K(); case 2: L(); break;
#ifdef X
  case 3: M(); break;
#endif
  }
  h = a ? Vc->h : NULL;
  if (x) goto out;
  __try { if (a) goto out; } __finally { Fin2(); }
out:
  return;
}`;

test('each call is walked once per way the compiler can reach it (#if arms once, #if 0 never), and the pruned walk agrees', async () => {
  const { fns, dispose } = await bodies(IDIOMS);
  try {
    const cfg = buildCfg(fns[0].body);
    const calls = cfg.blocks.flatMap((b) => b.events.filter((e) => e.k === 'call').map((e) => (e.k === 'call' ? e.name : '')));
    const count = (n: string) => calls.filter((c) => c === n).length;
    assert.equal(count('Parked'), 0);
    assert.equal(count('Six'), 1);
    assert.equal(count('Five'), 1);
    assert.equal(count('M'), 1);
    // __finally: once for falling off or __leave, once more for the return inside the body; Fin2 for the goto and the fall.
    assert.equal(count('Fin'), 2);
    assert.equal(count('Fin2'), 2);
    assert.equal(cfg.unreliable, false);
    assert.deepEqual(events(cfg), events(buildCfg(fns[0].body, { pruneByText: false })));
    // do/while(0): no path from the block of I() leads back to it.
    const iBlock = cfg.blocks.find((b) => b.events.some((e) => e.k === 'call' && e.name === 'I'))!;
    const reach = new Set<number>(iBlock.succ);
    for (const id of reach) for (const s of cfg.blocks[id].succ) reach.add(s);
    assert.ok(!reach.has(iBlock.id));
  } finally {
    dispose();
  }
});
