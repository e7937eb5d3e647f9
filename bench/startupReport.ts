// Renders bench/startup.ts's figures: the "Start-up in the editor: desktop vs web (issue 15)" section of the results.
import type { ProbeResult } from './startupTypes';
import type { Host, StartupResult } from './startup';

const fmt = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toString());
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** "median (min-max)" of the values that were measured, or "-". */
export function spread(xs: (number | null | undefined)[]): string {
  const v = sorted(xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)));
  if (!v.length) return '-';
  const med = v[Math.floor((v.length - 1) / 2)];
  return v.length === 1 ? fmt(med) : `${fmt(med)} (${fmt(v[0])}-${fmt(v[v.length - 1])})`;
}

const medianOf = (xs: (number | null | undefined)[]) => {
  const v = sorted(xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)));
  return v.length ? v[Math.floor((v.length - 1) / 2)] : NaN;
};

/** When the web host had fetched one of its files (ms from the activation request), median over the windows. */
const fetchedAt = (runs: ProbeResult[], file: string) => spread(runs.map((r) => r.fetched.find((f) => f.name === file)?.endMs));

export function renderStartup(r: StartupResult): string[] {
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
  const total = r.bundle.reduce((n, f) => n + f.bytes, 0);
  const out = ['## Start-up in the editor: desktop vs web (issue 15)', ''];
  const sum = (get: (f: StartupResult['bundle'][number]) => number | null) => r.bundle.reduce((n, f) => n + (get(f) ?? NaN), 0);
  const mb = (b: number) => (Number.isFinite(b) ? `${(b / 2 ** 20).toFixed(2)} MB` : '-');
  out.push('What the web worker host downloads (the two wasm files are the same in both builds):', '',
    '| file | measured here (development build) | packaged (minified) | packaged, gzipped |', '|---|--:|--:|--:|',
    ...r.bundle.map((f) => `| ${f.file} | ${kb(f.bytes)} | ${f.packagedBytes == null ? '-' : kb(f.packagedBytes)} | ${f.packagedGzipBytes == null ? '-' : kb(f.packagedGzipBytes)} |`),
    `| total | ${mb(total)} | ${mb(sum((f) => f.packagedBytes))} | ${mb(sum((f) => f.packagedGzipBytes))} |`, '');
  if (!r.available) {
    out.push(`Not measured: ${r.note}.`, '');
    return out;
  }
  /** Cold windows: the extension began activating after the probe asked (not restored, not already active). */
  const cold = (h: Host) => r.runs[h].filter(isCold);
  const row = (label: string, get: (x: ProbeResult) => number | null | undefined) => {
    const [n, w] = [cold('node').map(get), cold('web').map(get)];
    const ratio = medianOf(w) / medianOf(n);
    return `| ${label} | ${spread(n)} | ${spread(w)} | ${Number.isFinite(ratio) ? `${ratio.toFixed(1)}x` : '-'} |`;
  };
  /** ms from our activate() began (its own mark) to a time of the probe's clock. */
  const fromActivate = (x: ProbeResult, t: number | null | undefined) => (t == null || x.marks.activate == null ? null : t - x.marks.activate);
  const gap = (x: ProbeResult, a: string, b: string) => (x.marks[a] == null || x.marks[b] == null ? null : x.marks[b] - x.marks[a]);
  out.push(`The real VS Code server build (code-server ${r.versions['code-server']}) in headless ${r.versions.chromium}, ` +
    `a fresh window per run, ${r.runsPerHost} per host (bench/startup.ts; the probe bench/startupProbe.ts runs as the window's extension test). ` +
    'Desktop is the Node extension host with the Node server over IPC, as the extension starts it; web is the web worker extension host ' +
    '(`remote.extensionKind: web`) with the server in a Web Worker. The workspace has no C file, so nothing activates the extension before ' +
    'the probe: it asks for the activation (the extension not yet loaded) and opens a C file from beside the workspace at once. ' +
    "The start is the extension's own mark at the top of `activate()` (client/src/startupMarks.ts, read through the extension's API); " +
    'the first hover is the first answer with our content on `NdisCmCloseCallComplete` to the probe\'s `vscode.executeHoverProvider` calls (a new one every 10 ms, not waiting for those in flight); ' +
    'the first finding is complete-with-pending in the same file. Before it starts, the probe waits for the new window to quieten. ms, median (min-max).', '',
    '| | desktop (Node host) | web (web worker host) | web / desktop |', '|---|--:|--:|--:|',
    row('loading the extension: activation asked -> `activate()` begins', (x) => x.marks.activate),
    row('`activate()` -> server worker running (web: server.js fetched, Worker made)', (x) => gap(x, 'activate', 'serverStarted')),
    row('`activate()` -> server initialized (`client.start()` resolved)', (x) => gap(x, 'activate', 'clientReady')),
    row('`activate()` -> the first hover request reaches our client (the workbench passing it on)', (x) => gap(x, 'activate', 'firstHoverRequest')),
    row('**`activate()` -> first CoNDIS hover answer**', (x) => fromActivate(x, x.hoverMs)),
    row('`activate()` -> first finding shown', (x) => fromActivate(x, x.diagnosticsMs)),
    row('the first hover alone: asked of our client -> answered (waits for the parser and catalog to load)', (x) => gap(x, 'firstHoverRequest', 'firstHoverAnswer')),
    row('activation asked -> first CoNDIS hover answer (loading included)', (x) => x.hoverMs),
    row("activation asked -> the C file's editor shown (the workbench's part, measured alongside)", (x) => x.shownMs),
    `| window opened -> probe reported (workbench, extension host, the probe's wait for quiet, all the above) | ${spread(r.windowMs.node)} | ${spread(r.windowMs.web)} | - |`, '');
  const web = cold('web');
  if (web.some((x) => x.fetched.length)) {
    out.push('Web host, when its files had arrived (ms from the activation request; the wasm files are fetched by the server worker, ' +
      'whose requests the probe cannot see): ' +
      ['dist/browser/extension.js', 'dist/browser/server.js'].map((f) => `${f} ${fetchedAt(web, f)}`).join(', ') + '.', '');
  }
  const warm = HOST_LIST.flatMap((h) => r.runs[h].filter((x) => !isCold(x)).map(() => h));
  if (warm.length) out.push(`Left out: ${warm.length} window(s) where the extension had begun activating before the probe asked (${warm.join(', ')}).`, '');
  if (r.errors.length) out.push(...r.errors.map((e) => `- ${e}`), '');
  return out;
}

const HOST_LIST: Host[] = ['node', 'web'];
const isCold = (x: ProbeResult) => !x.wasActive && (x.marks.activate ?? -1) >= 0;
