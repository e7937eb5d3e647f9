// In-process breakdown of what lenses and the driver model cost per edit (no protocol): the diagnostics of each
// one-character edit, then the lens list, the resolve of the lenses near the edit and condis/driverModel, each timed
// apart. Run alone: `node --import tsx bench/lensSteps.ts --lines 10000 --edits 20`.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices } from '../server/src/services';
import { Validator } from '../server/src/validation';
import { DEFAULT_SETTINGS } from '../server/src/settings';
import { LifecycleModels } from '../server/src/features/lifecycle/models';
import { ModelChanges } from '../server/src/features/lifecycle/changes';
import { provideCodeLenses, resolveCodeLens } from '../server/src/features/codeLens';
import { driverModel } from '../server/src/features/driverModel';
import { generateDriver } from './generate';
import { ROOT } from './servers';

const arg = (name: string, d: number) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : d; };

async function main(): Promise<void> {
  const lines = arg('--lines', 10000);
  const n = arg('--edits', 20);
  const g = generateDriver(lines, 1);
  const s = await createServices(join(ROOT, 'dist'));
  const validator = new Validator(s, () => ({ ...DEFAULT_SETTINGS, timeBudget: 1e9 }), 'file:///docs', undefined, () => undefined);
  const models = new LifecycleModels(s, { analysis: (d) => validator.analysis(d), diagnostics: (d) => validator.diagnostics(d), readText: () => undefined });
  let told = 0;
  const changes = new ModelChanges(models, () => { told++; });
  const uri = 'file:///bench/driver.c';
  const doc = s.documents.open(uri, 'c', 1, g.text);
  validator.diagnostics(doc);
  provideCodeLenses(doc, validator.analysis(doc), models.forUri(uri));
  driverModel(models, false);
  changes.look();
  const t = { diag: [] as number[], list: [] as number[], resolve: [] as number[], model: [] as number[], look: [] as number[] };
  const probes = g.probes.edit;
  for (let i = 0; i < n; i++) {
    const pos = probes[Math.floor((i / 2) * (probes.length / Math.ceil(n / 2))) % probes.length];
    const change = i % 2 === 0 ? { range: { start: pos, end: pos }, text: ' ' } : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
    let a = performance.now();
    s.documents.change(uri, i + 2, [change]);
    validator.diagnostics(doc);
    t.diag.push(performance.now() - a);
    a = performance.now();
    const list = provideCodeLenses(doc, validator.analysis(doc), models.forUri(uri));
    t.list.push(performance.now() - a);
    a = performance.now();
    for (const l of list.filter((x) => Math.abs(x.range.start.line - pos.line) <= 30)) resolveCodeLens(JSON.parse(JSON.stringify(l)), models.forUri(uri), s.lifecycle, (u) => u);
    t.resolve.push(performance.now() - a);
    a = performance.now();
    changes.look();
    t.look.push(performance.now() - a);
    a = performance.now();
    JSON.stringify(driverModel(models, false));
    t.model.push(performance.now() - a);
  }
  const p50 = (l: number[]) => [...l].sort((x, y) => x - y)[Math.floor(l.length / 2)].toFixed(2);
  console.log(JSON.stringify({ lines: g.lines, builds: models.builds, told, p50: Object.fromEntries(Object.entries(t).map(([k, v]) => [k, p50(v)])) }));
}

void main();
