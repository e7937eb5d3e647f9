// Start-up marks of this extension host (performance.now(), the host's clock): when activate() began, the server was
// started and answered initialize, and the first hover and findings came back. Read by bench/startup.ts through the
// extension's API (CondisApi.startupMarks), so the start-up figure starts at our own activate(), not at a guess.

/** In the order they normally happen; each is recorded once, the first time. */
export const STARTUP_MARKS = ['activate', 'clientStarting', 'serverStarted', 'clientReady', 'firstHoverRequest', 'firstHoverAnswer', 'firstDiagnostics'] as const;
export type StartupMark = (typeof STARTUP_MARKS)[number];

const marks: Partial<Record<StartupMark, number>> = {};

export function mark(name: StartupMark): void {
  marks[name] ??= performance.now();
}

export function startupMarks(): Partial<Record<StartupMark, number>> {
  return { ...marks };
}
