// The lifecycle features on a fuzz case (issue 14): code lenses and their resolve, go to implementation / definition /
// references, the call hierarchy, condis/requestLifecycle and condis/driverModel, called as the server routes them.
// Each must answer a well-formed result or nothing, never throw, within its budget (exercise.ts `call`).
import type { CodeLens, Location, Position, Range } from 'vscode-languageserver';
import type { OpenDocument } from '../../server/src/documents';
import type { Services } from '../../server/src/services';
import type { Validator } from '../../server/src/validation';
import { provideCodeLenses, resolveCodeLens } from '../../server/src/features/codeLens';
import { driverModel } from '../../server/src/features/driverModel';
import {
  navigation, provideDefinition, provideImplementation, provideIncomingCalls, provideOutgoingCalls, providePrepareCallHierarchy,
  provideReferences, provideRequestLifecycle,
} from '../../server/src/features/navigation/provide';

type Call = <T>(feature: string, fn: () => T) => T | undefined;
type Invalid = (feature: string, list: string[]) => void;

const isRange = (r: Range | undefined) => !!r && [r.start.line, r.start.character, r.end.line, r.end.character].every((n) => Number.isInteger(n) && n >= 0);

function checkLocations(list: Location[] | null | undefined, what: string): string[] {
  if (list === null || list === undefined) return [];
  if (!Array.isArray(list)) return [`${what}: not a list`];
  return list.flatMap((l, i) => (typeof l.uri === 'string' && isRange(l.range) ? [] : [`${what}[${i}]: not a location`]));
}

export function exerciseLifecycle(s: Services, validator: Validator, doc: OpenDocument, positions: Position[], call: Call, invalid: Invalid): void {
  const n = navigation(s, { analysis: (d) => validator.analysis(d), diagnostics: (d) => validator.diagnostics(d), readText: () => undefined });
  const lenses = call('codeLens', () => provideCodeLenses(doc, validator.analysis(doc), n.models.forUri(doc.uri))) ?? [];
  invalid('codeLens', lenses.flatMap((l, i) => (isRange(l.range) && !l.command ? [] : [`lens ${i}: bad range or resolved early`])));
  for (const lens of lenses.slice(0, 20)) {
    const r = call('codeLens', () => resolveCodeLens(lens, n.models.forUri(doc.uri), s.lifecycle, (u) => u)) as CodeLens | undefined;
    if (r && (!r.command || typeof r.command.title !== 'string' || !r.command.title)) invalid('codeLens', ['a resolved lens has no title']);
  }
  for (const pos of positions) {
    invalid('navigation', checkLocations(call('navigation', () => provideImplementation(doc, pos, n)), 'implementation'));
    invalid('navigation', checkLocations(call('navigation', () => provideDefinition(doc, pos, n)), 'definition'));
    invalid('navigation', checkLocations(call('navigation', () => provideReferences(doc, pos, true, n)), 'references'));
    const items = call('navigation', () => providePrepareCallHierarchy(doc, pos, n)) ?? [];
    for (const item of items.slice(0, 2)) {
      const incoming = call('navigation', () => provideIncomingCalls(item, n)) ?? [];
      const outgoing = call('navigation', () => provideOutgoingCalls(item, n)) ?? [];
      invalid('navigation', [...incoming, ...outgoing].flatMap((c) => (c.fromRanges.every(isRange) ? [] : ['a call hierarchy range is malformed'])));
    }
    const lc = call('requestLifecycle', () => provideRequestLifecycle(doc, pos, n));
    if (lc && (!Array.isArray(lc.steps) || !lc.steps.length)) invalid('requestLifecycle', ['a lifecycle without steps']);
  }
  const model = call('driverModel', () => driverModel(n.models, false));
  if (model) JSON.stringify(model); // serialisable, as the server sends it
}
