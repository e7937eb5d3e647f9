// The .vsix the UI tests install: `npm run package` once per test file, or CONDIS_VSIX=<file> to reuse one.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export function packageVsix(): string {
  if (process.env.CONDIS_VSIX) return process.env.CONDIS_VSIX;
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const vsix = join(ROOT, `condis-assist-${version}.vsix`);
  assert.ok(existsSync(vsix), `npm run package produced ${vsix}`);
  return vsix;
}
