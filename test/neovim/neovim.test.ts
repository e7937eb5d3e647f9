// Neovim as a second, independent LSP client: headless Debian neovim (0.7) drives dist/server.js through its own
// built-in LSP client and reads a hover and a signature help back (see hoverAndSignature.lua).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hover, MarkupContent, SignatureHelp } from 'vscode-languageserver';
import { FIXTURES, fixture, offsetOf, positionAt } from '../protocol/lsp';
import { requireNeovim, runNeovim as runNeovimScript, type NeovimRun as KitRun } from './nvimKit';

const SCRIPT = join(__dirname, 'hoverAndSignature.lua');
const CALL = 'NdisCmCloseCallComplete(Status,\n                            Vc->NdisVcHandle,\n                            NULL);';

interface NeovimResult {
  nvim: { major: number; minor: number; patch: number };
  errors: string[];
  filetype?: string;
  initialized?: boolean;
  capabilities?: { hover?: boolean; signature_triggers?: string[] };
  hover?: Hover | null;
  signature?: SignatureHelp | null;
  diagnostics?: { lnum: number; col: number; message: string; source?: string; code?: string; severity: number }[];
  server_exit?: { code: number; signal: number };
}

type NeovimRun = KitRun<NeovimResult>;

/** Runs the Lua client once on the NDIS 6 fixture (nvimKit.ts: private HOME/XDG tree, killed on timeout). */
async function runNeovim(): Promise<NeovimRun> {
  const f = fixture('ndis6-call-manager.c');
  const call = offsetOf(f.text, CALL);
  return runNeovimScript<NeovimResult>(SCRIPT, f.path, (home) => {
    // A copy of the fixture with PENDING passed to the close completion: its diagnostics must be pushed to Neovim.
    const diagFile = join(home, 'broken-close.c');
    writeFileSync(diagFile, f.text.replace(CALL, CALL.replace('(Status,', '(NDIS_STATUS_PENDING,')));
    return {
      CONDIS_ROOT_DIR: FIXTURES,
      CONDIS_DIAG_FILE: diagFile,
      CONDIS_PROBES: JSON.stringify({
        hover: positionAt(f.text, call + 'NdisCm'.length),
        signature: positionAt(f.text, call + CALL.indexOf('Vc->NdisVcHandle') + 6),
      }),
    };
  });
}

describe('headless Neovim as an LSP client of dist/server.js', () => {
  let run: NeovimRun;

  before(async () => {
    requireNeovim();
    run = await runNeovim();
  });

  test('starts the server with vim.lsp.start_client and finishes initialization', (t) => {
    const r = run.result;
    t.diagnostic(`Neovim ${r.nvim.major}.${r.nvim.minor}.${r.nvim.patch}: start, two requests, shutdown and quit in ${run.ms.toFixed(0)} ms`);
    assert.deepEqual(r.errors, [], `errors reported by the Lua client; stderr:\n${run.stderr}\nlsp.log:\n${run.lspLog}`);
    assert.doesNotMatch(run.lspLog, /\[ERROR\]/, `Neovim's LSP log has errors:\n${run.lspLog}`);
    assert.equal(r.initialized, true);
    assert.equal(r.filetype, 'c', 'Neovim detected the fixture as C');
    assert.equal(r.capabilities?.hover, true);
    assert.deepEqual(r.capabilities?.signature_triggers, ['(', ',']);
  });

  test('reads back the NdisCmCloseCallComplete hover with the MCM twin, the PENDING rule, the IRQL and the link', () => {
    const h = run.result.hover;
    assert.ok(h, `a hover result; errors: ${run.result.errors.join('; ')}`);
    const c = h.contents as MarkupContent;
    assert.equal(c.kind, 'markdown', 'Neovim announces Markdown hovers');
    for (const s of ['VOID NdisCmCloseCallComplete(', 'NdisMCmCloseCallComplete', 'NDIS_STATUS_PENDING', 'DISPATCH_LEVEL',
      'https://learn.microsoft.com/windows-hardware/drivers/ddi/ndis/nf-ndis-ndiscmclosecallcomplete']) {
      assert.ok(c.value.includes(s), `hover mentions ${s}`);
    }
  });

  test('reads back signature help for NdisCmCloseCallComplete with the second parameter active', () => {
    const sh = run.result.signature;
    assert.ok(sh, `a signature help result; errors: ${run.result.errors.join('; ')}`);
    const sig = sh.signatures[sh.activeSignature ?? 0];
    assert.equal(sig.label, 'VOID NdisCmCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle)');
    assert.equal(sh.activeParameter ?? sig.activeParameter, 1);
  });

  test('receives pushed diagnostics: complete-with-pending on the broken close completion', () => {
    const d = (run.result.diagnostics ?? []).filter((x) => x.code === 'complete-with-pending');
    assert.equal(d.length, 1, JSON.stringify(run.result.diagnostics));
    assert.equal(d[0].source, 'condis');
    assert.equal(d[0].severity, 1, 'an error');
    const f = fixture('ndis6-call-manager.c');
    assert.deepEqual({ lnum: d[0].lnum, col: d[0].col }, (({ line, character }) => ({ lnum: line, col: character + 'NdisCmCloseCallComplete('.length }))(positionAt(f.text, offsetOf(f.text, CALL))));
  });

  test('stops the server cleanly: Neovim\'s shutdown and exit end it with code 0', () => {
    assert.deepEqual(run.result.server_exit, { code: 0, signal: 0 });
  });
});
