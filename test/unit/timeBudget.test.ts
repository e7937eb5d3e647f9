// condis.timeBudget: a check that runs out of time reports what it found so far, says so in one information
// diagnostic, and the next checks finish the rest; the parts add up to exactly the diagnostics of one whole check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { services } from './helpers';
import { Validator } from '../../server/src/validation';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../../server/src/settings';
import { generateDriver } from '../../bench/generate';

test('a check over the time budget comes in parts that add up to the whole', async () => {
  const s = await services();
  const text = generateDriver(2500, 11).text;
  assert.ok(text.length >= 64 * 1024, 'large enough to be checked in parts (smaller files are always checked whole)');
  const whole = await (async () => {
    const v = new Validator(s, () => ({ ...DEFAULT_SETTINGS, timeBudget: 60_000 }), 'file:///docs', undefined, () => undefined);
    const doc = s.documents.open('file:///budget/whole.c', 'c', 1, text);
    try {
      return v.diagnostics(doc);
    } finally {
      s.documents.close(doc.uri);
      s.workspace.delete(doc.uri);
    }
  })();
  assert.ok(whole.length > 0 && !whole.some((d) => d.code === 'check-in-progress'), 'a whole check has findings and no notice');

  // No time at all: each check does one item afresh (its progress guarantee), reusing what the earlier parts found.
  const tiny: Settings = { ...DEFAULT_SETTINGS, timeBudget: 0 };
  const v = new Validator(s, () => tiny, 'file:///docs', undefined, () => undefined);
  const doc = s.documents.open('file:///budget/parts.c', 'c', 1, text);
  try {
    const first = v.diagnostics(doc);
    const notice = first.find((d) => d.code === 'check-in-progress');
    assert.ok(notice, 'the first part says the check is not complete');
    assert.match(String(notice.message), /^Still checking: \d+ of \d+ top-level items are checked so far, in parts of 0 ms \(condis\.timeBudget\)/);
    assert.equal(first[0], notice, 'the notice comes first');
    let last = first;
    let parts = 1;
    while (last.some((d) => d.code === 'check-in-progress') && parts < 5000) {
      doc.derived.delete('diagnostics');
      last = v.diagnostics(doc);
      parts++;
    }
    assert.ok(parts > 10, `${parts} parts`);
    assert.deepEqual(last, whole, 'the last part equals one whole check');
  } finally {
    s.documents.close(doc.uri);
    s.workspace.delete(doc.uri);
  }
});

test('a small file is checked whole even with no time at all', async () => {
  const s = await services();
  const v = new Validator(s, () => ({ ...DEFAULT_SETTINGS, timeBudget: 0 }), 'file:///docs', undefined, () => undefined);
  const text = generateDriver(600, 11).text;
  const doc = s.documents.open('file:///budget/small.c', 'c', 1, text);
  try {
    assert.ok(text.length < 64 * 1024);
    assert.ok(!v.diagnostics(doc).some((d) => d.code === 'check-in-progress'));
  } finally {
    s.documents.close(doc.uri);
    s.workspace.delete(doc.uri);
  }
});

test('the time budget setting is read defensively', () => {
  assert.equal(readSettings({}).timeBudget, 500);
  assert.equal(readSettings({ timeBudget: 2000 }).timeBudget, 2000);
  assert.equal(readSettings({ timeBudget: '750' }).timeBudget, 750);
  assert.equal(readSettings({ timeBudget: 1 }).timeBudget, 10);
  assert.equal(readSettings({ timeBudget: 1e9 }).timeBudget, 60_000);
  for (const bad of [0, -5, 'soon', null, NaN, {}]) assert.equal(readSettings({ timeBudget: bad }).timeBudget, 500, String(bad));
});
