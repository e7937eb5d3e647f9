// Where the installed package lives and what it ships beside the CLI: its version, its home page and the
// rule documentation (docs/rules/<id>.md). The one place that computes a rule's help URI for the CLI.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Install {
  root: string;
  version: string;
  informationUri: string;
  /** file: URL of the rule's documentation page (whether or not the page exists yet). */
  ruleDocUrl(id: string): string;
  /** The page's Markdown, or undefined when it is not there. */
  ruleDocMarkdown(id: string): string | undefined;
}

const FALLBACK_HOME = 'https://example.invalid/condis-assist';

/** `from` is the bundle's folder (dist/); the package root is the nearest folder above it with our package.json. */
export function findInstall(from: string): Install {
  let root = join(from, '..');
  let pkg: { version?: string; homepage?: string; repository?: { url?: string } | string } = {};
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
  const docPath = (id: string) => join(root, 'docs', 'rules', `${id}.md`);
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return {
    root,
    version: pkg.version ?? '0.0.0',
    informationUri: pkg.homepage ?? repo?.replace(/^git\+/, '').replace(/\.git$/, '') ?? FALLBACK_HOME,
    ruleDocUrl: (id) => pathToFileURL(docPath(id)).href,
    ruleDocMarkdown: (id) => {
      try {
        return readFileSync(docPath(id), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
