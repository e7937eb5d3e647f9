// The .vsix the UI tests install (`npm run package` once per test file, or CONDIS_VSIX=<file> to reuse one), and the
// code-server and browser they drive it in.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { CodeServer, RunDir } from '../../scripts/vscode/codeServer.mjs' with { 'resolution-mode': 'import' };
import { Workbench } from './workbench';

const ROOT = join(__dirname, '..', '..');

export function packageVsix(): string {
  if (process.env.CONDIS_VSIX) return process.env.CONDIS_VSIX;
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const vsix = join(ROOT, `condis-assist-${version}.vsix`);
  assert.ok(existsSync(vsix), `npm run package produced ${vsix}`);
  return vsix;
}

/** A code-server with the packaged extension installed, a browser on it and the workspace open (closed by `close`). */
export interface PackagedWorkbench {
  runDir: RunDir;
  wb: Workbench;
  close(): Promise<void>;
}

/**
 * Packages (or reuses) the .vsix, installs it in a fresh code-server with `settings`, copies `workspace` and opens it in
 * headless Chromium. What was started is stopped again if a step fails.
 */
export async function openPackagedWorkbench(o: { prefix: string; settings?: Record<string, unknown>; workspace: string; shots: string;
  viewport?: { width: number; height: number }; webHostOf?: string }): Promise<PackagedWorkbench> {
  const { setup } = await import('../../scripts/vscode/setup.mjs');
  const cs = await import('../../scripts/vscode/codeServer.mjs');
  await setup();
  const vsix = packageVsix();
  // `webHostOf`: the extension id the web worker extension host is forced for (remote.extensionKind).
  const runDir = cs.makeRunDir(o.prefix, { ...(o.webHostOf ? cs.webHostSettings(o.webHostOf) : {}), ...o.settings });
  let server: CodeServer | undefined;
  let context: BrowserContext | undefined;
  const close = () => cs.stopAll({ context, server, runDir });
  try {
    cs.installVsix(runDir, vsix);
    const folder = cs.copyWorkspace(runDir, o.workspace);
    server = await cs.startCodeServer({ runDir, folder });
    context = await cs.launchBrowser(runDir, o.viewport ? { viewport: o.viewport } : undefined);
    context.setDefaultTimeout(30_000);
    const wb = new Workbench(context.pages()[0] ?? await context.newPage(), o.shots);
    await wb.open(server.url, folder);
    return { runDir, wb, close };
  } catch (err) {
    await close();
    throw err;
  }
}
