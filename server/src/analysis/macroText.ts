// Argument substitution in a macro body, as the C preprocessor does it on tokens: each parameter is replaced by the
// text of its argument (recording where, so the expansion's nodes can be traced back to the use site's arguments),
// `#param` becomes a string literal and `##` joins its neighbours.
export interface Substituted {
  text: string;
  /** Where each argument's text was put, in `text`: which argument. */
  ranges: { start: number; end: number; arg: number }[];
}

/** Tokens that matter here: identifiers, string and character literals (kept whole), `##`, `#`. */
const TOKEN = /[A-Za-z_]\w*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|##|#/g;

/** The body with `args` substituted; undefined when the use does not fit the definition (argument count). */
export function substitute(def: { params: string[] | null; body: string }, args: readonly string[]): Substituted | undefined {
  const params = def.params ?? [];
  const variadic = params[params.length - 1] === '__VA_ARGS__';
  const fixed = variadic ? params.length - 1 : params.length;
  // `F()` passes one empty argument to a one-parameter macro, none to a parameterless one.
  if (variadic ? args.length < fixed : args.length !== fixed && !(fixed === 1 && args.length === 0)) return undefined;
  const index = new Map(params.map((p, i) => [p, i]));
  const argText = (i: number) => (variadic && i === fixed ? args.slice(fixed).join(', ') : args[i] ?? '');
  let out = '';
  const ranges: Substituted['ranges'] = [];
  let last = 0;
  const body = def.body;
  let joinNext = false;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(body); m; m = TOKEN.exec(body)) {
    const tok = m[0];
    if (tok === '##') {
      out = out.replace(/\s+$/, '') + body.slice(last, m.index).trim();
      last = m.index + 2;
      joinNext = true;
      continue;
    }
    let gap = body.slice(last, m.index);
    if (joinNext) { gap = gap.trimStart(); joinNext = false; }
    out += gap;
    last = m.index + tok.length;
    if (tok === '#') {
      // `#param`: the argument as a string literal.
      const next = /^\s*([A-Za-z_]\w*)/.exec(body.slice(last));
      const i = next ? index.get(next[1]) : undefined;
      if (next && i !== undefined) {
        out += JSON.stringify(argText(i));
        last += next[0].length;
        TOKEN.lastIndex = last;
      } else {
        out += tok;
      }
      continue;
    }
    const i = index.get(tok);
    if (i === undefined) { out += tok; continue; }
    const text = argText(i);
    ranges.push({ start: out.length, end: out.length + text.length, arg: i });
    out += text;
  }
  out += joinNext ? body.slice(last).trimStart() : body.slice(last);
  return { text: out, ranges };
}
