// The benchmark's own LSP client: spawns a server over stdio (vscode-jsonrpc, as VS Code's client does), times
// requests and diagnostics, reads the server's RSS from /proc, and always ends the process it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  /** Resolves once the server has finished its start-up work (our server: indexing the workspace folder). */
  settled?: (s: LspSession, timeoutMs: number) => Promise<void>;
  /** Sent as initialize's initializationOptions (our server reads its settings there). */
  initializationOptions?: unknown;
  /** Client capabilities added to the bench client's (e.g. code lenses). */
  textDocumentCapabilities?: Record<string, unknown>;
  /** `window` client capabilities (e.g. workDoneProgress, for a client that shows the indexing progress). */
  windowCapabilities?: Record<string, unknown>;
}

interface Pending { uri: string; version: number | null; resolve: (at: number) => void }

export class TimeoutError extends Error {}

/** Rejects with a TimeoutError after `ms`. */
export function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new TimeoutError(`${what}: no answer within ${ms} ms`)), ms); });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

export class LspSession {
  readonly log: string[] = [];
  /** Spawn -> initialize response, in ms. */
  initializeMs = 0;
  private waiters: Pending[] = [];
  /** Latest published diagnostics count per URI. */
  /** `partial`: our server's check is in parts and this is not the last (it carries a check-in-progress notice). */
  readonly published = new Map<string, { version: number | null; count: number; sample: string[]; partial: boolean }>();

  private constructor(readonly spec: ServerSpec, readonly child: ChildProcess, readonly connection: MessageConnection) {}

  static async start(spec: ServerSpec, rootDir: string, timeoutMs: number): Promise<LspSession> {
    const t0 = performance.now();
    const child = spawn(spec.command, spec.args, { cwd: rootDir, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const s = new LspSession(spec, child, connection);
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { if (s.log.length < 200) s.log.push(d.trimEnd()); });
    child.on('error', (e) => s.log.push(`spawn error: ${e.message}`));
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: { message: string; code?: unknown; range: { start: { line: number } } }[] }) => {
      const at = performance.now();
      const version = p.version ?? null;
      const sample = p.diagnostics.slice(0, 3).map((d) => `${d.range.start.line + 1}: ${d.message}`);
      s.published.set(p.uri, { version, count: p.diagnostics.length, sample, partial: p.diagnostics.some((d) => d.code === 'check-in-progress') });
      s.waiters = s.waiters.filter((w) => {
        // A server that does not echo versions (version null) satisfies any waiter for its URI.
        if (w.uri !== p.uri || (version !== null && w.version !== null && version !== w.version)) return true;
        w.resolve(at);
        return false;
      });
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => { if (s.log.length < 200) s.log.push(p.message); });
    // Whatever the server asks (configuration, progress tokens, registrations), answer as a minimal client does.
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest(() => null);
    connection.onError(([e]) => s.log.push(`connection error: ${e.message}`));
    connection.listen();
    const root = pathToFileURL(rootDir).href;
    await within(timeoutMs, `${spec.name} initialize`, connection.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'condis-bench' },
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'bench' }],
      ...(spec.initializationOptions ? { initializationOptions: spec.initializationOptions } : {}),
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          signatureHelp: { signatureInformation: { documentationFormat: ['markdown', 'plaintext'], parameterInformation: { labelOffsetSupport: true }, activeParameterSupport: true } },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          ...spec.textDocumentCapabilities,
        },
        workspace: { configuration: false, workspaceFolders: true },
        ...(spec.windowCapabilities ? { window: spec.windowCapabilities } : {}),
      },
    }));
    s.initializeMs = performance.now() - t0;
    void connection.sendNotification('initialized', {});
    return s;
  }

  /** Resolves when the server has logged a line matching `re` (window/logMessage or stderr); rejects after `ms`. */
  async waitForLog(re: RegExp, ms: number): Promise<void> {
    const deadline = performance.now() + ms;
    while (!this.log.some((l) => re.test(l))) {
      if (performance.now() > deadline) throw new TimeoutError(`${this.spec.name}: no log line matching ${re} within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Resolves once the diagnostics of `uri` at `version` are complete (not a part of a check in parts); rejects after `ms`. */
  async complete(uri: string, version: number, ms: number): Promise<void> {
    const deadline = performance.now() + ms;
    for (;;) {
      const p = this.published.get(uri);
      if (p && (p.version === version || p.version === null) && !p.partial) return;
      if (performance.now() > deadline) throw new TimeoutError(`${this.spec.name}: diagnostics of version ${version} not complete within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Resolves at the time (performance.now) a publishDiagnostics for `uri` at `version` arrives. */
  diagnosticsFor(uri: string, version: number | null): Promise<number> {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  open(uri: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** One request, timed from send to response (ms). */
  async timed(method: string, params: unknown, timeoutMs: number): Promise<{ ms: number; result: unknown }> {
    const t = performance.now();
    const result = await within(timeoutMs, `${this.spec.name} ${method}`, this.connection.sendRequest(method, params));
    return { ms: performance.now() - t, result };
  }

  /** Resident set size in MB of the server and every process under it. */
  rssMb(): number {
    let kb = 0;
    for (const pid of [this.pid, ...descendants(this.pid)]) {
      const m = /VmRSS:\s+(\d+)/.exec(readOr(`/proc/${pid}/status`));
      if (m) kb += Number(m[1]);
    }
    return kb / 1024;
  }

  /** shutdown + exit, then SIGKILL if the process is still there after `graceMs`. Never throws. */
  async stop(graceMs = 2000): Promise<void> {
    const exited = new Promise<void>((r) => { if (this.child.exitCode !== null || this.child.signalCode !== null) r(); else this.child.once('exit', () => r()); });
    try {
      await within(graceMs, 'shutdown', this.connection.sendRequest('shutdown'));
      void this.connection.sendNotification('exit');
      await within(graceMs, 'exit', exited);
    } catch {
      // fall through to the kill
    }
    for (const pid of [...descendants(this.pid), this.pid]) {
      try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    this.connection.dispose();
  }
}

function readOr(path: string): string {
  try { return readFileSync(path, 'utf8'); } catch { return ''; }
}

/** Every process below `pid`, from /proc/<pid>/task/<tid>/children. */
export function descendants(pid: number): number[] {
  let tasks: string[];
  try { tasks = readdirSync(`/proc/${pid}/task`); } catch { return []; }
  const kids = tasks.flatMap((t) => readOr(`/proc/${pid}/task/${t}/children`).split(/\s+/).filter(Boolean).map(Number));
  return kids.flatMap((k) => [k, ...descendants(k)]);
}
