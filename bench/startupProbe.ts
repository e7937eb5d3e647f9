// Runs INSIDE the extension host (Node or web worker) as the `extensionTestsPath` of one fresh window, for
// bench/startup.ts: asks for CoNDIS Assist's activation while it is not yet active, opens a C file from outside the
// (C-free) workspace, polls the CoNDIS hover until our answer arrives and waits for our first finding, then prints
// the times (performance.now() of this host, from the activation request) and the extension's own start-up marks
// (from its activate()) on one console line the bench reads.
// One bundle serves both hosts (CommonJS, no Node built-in); no product code is involved beyond the public API.
import * as vscode from 'vscode';
import { MARKER, type ProbeResult } from './startupTypes';

const EXTENSION_ID = 'condis-assist.condis-assist';
/** The file is in `<run>/sources/`, beside the workspace folder `<run>/ws-<n>/` (so no workspaceContains activation). */
const FILE = '../sources/mistakes/closeCallCompletedWithPending.c';
const HOVER_AT = 'NdisCmCloseCallComplete(NDIS_STATUS_PENDING';
/** Only our hover says this (no other C hover provider runs in the bench window). */
const OURS = 'DISPATCH_LEVEL';
const DEADLINE_MS = 45_000;
const SETTLE_MAX_MS = 4_000;
const POLL_MS = 10;
const STALL_MS = 60;
const MAX_IN_FLIGHT = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hoverText = (hovers: vscode.Hover[] | undefined) =>
  (hovers ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');

interface ResourceEntry { name: string; startTime: number; responseEnd: number; encodedBodySize?: number }

/**
 * Waits until the workbench is quiet (round trips to it come back fast), at most SETTLE_MAX_MS: the window's own
 * start-up would otherwise compete with ours on the same cores and fill the figures with its work.
 */
async function settle(): Promise<number> {
  const start = performance.now();
  let fast = 0;
  while (fast < 5 && performance.now() - start < SETTLE_MAX_MS) {
    const t = performance.now();
    await vscode.commands.getCommands(true);
    fast = performance.now() - t < 15 ? fast + 1 : 0;
    await sleep(fast ? 20 : 100);
  }
  return performance.now() - start;
}

export async function run(): Promise<void> {
  const g = globalThis as { process?: { versions?: { node?: string } } };
  const settleMs = await settle();
  const t0 = performance.now();
  const at = () => performance.now() - t0;
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const r: ProbeResult = {
    host: typeof g.process?.versions?.node === 'string' ? 'node' : 'web',
    wasActive: ext?.isActive ?? false, settleMs, activatedMs: null, hoverMs: null, diagnosticsMs: null, openedMs: null, shownMs: null, hoverPolls: 0, polls: [], stalls: [], fetched: [], marks: {},
  };
  try {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!ext || !folder) throw new Error(`no ${ext ? 'workspace folder' : EXTENSION_ID}`);
    const uri = vscode.Uri.joinPath(folder.uri, FILE);
    const diagnosed = vscode.languages.onDidChangeDiagnostics(() => {
      if (r.diagnosticsMs === null && vscode.languages.getDiagnostics(uri).some((d) => d.source === 'condis')) r.diagnosticsMs = at();
    });
    // A 10 ms ticker: a late tick means this host's thread was busy (evaluating code) rather than waiting on another.
    let last = at();
    const ticker = setInterval(() => {
      const now = at();
      if (now - last > STALL_MS && r.stalls.length < 20) r.stalls.push([Math.round(last), Math.round(now - last)]);
      last = now;
    }, 10);
    // The timer starts here: the extension is not loaded yet. Opening the C file would fire onLanguage:c as well;
    // both go to the same single activation.
    const activation = Promise.resolve(ext.activate()).then(() => { r.activatedMs = at(); });
    const doc = await vscode.workspace.openTextDocument(uri);
    r.openedMs = at();
    // The editor is shown while the hover is polled: the first hover measures the extension, not the editor's rendering.
    const shown = Promise.resolve(vscode.window.showTextDocument(doc)).then(() => { r.shownMs = at(); });
    const position = doc.positionAt(doc.getText().indexOf(HOVER_AT) + 'NdisCmClose'.length);
    // A new hover request every POLL_MS without waiting for the ones in flight (a request can sit for a second in a
    // busy workbench): the first answer with our content is the earliest a person's hover could have been answered.
    const inFlight = new Set<Promise<void>>();
    while (r.hoverMs === null && at() < DEADLINE_MS) {
      if (inFlight.size < MAX_IN_FLIGHT) {
        r.hoverPolls++;
        const sent = at();
        const poll = Promise.resolve(vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)).then((hovers) => {
          if (r.polls.length < 40) r.polls.push([Math.round(sent), Math.round(at())]);
          if (r.hoverMs === null && hoverText(hovers).includes(OURS)) r.hoverMs = at();
        }, () => {}).finally(() => inFlight.delete(poll));
        inFlight.add(poll);
      }
      await sleep(POLL_MS);
    }
    await Promise.all(inFlight);
    await Promise.all([activation, shown]);
    while (r.diagnosticsMs === null && at() < DEADLINE_MS) await sleep(10);
    diagnosed.dispose();
    clearInterval(ticker);
    // The extension's own marks (client/src/startupMarks.ts), on this host's clock like t0.
    const api = ext.exports as { startupMarks?(): Record<string, number> } | undefined;
    for (const [k, v] of Object.entries(api?.startupMarks?.() ?? {})) r.marks[k] = v - t0;
    const perf = performance as unknown as { getEntriesByType?(type: string): ResourceEntry[] };
    // code-server serves extension files as /vscode-remote-resource?path=<encoded path>.
    const named = (perf.getEntriesByType?.('resource') ?? []).map((e) => ({ e, name: decodeURIComponent(e.name) }));
    r.fetched = named.filter(({ e, name }) => e.startTime >= t0 && name.includes('/dist/')).map(({ e, name }) => ({
      name: name.slice(name.lastIndexOf('/dist/') + 1).replace(/[?&#].*$/, ''), startMs: e.startTime - t0, endMs: e.responseEnd - t0, bytes: e.encodedBodySize ?? 0,
    }));
    // The next window of the same workspace should not restore this editor.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  } catch (e) {
    r.error = e instanceof Error ? e.message : String(e);
  }
  console.log(MARKER + JSON.stringify(r));
}
