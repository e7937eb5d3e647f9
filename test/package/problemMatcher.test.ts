// The $condis-assist problem matcher the extension contributes reads every line the CLI's text format prints:
// file, line, column, a severity VS Code knows, the message and the rule id (as the Problems panel's code).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cli, copyFixtures, only, scratch, CLEAN_CM } from '../cli/cliKit';

const ROOT = join(__dirname, '..', '..');

interface Matcher {
  name: string; owner: string; fileLocation: unknown;
  pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number };
}

describe('the $condis-assist problem matcher', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const matcher = (pkg.contributes.problemMatchers as Matcher[]).find((m) => m.name === 'condis-assist')!;
  const re = new RegExp(matcher.pattern.regexp);
  const parse = (line: string) => {
    const m = re.exec(line);
    if (!m) return undefined;
    const p = matcher.pattern;
    return { file: m[p.file], line: Number(m[p.line]), column: Number(m[p.column]), severity: m[p.severity], message: m[p.message], code: m[p.code] };
  };
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = scratch());
    copyFixtures(dir, [...CLEAN_CM, 'pendingComplete.c']);
  });
  after(() => cleanup());

  test('is contributed with paths relative to the workspace folder or absolute', () => {
    assert.ok(matcher);
    assert.deepEqual(matcher.fileLocation, ['autoDetect', '${workspaceFolder}']);
  });

  test('matches every finding line the CLI prints, at each severity, with VS Code\'s severity words', () => {
    const severities = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as const;
    for (const [cliSeverity, vscodeSeverity] of Object.entries(severities)) {
      const r = cli(['check', ...only('complete-with-pending'), '--rule', `complete-with-pending=${cliSeverity}`, 'pendingComplete.c'], dir);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 1, r.stdout);
      const p = parse(lines[0]);
      assert.ok(p, `${lines[0]} is matched`);
      assert.equal(p.file, 'pendingComplete.c');
      assert.equal(p.severity, vscodeSeverity);
      assert.equal(p.code, 'complete-with-pending');
      assert.match(p.message, /NDIS_STATUS_PENDING/);
      assert.doesNotMatch(p.message, /\[complete-with-pending\]/);
      assert.ok(p.line > 0 && p.column > 0);
    }
    // The summary on stderr is not a problem.
    assert.equal(parse('condis-assist: 1 error in 1 file checked'), undefined);
  });

  test('reads Windows paths (drive letters, UNC) and messages that hold colons and brackets', () => {
    assert.deepEqual(parse('C:\\drv\\cm.c:12:3: error: a: b [x] c [wrong-argument-count]'),
      { file: 'C:\\drv\\cm.c', line: 12, column: 3, severity: 'error', message: 'a: b [x] c', code: 'wrong-argument-count' });
    assert.equal(parse('\\\\server\\share\\drv\\cm.c:1:1: warning: m [unchecked-status]')?.file, '\\\\server\\share\\drv\\cm.c');
  });
});
