// Memory stays one version: what is carried from one version of a document to the next keeps nothing of the versions
// before it. Checked on the heap after a full garbage collection (sizes, not times).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { services } from './helpers';
import { Validator } from '../../server/src/validation';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { generateDriver } from '../../bench/generate';
import { own } from '../../server/src/analysis/chunks';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** Heap in use after a full collection, once the current job is over (WeakRef targets live until then). */
async function heapUsed(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

test('edits all over a large file keep the heap at one version (items carried from older versions kept their whole texts)', async () => {
  const s = await services();
  const text = generateDriver(20_000, 3).text;
  const v = new Validator(s, () => ({ ...DEFAULT_SETTINGS, timeBudget: 60_000 }), 'file:///docs', undefined, () => undefined);
  const doc = s.documents.open('file:///memory/driver.c', 'c', 1, text);
  try {
    const edit = (k: number) => {
      // 100 places, each in a different item: every item re-read in its own version.
      const at = text.indexOf('\n    ', Math.floor((text.length * k) / 100)) + 1;
      const pos = doc.text.positionAt(at);
      s.documents.change(doc.uri, doc.version + 1, [{ range: { start: pos, end: pos }, text: ' ' }]);
      v.diagnostics(doc);
    };
    edit(0);
    const before = await heapUsed();
    for (let k = 1; k < 100; k++) edit(k);
    const grown = (await heapUsed()) - before;
    // Before the fix: about 55 MB for this 0.6 MB file (a text per version); after it, a few MB.
    assert.ok(grown < 20e6, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 99 edits of a ${(text.length / 1e6).toFixed(1)} MB file`);
  } finally {
    s.documents.close(doc.uri);
    s.workspace.delete(doc.uri);
  }
});

test('own() copies a name out of the text it was cut from, unchanged', () => {
  for (const s of ['', 'a', 'Vc', 'NdisCmCloseCallComplete', 'x'.repeat(5000), 'Vc->NdisVcHandle']) assert.equal(own(s), s);
});
