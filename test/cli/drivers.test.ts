// Per driver, not per workspace (issue 12, point 7), through the CLI: the example drivers and the test fixtures checked
// together report exactly what each reports alone (nothing: they are correct), although a VC created in the example
// call manager's call.c is kept in a field of the same name as the NDIS 5 fixture's.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, cli } from './cliKit';

describe('check examples and fixtures together', () => {
  for (const args of [['examples', 'test/fixtures'], ['examples'], ['test/fixtures']]) {
    test(`check ${args.join(' ')}: no findings`, () => {
      const r = cli(['check', ...args], ROOT);
      assert.equal(r.stdout, '', r.stdout);
      assert.match(r.stderr, /no findings in \d+ files checked/);
      assert.equal(r.code, 0);
    });
  }
});
