// Opening a file the index has already read is no change to the workspace: the index compares summaries by the same
// key whoever set them (indexer, open document, CLI). When it did not, every open of an indexed file bumped the
// generation and re-checked every other open document from scratch (their flows and memos dropped).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { summaryKey, WorkspaceIndex } from '../../server/src/analysis/workspace';
import { summarizeFile, type Services } from '../../server/src/services';
import { indexFiles } from '../../server/src/indexer';
import { nodeSourceFiles } from '../../server/src/nodeSourceFiles';
import { fromTransfer, withLifecycleValue, type FileSummarizer } from '../../server/src/summaryTransfer';
import { Validator } from '../../server/src/validation';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { ROOT, services } from './helpers';

const DIR = join(ROOT, 'test', 'vscode-workspace');
const files = readdirSync(DIR).filter((n) => n.endsWith('.c') || n.endsWith('.h')).map((n) => ({ uri: `file:///drv/${n}`, text: readFileSync(join(DIR, n), 'utf8') }));

/** What an indexing worker thread does to a file (indexWorker.ts), and what the server makes of its answer (workerSummarizer.ts). */
function throughWorker(s: Services): FileSummarizer {
  return {
    parallel: 2, inThread: false, close: () => undefined,
    summarize: async (uri) => {
      const summary = summarizeFile(s, uri, files.find((f) => f.uri === uri)!.text)!;
      const key = summaryKey(summary);
      return { ok: true, summary: fromTransfer(structuredClone(withLifecycleValue(summary, true))), key };
    },
  };
}

describe('opening indexed files', () => {
  for (const how of ['in this thread', 'in a worker thread'] as const) test(`changes no generation while the texts are the ones indexed (${how}); an edit of a cross-file fact still does`, async () => {
    const s = await services();
    const saved = s.workspace;
    s.workspace = new WorkspaceIndex();
    try {
      if (how === 'in this thread') for (const f of files) s.workspace.set(summarizeFile(s, f.uri, f.text)!);
      else await indexFiles(s, nodeSourceFiles, files.map((f) => f.uri), 1e9, { report: () => undefined, cancelled: () => false }, () => undefined, throughWorker(s));
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
