// Where the installed package lives and what it ships beside the CLI: its version, its home page (only if
// package.json names one) and the rule documentation (docs/rules/<id>.md), read as text for SARIF's help.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Install {
  root: string;
  version: string;
  /** The project's public home page, when package.json has one; never a placeholder. */
  informationUri?: string;
  /** The rule's documentation page as Markdown, or undefined when the package does not have it. */
  ruleDocMarkdown(id: string): string | undefined;
}

/** `from` is the bundle's folder (dist/); the package root is the nearest folder above it with our package.json. */
export function findInstall(from: string): Install {
  let root = join(from, '..');
  let pkg: { version?: string; homepage?: string } = {};
  for (let dir = from, i = 0; i < 5; i++, dir = dirname(dir)) {
    const p = join(dir, 'package.json');
    if (!existsSync(p)) continue;
    try {
      const json = JSON.parse(readFileSync(p, 'utf8'));
      if (json.name === 'condis-assist') { root = dir; pkg = json; break; }
    } catch {
      // an unreadable package.json is passed over; the fallbacks below apply
    }
  }
  const home = typeof pkg.homepage === 'string' && /^https:\/\//.test(pkg.homepage) ? pkg.homepage : undefined;
  return {
    root,
    version: pkg.version ?? '0.0.0',
    ...(home ? { informationUri: home } : {}),
    ruleDocMarkdown: (id) => {
      try {
        return readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
