// Blanks SAL 2, SAL 1 and NDIS 5 annotations to same-length spaces so a C parser without a preprocessor sees plain C.
// Offsets, lines and columns stay exactly where they were: only annotation characters become spaces (newlines are kept).

// SAL 2 annotations all look like `_Word_` or `_Word_(...)`; listing the leading words keeps ordinary
// identifiers such as `_MY_CONTEXT` or macro parameters like `_VH_` untouched.
const SAL2_HEADS = [
  'In', 'Out', 'Inout', 'Outptr', 'Deref', 'Pre', 'Post', 'Ret', 'Field', 'Struct', 'Success', 'Check', 'Must',
  'Use', 'IRQL', 'Kernel', 'Function', 'When', 'At', 'Acquires', 'Releases', 'Requires', 'Guarded', 'Interlocked',
  'Analysis', 'Null', 'Notnull', 'Maybenull', 'Readable', 'Writable', 'Printf', 'Scanf', 'Reserved', 'Const',
  'Frees', 'Allocator', 'Points', 'Always', 'Return', 'Result', 'Valid', 'Dispatch', 'Drv', 'Strict', 'Benign',
  'Literal', 'Notliteral', 'Null_terminated', 'NullNull', 'Group', 'On', 'Satisfies', 'Has', 'Unchanged', 'Outref',
  'Frame', 'Ptr', 'Printf_format', 'Called', 'Raises', 'Releases_lock', 'Acquires_lock', 'Create', 'Lock', 'Enum',
];
const SAL2 = `_(?:${SAL2_HEADS.join('|')})[A-Za-z0-9_]*_`;
// SAL 1 (`__in`, `__out_opt`, `__drv_maxIRQL(...)`, `__checkReturn`) and NDIS 5 (`IN`, `OUT`, `OPTIONAL`).
const SAL1 = '__(?:in|out|inout|deref|ecount|bcount|drv_[A-Za-z0-9_]+|checkReturn|success|format_string|reserved|nullterminated|callback|field_[a-z_]+)(?:_[a-z_]+)?';
const WORDS = '(?:IN|OUT|OPTIONAL|NTAPI|NDIS_API|EXTERN_C)';

const TOKEN = new RegExp(`(?<![A-Za-z0-9_])(?:${SAL2}|${SAL1}|${WORDS})(?![A-Za-z0-9_])`, 'g');
const TAKES_ARGS = /^(?:_|__drv_|__success)/;

/**
 * Length of a balanced parenthesised group starting at `open` (which must be '('), or -1 if it does not close
 * on the same line. Keeping every blank within one line makes blanking line-local, so an edit only ever needs
 * the lines it touches re-blanked.
 */
function groupLength(text: string, open: number, limit: number): number {
  let depth = 0;
  const end = Math.min(text.length, open + limit);
  for (let i = open; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) return -1;
    if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */ && --depth === 0) return i - open + 1;
  }
  return -1;
}

function spaces(text: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const c = text[i];
    out += c === '\n' || c === '\r' ? c : ' ';
  }
  return out;
}

/** Returns `text` with every annotation replaced by spaces of the same length. Never throws. */
export function blankAnnotations(text: string): string {
  TOKEN.lastIndex = 0;
  let out = '';
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    let end = m.index + m[0].length;
    if (TAKES_ARGS.test(m[0])) {
      let j = end;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
      if (text[j] === '(') {
        const len = groupLength(text, j, 4096);
        if (len > 0) end = j + len;
      }
    }
    out += text.slice(last, m.index) + spaces(text, m.index, end);
    last = end;
    TOKEN.lastIndex = end;
  }
  return last === 0 ? text : out + text.slice(last);
}
