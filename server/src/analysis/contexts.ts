// Finds routines bound to a non-CoNDIS execution context in one file: declared with a context role typedef
// (`NDIS_TIMER_FUNCTION MyTimer;`), registered by a call (`KeInitializeDpc(&Dpc, MyDpc, Ctx)`) or a field.
import type { Node } from 'web-tree-sitter';
import { CONTEXT_FIELDS, CONTEXT_REGISTRATIONS, CONTEXT_TYPES } from '../catalog/contexts';

export interface ContextBinding {
  /** The routine's name. */
  name: string;
  /** The context role typedef (`NDIS_TIMER_FUNCTION`). */
  type: string;
  start: number;
  end: number;
}

const NAMES = [...Object.keys(CONTEXT_TYPES), ...Object.keys(CONTEXT_REGISTRATIONS), ...Object.keys(CONTEXT_FIELDS)];

/**
 * Context bindings inside `root` (parsed from `text`), between offsets `from` and `to` (the whole of `root` by default).
 * Found through the text: most files name none of these.
 */
export function findContextBindings(root: Node, text: string, from = root.startIndex, to = root.endIndex): ContextBinding[] {
  const out: ContextBinding[] = [];
  const add = (name: string | null, type: string, site: Node) => {
    if (name) out.push({ name, type, start: site.startIndex, end: site.endIndex });
  };
  const part = text.slice(from, to);
  for (const word of NAMES) {
    for (let j = part.indexOf(word); j >= 0; j = part.indexOf(word, j + word.length)) {
      const i = from + j;
      const n = root.descendantForIndex(i, i + word.length);
      const p = n?.parent;
      if (!n || !p || n.startIndex !== i || n.text !== word) continue;
      if (n.type === 'type_identifier' && p.type === 'declaration' && CONTEXT_TYPES[word]) {
        for (const d of p.childrenForFieldName('declarator')) if (d?.type === 'identifier') add(d.text, word, p);
      } else if (n.type === 'identifier' && p.type === 'call_expression' && CONTEXT_REGISTRATIONS[word]) {
        const reg = CONTEXT_REGISTRATIONS[word];
        const arg = p.childForFieldName('arguments')?.namedChildren.filter((c) => c?.type !== 'comment')[reg.arg];
        if (arg) add(routineName(arg), reg.type, p);
      } else if (n.type === 'field_identifier' && CONTEXT_FIELDS[word]) {
        // `.TimerFunction = Fn` (designator -> initializer_pair) or `x.TimerFunction = Fn` (field_expression -> assignment).
        const site = p.parent;
        const value = site?.type === 'initializer_pair' ? site.childForFieldName('value')
          : site?.type === 'assignment_expression' && site.childForFieldName('left')?.id === p.id ? site.childForFieldName('right') : null;
        if (site && value) add(routineName(value), CONTEXT_FIELDS[word], site);
      }
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** `Fn`, `&Fn`, `(PNDIS_TIMER_FUNCTION)Fn` -> `Fn`. */
function routineName(value: Node): string | null {
  let v: Node | null = value;
  for (let i = 0; v && i < 8; i++) {
    if (v.type === 'identifier') return v.text;
    if (v.type === 'pointer_expression' || v.type === 'parenthesized_expression') v = v.namedChild(v.namedChildCount - 1);
    else if (v.type === 'cast_expression') v = v.childForFieldName('value');
    else return null;
  }
  return null;
}
