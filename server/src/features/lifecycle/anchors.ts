// Places in an open document that follow its edits without rebuilding the model: each place is kept as an anchor in
// the item it lies in (a slot of that item's facts: its start, end, name, a binding, a lifecycle call, an evidence
// name) and turned into a position only when read. An edit that keeps the file's semantic key re-reads some items with
// the same facts but another text: their anchors move to the new item (same `sem`, same slot list) and are read from
// it, so a place is never taken from an offset inside replaced text.
import type { Position } from 'vscode-languageserver';
import type { OpenDocument } from '../../documents';
import type { FileAnalysis } from '../../analysis/fileAnalysis';
import type { ChunkFacts } from '../../analysis/chunks';
import type { Place } from './types';

/** The item a group of anchors lies in: its current facts and extent (numbers only: no node, no old version). */
interface Group {
  facts: ChunkFacts; start: number; end: number; ordinal: number; slots: number; seen: number;
  /** The anchors made in it, and what they read as relative to its start, for the facts that was computed for. */
  used: [number, number][]; shape?: { facts: ChunkFacts; key: string };
}

/** [slot, delta]: the offset is the slot's offset in the item plus delta; slot -1 is the raw offset from the start. */
type Anchor = [Group, number, number];

const slotCache = new WeakMap<ChunkFacts, number[]>();

/** The offsets (relative to the item) that places are made from, in an order fixed by the facts' shape. */
function slotsOf(facts: ChunkFacts): number[] {
  let out = slotCache.get(facts);
  if (out) return out;
  out = [0];
  if (facts.nameAt !== undefined) out.push(facts.nameAt);
  for (const b of facts.bindings) out.push(b.start, b.end);
  const h = facts.helper;
  if (h) { for (const e of h.effects) out.push(e.at); for (const c of h.calls) out.push(c.at); }
  for (const e of facts.evidenceAt ?? []) out.push(e.at);
  slotCache.set(facts, out);
  return out;
}

/** The anchors of one open document for one model build; `sync` brings them to the document's current version. */
export class DocAnchors {
  private readonly groups = new Map<ChunkFacts, Group>();
  /** The groups in file order (made at the first sync: places are made file by file, kind by kind). */
  private ordered: Group[] | undefined;
  private readonly starts: number[];
  private readonly chunkList: readonly { start: number; end: number; facts: ChunkFacts }[];
  private synced: FileAnalysis;
  private ok = true;
  private pass = 0;
  /** How many items were re-anchored in all (tests count work with it). */
  reanchored = 0;

  /**
   * `moved` hears of each anchored item re-read with the same facts (the handler defined there may end otherwise now:
   * its flow is read from the new text).
   */
  constructor(readonly doc: OpenDocument, private readonly analysis: () => FileAnalysis | null, file: FileAnalysis,
    private readonly moved: (from: ChunkFacts, to: ChunkFacts, file: FileAnalysis) => void) {
    this.synced = file;
    this.chunkList = file.chunks();
    this.starts = this.chunkList.map((c) => c.start);
  }

  /** A place of [start, end) at the build's version, read at the current version when its range is asked for. */
  place(start: number, end: number): Place | undefined {
    const a = this.anchor(start);
    if (!a) return undefined;
    const b = this.endAnchor(a, end - start);
    let cached: { file: FileAnalysis; range: Place['range'] } | undefined;
    const self = this;
    const p: Place = {
      uri: this.doc.uri,
      get range() {
        self.sync();
        if (!cached || cached.file !== self.synced) cached = { file: self.synced, range: { start: self.position(a), end: self.position(b) } };
        return cached.range;
      },
    };
    placeGroups.set(p, a[0]);
    return p;
  }

  /** The item facts a place lies in (the handler's definition: its ending is read from that item). */
  factsOf(p: Place): ChunkFacts | undefined {
    return placeGroups.get(p)?.facts;
  }

  /**
   * Follows the document to its current version: every anchored item is found again (the same facts object, or a
   * re-read item with the same `sem` and slots), in the same order. False when not: the model must be built again.
   */
  sync(): boolean {
    const file = this.analysis();
    if (!file || file === this.synced || !this.ok) return this.ok && !!file;
    this.synced = file;
    const pass = ++this.pass;
    const chunks = file.chunks();
    let seen = 0;
    for (const c of chunks) {
      const g = this.groups.get(c.facts);
      if (g) { g.start = c.start; g.end = c.end; g.seen = pass; seen++; }
    }
    const ordered = (this.ordered ??= [...this.groups.values()].sort((x, y) => x.ordinal - y.ordinal));
    if (seen < this.groups.size) {
      // Re-read items: each lost item's anchors go to the first unclaimed new item with its `sem`, in file order.
      const wanted = new Set<number>();
      for (const g of ordered) if (g.seen !== pass) wanted.add(g.facts.sem);
      const fresh = new Map<number, { start: number; end: number; facts: ChunkFacts }[]>();
      for (const c of chunks) {
        if (!wanted.has(c.facts.sem) || this.groups.has(c.facts)) continue;
        const l = fresh.get(c.facts.sem);
        if (l) l.push(c); else fresh.set(c.facts.sem, [c]);
      }
      for (const g of ordered) {
        if (g.seen === pass) continue;
        const c = fresh.get(g.facts.sem)?.shift();
        if (!c || g.slots < 0 || slotsOf(c.facts).length !== g.slots) return (this.ok = false);
        this.groups.delete(g.facts);
        this.moved(g.facts, c.facts, file);
        g.facts = c.facts; g.start = c.start; g.end = c.end; g.seen = pass;
        this.groups.set(c.facts, g);
        this.reanchored++;
      }
    }
    // Items that changed places with each other: a fresh build would list them in the other order.
    for (let i = 1; i < ordered.length; i++) if (ordered[i].start <= ordered[i - 1].start) return (this.ok = false);
    return true;
  }

  private anchor(offset: number): Anchor | undefined {
    const g = this.groupAt(offset);
    if (!g) return undefined;
    const rel = offset - g.start;
    const slot = slotsOf(g.facts).indexOf(rel);
    if (slot >= 0) return this.used([g, slot, 0]);
    g.slots = -1; // a raw offset: this item cannot follow a re-read
    return this.used([g, -1, rel]);
  }

  /** The end of a place: a slot of its own (a binding's end), the item's end, else the start plus the name's length. */
  private endAnchor(a: Anchor, length: number): Anchor {
    const [g, slot, delta] = a;
    const rel = (slot === -1 ? delta : slotsOf(g.facts)[slot] + delta) + length;
    const own = slotsOf(g.facts).indexOf(rel);
    if (own >= 0 && slot !== -1) return this.used([g, own, 0]);
    if (rel === g.end - g.start && slot !== -1) return this.used([g, -2, 0]);
    // A name (a function's, a call's, an evidence name): the same name in an item with the same facts.
    return this.used([g, slot, delta + length]);
  }

  private used(a: Anchor): Anchor {
    a[0].used.push([a[1], a[2]]);
    return a;
  }

  /**
   * A string that changes when a place of this document would read otherwise: each anchored item's start, and the
   * places in it relative to that start (computed again only for an item read again). Cheap: no place is made.
   */
  fingerprint(): string {
    if (!this.sync()) return '!';
    const ordered = (this.ordered ??= [...this.groups.values()].sort((x, y) => x.ordinal - y.ordinal));
    const parts: string[] = [];
    for (const g of ordered) {
      const at = this.doc.text.positionAt(g.start);
      if (g.shape?.facts !== g.facts) {
        const rel = g.used.map(([slot, delta]) => { const p = this.position([g, slot, delta]); return `${p.line - at.line}.${p.line === at.line ? p.character - at.character : p.character}`; });
        g.shape = { facts: g.facts, key: rel.join(',') };
      }
      parts.push(`${at.line}.${at.character}:${g.shape.key}`);
    }
    return parts.join(';');
  }

  private groupAt(offset: number): Group | undefined {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0 || offset < this.starts[0]) return undefined;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1; }
    const c = this.chunkList[lo];
    let g = this.groups.get(c.facts);
    if (!g) {
      g = { facts: c.facts, start: c.start, end: c.end, ordinal: lo, slots: slotsOf(c.facts).length, seen: 0, used: [] };
      this.groups.set(c.facts, g);
      this.ordered = undefined;
    }
    return g;
  }

  private position([g, slot, delta]: Anchor): Position {
    const rel = slot === -1 ? delta : slot === -2 ? g.end - g.start : slotsOf(g.facts)[slot] + delta;
    return this.doc.text.positionAt(g.start + rel);
  }
}

const placeGroups = new WeakMap<Place, Group>();
