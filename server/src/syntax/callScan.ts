// Finds the calls whose argument list encloses an offset by scanning raw text: works in half-typed code
// where the syntax tree has no call node yet. Understands comments, string and char literals.

export interface OpenCall {
  /** The identifier just before the '(' (null for casts, grouping and calls through expressions). */
  callee: string | null;
  /** Offset of the '('. */
  open: number;
  /** Top-level commas between '(' and the offset: the index of the argument being typed. */
  argIndex: number;
}

const IDENT = /[A-Za-z0-9_]/;

/** Open calls around `offset`, innermost first, scanning from `from` (a point known to be outside any call). */
export function openCallsAt(text: string, offset: number, from: number): OpenCall[] {
  const stack: { ch: string; call: OpenCall | null }[] = [];
  let i = Math.max(0, from);
  const end = Math.min(offset, text.length);
  while (i < end) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') { const j = text.indexOf('\n', i); if (j < 0 || j >= end) return []; i = j; continue; }
    if (c === '/' && next === '*') { const j = text.indexOf('*/', i + 2); if (j < 0 || j + 2 > end) return []; i = j + 2; continue; }
    if (c === '"' || c === '\'') {
      let j = i + 1;
      while (j < end && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (j >= end) return [];
      i = j + 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      let call: OpenCall | null = null;
      if (c === '(') {
        let k = i - 1;
        while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r' || text[k] === '\n')) k--;
        let s = k;
        while (s >= 0 && IDENT.test(text[s])) s--;
        const name = text.slice(s + 1, k + 1);
        call = { callee: name && !/^[0-9]/.test(name) ? name : null, open: i, argIndex: 0 };
      }
      stack.push({ ch: c, call });
    } else if (c === ')' || c === ']' || c === '}') {
      const want = c === ')' ? '(' : c === ']' ? '[' : '{';
      // Unbalanced code: drop frames until the matching opener.
      while (stack.length && stack[stack.length - 1].ch !== want) stack.pop();
      stack.pop();
    } else if (c === ',' && stack.length) {
      const top = stack[stack.length - 1];
      if (top.call) top.call.argIndex++;
    } else if (c === ';' && stack.length && stack[stack.length - 1].ch === '{') {
      // Statement boundary inside a block: nothing to do; `;` inside parens is a for-loop header.
    }
    i++;
  }
  const out: OpenCall[] = [];
  for (let k = stack.length - 1; k >= 0; k--) {
    const call = stack[k].call;
    if (call) out.push(call);
  }
  return out;
}
