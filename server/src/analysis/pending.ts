// What the indexer has yet to read: workspace folders still being listed and files listed but not read, counted in
// every folder above them, so that the index can tell whether the files deciding a driver (drivers.ts) are all in.
import { foldersOf, type Driver } from './drivers';

export class PendingFiles {
  private readonly files = new Set<string>();
  /** Folder -> pending files anywhere under it; and directly in it. */
  private readonly under = new Map<string, number>();
  private readonly directly = new Map<string, number>();
  private readonly listing = new Set<string>();

  /** Whether every file that could change driver `d` has been read. */
  decided(d: Driver): boolean {
    if (!this.files.size && !this.listing.size) return true;
    if (!d.top) return false; // no evidence anywhere yet: any file may bring some
    if ((this.under.get(d.top) ?? 0) > 0) return false;
    for (const l of this.listing) if (l.startsWith(d.top) || d.top.startsWith(l)) return false;
    return !d.above || foldersOf(d.top).every((f) => f === d.top || !this.directly.get(f));
  }

  /** Workspace folders (URIs) about to be listed. */
  expectFolders(folders: readonly string[]): void {
    for (const f of folders) this.listing.add(slashed(f));
  }

  /** Returns whether a folder's listing was awaited. */
  listed(folder: string): boolean {
    return this.listing.delete(slashed(folder));
  }

  expect(uris: readonly string[]): void {
    for (const uri of uris) {
      if (this.files.has(uri)) continue;
      this.files.add(uri);
      const folders = foldersOf(uri);
      for (const f of folders) this.under.set(f, (this.under.get(f) ?? 0) + 1);
      if (folders[0]) this.directly.set(folders[0], (this.directly.get(folders[0]) ?? 0) + 1);
    }
  }

  /** Returns whether a folder has no pending file left under it because of this one. */
  settle(uri: string): boolean {
    if (!this.files.delete(uri)) return false;
    const folders = foldersOf(uri);
    let emptied = false;
    for (const f of folders) emptied = decrement(this.under, f) || emptied;
    if (folders[0]) decrement(this.directly, folders[0]);
    return emptied;
  }

  /** Forgets everything pending; returns whether anything was. */
  clear(): boolean {
    const any = this.files.size > 0 || this.listing.size > 0;
    this.files.clear();
    this.under.clear();
    this.directly.clear();
    this.listing.clear();
    return any;
  }
}

const slashed = (f: string) => (f.endsWith('/') ? f : `${f}/`);

/** Counts one down; returns whether it reached zero. */
function decrement(m: Map<string, number>, k: string): boolean {
  const n = (m.get(k) ?? 1) - 1;
  if (n > 0) { m.set(k, n); return false; }
  m.delete(k);
  return true;
}
