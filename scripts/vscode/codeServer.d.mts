// Types of codeServer.mjs, for the TypeScript tests that import it.
import type { ChildProcess } from 'node:child_process';
import type { BrowserContext } from 'playwright-core';

export interface RunDir { root: string; userData: string; extensions: string; browser: string; home: string }
export interface CodeServer { url: string; port: number; child: ChildProcess; output: string[] }

export const USER_SETTINGS: Record<string, unknown>;
export function webHostSettings(id: string): Record<string, unknown>;
export function makeRunDir(prefix?: string, extraSettings?: Record<string, unknown>): RunDir;
export function copyWorkspace(runDir: RunDir, folder: string): string;
export function installVsix(runDir: RunDir, vsix: string): string;
export function freePort(): Promise<number>;
export function startCodeServer(options: {
  runDir: RunDir; folder?: string; port?: number; env?: Record<string, string>;
  vscodeOptions?: string[]; onOutput?: (line: string) => void;
}): Promise<CodeServer>;
export function extensionTestUrl(server: CodeServer, folder: string, devPaths: string[], testsPath: string): string;
export function launchBrowser(runDir: RunDir, options?: { viewport?: { width: number; height: number } }): Promise<BrowserContext>;
export function stopAll(options: { context?: BrowserContext; server?: CodeServer; runDir: RunDir; keepRunDir?: boolean }): Promise<void>;
