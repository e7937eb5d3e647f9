// Neovim as a second LSP client of the lifecycle features: code lenses read through vim.lsp.codelens (resolved titles)
// and "go to implementation" from a handler's name, on the multi-file stand-alone call manager in examples/.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import { ROOT, offsetOf, positionAt } from '../protocol/lsp';
import { requireNeovim, runNeovim, type NeovimRun } from './nvimKit';

const SCRIPT = join(__dirname, 'lensAndImplementation.lua');
const DRIVER = join(ROOT, 'examples', 'standalone-cm');
const CALL_C = join(DRIVER, 'call.c');
const HANDLER = 'ExCmCloseCall(NDIS_HANDLE CallMgrVcContext';
const COMPLETION = 'NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, VcHandle, PartyHandle);';

interface Result {
  errors: string[];
  initialized?: boolean;
  capabilities?: { code_lens?: boolean; implementation?: boolean };
  implementation?: Location[] | null;
  lenses?: { line: number; title: string | null; command: string | null }[];
  server_exit?: { code: number; signal: number };
}

describe('headless Neovim reads lifecycle lenses and implementations on a multi-file driver', () => {
  let run: NeovimRun<Result>;
  const text = readFileSync(CALL_C, 'utf8');

  before(async () => {
    requireNeovim();
    run = await runNeovim<Result>(SCRIPT, CALL_C, () => ({
      CONDIS_ROOT_DIR: DRIVER,
      CONDIS_PROBES: JSON.stringify({ implementation: positionAt(text, offsetOf(text, HANDLER) + 3) }),
    }));
  });

  test('the server announces code lenses and implementation to Neovim, without errors', () => {
    const r = run.result;
    assert.deepEqual(r.errors, [], `errors reported by the Lua client; stderr:\n${run.stderr}\nlsp.log:\n${run.lspLog}`);
    assert.doesNotMatch(run.lspLog, /\[ERROR\]/, `Neovim's LSP log has errors:\n${run.lspLog}`);
    assert.equal(r.initialized, true);
    assert.deepEqual(r.capabilities, { code_lens: true, implementation: true });
  });

  test('implementation on the close-call handler\'s name lists the NdisCmCloseCallComplete call', () => {
    const locs = run.result.implementation ?? [];
    const at = positionAt(text, offsetOf(text, COMPLETION));
    assert.ok(locs.some((l) => l.uri === pathToFileURL(CALL_C).href && l.range.start.line === at.line &&
      l.range.start.character === at.character), JSON.stringify(locs));
    assert.ok(locs.every((l) => l.uri.startsWith(pathToFileURL(DRIVER).href)), 'only the driver\'s own files');
  });

  test('vim.lsp.codelens resolves a lens above the close-call handler naming its completion', () => {
    const lenses = run.result.lenses ?? [];
    assert.ok(lenses.length > 0, 'some lenses');
    assert.ok(lenses.every((l) => typeof l.title === 'string' && l.title.length > 0), `every lens resolved: ${JSON.stringify(lenses)}`);
    const nameLine = positionAt(text, offsetOf(text, HANDLER)).line;
    const close = lenses.find((l) => l.title!.includes('ProtocolCmCloseCall'));
    assert.ok(close, JSON.stringify(lenses));
    assert.ok(close.line <= nameLine && close.line >= nameLine - 3, `lens on line ${close.line}, handler named on ${nameLine}`);
    assert.match(close.title!, /NdisCmCloseCallComplete/);
    assert.match(close.title!, /ExCmDeactivateVcComplete/);
  });

  test('stops the server cleanly', () => {
    assert.deepEqual(run.result.server_exit, { code: 0, signal: 0 });
  });
});
