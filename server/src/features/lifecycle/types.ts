// The shapes of the lifecycle model (what NAV, VIEW and condis/driverModel read): handlers, their registrations,
// how their requests end and where they are completed. Plain JSON, LSP ranges (UTF-16).
import type { Position, Range } from 'vscode-languageserver';
import type { DriverKind } from '../../analysis/workspace';

export interface Place { uri: string; range: Range }

/** A call (in the driver) of a completion function, or of a macro or helper that makes one. */
export interface CompletionSite {
  /** The catalog completion function (`NdisCmCloseCallComplete`). */
  callee: string;
  /** The function the call is in. */
  caller: string;
  place: Place;
  /** The workspace macro or helper function the completion is made through, when the call is not direct. */
  via?: string;
}

export type Ending = 'pends' | 'sync' | 'unknown' | 'not-pendable';

export interface HandlerInfo {
  name: string;
  /** The role typedef (`PROTOCOL_CM_CLOSE_CALL`). */
  role: string;
  /** The role's conventional name (`ProtocolCmCloseCall`), when it has one. */
  conventional?: string;
  definition?: Place;
  /** Handler table entries, role-type declarations, NdisSetOptionalHandlers tables. */
  registrations: Place[];
  /** Its role has a completion function in the catalog. */
  pendable: boolean;
  ending: Ending;
  completions: CompletionSite[];
  /** The lifecycle rules' findings inside its definition (open files only). */
  findings: { rule: string; message: string; place: Place }[];
}

export interface HandlerTable {
  structure: string;
  place?: Place;
  entries: { field: string; handler: string; role?: string; place: Place }[];
}

export interface DriverModel {
  /** The driver's folder URI (see docs/protocol.md). */
  root: string;
  kind: DriverKind;
  evidence: { name: string; place?: Place }[];
  tables: HandlerTable[];
  handlers: HandlerInfo[];
}

export interface DriverModelResult { drivers: DriverModel[]; indexing: boolean }

export type { Position, Range };
