// Which driver each file of the workspace index belongs to, what kind of driver that is, and whether the files that
// decide it have all been read. A driver is the nearest folder whose own files carry registration evidence (one driver
// per file that defines DriverEntry when a folder holds several), else the nearest folder whose subtree does.
import type { FileSummary } from './summary';

export type DriverKind = 'call-manager' | 'miniport-call-manager' | 'client' | 'miniport' | 'mixed' | 'unknown';

export interface Driver {
  /** Equal keys, the same driver: a folder URI, or (a folder of several drivers) the URI of one's DriverEntry file. */
  key: string;
  kind: DriverKind;
  /**
   * Set for files several drivers share (a folder above them, or beside several DriverEntry files): the folder they
   * are shared under. Such files see every file under it, and every file under it sees them.
   */
  shared?: string;
  /** The folder whose subtree decided: while any file in it is unread, the answer may still change. */
  top: string;
  /** Found below `top` for want of evidence above it: a file read later directly in a folder above may change it. */
  above?: boolean;
}

/** The folders above a URI, nearest first: `file:///a/b/c.c` -> `file:///a/b/`, `file:///a/`, `file:///`, ... */
export function foldersOf(uri: string): string[] {
  const out: string[] = [];
  let dir = uri.slice(0, uri.lastIndexOf('/') + 1);
  while (dir && dir.includes('/')) {
    out.push(dir);
    const up = dir.slice(0, dir.lastIndexOf('/', dir.length - 2) + 1);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

const NONE: Driver = { key: '', kind: 'unknown', shared: '', top: '' };
const definesEntry = (f: FileSummary) => Object.prototype.hasOwnProperty.call(f.callGraph, 'DriverEntry');

/**
 * The driver of every file of one version of the index (made again when a summary changes). Folders are answered once
 * each, so the drivers of all files cost the number of folders times their depth.
 */
export class DriverMap {
  private readonly kinds = new Map<string, DriverKind>();
  private readonly subtrees = new Map<string, { roots: string[]; kind: DriverKind }>();
  private readonly ofDir = new Map<string, Driver>();
  private readonly roots = new Map<string, Driver | null>();
  private readonly entryFiles = new Map<string, FileSummary[]>();
  private readonly ofUri = new Map<string, Driver>();

  /** `byDir`: the index's files by folder, not changed while this map is in use (a change makes a new one). */
  constructor(private readonly byDir: ReadonlyMap<string, ReadonlyMap<string, FileSummary>>) {}

  private filesIn(dir: string): FileSummary[] {
    const m = this.byDir.get(dir);
    return m ? [...m.values()] : [];
  }

  driverOf(uri: string): Driver {
    let d = this.ofUri.get(uri);
    if (!d) { d = this.compute(uri); this.ofUri.set(uri, d); }
    return d;
  }

  /** Whether a file of driver `d` (at `uri`) may read the facts of file `other` (of driver `od`). */
  static sees(d: Driver, uri: string, od: Driver, other: string): boolean {
    return d.key === od.key || (od.shared !== undefined && uri.startsWith(od.shared)) || (d.shared !== undefined && other.startsWith(d.shared));
  }

  private compute(uri: string): Driver {
    const folders = foldersOf(uri);
    if (!folders.length) return NONE;
    // A file that defines DriverEntry beside another such file is a driver of its own.
    const own = this.entries(folders[0]);
    if (own.length > 1) {
      const me = own.find((f) => f.uri === uri);
      if (me) {
        const shared = this.filesIn(folders[0]).filter((f) => !own.includes(f)).flatMap((f) => f.evidence);
        return { key: uri, kind: classify(new Set([...me.evidence, ...shared])), top: folders[0] };
      }
    }
    return this.ofFolder(folders, 0);
  }

  /** The driver of the files directly in folders[i] that define no DriverEntry of their own. */
  private ofFolder(folders: string[], i: number): Driver {
    let d = this.ofDir.get(folders[i]);
    if (!d) {
      d = this.nearestRoot(folders, i) ?? this.fallback(folders, i);
      this.ofDir.set(folders[i], d);
    }
    return d;
  }

  /** The nearest folder, folders[i] or above, whose own files carry evidence: the driver of the files below it. */
  private nearestRoot(folders: string[], i: number): Driver | null {
    const dir = folders[i];
    let d = this.roots.get(dir);
    if (d === undefined) {
      const kind = this.kindOf(dir);
      if (kind !== 'unknown') d = this.entries(dir).length > 1 ? { key: `shared:${dir}`, kind, shared: dir, top: dir } : { key: dir, kind, top: dir };
      else d = i + 1 < folders.length ? this.nearestRoot(folders, i + 1) : null;
      this.roots.set(dir, d);
    }
    return d;
  }

  /**
   * No folder on the way up has evidence of its own: the nearest folder whose subtree has some (a header in include/
   * beside src/). One driver below it: the file is that driver's; several: shared by them.
   */
  private fallback(folders: string[], from: number): Driver {
    for (let i = from; i < folders.length; i++) {
      const t = this.subtree(folders[i]);
      if (t.kind === 'unknown') continue;
      if (t.roots.length === 1 && this.entries(t.roots[0]).length <= 1) return { key: t.roots[0], kind: this.kindOf(t.roots[0]), top: folders[i], above: true };
      return { key: `shared:${folders[i]}`, kind: t.kind, shared: folders[i], top: folders[i], above: true };
    }
    return NONE;
  }

  private kindOf(dir: string): DriverKind {
    let k = this.kinds.get(dir);
    if (!k) {
      k = classify(new Set(this.filesIn(dir).flatMap((f) => f.evidence)));
      this.kinds.set(dir, k);
    }
    return k;
  }

  private entries(dir: string): FileSummary[] {
    let e = this.entryFiles.get(dir);
    if (!e) { e = this.filesIn(dir).filter(definesEntry); this.entryFiles.set(dir, e); }
    return e;
  }

  /** The folders under `dir` with evidence of their own (at most two are kept), and the kind of its whole subtree. */
  private subtree(dir: string): { roots: string[]; kind: DriverKind } {
    let t = this.subtrees.get(dir);
    if (!t) {
      const roots: string[] = [];
      const evidence = new Set<string>();
      for (const [d, files] of this.byDir) {
        if (!d.startsWith(dir)) continue;
        for (const f of files.values()) for (const e of f.evidence) evidence.add(e);
        if (roots.length < 2 && this.kindOf(d) !== 'unknown') roots.push(d);
      }
      t = { roots, kind: classify(evidence) };
      this.subtrees.set(dir, t);
    }
    return t;
  }
}

/**
 * The kind of driver registration evidence says. Evidence of two sides (a call manager's registration and an MCM's,
 * or either and a client's) is a library that plays both: 'mixed', of which no kind-specific rule says anything.
 */
export function classify(e: Set<string>): DriverKind {
  const mcmReg = e.has('NdisMCmRegisterAddressFamilyEx') || e.has('NdisMCmRegisterAddressFamily');
  const cmReg = e.has('NdisCmRegisterAddressFamilyEx') || e.has('NdisCmRegisterAddressFamily');
  const clReg = e.has('NdisClOpenAddressFamilyEx') || e.has('NdisClOpenAddressFamily');
  if (+mcmReg + +cmReg + +clReg > 1) return 'mixed';
  if (mcmReg) return 'miniport-call-manager';
  if (cmReg) return 'call-manager';
  const miniport = e.has('NdisMRegisterMiniportDriver') || e.has('NDIS_MINIPORT_DRIVER_CHARACTERISTICS') || e.has('NDIS_MINIPORT_CHARACTERISTICS');
  const cmTable = e.has('NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS') || e.has('NDIS_CALL_MANAGER_CHARACTERISTICS');
  if (miniport && cmTable) return 'miniport-call-manager';
  const protocol = e.has('NdisRegisterProtocolDriver') || e.has('NDIS_PROTOCOL_DRIVER_CHARACTERISTICS') || e.has('NDIS_PROTOCOL_CHARACTERISTICS');
  if (protocol && cmTable) return 'call-manager';
  if (clReg || e.has('NDIS_CO_CLIENT_OPTIONAL_HANDLERS') || e.has('NDIS_CLIENT_CHARACTERISTICS')) return 'client';
  if (miniport || e.has('NDIS_MINIPORT_CO_CHARACTERISTICS') || e.has('MINIPORT_CO_*')) return 'miniport';
  if (cmTable) return 'call-manager';
  return 'unknown';
}
