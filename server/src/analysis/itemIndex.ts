// Name -> the items of a file that provide it (handler bindings, function definitions, macro definitions), by their
// place in the file's item list. Built from the items' facts when first asked, then carried to the next version while
// the file's semantic key stays the same (the same items, so the same places), so that an edit inside one function no
// longer pays a pass over every item of the file for each of them (0.1 ms each on a 10k-line file). Every answer is
// checked against the current items, and a stale index is rebuilt.
import type { Chunk, ChunkFacts } from './chunks';

export type IndexKind = 'binding' | 'function' | 'macro';
export type IndexMaps = Map<IndexKind, Map<string, number[]>>;

const KEYS: Record<IndexKind, (f: ChunkFacts) => readonly string[]> = {
  binding: (f) => (f.bindings.length ? f.bindings.map((b) => b.name) : NONE),
  function: (f) => (f.fn ? [f.fn.name] : NONE),
  macro: (f) => (f.macros?.length ? f.macros.map((m) => m.name) : NONE),
};
const NONE: readonly string[] = [];

export class ItemIndexes {
  private constructor(readonly maps: IndexMaps, private readonly chunks: () => readonly Chunk[]) {}

  /**
   * This version's indexes: the previous version's maps while its items are the same ones (`same`), else new ones.
   * Only the maps are carried (plain values): the indexes object holds this version's item list.
   */
  static next(previous: IndexMaps | undefined, same: boolean, chunks: () => readonly Chunk[]): ItemIndexes {
    return new ItemIndexes(same && previous ? previous : new Map(), chunks);
  }

  /** The items providing `name`, in document order. */
  items(kind: IndexKind, name: string): Chunk[] {
    const list = this.chunks();
    let map = this.map(kind, list);
    let at = map.get(name) ?? [];
    if (!at.every((i) => i < list.length && KEYS[kind](list[i].facts).includes(name))) {
      this.maps.delete(kind); // an item moved (a block pasted elsewhere in one edit): read them again
      map = this.map(kind, list);
      at = map.get(name) ?? [];
    }
    return at.map((i) => list[i]);
  }

  /** Every name of `kind`. */
  names(kind: IndexKind): string[] {
    return [...this.map(kind, this.chunks()).keys()];
  }

  private map(kind: IndexKind, list: readonly Chunk[]): Map<string, number[]> {
    let map = this.maps.get(kind);
    if (!map) {
      map = new Map();
      const keys = KEYS[kind];
      for (let i = 0; i < list.length; i++) {
        for (const name of keys(list[i].facts)) {
          const l = map.get(name);
          if (!l) map.set(name, [i]);
          else if (l[l.length - 1] !== i) l.push(i);
        }
      }
      this.maps.set(kind, map);
    }
    return map;
  }
}
