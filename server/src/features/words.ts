// Word boundaries in raw text, for places the syntax tree sees as one token (macro bodies, half-typed code).

const WORD = /[A-Za-z0-9_]/;

export function wordAt(text: string, offset: number): { text: string; start: number; end: number } | null {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end])) end++;
  if (start === end || /[0-9]/.test(text[start])) return null;
  return { text: text.slice(start, end), start, end };
}

/** The identifier prefix ending at `offset` (what the user is typing). */
export function prefixAt(text: string, offset: number): { text: string; start: number } {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  return { text: text.slice(start, offset), start };
}
