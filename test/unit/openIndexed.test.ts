// Opening a file the index has already read is no change to the workspace: the index compares summaries by the same
// key whoever set them (indexer, open document, CLI). When it did not, every open of an indexed file bumped the
// generation and re-checked every other open document from scratch (their flows and memos dropped).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import { summarizeFile, type Services } from '../../server/src/services';
import { indexFiles, inThreadSummarizer } from '../../server/src/indexer';
import { workerSummarizer } from '../../server/src/workerSummarizer';
import { nodeSourceFiles } from '../../server/src/nodeSourceFiles';
import type { FileSummarizer } from '../../server/src/summaryTransfer';
import { Validator } from '../../server/src/validation';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { ROOT, services } from './helpers';

const DIR = join(ROOT, 'test', 'vscode-workspace');
// Real files: the worker threads read them from disk.
const files = readdirSync(DIR).filter((n) => n.endsWith('.c') || n.endsWith('.h')).map((n) => ({ uri: pathToFileURL(join(DIR, n)).href, text: readFileSync(join(DIR, n), 'utf8') }));

/** The indexing worker threads as the Node server runs them (dist/indexWorker.js, built before the tests run). */
function throughWorker(s: Services): FileSummarizer {
  const script = join(ROOT, 'dist', 'indexWorker.js');
  assert.ok(existsSync(script), `${script} is missing: run node scripts/build.mjs`);
  return workerSummarizer(script, 2, inThreadSummarizer(s, nodeSourceFiles), (m) => assert.fail(m));
}

describe('opening indexed files', () => {
  for (const how of ['in this thread', 'in a worker thread'] as const) test(`changes no generation while the texts are the ones indexed (${how}); an edit of a cross-file fact still does`, async () => {
    const s = await services();
    const saved = s.workspace;
    s.workspace = new WorkspaceIndex();
    try {
      if (how === 'in this thread') for (const f of files) s.workspace.set(summarizeFile(s, f.uri, f.text)!);
      else {
        const summarizer = throughWorker(s);
        try {
          await indexFiles(s, nodeSourceFiles, files.map((f) => f.uri), 1e9, { report: () => undefined, cancelled: () => false }, () => undefined, summarizer);
        } finally {
          summarizer.close();
        }
      }
      assert.equal(files.filter((f) => s.workspace.has(f.uri)).length, files.length);
      const v = new Validator(s, () => DEFAULT_SETTINGS, '', () => undefined, () => undefined);
      const generations = () => files.map((f) => s.workspace.generation(f.uri));
      const before = generations();
      for (const f of files) {
        const doc = s.documents.open(f.uri, 'c', 1, f.text);
        v.diagnostics(doc);
      }
      assert.deepEqual(generations(), before, 'opening the indexed texts changed the workspace');
      // A real cross-file change: a handler table gains an entry.
      const table = files.find((f) => /CmCloseCallHandler\s*=/.test(f.text))!;
      const doc = s.documents.get(table.uri)!;
      const at = doc.text.getText().indexOf('CmCloseCallHandler');
      s.documents.change(table.uri, 2, [{ range: { start: doc.text.positionAt(at), end: doc.text.positionAt(at + 'CmCloseCallHandler'.length) }, text: 'CmCloseCallHandlerX' }]);
      v.diagnostics(s.documents.get(table.uri)!);
      assert.notDeepEqual(generations().filter((_, i) => files[i].uri !== table.uri), before.filter((_, i) => files[i].uri !== table.uri));
      for (const f of files) s.documents.close(f.uri);
    } finally {
      s.workspace = saved;
    }
  });
});
