// Where the lifecycle picture puts its boxes and arrows: steps in rows by their longest distance from the start
// (edges that go back, e.g. a retry, are drawn on the side and do not push rows down), each box sized to its text.
// Pure and linear in steps + edges; lifecycleHtml.ts draws the result.
import type { LifecycleStep, RequestLifecycle } from './protocol';

export interface Box {
  step: LifecycleStep;
  index: number;
  rank: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Arrow {
  from: Box;
  to: Box;
  label?: string;
  /** SVG path data. */
  path: string;
  /** Where its label goes. */
  lx: number;
  ly: number;
}

export interface Layout { boxes: Box[]; arrows: Arrow[]; width: number; height: number; boxWidth: number }

/** Sizes shared with the renderer, which puts its text lines at these offsets. */
export const METRICS = {
  charWidth: 7.2, // 12px text, generous for proportional and monospace fonts alike
  line: 18,
  head: 26, // above the label lines: the top padding; below them, the actor · API line
  labelChars: 40, // the step's label wraps at this many characters, on at most two lines
  pad: 12,
  gapX: 28,
  gapY: 46,
  minWidth: 190,
  maxChars: 48, // longer text is cut with an ellipsis (the full text is in the box's tooltip)
  margin: 16,
  lane: 14, // arrows that skip a row or go back run in lanes right of the boxes, this far apart
  sideLabelChars: 28,
};

/** The text lines a box holds under its heading: the author's functions, or one line saying why there are none. */
export function boxLines(step: LifecycleStep): number {
  return Math.max(1, step.implementedBy.length);
}

/** The step's label in at most two lines (words kept whole where they fit; the second line cut if need be). */
export function labelLines(step: LifecycleStep): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of step.label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > METRICS.labelChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 2 ? [lines[0], clip(lines.slice(1).join(' '), METRICS.labelChars)] : lines.length ? lines : [''];
}

/** Where the box's heading ends and its lines of functions begin, from the box's top. */
export function headHeight(step: LifecycleStep): number {
  return METRICS.head + labelLines(step).length * METRICS.line;
}

export function clip(text: string, max = METRICS.maxChars): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function layout(lc: RequestLifecycle): Layout {
  const m = METRICS;
  const index = new Map(lc.steps.map((s, i) => [s.id, i]));
  const edges = lc.edges.filter((e) => index.has(e.from) && index.has(e.to));
  const out: number[][] = lc.steps.map(() => []);
  for (const e of edges) out[index.get(e.from)!].push(index.get(e.to)!);
  const order = topologicalOrder(lc.steps.length, out);
  const rank = new Array<number>(lc.steps.length).fill(0);
  const position = new Array<number>(lc.steps.length);
  order.forEach((v, i) => { position[v] = i; });
  for (const v of order) {
    for (const w of out[v]) if (position[w] > position[v]) rank[w] = Math.max(rank[w], rank[v] + 1);
  }

  // The actor · API line also holds the state mark ("✗ missing") at its right.
  const longest = Math.max(0, ...lc.steps.flatMap((s) => [...labelLines(s).map((l) => l.length), clip(`${s.actor} · ${s.api}`).length + 12,
    ...s.implementedBy.map((f) => clip(f.name).length)]));
  const boxWidth = Math.max(m.minWidth, Math.ceil(longest * m.charWidth + 2 * m.pad));
  const rows: number[][] = [];
  lc.steps.forEach((_, i) => (rows[rank[i]] ??= []).push(i));
  const widest = Math.max(1, ...rows.map((r) => r?.length ?? 0));
  // Arrows between neighbouring rows go straight down; the others run in lanes on the right (with their labels).
  const side = edges.filter((e) => rank[index.get(e.to)!] !== rank[index.get(e.from)!] + 1);
  const sideLabel = Math.max(0, ...side.map((e) => clip(e.label ?? '', m.sideLabelChars).length));
  const content = widest * boxWidth + (widest - 1) * m.gapX;
  const sideRoom = side.length ? 16 + side.length * m.lane + Math.ceil(sideLabel * m.charWidth) : 0;
  const width = m.margin * 2 + content + sideRoom;
  const boxes: Box[] = new Array(lc.steps.length);
  let y = m.margin;
  for (const row of rows) {
    if (!row) continue;
    const rowWidth = row.length * boxWidth + (row.length - 1) * m.gapX;
    let x = m.margin + (content - rowWidth) / 2;
    let tallest = 0;
    for (const i of row) {
      const h = headHeight(lc.steps[i]) + boxLines(lc.steps[i]) * m.line + m.pad / 2;
      boxes[i] = { step: lc.steps[i], index: i, rank: rank[i], x, y, w: boxWidth, h };
      x += boxWidth + m.gapX;
      tallest = Math.max(tallest, h);
    }
    y += tallest + m.gapY;
  }
  let lane = 0;
  const arrows = edges.map((e) => {
    const from = boxes[index.get(e.from)!];
    const to = boxes[index.get(e.to)!];
    return to.rank === from.rank + 1 ? down(from, to, e.label) : aside(from, to, e.label, m.margin + content + 16 + lane++ * m.lane);
  });
  return { boxes, arrows, width, height: Math.max(y - m.gapY + m.margin, 2 * m.margin), boxWidth };
}

/**
 * A depth-first order in which every edge that is not part of a cycle points forward: steps without incoming edges
 * start the walks (in the server's order), then any left over (a cycle with no way in). Iterative, so a long chain
 * cannot overflow the stack.
 */
function topologicalOrder(n: number, out: number[][]): number[] {
  const incoming = new Array<number>(n).fill(0);
  for (const targets of out) for (const w of targets) incoming[w]++;
  const seen = new Array<boolean>(n).fill(false);
  const post: number[] = [];
  const visit = (start: number) => {
    if (seen[start]) return;
    seen[start] = true;
    const stack: [number, number][] = [[start, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [v, next] = top;
      if (next < out[v].length) {
        top[1]++;
        const w = out[v][next];
        if (!seen[w]) { seen[w] = true; stack.push([w, 0]); }
      } else {
        stack.pop();
        post.push(v);
      }
    }
  };
  for (let v = 0; v < n; v++) if (incoming[v] === 0) visit(v);
  for (let v = 0; v < n; v++) visit(v);
  return post.reverse();
}

/** Down from the bottom of one box to the top of the next row's. */
function down(from: Box, to: Box, label: string | undefined): Arrow {
  const x1 = from.x + from.w / 2;
  const y1 = from.y + from.h;
  const x2 = to.x + to.w / 2;
  const y2 = to.y;
  const mid = (y1 + y2) / 2;
  return { from, to, ...(label ? { label: clip(label) } : {}), path: `M ${x1} ${y1} C ${x1} ${mid}, ${x2} ${mid}, ${x2} ${y2 - 2}`, lx: (x1 + x2) / 2 + 6, ly: mid + 4 };
}

/** Out of the right of one box, along its lane and into the right of the other: skipping rows, or going back. */
function aside(from: Box, to: Box, label: string | undefined, laneX: number): Arrow {
  const x1 = from.x + from.w;
  const y1 = from.y + Math.min(from.h / 2, 22);
  const x2 = to.x + to.w;
  const y2 = to.y + Math.min(to.h / 2, 22) + 6;
  return {
    from, to, ...(label ? { label: clip(label, METRICS.sideLabelChars) } : {}),
    path: `M ${x1} ${y1} H ${laneX} V ${y2} H ${x2 + 2}`, lx: laneX + 4, ly: (y1 + y2) / 2,
  };
}
