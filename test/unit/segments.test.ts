// A large file, once edited, is parsed in segments (ParsedText): the items around an edit get a tree of their own and
// the rest keep the file's tree. Property: after every edit, the segments' top-level items read exactly as a full parse
// of the same text reads them (type, extent, and the whole subtree), and node text follows the current text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Tree } from 'web-tree-sitter';
import { services } from './helpers';
import { ParsedText } from '../../server/src/syntax/parsedText';
import { generateDriver } from '../../bench/generate';
import { Rng } from '../fuzz/rng';

/**
 * The top-level items a set of segments holds, in order: type and extent, and the whole subtree of items without
 * syntax errors. (Inside an erroneous item, tree-sitter's own incremental re-parse can already differ from a fresh
 * parse: error recovery is not deterministic across the two.)
 */
function itemsOf(segments: readonly { start: number; end: number; tree: Tree }[]): string[] {
  const out: string[] = [];
  for (const seg of segments) {
    const c = seg.tree.walk();
    if (c.gotoFirstChild()) {
      do {
        if (c.endIndex <= seg.start || c.startIndex >= seg.end) continue;
        const n = c.currentNode;
        out.push(`${c.nodeType} ${c.startIndex}-${c.endIndex} ${n.hasError ? '(has errors)' : n.toString()}`);
      } while (c.gotoNextSibling());
    }
    c.delete();
  }
  return out;
}

const TYPING = [' ', 'x', ';', '\n', 'Status = NDIS_STATUS_PENDING;', '(', ')', 'NdisCoDeleteVc(Vc);\n'];
const BREAKING = ['{', '}', '/*', '*/', '"', '#if 0\n', '#endif\n', 'int f(void) {'];

test('a large file parsed in segments reads like a full parse after every edit', async () => {
  const s = await services();
  const g = generateDriver(4000, 7);
  let text = g.text;
  assert.ok(text.length > 64 * 1024, 'large enough to be segmented');
  const rng = new Rng(0x5e6);
  const parsed = new ParsedText(s.parser, text);
  const fresh = s.language.createParser();
  let segmentedVersions = 0;
  try {
    for (let step = 0; step < 120; step++) {
      // Mostly typing inside functions; now and then an edit that breaks the structure, or a deletion.
      const at = rng.int(text.length);
      const kind = rng.int(10);
      const insert = kind < 6 ? TYPING[rng.int(TYPING.length)] : kind < 8 ? BREAKING[rng.int(BREAKING.length)] : '';
      const end = kind >= 8 ? Math.min(text.length, at + 1 + rng.int(30)) : at;
      const row = text.slice(0, at).split('\n').length - 1;
      parsed.edit(at, end, insert, row);
      text = text.slice(0, at) + insert + text.slice(end);
      assert.equal(parsed.text, text);
      if (parsed.segments.length > 1) segmentedVersions++;

      const full = fresh.parse(parsed.blanked)!;
      try {
        const got = itemsOf(parsed.segments);
        const want = itemsOf([{ start: 0, end: text.length, tree: full }]);
        const i = got.findIndex((x, k) => x !== want[k]);
        if (i >= 0 || got.length !== want.length) {
          const k = i >= 0 ? i : Math.min(got.length, want.length);
          const short = (x?: string) => x?.slice(0, 160);
          assert.fail(`edit ${step} at ${at} (${JSON.stringify(insert)}, deleting ${end - at}): item ${k} of ${want.length} is ` +
            `${short(got[k])}, a full parse reads ${short(want[k])}; segments ${JSON.stringify(parsed.segments.map((g) => [g.start, g.end]))}`);
        }
      } finally {
        full.delete();
      }
      // Node text is read from the current text, also in the part of the file's tree that was not re-parsed.
      const probe = rng.int(text.length);
      const node = parsed.treeAt(probe)!.rootNode.descendantForIndex(probe, probe)!;
      assert.equal(node.text, parsed.blanked.slice(node.startIndex, node.endIndex));
    }
  } finally {
    parsed.dispose();
    fresh.delete();
  }
  assert.ok(segmentedVersions > 15, `${segmentedVersions} of 120 versions were segmented`);
});
