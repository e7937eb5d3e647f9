// Shared checks on what we ship: Markdown links, PNG sizes and placeholder hosts, for the .vsix and the npm tarball.
import { posix } from 'node:path';

/** Link and image targets of a Markdown text, outside code blocks and code spans (inline links and <img src>). */
export function markdownTargets(md: string): string[] {
  const prose = md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  const out: string[] = [];
  for (const m of prose.matchAll(/!?\[(?:[^\]\n]|\][^(])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push(m[1]);
  for (const m of prose.matchAll(/<img\s[^>]*src="([^"]+)"/g)) out.push(m[1]);
  for (const m of prose.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)) out.push(m[1]);
  return out;
}

/** GitHub-style heading anchors of a Markdown text. */
export function anchors(md: string): Set<string> {
  const prose = md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  const out = new Set<string>();
  for (const m of prose.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    out.add(m[1].toLowerCase().replace(/[`*_]/g, '').replace(/[^\p{L}\p{N}\s-]/gu, '').trim().replace(/\s/g, '-'));
  }
  return out;
}

/**
 * Why a link in `from` (a path inside the package) does not resolve there, or undefined when it does: absolute https
 * links and anchors of the same page are fine; a relative link must name a file (or a folder) the package holds.
 */
export function brokenLink(target: string, from: string, files: Set<string>, md: string): string | undefined {
  if (/^https:\/\//.test(target)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return `${target}: only https links open from the extension's page`;
  const [path, anchor] = target.split('#');
  if (path === '') return anchor && !anchors(md).has(anchor) ? `${target}: no such heading` : undefined;
  const resolved = posix.normalize(posix.join(posix.dirname(from), decodeURI(path))).replace(/\/$/, '');
  if (resolved.startsWith('..')) return `${target}: points outside the package`;
  if (files.has(resolved)) return undefined;
  if ([...files].some((f) => f.startsWith(`${resolved}/`))) return undefined;
  return `${target}: ${resolved} is not in the package`;
}

/** Width and height of a PNG, or undefined when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | undefined {
  if (png.length < 24 || png.readUInt32BE(0) !== 0x89504e47 || png.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Host names reserved for examples and documentation (RFC 2606, RFC 6761), which no real link uses. */
export const PLACEHOLDER_HOST = /\b(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|[a-z0-9-]+\.(?:invalid|example))\b/i;

/** Files whose text is checked for placeholders: everything but the binaries. */
export const isText = (name: string) => !/\.(?:wasm|png|jpe?g|gif|ico)$/i.test(name);
