// The typed shape of a CoNDIS catalog entry: facts (generated from api.tsv) joined with our own prose.

export type EntryKind = 'function' | 'callback' | 'status';
export type DriverRole = 'call-manager' | 'miniport-call-manager' | 'client' | 'miniport' | 'any';
export type Direction = 'in' | 'out' | 'inout';
export type IrqlLevel = 'PASSIVE_LEVEL' | 'DISPATCH_LEVEL';

export interface ParamFact {
  name: string;
  type: string;
  direction: Direction;
  optional: boolean;
  /** The annotation as spelled in the header prototype (`_In_opt_`, `IN`, ...); empty for doc-shaped macros. */
  annotation: string;
}

export interface ApiFact {
  name: string;
  kind: 'function' | 'callback';
  role: DriverRole;
  returnType: string;
  prototype: string;
  params: ParamFact[];
  /** `max` is the highest IRQL a caller may run at (null: not annotated); `min` the lowest, when the header has one. */
  irql: { text: string; max: IrqlLevel | null; min: IrqlLevel | null };
  minNdis: string | null;
  completes: string | null;
  seeAlso: string[];
  /** For role typedefs: the function name the docs use (`ProtocolCmCloseCall`). */
  conventionalName: string | null;
  /** Handler-table fields that take a function of this role (`CmCloseCallHandler`). */
  handlerFields: string[];
  handlerFieldNote: string | null;
  /** The pointer typedef the handler table uses (`CM_CLOSE_CALL_HANDLER`). */
  pointerType: string | null;
  declarationForm: string;
  /** Set when the name is a macro over another function (`NdisMCmCloseCallComplete` -> `NdisCmCloseCallComplete`). */
  macro: { params: string[]; target: string } | null;
  mustInspectResult: boolean;
  headerCondition: string | null;
  sdvRule: string | null;
  returnsStatuses: string[];
  docUrl: string | null;
}

/** Our own words about one entry. */
export interface EntryProse {
  /** One sentence: what it is for. */
  summary: string;
  /** A few short paragraphs: obligations, ordering, pitfalls. Markdown, our words. */
  remarks: string[];
  /** Per-parameter description, keyed by parameter name. */
  params: Record<string, string>;
  /** What the return value means (functions returning NDIS_STATUS, callbacks returning a status). */
  returns?: string;
  /** For callbacks: what implementing it obliges the driver to do. */
  obligation?: string;
}

export interface StatusFact {
  name: string;
  /** The numeric value as defined in ndis.h (null for the docs' NDIS_STATUS_XXX placeholder). */
  value: number | null;
  /** The NTSTATUS it aliases in ndis.h, when it is one. */
  alias: string | null;
  pagesMentioning: number;
  pages: string[];
}

export interface CatalogEntry extends ApiFact {
  summary: string;
  remarks: string[];
  /** Our description of each parameter, keyed by parameter name. */
  paramDocs: Record<string, string>;
  returns?: string;
  obligation?: string;
}

export interface StatusEntry extends StatusFact {
  kind: 'status';
  summary: string;
  remarks: string[];
}
