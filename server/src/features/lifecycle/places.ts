// Offsets of a file's summary turned into LSP places: through the open document's own line table, else a line table
// of the file's text, kept per summary object (a file not open is read at most once per indexed version of it).
import type { Position } from 'vscode-languageserver';
import type { FileSummary } from '../../analysis/summary';
import type { Place } from './types';

/** An offset -> position function for a file, or undefined when its text cannot be had. */
export type PositionsOf = (uri: string, summary: FileSummary) => ((offset: number) => Position) | undefined;

const tables = new WeakMap<FileSummary, number[] | null>();

/** Positions from a text read on demand (`readText`), its line starts kept with the summary they belong to. */
export function positionsFromText(readText: (uri: string) => string | undefined): PositionsOf {
  return (uri, summary) => {
    let starts = tables.get(summary);
    if (starts === undefined) {
      const text = readText(uri);
      starts = text === undefined ? null : lineStarts(text);
      tables.set(summary, starts);
    }
    const s = starts;
    return s ? (offset) => positionIn(s, offset) : undefined;
  };
}

export function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

function positionIn(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo, character: Math.max(0, offset - starts[lo]) };
}

/** A place of [start, end) in `uri`, or undefined when the file's positions are unknown. */
export function placeOf(uri: string, at: ((offset: number) => Position) | undefined, start: number, end: number): Place | undefined {
  return at ? { uri, range: { start: at(start), end: at(end) } } : undefined;
}

/** `call.c:88` for titles: the file's name and 1-based line. */
export function shortRef(p: Place): string {
  return `${decodeURIComponent(p.uri.slice(p.uri.lastIndexOf('/') + 1))}:${p.range.start.line + 1}`;
}
