// Test harness for the built server: spawns `node dist/server.js --stdio` and speaks LSP to it through vscode-jsonrpc,
// the JSON-RPC library VS Code's own language client is built on. Also finds positions in fixture text by search.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeParams, Position } from 'vscode-languageserver';

export const ROOT = join(__dirname, '..', '..');
/** The bundle under test: `dist/server.js`, or another build of it named by CONDIS_SERVER_JS (e.g. a packaged one). */
export const SERVER_JS = process.env.CONDIS_SERVER_JS ?? join(ROOT, 'dist', 'server.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export interface Fixture {
  path: string;
  uri: string;
  text: string;
}

export function fixture(name: string): Fixture {
  const path = join(FIXTURES, name);
  return { path, uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') };
}

/** Offset of the one occurrence of `needle` in `text`; throws if it is missing or ambiguous, so a fixture edit cannot silently move a probe. */
export function offsetOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`fixture text not found: ${JSON.stringify(needle)}`);
  if (text.indexOf(needle, at + 1) >= 0) throw new Error(`fixture text is not unique: ${JSON.stringify(needle)}`);
  return at;
}

/** LSP position of an offset. Columns count UTF-16 code units, which is what JavaScript string indices are. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Position `delta` code units into the unique occurrence of `needle`. */
export function positionOf(text: string, needle: string, delta = 0): Position {
  return positionAt(text, offsetOf(text, needle) + delta);
}

export interface RunningServer {
  child: ChildProcess;
  connection: MessageConnection;
  /** Everything the server wrote to stderr and window/logMessage, for failure messages. */
  log: string[];
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Kills the server if it is still running. Safe to call twice. */
  kill(): void;
}

export function startServer(): RunningServer {
  if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run \`node scripts/build.mjs\` first`);
  const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => log.push(`stderr: ${chunk.trimEnd()}\n`));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onNotification('window/logMessage', (p: { message: string }) => { log.push(`log: ${p.message}\n`); });
  // Answer anything the server asks of the client (configuration, refresh requests) the way a minimal client would.
  connection.onRequest((method) => { log.push(`server asked: ${method}\n`); return null; });
  connection.onError(([err]) => { log.push(`connection error: ${err.message}\n`); });
  connection.listen();
  return {
    child, connection, log, exited,
    kill() {
      connection.dispose();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * What a plain editor client announces: Markdown hovers, snippets, label offsets in signature help, inlay hints;
 * no pull diagnostics and no configuration requests. The workspace folder is test/fixtures, like a small driver project.
 */
export function clientInitializeParams(): InitializeParams {
  return {
    processId: process.pid,
    clientInfo: { name: 'condis-protocol-test' },
    rootUri: pathToFileURL(FIXTURES).href,
    workspaceFolders: [{ uri: pathToFileURL(FIXTURES).href, name: 'fixtures' }],
    capabilities: {
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        signatureHelp: {
          signatureInformation: {
            documentationFormat: ['markdown', 'plaintext'],
            parameterInformation: { labelOffsetSupport: true },
            activeParameterSupport: true,
          },
        },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        inlayHint: {},
      },
      workspace: { configuration: false },
    },
  };
}

/** Polls `probe` until it returns a value other than undefined, or fails after `ms` with `what`. Returns that value. */
export async function waitFor<T>(ms: number, what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Rejects after `ms` so one stuck request fails its own test with a message instead of hanging the run. */
export function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
