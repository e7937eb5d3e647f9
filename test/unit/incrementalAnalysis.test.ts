// Re-analysis after an edit reuses the facts and findings of the items the edit did not touch (analysis/chunks.ts,
// features/diagnostics.ts). Property: after every edit of a random sequence, the diagnostics the validator computes
// incrementally equal those of a fresh analysis of the same text with nothing carried over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT, services } from './helpers';
import { Validator } from '../../server/src/validation';
import { DEFAULT_SETTINGS, TIME_BUDGET_MAX_MS } from '../../server/src/settings';
import { analyzeFile } from '../../server/src/analysis/fileAnalysis';
import { ParsedText } from '../../server/src/syntax/parsedText';
import { runRules, toDiagnostics } from '../../server/src/features/diagnostics';
import { Rng } from '../fuzz/rng';
import { generateDriver } from '../../bench/generate';

const cFiles = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.c')).map((f) => join(ROOT, dir, f));
const FILES = [
  ...cFiles('test/fixtures'), ...cFiles('examples/standalone-cm'), ...cFiles('examples/mcm'), ...cFiles('test/vscode-workspace/mistakes'),
];

/** Edits a driver author makes, plus a few that break the structure (braces, comments). */
const INSERTS = [' ', '\n', 'x', ';', '\n    Status = NDIS_STATUS_PENDING;\n', 'NDIS_STATUS_PENDING', '{', '}', '/*', '*/', '(', ')',
  '\n    NdisCmCloseCallComplete(NDIS_STATUS_PENDING, VcHandle, NULL);\n', '\nPROTOCOL_CM_CLOSE_CALL Foo;\n', '// condis-ignore-next-line\n'];

function randomEdit(rng: Rng, text: string): { start: number; end: number; insert: string } {
  const at = rng.int(text.length + 1);
  switch (rng.int(5)) {
    case 0: return { start: at, end: Math.min(text.length, at + 1 + rng.int(20)), insert: '' };
    case 1: { // swap a status constant: findings appear and disappear
      const m = /NDIS_STATUS_(SUCCESS|PENDING)/g;
      const all = [...text.matchAll(m)];
      const hit = all.length ? all[rng.int(all.length)] : undefined;
      if (hit?.index !== undefined) return { start: hit.index, end: hit.index + hit[0].length, insert: hit[1] === 'SUCCESS' ? 'NDIS_STATUS_PENDING' : 'NDIS_STATUS_SUCCESS' };
      return { start: at, end: at, insert: ' ' };
    }
    case 2: { // duplicate a line (a repeated call, a second definition)
      const s = text.lastIndexOf('\n', at - 1) + 1;
      const e = text.indexOf('\n', at);
      const line = text.slice(s, e < 0 ? text.length : e + 1);
      return { start: s, end: s, insert: line };
    }
    default: return { start: at, end: at, insert: INSERTS[rng.int(INSERTS.length)] };
  }
}

test('incremental re-analysis equals a fresh analysis after every edit', async () => {
  const s = await services();
  // The whole check at once (the largest budget): a loaded machine must not turn this comparison into a timing test.
  const settings = { ...DEFAULT_SETTINGS, timeBudget: TIME_BUDGET_MAX_MS };
  const validator = new Validator(s, () => settings, 'file:///docs', undefined, () => undefined);
  let compared = 0;
  let withFindings = 0;
  // A generated driver large enough to be parsed in segments once edited (ParsedText), besides the real files.
  const sources: [string, string, number][] = [
    ...FILES.map((p): [string, string, number] => [p, readFileSync(p, 'utf8'), 40]),
    ['a generated 2,500-line call manager', generateDriver(2500, 3).text, 30],
  ];
  for (const [k, [path, original, steps]] of sources.entries()) {
    const rng = new Rng(0xc0de + k);
    const uri = `file:///incremental/${k}.c`;
    let text = original;
    const doc = s.documents.open(uri, 'c', 1, text);
    try {
      validator.diagnostics(doc);
      for (let step = 0; step < steps; step++) {
        const e = randomEdit(rng, text);
        const range = { start: doc.text.positionAt(e.start), end: doc.text.positionAt(e.end) };
        text = text.slice(0, e.start) + e.insert + text.slice(e.end);
        // Several edits between checks now and then, as a burst of typing is checked once.
        s.documents.change(uri, doc.version + 1, [{ range, text: e.insert }]);
        if (rng.int(3) === 0) continue;
        const incremental = validator.diagnostics(doc);

        const parsed = new ParsedText(s.parser, text);
        try {
          const file = analyzeFile(uri, text, parsed, s);
          const fresh = toDiagnostics(runRules({ file, catalog: s.catalog, lifecycle: s.lifecycle, workspace: s.workspace }, DEFAULT_SETTINGS),
            TextDocument.create(uri, 'c', doc.version, text), 'file:///docs');
          assert.deepEqual(incremental, fresh, `${path}, edit ${step}: ${JSON.stringify(e)}`);
          compared++;
          if (fresh.length) withFindings++;
        } finally {
          parsed.dispose();
        }
      }
    } finally {
      s.documents.close(uri);
      s.workspace.delete(uri);
    }
  }
  assert.ok(compared > FILES.length * 10, `compared ${compared} versions`);
  assert.ok(withFindings > compared / 4, `${withFindings} of ${compared} versions had findings`);
});
