// Small stand-ins for Node built-ins that the shared server code needs in a Web Worker too (the web extension host
// has no `Buffer`, `process` or `node:path`): each uses Node's own where it exists.

interface NodeLike { Buffer?: { byteLength(s: string, e: 'utf8'): number }; process?: { platform?: string } }
const g = globalThis as unknown as NodeLike;

/** The host's platform name (`win32`, `darwin`, `linux`), or `web` in a browser. */
export const PLATFORM: string = typeof g.process === 'object' && typeof g.process.platform === 'string' ? g.process.platform : 'web';

/** The UTF-8 length of `text` in bytes (Node's native count when there is one; one linear pass otherwise). */
export function utf8Length(text: string): number {
  if (g.Buffer) return g.Buffer.byteLength(text, 'utf8');
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** Latin-1 decoding of bytes (one code unit per byte), in slices so a large file does not overflow the call stack. */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/**
 * `path.posix.normalize` for the slash-separated paths of URIs: `.` and empty segments dropped, `..` resolved (never
 * above the root of an absolute path), a trailing slash kept, `.` for an empty relative result.
 */
export function normalizePosix(path: string): string {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  const trailing = path.endsWith('/');
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else {
      out.push(seg);
    }
  }
  let p = out.join('/');
  if (!p && !absolute) p = '.';
  if (trailing && p && p !== '/') p += '/';
  return absolute ? `/${p}` : p;
}
