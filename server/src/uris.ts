// How the server names a file: one canonical key per URI however a client spells it, and the conversions between
// file: URIs and the paths of Windows and POSIX systems, used only where the disk is read (the disk boundary).
import { URI } from 'vscode-uri';
import { normalizePosix, PLATFORM } from './portable';

/** Which path syntax a path is in: the host's, or Windows' anywhere (tests, a Windows client over a remote link). */
export type PathFlavour = 'win32' | 'posix';
export const HOST_FLAVOUR: PathFlavour = PLATFORM === 'win32' ? 'win32' : 'posix';
/**
 * Whether file names differ by case alone on this host. Decided by the platform, not by probing the disk: NTFS and
 * macOS's default APFS and HFS+ volumes ignore case; a case-sensitive macOS volume or Windows folder is the exception.
 */
export const HOST_IGNORES_CASE = PLATFORM === 'win32' || PLATFORM === 'darwin';

/**
 * The one spelling of a URI: vscode-uri's, which is VS Code's own (`file:///c%3A/drv/cm.c`, `(` `)` `+` `@` `!` and
 * the drive colon percent-encoded, the drive letter and host in lower case). Any scheme, kept opaque; a string
 * vscode-uri cannot read stays as it is.
 */
export function canonicalUri(uri: string): string {
  try {
    const u = URI.parse(uri);
    // `file://localhost/x` is `file:///x` (RFC 8089); Node and VS Code never write the former, some clients do.
    if (u.scheme === 'file' && u.authority.toLowerCase() === 'localhost') return u.with({ authority: '' }).toString();
    return u.toString();
  } catch {
    return uri;
  }
}

/** A Windows path without its `\\?\` or `\\.\` prefix (`\\?\UNC\server\share` is `\\server\share`). */
export function plainWin32Path(path: string): string {
  if (/^[\\/]{2}[?.][\\/]UNC[\\/]/i.test(path)) return `\\\\${path.slice(8)}`;
  if (/^[\\/]{2}[?.][\\/]/.test(path)) return path.slice(4);
  return path;
}

/** The canonical `file:` URI of an absolute path: drive letters, UNC shares and `\\?\` paths on Windows. */
export function fileUri(path: string, flavour: PathFlavour = HOST_FLAVOUR): string {
  if (flavour === 'posix') return URI.from({ scheme: 'file', authority: '', path: normalizePosix(path) }).toString();
  let p = plainWin32Path(path).replace(/\\/g, '/');
  let authority = '';
  if (p.startsWith('//')) { // \\server\share\...
    const end = p.indexOf('/', 2);
    authority = end < 0 ? p.slice(2) : p.slice(2, end);
    p = end < 0 ? '/' : p.slice(end);
  } else if (!p.startsWith('/')) {
    p = `/${p}`;
  }
  return canonicalUri(URI.from({ scheme: 'file', authority, path: normalizePosix(p) }).toString());
}

/**
 * The path a `file:` URI names on a `flavour` system, or undefined when it names none there (another scheme; on
 * POSIX, another host). Windows paths get an upper-case drive letter, as Explorer and the compilers show them.
 */
export function uriToPath(uri: string, flavour: PathFlavour = HOST_FLAVOUR): string | undefined {
  let u: URI;
  try {
    u = URI.parse(uri);
  } catch {
    return undefined;
  }
  if (u.scheme !== 'file') return undefined;
  const host = u.authority.toLowerCase() === 'localhost' ? '' : u.authority;
  if (flavour === 'posix') return host ? undefined : u.path || '/';
  if (host) return `\\\\${host}${u.path.replace(/\//g, '\\')}`;
  const drive = /^\/([a-zA-Z]):(?:\/|$)/.exec(u.path);
  if (drive) return `${drive[1].toUpperCase()}:\\${u.path.slice(4).replace(/\//g, '\\')}`;
  return u.path.replace(/\//g, '\\');
}

/** How a URI is named to a person: the path for a file on this machine, else the URI itself. */
export function displayUri(uri: string, flavour: PathFlavour = HOST_FLAVOUR): string {
  return uriToPath(uri, flavour) ?? uri;
}

/** Past this many files, new ones are keyed by their case-folded spelling (still one key each, just shown in lower case). */
const MAX_SPELLINGS = 200_000;
/** Past this many remembered raw spellings, the memo of conversions starts again. */
const MAX_MEMO = 10_000;

/**
 * The keys the server files things under (open documents, the workspace index). On a host that ignores case, two
 * spellings that differ only in case are one file: the key is the first canonical spelling seen, so the names in
 * messages keep the case the file has. URIs of schemes other than `file:` are never folded (the host is elsewhere).
 */
export class UriKeys {
  private readonly spellings = new Map<string, string>();
  private readonly memo = new Map<string, string>();

  constructor(private readonly ignoreCase = HOST_IGNORES_CASE) {}

  key(uri: string): string {
    const known = this.memo.get(uri);
    if (known !== undefined) return known;
    const key = this.fold(canonicalUri(uri));
    if (this.memo.size >= MAX_MEMO) this.memo.clear();
    this.memo.set(uri, key);
    return key;
  }

  private fold(canonical: string): string {
    if (!this.ignoreCase || !canonical.startsWith('file:')) return canonical;
    // Folded as decoded text, so `É` (`%C3%89`) and `é` (`%C3%A9`) fold together as they do on NTFS.
    const u = URI.parse(canonical);
    const folded = u.with({ authority: u.authority.toLowerCase(), path: u.path.toLowerCase() }).toString();
    const first = this.spellings.get(folded);
    if (first !== undefined) return first;
    if (this.spellings.size >= MAX_SPELLINGS) return folded;
    this.spellings.set(folded, canonical);
    return canonical;
  }
}
