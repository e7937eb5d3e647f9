// What bench/startupProbe.ts (in the extension host) reports to bench/startup.ts (in Node), and how it marks the line.
export const MARKER = 'CONDIS_STARTUP_PROBE ';

/** What one window measured; times in ms from the activation request. */
export interface ProbeResult {
  host: 'node' | 'web';
  /** The extension was already active when the probe started (then the times are not a cold start). */
  wasActive: boolean;
  /** How long the probe waited for the window's own start-up to quieten before it asked for the activation. */
  settleMs: number;
  /** activate() resolved: our activate() awaits client.start(), so the server has answered initialize. */
  activatedMs: number | null;
  /** The first hover request that came back with our content. */
  hoverMs: number | null;
  /** The first `condis` diagnostic of the file (complete-with-pending). */
  diagnosticsMs: number | null;
  /** The document was open (openTextDocument resolved). */
  openedMs: number | null;
  /** Its editor was shown (showTextDocument resolved; the hover is polled meanwhile). */
  shownMs: number | null;
  hoverPolls: number;
  /** [sent, answered] of the first hover polls (ms from the activation request): where a slow round trip was. */
  polls: [number, number][];
  /** [start, ms] of each time this host's thread was busy for over 60 ms (a 10 ms ticker ran late). */
  stalls: [number, number][];
  /** The extension's own marks (client/src/startupMarks.ts: activate, clientReady, firstHoverAnswer ...), same clock. */
  marks: Record<string, number>;
  /** Resources this host fetched after the request (the web host: extension.js, server.js; end times). */
  fetched: { name: string; startMs: number; endMs: number; bytes: number }[];
  error?: string;
}

