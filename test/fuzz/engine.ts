// One fuzz case from (seed, index): a text made from the corpus by a few mutations (or from nothing), then every
// feature run on it. Shared by the bounded test (`npm test`) and long runs (`npm run fuzz`).
import { loadCorpus } from './corpus';
import { exercise, type Harness, type Problem } from './exercise';
import { freshText, hugeText, MUTATION_NAMES, MUTATIONS } from './mutate';
import { caseSeed, Rng } from './rng';

export interface GeneratedCase {
  text: string;
  /** How the text was made: the base and the mutations, in order. */
  recipe: string[];
}

/** Every HUGE_EVERY-th case (from case 0) is a 20 MB file. */
export const HUGE_EVERY = 25_000;
export const HUGE_BYTES = 20 * 1024 * 1024;
/** Other cases are cut to this size so a long run's time goes to variety, not to a few giant texts. */
const MAX_CHARS = 3 * 1024 * 1024;

export function generateCase(seed: number, index: number, opts: { huge?: boolean } = {}): GeneratedCase {
  const r = new Rng(caseSeed(seed, index));
  const corpus = loadCorpus();
  if (opts.huge ?? index % HUGE_EVERY === 0) {
    const base = r.pick(corpus.files.filter((f) => f.path.endsWith('.c')));
    return { text: hugeText(base.text + '\n', HUGE_BYTES), recipe: [`${base.path} repeated to 20 MB`] };
  }
  let text: string;
  const recipe: string[] = [];
  if (r.chance(0.85)) {
    const base = r.pick(corpus.files);
    text = base.text;
    recipe.push(base.path);
  } else {
    const fresh = freshText(r, corpus);
    text = fresh.text;
    recipe.push(fresh.how);
  }
  for (let n = r.range(1, 5); n > 0; n--) {
    const name = r.pick(MUTATION_NAMES);
    text = MUTATIONS[name](r, text, corpus);
    recipe.push(name);
  }
  if (text.length > MAX_CHARS) { text = text.slice(0, MAX_CHARS); recipe.push('cut'); }
  return { text, recipe };
}

export interface CaseResult {
  index: number;
  recipe: string[];
  size: number;
  problems: Problem[];
  ms: Record<string, number>;
  diagnostics: number;
  fixes: number;
  divergences: number;
}

export function runCase(h: Harness, seed: number, index: number, opts: { huge?: boolean } = {}): CaseResult {
  const c = generateCase(seed, index, opts);
  // The features' probes get their own stream, so a change in how texts are made does not shift them.
  const r = new Rng(caseSeed(seed ^ 0x5bd1e995, index));
  const out = exercise(h, c.text, r);
  return { index, recipe: c.recipe, size: c.text.length, ...out };
}
