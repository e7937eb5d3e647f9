// C-text helpers shared by the unit emitters: the unit's context, function heads in SAL 2 or NDIS 5 style, and
// statement lines that carry their probes (an edit at column 0, a hover on the first name, completion after `->`).
import type { Emitter, Mark } from './emitter';

export type Param = [type: string, name: string, sal: string, optional?: boolean];

export interface Ctx {
  out: Emitter;
  p: string;
  u: string;
  sal: boolean;
  rnd: () => number;
}

export const E = (col = 0): Mark => ({ kind: 'edit', col });
export const H = (col: number): Mark => ({ kind: 'hover', col });
export const C = (col: number): Mark => ({ kind: 'completion', col });

/** A function head: return type, name, parameters in the unit's annotation style, opening brace. */
/** `helper`: not a handler, so there is no role-type declaration whose annotations it could use. */
export function head(c: Ctx, ret: string, name: string, params: Param[], helper = false): void {
  if (c.sal && !helper) c.out.line('_Use_decl_annotations_');
  c.out.line(ret);
  c.out.line(`${name}(`, [H(2)]);
  params.forEach(([type, pname, sal, optional], i) => {
    const comma = i < params.length - 1 ? ',' : '';
    const text = c.sal ? `    ${sal} ${type} ${pname}${comma}` : `    IN  ${type.padEnd(20)}${pname}${optional ? ' OPTIONAL' : ''}${comma}`;
    c.out.line(text, [H(text.indexOf(pname) + 1)]);
  });
  c.out.line('    )');
  c.out.line('{');
}

/** A statement line inside a body: an edit probe at column 0, hovers on `Vc`/macros, completion after `->`. */
export function s(c: Ctx, text: string): void {
  const marks: Mark[] = [E()];
  const arrow = text.indexOf('->');
  if (arrow > 0) marks.push(C(arrow + 2));
  const word = /[A-Z][A-Za-z0-9_]{2,}/.exec(text);
  if (word) marks.push(H(word.index + 1));
  c.out.line(text, marks);
}

export const ctxOf = (c: Ctx, v: string, type: string) => s(c, `    P${c.u}_${type} ${v} = (P${c.u}_${type})${v === 'Vc' ? 'CallMgrVcContext' : 'CallMgrAfContext'};`);
