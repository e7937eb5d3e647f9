// A fuzz worker process for scripts/fuzz.mjs: runs cases `from + k * stride` below `to` of one seed and reports each
// as a JSON line on stdout ({t:'start'} before, {t:'done'} after), so the parent can tell a hang or a crash from
// the last case started. `--save I` writes case I's text (and how it was made) to --out and exits.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHarness } from './exercise';
import { generateCase, runCase } from './engine';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function strArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const send = (m: object) => process.stdout.write(`${JSON.stringify(m)}\n`);

export function saveCase(out: string, seed: number, index: number, extra: object = {}): string {
  mkdirSync(out, { recursive: true });
  const c = generateCase(seed, index);
  const base = join(out, `seed-${seed}-case-${index}`);
  writeFileSync(`${base}.c`, c.text);
  writeFileSync(`${base}.json`, JSON.stringify({ seed, index, recipe: c.recipe, size: c.text.length, ...extra }, null, 2));
  return `${base}.c`;
}

async function main(): Promise<void> {
  const seed = arg('seed', 1);
  const out = strArg('out') ?? '.';
  const save = arg('save', -1);
  if (save >= 0) {
    send({ t: 'saved', i: save, path: saveCase(out, seed, save) });
    return;
  }
  const from = arg('from', 0);
  const to = arg('to', 100);
  const stride = arg('stride', 1);
  const h = await createHarness();
  send({ t: 'ready' });
  for (let i = from; i < to; i += stride) {
    send({ t: 'start', i });
    const r = runCase(h, seed, i);
    const msg: Record<string, unknown> = { t: 'done', i, size: r.size, ms: r.ms, diagnostics: r.diagnostics, fixes: r.fixes, divergences: r.divergences };
    if (r.problems.length) {
      msg.problems = r.problems;
      msg.recipe = r.recipe;
      msg.saved = saveCase(out, seed, i, { problems: r.problems });
    }
    send(msg);
    // Let the timers a case left behind fire, as they would in the server (a check continued later): a loop that never
    // yielded kept every such case's document alive, and a worker slowed down in garbage collection after a 20 MB case.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  send({ t: 'end' });
}

if (require.main === module) {
  main().then(() => process.exit(0), (err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(3);
  });
}
