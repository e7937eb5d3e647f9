// Extension-host entry point (`extensionTestsPath`): runs every *.spec.js beside it with mocha
// (named .spec, not .test, so node:test runs of test/**/*.test.ts leave them alone).
// A new area (diagnostics, code actions, snippets) adds a <area>.spec.ts here; nothing else changes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // Per test; waitFor's own deadlines are shorter, so a failure reports the polled value, not a timeout.
    timeout: 60_000,
    color: !process.env.NO_COLOR,
    grep: process.env.CONDIS_VSCODE_GREP || undefined,
  });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.spec.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
