// The rule ids are stable and appear everywhere a user meets them: the registry, the docs pages, the README,
// the settings schema; and the checker reports nothing on the example drivers and fixtures we ship as correct.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RULES } from '../../server/src/rules';
import { check, ROOT } from './helpers';

describe('rule ids', () => {
  const ids = RULES.map((r) => r.id);

  test('are the 18 the design names, each once', () => {
    assert.deepEqual([...ids].sort(), ['cm-api-in-miniport', 'complete-with-pending', 'delete-foreign-vc', 'double-completion', 'handler-table-mismatch',
      'handler-without-role-type', 'irql-dispatch-only', 'irql-passive-only', 'mcm-api-in-protocol', 'missing-completion', 'missing-deactivate-vc',
      'missing-vc-delete', 'party-handle-mismatch', 'unchecked-status', 'vc-handler-pends', 'vc-used-after-close', 'vc-used-after-delete',
      'wrong-argument-count']);
  });

  test('each has a documentation page with a bad and a good example, listed in docs/rules/README.md and the README', () => {
    const index = readFileSync(join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const r of RULES) {
      const page = join(ROOT, 'docs', 'rules', `${r.id}.md`);
      assert.ok(existsSync(page), `docs/rules/${r.id}.md exists`);
      const text = readFileSync(page, 'utf8');
      assert.match(text, new RegExp(`^# ${r.id}\\b`, 'm'));
      assert.match(text, /learn\.microsoft\.com/, `${r.id}: links the reference page behind it`);
      assert.match(text, /## Bad/i);
      assert.match(text, /## Good/i);
      assert.ok(index.includes(`${r.id}.md`), `${r.id} in docs/rules/README.md`);
      assert.ok(readme.includes(`docs/rules/${r.id}.md`), `${r.id} in README.md`);
    }
  });

  test('each can be configured in condis.diagnostics.rules, with the severities the server accepts', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties['condis.diagnostics.rules'].properties;
    assert.deepEqual(Object.keys(props).sort(), [...ids].sort());
    for (const id of ids) assert.deepEqual(props[id].enum, ['error', 'warning', 'information', 'hint', 'off']);
  });
});

function cFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.[ch]$/.test(f)).map((f) => join(dir, f));
}

describe('code we ship as correct', () => {
  // One workspace per driver: test/fixtures holds two independent drivers, one file each.
  for (const folder of ['examples/standalone-cm', 'examples/mcm', 'test/fixtures/ndis6-call-manager.c', 'test/fixtures/ndis5-call-manager.c', 'test/vscode-workspace']) {
    test(`the checker reports nothing on ${folder}`, async () => {
      const dir = join(ROOT, folder.endsWith('.c') ? folder.slice(0, folder.lastIndexOf('/')) : folder);
      const files = Object.fromEntries((folder.endsWith('.c') ? [join(ROOT, folder)] : cFiles(dir)).filter((f) => !f.includes('mistakes')).map((f) => [relative(dir, f), readFileSync(f, 'utf8')]));
      assert.ok(Object.keys(files).length > 0);
      for (const target of Object.keys(files)) {
        const r = await check(files, { target });
        assert.deepEqual(r.findings.map((f) => `${target}: ${f.rule}: ${f.message}`), []);
      }
    });
  }
});
