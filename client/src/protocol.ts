// The JSON the client reads from the server's custom requests (`condis/driverModel`, `condis/requestLifecycle`) and
// the `condis/driverModelChanged` notification, as docs/protocol.md defines them. Types only: no `vscode` here, so
// the pure renderers (driverTree.ts, lifecycleHtml.ts) can be unit-tested outside VS Code.

export const DRIVER_MODEL = 'condis/driverModel';
export const DRIVER_MODEL_CHANGED = 'condis/driverModelChanged';
export const REQUEST_LIFECYCLE = 'condis/requestLifecycle';

export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }
/** A place in a file: an LSP location (UTF-16 columns). */
export interface Place { uri: string; range: LspRange }

export interface CompletionSite { callee: string; caller: string; place: Place; via?: string }
export interface Finding { rule: string; message: string; place: Place }

export type Ending = 'pends' | 'sync' | 'unknown' | 'not-pendable';

export interface HandlerInfo {
  name: string;
  /** The callback type it implements, e.g. PROTOCOL_CM_CLOSE_CALL. */
  role: string;
  /** The reference pages' name for that callback, e.g. ProtocolCmCloseCall. */
  conventional?: string;
  definition?: Place;
  registrations: Place[];
  pendable: boolean;
  ending: Ending;
  completions: CompletionSite[];
  findings: Finding[];
}

export type DriverKind = 'call-manager' | 'miniport-call-manager' | 'client' | 'miniport' | 'mixed' | 'unknown';

export interface HandlerTable {
  structure: string;
  place?: Place;
  entries: { field: string; handler: string; role?: string; place: Place }[];
}

export interface DriverInfo {
  root: string;
  kind: DriverKind;
  evidence: { name: string; place?: Place }[];
  tables: HandlerTable[];
  handlers: HandlerInfo[];
}

export interface DriverModel { drivers: DriverInfo[]; indexing: boolean }

export type StepState = 'implemented' | 'missing' | 'wrong' | 'ndis' | 'not-applicable';
export type Actor = 'client' | 'call-manager' | 'ndis' | 'miniport';

export interface LifecycleStep {
  id: string;
  label: string;
  actor: Actor;
  api: string;
  docUrl?: string;
  implementedBy: { name: string; place?: Place }[];
  state: StepState;
  note?: string;
}

export interface RequestLifecycle {
  request: string;
  handler: { name: string; role: string; place?: Place };
  steps: LifecycleStep[];
  edges: { from: string; to: string; label?: string }[];
}

/** The last segment of a URI's path, decoded: how a place is named to the user ("call.c"). */
export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '').replace(/\/+$/, ''); // a folder URI may end in '/'
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** "call.c:88" (1-based line). */
export function placeLabel(place: Place): string {
  return `${fileName(place.uri)}:${place.range.start.line + 1}`;
}
