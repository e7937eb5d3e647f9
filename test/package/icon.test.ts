// The committed icon is what images/icon.svg renders to: packaging needs no renderer, and the SVG stays the source.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pngSize } from './packageKit';

const ROOT = join(__dirname, '..', '..');

test('images/icon.png is a 128x128 PNG, byte for byte what scripts/icon.mjs renders from images/icon.svg', async () => {
  const { renderIcon } = await import('../../scripts/icon.mjs');
  const committed = readFileSync(join(ROOT, 'images', 'icon.png'));
  assert.deepEqual(pngSize(committed), { width: 128, height: 128 });
  const fresh = await renderIcon();
  assert.ok(fresh.equals(committed), 'images/icon.png is stale: run `node scripts/icon.mjs` and commit it');
  assert.match(readFileSync(join(ROOT, 'images', 'icon.svg'), 'utf8'), /viewBox="0 0 128 128"/);
});
