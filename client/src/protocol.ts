// The JSON the client reads from the server's custom requests (`condis/driverModel`, `condis/requestLifecycle`) and
// the `condis/driverModelChanged` notification, as docs/protocol.md defines them. Types only: no `vscode` here, so
// the pure renderers (driverTree.ts, lifecycleHtml.ts) can be unit-tested outside VS Code.

export const DRIVER_MODEL = 'condis/driverModel';
export const DRIVER_MODEL_CHANGED = 'condis/driverModelChanged';
export const REQUEST_LIFECYCLE = 'condis/requestLifecycle';

// The shapes are the server's own (type imports only: nothing of the server is bundled into the extension).
import type { Position, Range } from 'vscode-languageserver-types';
import type {
  CompletionSite, DriverModel as DriverInfo, DriverModelResult as DriverModel, Ending, HandlerInfo, HandlerTable, Place,
} from '../../server/src/features/lifecycle/types';
import type { LifecycleStep as ServerStep, RequestLifecycleResult, StepState } from '../../server/src/features/lifecycle/requestLifecycle';
import type { Actor } from '../../server/src/features/lifecycle/requestSteps';
import type { DriverKind } from '../../server/src/analysis/workspace';

export type { Actor, CompletionSite, DriverInfo, DriverKind, DriverModel, Ending, HandlerInfo, HandlerTable, Place, StepState };
/** A step as the client reads it: any id (a newer server may add steps), edges name them. */
export type LifecycleStep = Omit<ServerStep, 'id'> & { id: string };
export type RequestLifecycle = Omit<RequestLifecycleResult, 'steps'> & { steps: LifecycleStep[] };
export type LspPosition = Position;
export type LspRange = Range;
export type Finding = HandlerInfo['findings'][number];

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
