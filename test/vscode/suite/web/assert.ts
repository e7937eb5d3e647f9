// The few `node:assert/strict` functions the extension-host suite uses, for its web worker build (no Node there):
// the same strict semantics (Object.is, deep equality of plain data), failures thrown as AssertionError.

export class AssertionError extends Error {
  constructor(message: string, readonly actual?: unknown, readonly expected?: unknown) {
    super(message);
    this.name = 'AssertionError';
  }
}

const show = (v: unknown) => { try { return JSON.stringify(v); } catch { return String(v); } };

export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(message ?? `expected a truthy value, got ${show(value)}`, value, true);
}

export function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) throw new AssertionError(message ? `${message}\n  actual: ${show(actual)}\n  expected: ${show(expected)}` : `${show(actual)} !== ${show(expected)}`, actual, expected);
}

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => same(x, (b as unknown[])[i]));
  if (a instanceof Map || a instanceof Set) return same([...a], [...(b as Map<unknown, unknown>)]);
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!same(actual, expected)) throw new AssertionError(`${message ?? 'not deeply equal'}\n  actual: ${show(actual)}\n  expected: ${show(expected)}`, actual, expected);
}

export function match(actual: string, re: RegExp, message?: string): void {
  if (typeof actual !== 'string' || !re.test(actual)) throw new AssertionError(message ?? `${show(actual)} does not match ${re}`, actual, re);
}

export function fail(message?: string): never {
  throw new AssertionError(message ?? 'failed');
}

export const strict = { ok, equal, deepEqual, match, fail, AssertionError };
export default strict;
