// The `condis/driverKind` request behind the editor's language status item: the kind of driver a file belongs to,
// and why (the registration call or handler table that decided it, file and line), and whether indexing is running.
import type { DriverKind, WorkspaceView } from '../analysis/workspace';

export const DRIVER_KIND_REQUEST = 'condis/driverKind';

export interface DriverKindParams { uri: string }

export interface DriverKindResult {
  kind: DriverKind;
  /** `setting`: condis.driverRole forces it; `detected`: evidence in the workspace; `none`: nothing found yet. */
  source: 'setting' | 'detected' | 'none';
  /** The name that decided it and where it is (line 1-based), when detected. */
  evidence?: { name: string; uri: string; line?: number };
  /** The workspace index is still being built: the kind may change when it is done. */
  indexing: boolean;
}

/**
 * The names each kind is recognised by (workspace.ts classify), strongest first: a registration call says more
 * than a handler table, which says more than the characteristics structure of any NDIS driver.
 */
const EVIDENCE: Record<Exclude<DriverKind, 'unknown'>, string[]> = {
  'miniport-call-manager': ['NdisMCmRegisterAddressFamilyEx', 'NdisMCmRegisterAddressFamily', 'NdisMRegisterMiniportDriver',
    'NDIS_MINIPORT_DRIVER_CHARACTERISTICS', 'NDIS_MINIPORT_CHARACTERISTICS'],
  'call-manager': ['NdisCmRegisterAddressFamilyEx', 'NdisCmRegisterAddressFamily', 'NdisRegisterProtocolDriver',
    'NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS', 'NDIS_CALL_MANAGER_CHARACTERISTICS', 'NDIS_PROTOCOL_DRIVER_CHARACTERISTICS'],
  client: ['NdisClOpenAddressFamilyEx', 'NdisClOpenAddressFamily', 'NDIS_CO_CLIENT_OPTIONAL_HANDLERS', 'NDIS_CLIENT_CHARACTERISTICS'],
  miniport: ['NdisMRegisterMiniportDriver', 'NDIS_MINIPORT_DRIVER_CHARACTERISTICS', 'NDIS_MINIPORT_CHARACTERISTICS', 'NDIS_MINIPORT_CO_CHARACTERISTICS'],
  // Two registrations (a library offering both kinds): the first of them found.
  mixed: ['NdisMCmRegisterAddressFamilyEx', 'NdisMCmRegisterAddressFamily', 'NdisCmRegisterAddressFamilyEx', 'NdisCmRegisterAddressFamily',
    'NdisClOpenAddressFamilyEx', 'NdisClOpenAddressFamily'],
};

/**
 * `readText` gives a file's current text (the open document's, else the disk's), or undefined; it is asked for the
 * one file that holds the evidence, to find its line.
 */
export function driverKind(uri: string, workspace: WorkspaceView & { override: DriverKind | 'auto' }, indexing: boolean,
  readText: (uri: string) => string | undefined): DriverKindResult {
  const kind = workspace.roleOf(uri);
  if (workspace.override !== 'auto') return { kind, source: 'setting', indexing };
  if (kind === 'unknown') return { kind, source: 'none', indexing };
  // The evidence of the file's own driver (drivers.ts), not of a neighbouring one.
  const summaries = [...workspace.forFile(uri).summaries()];
  for (const name of EVIDENCE[kind]) {
    let best: { uri: string; near: number } | undefined;
    for (const f of summaries) {
      if (!f.evidence.includes(name)) continue;
      const near = commonPrefix(f.uri, uri);
      if (!best || near > best.near) best = { uri: f.uri, near };
    }
    if (!best) continue;
    const text = readText(best.uri);
    const line = text === undefined ? undefined : lineOfName(text, name);
    return { kind, source: 'detected', evidence: { name, uri: best.uri, ...(line ? { line } : {}) }, indexing };
  }
  return { kind, source: 'detected', indexing };
}

/** Length of the common leading folders of two URIs: the file itself beats its folder, which beats the parent. */
function commonPrefix(a: string, b: string): number {
  if (a === b) return Number.MAX_SAFE_INTEGER;
  let i = 0;
  let lastSlash = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) { if (a[i] === '/') lastSlash = i; i++; }
  return lastSlash;
}

/** 1-based line of the first use of `name` outside comments and string literals; one linear scan. */
export function lineOfName(text: string, name: string): number | undefined {
  const re = new RegExp(String.raw`//[^\n]*|/\*[\s\S]*?(?:\*/|$)|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\b${name}\b`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] !== name) continue;
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    return line;
  }
  return undefined;
}
