// Findings made through a macro: named with the macro and its definition, and never carrying a fix that would edit
// the macro (its body, its name): such a fix is dropped, said so, and replaced by an action that opens the definition.
import type { MacroUse } from '../analysis/macroExpansion';
import type { Finding } from '../rules/types';
import { code, lineRef } from '../rules/util';
import { fileName } from '../rules/roleUtil';

/** The findings of one rule with what they owe to macro uses added (the uses expanded while the rule ran). */
export function throughMacros(found: Finding[], uses: ReadonlyMap<number, MacroUse>, uri: string): Finding[] {
  if (!found.length || !uses.size) return found;
  return found.map((f) => {
    const use = useOf(f, uses);
    if (!use) return f;
    const { via } = use;
    const where = via.uri === uri ? `line ${lineRef(via.start)}` : `${fileName(via.uri)}:${via.line}`;
    const safe = (f.fixes ?? []).filter((x) => x.changes.every((c) =>
      c.end <= use.start || c.start >= use.end || use.args.some((a) => c.start >= a.start && c.end <= a.end)));
    const dropped = (f.fixes?.length ?? 0) > safe.length;
    const note = dropped
      ? ` The fix would have to change ${code(via.macro)} itself, which other code may use: open its definition to change it there.`
      : '';
    return {
      ...f,
      message: `${f.message.replace(/\.$/, '')} (through ${code(via.macro)}, defined at ${where}).${note}`,
      fixes: safe.length ? safe : undefined,
      opens: [...(f.opens ?? []), { title: `Open the definition of ${via.macro}`, uri: via.uri, line: via.line, start: via.uri === uri ? via.start : undefined }],
    };
  });
}

/** The expanded use a finding is about: it is at the use, its macro name, or one of its arguments. */
function useOf(f: Finding, uses: ReadonlyMap<number, MacroUse>): MacroUse | undefined {
  const at = uses.get(f.start);
  if (at && ((f.end === at.end) || (f.end === at.nameEnd))) return at;
  for (const u of uses.values()) {
    if (f.start < u.start || f.end > u.end) continue;
    if (u.args.some((a) => a.start === f.start && a.end === f.end)) return u;
  }
  return undefined;
}
