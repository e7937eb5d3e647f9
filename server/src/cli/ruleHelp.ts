// A rule's documentation page (docs/rules/<id>.md) as SARIF's help and fullDescription: the page as Markdown, a
// plain-text rendering of it, and its opening paragraph as the full description. A viewer shows them far from our
// files (GitHub code scanning, in the scanned repository), so only absolute https links are kept.

export interface RuleHelp {
  description: { text: string; markdown: string };
  help: { text: string; markdown: string };
}

export function ruleHelp(markdown: string): RuleHelp {
  const page = absoluteLinksOnly(markdown.replace(/\r\n/g, '\n').trim());
  // The page opens with `# <id>` and then one paragraph saying what the rule finds.
  const blocks = page.split(/\n{2,}/);
  const first = blocks.find((b) => !b.startsWith('#')) ?? '';
  const paragraph = first.split('\n').map((l) => l.trim()).join(' ');
  return {
    description: { text: plain(paragraph), markdown: paragraph },
    help: { text: plain(page), markdown: `${page}\n` },
  };
}

/** Relative links (other rule pages, the examples) would resolve against the viewer's repository: their label stays. */
function absoluteLinksOnly(md: string): string {
  return md.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (link, label: string, url: string) => (/^https:\/\//.test(url) ? link : label));
}

/** Markdown read as text: no emphasis or code marks, links as "label (url)"; code blocks and line breaks stay. */
function plain(md: string): string {
  return md
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^`])`([^`\n]+)`/g, '$1$2');
}
