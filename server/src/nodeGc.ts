// A full garbage collection on demand, for the Node server: after a pause has dropped a version's memo (Validator.trim)
// or the index has been built, V8 would keep the garbage, and the pages holding it, until it next has to allocate.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/** Runs a full collection; does nothing where the runtime refuses to expose one. */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      // `--expose-gc` set at run time gives new contexts a `gc` function (the process' own global stays as it was).
      gc = (globalThis as { gc?: () => void }).gc ?? (setFlagsFromString('--expose-gc'), runInNewContext('gc') as () => void);
    } catch {
      gc = null;
    }
  }
  gc?.();
}
