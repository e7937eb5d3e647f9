// Reading the condis.* settings: whatever a client sends, only well-typed values are kept, and the size limit is bounded.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, MAX_FILE_SIZE_MAX_MB, MAX_FILE_SIZE_MIN_MB, maxFileBytes, readSettings } from '../../server/src/settings';

describe('settings', () => {
  test('nothing, null or a non-object gives the defaults', () => {
    for (const raw of [undefined, null, 42, 'x', [], {}]) assert.deepEqual(readSettings(raw), DEFAULT_SETTINGS);
  });

  test('maxFileSize defaults to 8 MB, which is 8,388,608 bytes', () => {
    assert.equal(readSettings({}).maxFileSize, 8);
    assert.equal(maxFileBytes(readSettings({})), 8 * 1_048_576);
  });

  test('maxFileSize takes a number of MB, fractions included, and a numeric string from a loosely typed client', () => {
    assert.equal(readSettings({ maxFileSize: 20 }).maxFileSize, 20);
    assert.equal(readSettings({ maxFileSize: 0.5 }).maxFileSize, 0.5);
    assert.equal(readSettings({ maxFileSize: '16' }).maxFileSize, 16);
  });

  test('a zero, negative, infinite or non-numeric maxFileSize falls back to the default', () => {
    for (const v of [0, -3, Number.NaN, Number.POSITIVE_INFINITY, 'big', '', true, null, {}]) {
      assert.equal(readSettings({ maxFileSize: v }).maxFileSize, DEFAULT_SETTINGS.maxFileSize, String(v));
    }
  });

  test('a tiny or huge maxFileSize is clamped to the bounds package.json states', () => {
    assert.equal(readSettings({ maxFileSize: 1e-9 }).maxFileSize, MAX_FILE_SIZE_MIN_MB);
    assert.equal(readSettings({ maxFileSize: 1e9 }).maxFileSize, MAX_FILE_SIZE_MAX_MB);
  });

  test('package.json declares maxFileSize with the same default and bounds', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const decl = pkg.contributes.configuration.properties['condis.maxFileSize'];
    assert.equal(decl.type, 'number');
    assert.equal(decl.default, DEFAULT_SETTINGS.maxFileSize);
    assert.equal(decl.minimum, MAX_FILE_SIZE_MIN_MB);
    assert.equal(decl.maximum, MAX_FILE_SIZE_MAX_MB);
  });

  test('the other settings keep their well-typed values and drop the rest', () => {
    const s = readSettings({
      inlayHints: { parameterNames: false },
      diagnostics: { enable: 'no', rules: { 'unchecked-status': 'off', 'double-completion': 'loud' } },
      driverRole: 'client',
    });
    assert.equal(s.inlayHints.parameterNames, false);
    assert.equal(s.diagnostics.enable, true);
    assert.deepEqual(s.diagnostics.rules, { 'unchecked-status': 'off' });
    assert.equal(s.driverRole, 'client');
    assert.equal(readSettings({ driverRole: 'kernel' }).driverRole, 'auto');
  });

  test('codeLens.enable: on by default, off when set false, a wrong type keeps the default; package.json agrees', () => {
    assert.equal(readSettings({}).codeLens.enable, true);
    assert.equal(readSettings({ codeLens: { enable: false } }).codeLens.enable, false);
    assert.equal(readSettings({ codeLens: { enable: 'no' } }).codeLens.enable, true);
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const decl = pkg.contributes.configuration.properties['condis.codeLens.enable'];
    assert.equal(decl.type, 'boolean');
    assert.equal(decl.default, DEFAULT_SETTINGS.codeLens.enable);
  });
});
