// The CoNDIS catalog: facts from api.tsv joined with our prose, plus the lookups features and rules need.
import { API_FACTS } from './facts.generated';
import { CALL_MANAGER_FUNCTION_PROSE } from './prose/callManagerFunctions';
import { CLIENT_AND_COMMON_FUNCTION_PROSE } from './prose/clientAndCommonFunctions';
import { CALLBACK_PROSE } from './prose/callbacks';
import { STATUS_ENTRIES } from './statuses';
import type { CatalogEntry, EntryProse, StatusEntry } from './types';

export type { CatalogEntry, StatusEntry, ParamFact, DriverRole } from './types';

export interface Catalog {
  /** Functions and callbacks, in api.tsv order. */
  readonly entries: readonly CatalogEntry[];
  readonly statuses: readonly StatusEntry[];
  /** Function or callback by its name as spelled (`NdisMCmCloseCallComplete`, `PROTOCOL_CM_CLOSE_CALL`). */
  entry(name: string): CatalogEntry | undefined;
  /** Callback by its pointer typedef (`CM_CLOSE_CALL_HANDLER`). */
  byPointerType(name: string): CatalogEntry | undefined;
  /** Callback by its conventional function name (`ProtocolCmCloseCall`). */
  byConventionalName(name: string): CatalogEntry | undefined;
  /** Callbacks whose handler-table field is `field` (`CmCloseCallHandler`; `ClCreateVcHandler`). */
  byHandlerField(field: string): CatalogEntry | undefined;
  status(name: string): StatusEntry | undefined;
  readonly handlerFields: readonly string[];
}

const PROSE: Record<string, EntryProse> = {
  ...CALL_MANAGER_FUNCTION_PROSE,
  ...CLIENT_AND_COMMON_FUNCTION_PROSE,
  ...CALLBACK_PROSE,
};

const MISSING: EntryProse = { summary: '', remarks: [], params: {} };

export function createCatalog(): Catalog {
  const entries: CatalogEntry[] = API_FACTS.map((f) => {
    const prose = PROSE[f.name] ?? MISSING;
    return { ...f, summary: prose.summary, remarks: prose.remarks, paramDocs: prose.params, returns: prose.returns, obligation: prose.obligation };
  });
  const byName = new Map(entries.map((e) => [e.name, e]));
  const byPointer = new Map<string, CatalogEntry>();
  const byConventional = new Map<string, CatalogEntry>();
  const byField = new Map<string, CatalogEntry>();
  for (const e of entries) {
    if (e.pointerType) byPointer.set(e.pointerType, e);
    if (e.conventionalName) byConventional.set(e.conventionalName, e);
    for (const f of e.handlerFields) byField.set(f, e);
  }
  const statusByName = new Map(STATUS_ENTRIES.map((s) => [s.name, s]));
  return {
    entries,
    statuses: STATUS_ENTRIES,
    entry: (n) => byName.get(n),
    byPointerType: (n) => byPointer.get(n),
    byConventionalName: (n) => byConventional.get(n),
    byHandlerField: (n) => byField.get(n),
    status: (n) => statusByName.get(n),
    handlerFields: [...byField.keys()],
  };
}
