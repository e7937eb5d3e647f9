// The .vsix as the Marketplace and Open VSX get it: `npm run package` (no suppression flags) prints no warning, and
// the package holds the LICENSE, a 128x128 PNG icon, a README whose images and links all resolve inside it, and no
// placeholder host in any file. Fast: packaging takes a few seconds, the archive is read in memory.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { brokenLink, isText, markdownTargets, PLACEHOLDER_HOST, pngSize } from './packageKit';
import { readZip } from './zip';

const ROOT = join(__dirname, '..', '..');
const EXT = 'extension/';

describe('npm run package: the .vsix', () => {
  let output: string;
  let files: Map<string, Buffer>;
  let manifest: Record<string, unknown>;
  const text = (name: string) => files.get(EXT + name)?.toString('utf8');

  before(() => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    output = `${r.stdout}${r.stderr}`;
    assert.equal(r.status, 0, output);
    const all = readZip(readFileSync(join(ROOT, `condis-assist-${version}.vsix`)));
    files = new Map([...all].filter(([name]) => name.startsWith(EXT)));
    manifest = JSON.parse(text('package.json')!);
  });

  test('the command-line checker ships whole: dist/cli.js and the bundle of its worker threads (check --jobs)', () => {
    for (const f of ['dist/cli.js', 'dist/cliWorker.js']) assert.ok(files.has(EXT + f), `${f} in the .vsix`);
  });

  test('vsce packages without --skip-license and prints no warning', () => {
    assert.doesNotMatch(readFileSync(join(ROOT, 'scripts', 'package.mjs'), 'utf8'), /--skip-license/);
    assert.doesNotMatch(output, /warn/i, `vsce said:\n${output}`);
  });

  test('ships the MIT LICENSE that package.json names', () => {
    assert.equal(manifest.license, 'MIT');
    const license = text('LICENSE.txt') ?? text('LICENSE');
    assert.ok(license, `LICENSE is in the package: ${[...files.keys()].join(', ')}`);
    assert.match(license, /^MIT License/);
    assert.match(license, /Copyright \(c\) \d{4} CoNDIS Assist authors/);
  });

  test('ships the icon package.json names: a 128x128 PNG, the committed images/icon.png', () => {
    assert.equal(typeof manifest.icon, 'string');
    const icon = files.get(EXT + manifest.icon);
    assert.ok(icon, `${manifest.icon} is in the package`);
    assert.deepEqual(pngSize(icon), { width: 128, height: 128 });
    assert.ok(icon.equals(readFileSync(join(ROOT, 'images', 'icon.png'))));
    const banner = manifest.galleryBanner as { color?: string; theme?: string } | undefined;
    assert.match(banner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(banner?.theme === 'dark' || banner?.theme === 'light');
  });

  test('names no home it does not have: no repository, homepage or bugs field', () => {
    for (const field of ['repository', 'homepage', 'bugs']) assert.equal(manifest[field], undefined, `${field} is not set`);
  });

  test('the README shows images that are in the package, and every link resolves inside it or is absolute https', () => {
    const readme = text('readme.md') ?? text('README.md');
    assert.ok(readme, 'the README is in the package');
    const names = new Set([...files.keys()].map((n) => n.slice(EXT.length)));
    const targets = markdownTargets(readme);
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, `the README shows at least three screenshots (it shows ${images.length})`);
    for (const image of images) {
      const png = files.get(EXT + image);
      assert.ok(png && pngSize(png), `${image} is a PNG in the package`);
    }
    const broken = targets.map((t) => brokenLink(t, 'README.md', names, readme)).filter(Boolean);
    assert.deepEqual(broken, [], `README links that do not resolve in the package:\n${broken.join('\n')}`);
  });

  test('every shipped Markdown page links only inside the package or to https', () => {
    const names = new Set([...files.keys()].map((n) => n.slice(EXT.length)));
    const broken: string[] = [];
    for (const name of names) {
      if (!name.endsWith('.md') || /^readme\.md$/i.test(name)) continue;
      const md = text(name)!;
      for (const t of markdownTargets(md)) {
        const why = brokenLink(t, name, names, md);
        if (why) broken.push(`${name}: ${why}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  test('ships the walkthrough\'s media and the examples its steps open', () => {
    const walkthroughs = (manifest.contributes as { walkthroughs: { steps: { id: string; media: { markdown?: string; image?: string } }[] }[] }).walkthroughs;
    assert.ok(walkthroughs.length > 0);
    for (const step of walkthroughs.flatMap((w) => w.steps)) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && files.has(EXT + media), `${step.id}: ${media} is in the package`);
    }
    // The walkthrough's commands live in the code both entry points share (activate.ts since the browser entry).
    const client = readFileSync(join(ROOT, 'client', 'src', 'activate.ts'), 'utf8');
    const opened = [...client.matchAll(/'((?:examples|docs)\/[^']+\.c)'/g)].map((m) => m[1]);
    assert.ok(opened.length >= 2, `activate.ts names the example files: ${opened.join(', ')}`);
    for (const f of opened) assert.ok(files.has(EXT + f), `${f} is in the package`);
  });

  test('no shipped file names a placeholder host', () => {
    const found: string[] = [];
    for (const [name, bytes] of files) {
      if (!isText(name)) continue;
      const m = PLACEHOLDER_HOST.exec(bytes.toString('utf8'));
      if (m) found.push(`${name}: ${m[0]}`);
    }
    assert.deepEqual(found, []);
  });
});
